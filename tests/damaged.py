"""Damaged, unknown and unreachable databases, made on purpose, and the real CLI run on them.

Shared by the table-driven test (``tests/unit/test_damaged_databases.py``) and the
reliability probe (``tests/reliability/probes_backup.py``). Each case makes one
kind of trouble the issue found giving tracebacks: a file cut in half, garbage
in a page, a text file under the database's name, an empty file, a schema newer
than this code, a read-only data folder, and on PostgreSQL a wrong password, a
server that is not listening, a newer schema.

The CLI runs as a new process (``python -m frontdesk``), as a person runs it. When
the tests run as root, permission bits do not stop root, so the read-only case
runs the CLI in a new user namespace (``unshare --user``): the same user without
root's power to override permissions, as an ordinary account is.
"""

from __future__ import annotations

import os
import random
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from frontdesk.db import Database
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from tests.conftest import ADMIN_PASSWORD, FakeClock

DB_NAME = "frontdesk.sqlite3"
UNKNOWN_REVISION = "0999"
"""An ``alembic_version`` no version of this code has ever heard of (a newer FrontDesk)."""


@dataclass
class Run:
    """What a person saw: the exit code and the two output streams."""

    code: int
    stdout: str
    stderr: str

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr + self.stdout


@dataclass
class Case:
    """One damaged database: where it is and how to run the CLI on it."""

    name: str
    data_dir: Path
    url: str = ""
    """``--database`` for the CLI; empty means the data folder's own file."""
    unprivileged: bool = False
    """Run without root's override of file permissions (see the module docstring)."""
    keep: dict[Path, bytes] = field(default_factory=dict)
    """Files whose bytes must be the same after the CLI ran (the evidence to keep)."""


def fill_store(db: Database, data_dir: Path, clients: int = 300) -> None:
    """A set-up store with ``clients`` clients, so the file has many pages."""
    services = Services(db, FakeClock(), photos_dir=data_dir / "photos")
    admin = services.store.initialise("水沐莲清美容会所", "admin", "管理员", ADMIN_PASSWORD)
    for n in range(clients):
        services.clients.register(admin, NewClient(name=f"客户{n:04d}",
                                                   phone=f"1380000{n:04d}",
                                                   note="常客" * 20))


def sqlite_store(data_dir: Path, clients: int = 300) -> Path:
    """A filled SQLite store in ``data_dir``, closed (its WAL folded into the file)."""
    from frontdesk.migrate import upgrade

    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_NAME
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    fill_store(db, data_dir, clients)
    db.dispose()
    return path


def _root_page(path: Path, table: str) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        page = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        size = con.execute("PRAGMA page_size").fetchone()
    finally:
        con.close()
    return int(page[0]), int(size[0])


def half_truncated(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def garbage_in_a_page(path: Path, table: str = "client") -> None:
    """Random bytes over the root page of ``table`` (every search reads the client table's)."""
    page, size = _root_page(path, table)
    noise = random.Random(8).randbytes(size)
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(noise)


def index_out_of_step(path: Path) -> None:
    """The name index claims to index the phone tail: every page reads well, and only
    ``PRAGMA integrity_check`` finds the index's rows missing."""
    con = sqlite3.connect(path)
    with con:
        con.execute("PRAGMA writable_schema=ON")
        con.execute("UPDATE sqlite_master SET sql = "
                    "'CREATE INDEX ix_client_name ON client (phone_last4)' "
                    "WHERE name = 'ix_client_name'")
    con.close()


def text_file(path: Path) -> None:
    path.write_text("name,phone\n张三,13800001234\n", encoding="utf-8")


def zero_bytes(path: Path) -> None:
    os.truncate(path, 0)


def newer_schema(path: Path) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = ?", (UNKNOWN_REVISION,))
    con.close()


def read_only_folder(path: Path) -> None:
    """The data folder (and the file) may not be written by the user who runs FrontDesk."""
    path.chmod(0o444)
    path.parent.chmod(0o555)


SQLITE_DAMAGE: dict[str, Callable[[Path], None]] = {
    "half-truncated file": half_truncated,
    # The staff table's page: the command line signs in (reads staff) before anything else,
    # so it meets the damage before it writes a thing (a sign-in writes its audit row).
    "garbage in a page": partial(garbage_in_a_page, table="staff"),
    "text file named frontdesk.sqlite3": text_file,
    "0-byte file": zero_bytes,
    "newer schema": newer_schema,
    "read-only data folder": read_only_folder,
}


def sqlite_case(name: str, root: Path, clients: int = 300,
                before_damage: Callable[[Path], object] | None = None) -> Case:
    """A filled store in a folder under ``root`` (``before_damage`` may back it up), damaged."""
    data_dir = root / name.replace(" ", "-")
    path = sqlite_store(data_dir, clients)
    if before_damage is not None:
        before_damage(path)
    SQLITE_DAMAGE[name](path)
    case = Case(name, data_dir, unprivileged=name == "read-only data folder")
    case.keep = {p: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    return case


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_cases(pg_url: str, data_dir: Path) -> list[Case]:
    """Wrong password, a server not listening and a database name the server does not have
    (the URL alone); a newer schema on the server (``pg_url`` must be a migrated database
    this may change)."""
    url = make_url(pg_url)
    wrong = url.set(password="not-the-password").render_as_string(hide_password=False)
    deaf = url.set(host="127.0.0.1", port=free_port()).render_as_string(hide_password=False)
    missing = url.set(database="frontdesk_no_such_store").render_as_string(hide_password=False)
    db = Database(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": UNKNOWN_REVISION})
    db.dispose()
    return [Case("wrong PostgreSQL password", data_dir, wrong),
            Case("PostgreSQL server not listening", data_dir, deaf),
            Case("newer schema on PostgreSQL", data_dir, pg_url),
            Case("PostgreSQL database that does not exist", data_dir, missing)]


def run_cli(case: Case, *args: str) -> Run:
    """``python -m frontdesk [--database URL] ARGS`` as a new process, as a person runs it."""
    data_dir = case.data_dir
    env = {**os.environ, "FRONTDESK_DATA_DIR": str(data_dir),
           "FRONTDESK_LOG_DIR": str(data_dir.parent / "log"), "PYTHONDONTWRITEBYTECODE": "1",
           "FRONTDESK_PASSWORD": ADMIN_PASSWORD}
    env.pop("FRONTDESK_DATABASE_URL", None)
    command = [sys.executable, "-m", "frontdesk"]
    if case.url:
        command += ["--database", case.url]
    if case.unprivileged and os.geteuid() == 0:
        command = ["unshare", "--user", *command]
    done = subprocess.run([*command, *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False, cwd=Path(__file__).resolve().parents[1])
    return Run(done.returncode, done.stdout, done.stderr)


def kept(case: Case) -> bool:
    """True when every file of the case has the bytes it had before the CLI ran."""
    return all(p.exists() and p.read_bytes() == data for p, data in case.keep.items())
