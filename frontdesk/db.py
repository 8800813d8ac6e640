"""The database: engine set-up, transactions, storage-error mapping, migrations.

SQLite (the embedded default) is opened with WAL, ``synchronous=FULL``,
``foreign_keys=ON`` and a busy timeout, and every write transaction starts with
``BEGIN IMMEDIATE`` so a read-then-write cannot fail half-way with "database is
locked" when another terminal writes. Reads use a plain deferred ``BEGIN``.
PostgreSQL is the same code through a URL.

Services use :meth:`Database.write` for one user action (one transaction) and
:meth:`Database.read` for look-ups; both turn database faults a person must act
on into :class:`~frontdesk.errors.StorageError`. Hot read paths (the search) use
:meth:`Database.connect`, a Core connection: the ORM is imported with the first
session, so ``frontdesk find`` never loads it, nor the models.

Times are stored in UTC through :class:`UTCDateTime`, a Core column type the
models and those Core queries share.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, DateTime, Engine, create_engine, event
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.types import TypeDecorator

from frontdesk.errors import StorageError, StorageProblem, classify_storage_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_S = 10.0
_READ_OPTION = "frontdesk_read"
MOUNTS = Path("/proc/mounts")
"""The kernel's mount table (Linux), read to tell which file system holds a database file.

A module constant only so that tests can point it at a mount table of their own.
"""
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3", "fuse.sshfs", "afs",
               "9p", "ncpfs", "davfs", "fuse.davfs2", "glusterfs", "ceph"}


class Database:
    """One database: an engine, and a writer and a reader session factory made on first use."""

    def __init__(self, url: str, *, echo: bool = False):
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self.file = str(sqlite_path(url) or "")
        """The SQLite file ("" for a server), named by the storage errors it raises."""
        if self.is_sqlite:
            _refuse_network_share(url)
        self.engine = _make_engine(url, echo=echo)
        self._read_engine = self.engine.execution_options(**{_READ_OPTION: True})

    @cached_property
    def _writer(self) -> sessionmaker[Session]:
        return _session_factory(self.engine)

    @cached_property
    def _reader(self) -> sessionmaker[Session]:
        return _session_factory(self._read_engine)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed at the end, rolled back on any exception."""
        with _storage_errors(self.file), self._writer.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (its transaction is rolled back at the end)."""
        with _storage_errors(self.file), self._reader() as session:
            yield session

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A Core connection for hot read paths that skip the ORM (search)."""
        with _storage_errors(self.file), self._read_engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def _session_factory(engine: Engine) -> sessionmaker[Session]:
    # Imported here, with the first session: Core readers (the search) never need the ORM.
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(engine, expire_on_commit=False)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC; naive values are refused rather than guessed."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        return dialect.type_descriptor(DateTime(timezone=dialect.name == "postgresql"))

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; pass an aware UTC time")
        value = value.astimezone(dt.UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None,
                             dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


@contextmanager
def _storage_errors(path: str = "") -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError) as exc:
        problem = classify_storage_error(str(exc.orig) if exc.orig else str(exc))
        if problem is None:
            raise
        raise StorageError(problem, str(exc.orig), path=path) from exc


def _make_engine(url: str, *, echo: bool) -> Engine:
    # hide_parameters: an error's text never carries the statement's values (phones, names),
    # so neither a log file nor a dialog's details can leak them.
    if not url.startswith("sqlite"):
        return create_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=True)
    engine = create_engine(url, echo=echo, hide_parameters=True,
                           connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Take over transaction control from pysqlite: it would BEGIN lazily (deferred).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    if conn.get_execution_options().get(_READ_OPTION):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for memory or other databases."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[1] if "///" in url else ""
    if not path or path == ":memory:":
        return None
    return Path(path)


def _refuse_network_share(url: str) -> None:
    path = sqlite_path(url)
    if path is not None and is_on_network_share(path):
        raise StorageError(
            StorageProblem.NETWORK_SHARE,
            f"{path} is on a network share; several terminals must share a PostgreSQL server",
        )


def is_on_network_share(path: Path) -> bool:
    """True when ``path`` lives on a network file system (SQLite locking is unsafe there)."""
    resolved = Path(os.path.abspath(path))
    if sys.platform == "win32":
        return _windows_is_remote(resolved)
    return _mount_fstype(resolved) in _NETWORK_FS


def _mount_fstype(path: Path) -> str:
    try:
        mounts = MOUNTS.read_text().splitlines()
    except OSError:
        return ""
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = str(path) == mount_point or str(path).startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype


def _windows_is_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\"):
        return True
    import ctypes

    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(text[:3]) == drive_remote)  # type: ignore[attr-defined]
