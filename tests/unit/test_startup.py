"""What start-up loads: ``frontdesk find`` and the GUI up to its sign-in dialog.

How long start-up takes is measured by ``python -m tests.bench startup``, never
here. These tests keep the heavy libraries off those two paths, so an import
moved back to the top of a module fails a test instead of quietly costing a
tenth of a second. Each runs the real command in a fresh interpreter (this one
has imported everything) and lists the modules it loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from tests.conftest import ADMIN_PASSWORD, FakeClock

_RUN = """
import json, sys
from frontdesk.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

NEVER_AT_START = ("alembic", "pypinyin", "phonenumbers", "reportlab", "openpyxl",
                  "frontdesk.demo", "frontdesk.services.sheet")
"""Loaded when a command needs them: a schema upgrade, a name to read, a sheet to print."""
HEAVY = ("alembic", "pypinyin", "phonenumbers", "reportlab", "openpyxl", "frontdesk.demo")
"""Not even preloaded while the person signs in."""


def _run(args: list[str], tmp_path: Path, **env: str) -> tuple[int, set[str], str]:
    environ = {**os.environ, "FRONTDESK_DATA_DIR": str(tmp_path / "data"),
               "FRONTDESK_LOG_DIR": str(tmp_path / "log"), **env}
    done = subprocess.run([sys.executable, "-c", _RUN, *args], env=environ, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.stdout, done.stderr
    answer = json.loads(done.stdout.splitlines()[-1])
    return answer["code"], set(answer["modules"]), done.stderr


def _loaded(modules: set[str], *names: str) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def _store_with_a_client(db: Database, tmp_path: Path) -> None:
    services = Services(db, FakeClock(), photos_dir=tmp_path / "photos")
    admin: Actor = services.store.initialise("水沐莲清美容会所", "admin", "管理员", ADMIN_PASSWORD)
    services.clients.register(admin, NewClient(name="张三", phone="13800001234"))


def test_find_signs_in_without_the_orm_nor_what_the_query_does_not_use(
        sqlite_db: Database, tmp_path: Path) -> None:
    """``find`` signs in as the person named, so it loads argon2 (and checks a password,
    ~50 ms); the sign-in is written in Core, so the ORM and the models stay out."""
    _store_with_a_client(sqlite_db, tmp_path)
    code, modules, stderr = _run(["--database", sqlite_db.url, "find", "1234", "--as", "admin"],
                                 tmp_path, FRONTDESK_PASSWORD=ADMIN_PASSWORD)
    assert code == 0, stderr
    assert "argon2" in modules
    assert _loaded(modules, *NEVER_AT_START, "sqlalchemy.orm", "frontdesk.models",
                   "PySide6") == []


_SIGN_IN_PATH = """
import json, sys
import frontdesk.app, frontdesk.cli
from frontdesk.ui import controller, errors, i18n, local_settings, login, startup_probe, theme
print(json.dumps(sorted(sys.modules)))
"""


def test_what_the_sign_in_dialog_waits_for_holds_neither_the_database_nor_the_screens() -> None:
    """The modules the GUI imports before its sign-in dialog shows; the rest loads meanwhile."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _SIGN_IN_PATH], capture_output=True, text=True,
                          timeout=120, check=True, env=env)
    modules = set(json.loads(done.stdout))
    assert "frontdesk.ui.login" in modules
    assert _loaded(modules, *NEVER_AT_START, "sqlalchemy", "frontdesk.db", "frontdesk.models",
                   "frontdesk.services", "frontdesk.ui.main_window", "frontdesk.ui.desk",
                   "frontdesk.ui.clients", "frontdesk.ui.wizard") == []


def test_the_first_start_on_a_pc_opens_the_database_then_signs_in(
        sqlite_db: Database, tmp_path: Path) -> None:
    _store_with_a_client(sqlite_db, tmp_path)
    code, modules, stderr = _run(["--database", sqlite_db.url], tmp_path,
                                 QT_QPA_PLATFORM="offscreen", FRONTDESK_STARTUP_PROBE="1")
    assert code == 0 and "frontdesk-startup-probe loginDialog" in stderr, stderr
    assert _loaded(modules, *HEAVY, "frontdesk.ui.wizard") == []


def test_a_later_start_signs_in_under_the_remembered_name(
        sqlite_db: Database, tmp_path: Path) -> None:
    _store_with_a_client(sqlite_db, tmp_path)
    probe = {"QT_QPA_PLATFORM": "offscreen", "FRONTDESK_STARTUP_PROBE": "1"}
    _run(["--database", sqlite_db.url], tmp_path, **probe)  # the PC learns the store's name
    ini = (tmp_path / "data" / "frontdesk.ini").read_text(encoding="utf-8")
    assert "水沐莲清美容会所" in ini or "\\x" in ini  # QSettings may escape non-ASCII
    code, modules, stderr = _run(["--database", sqlite_db.url], tmp_path, **probe)
    assert code == 0 and "frontdesk-startup-probe loginDialog" in stderr, stderr
    assert _loaded(modules, *HEAVY, "frontdesk.ui.wizard") == []
