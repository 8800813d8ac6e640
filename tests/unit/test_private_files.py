"""The store's files are their owner's only: database, WAL and SHM, backups, their state,
photos (0600 files in 0700 folders), whatever the umask of the one who started FrontDesk."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.bootstrap import build_services, open_database
from frontdesk.config import Paths, sqlite_url
from frontdesk.core.context import Role
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.storage.backups import default_folder
from frontdesk.storage.private import database_files
from frontdesk.storage.state import state_file
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.unit.test_consultation import FULL_FORM, make_staff, register, tiny_png

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """The umask of a desktop session that lets others read new files (022)."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_the_database_and_its_wal_and_shm_are_private(
        tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "data"
    paths = Paths(data, tmp_path / "log", sqlite_url(data / "frontdesk.sqlite3"))
    db = open_database(paths)
    services = build_services(paths, db, FakeClock())
    admin = services.store.initialise("水沐莲清", "admin", "管理员", ADMIN_PASSWORD)
    consultant = make_staff(services, admin, Role.CONSULTANT, "wang")
    record = services.consultation.save(consultant, register(services, admin), FULL_FORM)
    source = tmp_path / "face.png"
    source.write_bytes(tiny_png())
    services.photos.attach(consultant, record, source, "before")
    database, wal, shm = database_files(data / "frontdesk.sqlite3")
    assert wal.exists() and shm.exists()  # the store is open and has written
    assert {p.name: _mode(p) for p in (database, wal, shm)} == {
        p.name: 0o600 for p in (database, wal, shm)}
    assert not (data / "photos").exists()  # photos are kept in the database
    assert _mode(data) == 0o700
    db.dispose()


def test_an_older_install_with_readable_files_is_tightened_at_start(
        tmp_path: Path, open_umask: None) -> None:
    data = tmp_path / "data"
    paths = Paths(data, tmp_path / "log", sqlite_url(data / "frontdesk.sqlite3"))
    open_database(paths).dispose()
    data.chmod(0o755)
    (data / "frontdesk.sqlite3").chmod(0o644)
    open_database(paths).dispose()
    assert _mode(data) == 0o700 and _mode(data / "frontdesk.sqlite3") == 0o600


def test_the_command_line_writes_private_files_and_backups(tmp_path: Path) -> None:
    """``frontdesk demo``, ``backup`` and ``sheet`` as new processes started with umask 022."""
    data = tmp_path / "data"
    env = {**os.environ, "FRONTDESK_DATA_DIR": str(data), "FRONTDESK_LOG_DIR": str(tmp_path),
           "FRONTDESK_PASSWORD": DEMO_PASSWORD}
    env.pop("FRONTDESK_DATABASE_URL", None)
    sheet = tmp_path / "sheet.pdf"  # a client's sheet: made by reportlab, private by the umask
    for args in (["demo", "--clients", "20", "--quiet"], ["backup"],
                 ["sheet", "1", "-o", str(sheet), "--as", "admin"]):
        subprocess.run([sys.executable, "-m", "frontdesk", *args], env=env, check=True,
                       capture_output=True, timeout=120, umask=0o022)
    assert _mode(sheet) == 0o600
    database = data / "frontdesk.sqlite3"
    backups = default_folder(database)
    [backup] = list(backups.iterdir())
    assert _mode(data) == 0o700 and _mode(database) == 0o600
    assert _mode(backups) == 0o700 and _mode(backup) == 0o600
    assert _mode(state_file(database)) == 0o600
