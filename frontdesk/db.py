"""The database: engine set-up, transactions, storage-error mapping, migrations.

SQLite (the embedded default) is opened with WAL, ``synchronous=FULL``,
``foreign_keys=ON`` and a busy timeout, and every write transaction starts with
``BEGIN IMMEDIATE`` so a read-then-write cannot fail half-way with "database is
locked" when another terminal writes. Reads use a plain deferred ``BEGIN``.
PostgreSQL is the same code through a URL.

Services use :meth:`Database.write` for one user action (one transaction) and
:meth:`Database.read` for look-ups; both turn database faults a person must act
on into :class:`~frontdesk.errors.StorageError`. Hot read paths (the search) use
:meth:`Database.connect`, a Core connection, and the sign-in writes through
:meth:`Database.transaction`: the ORM is imported with the first session, so
``frontdesk find`` never loads it, nor the models.

Every service method that opens a transaction is a :func:`unit_of_work`: when
PostgreSQL undoes its transaction for a reason that is not the person's (a
deadlock, a serialization failure, a connection that ended before COMMIT), the
whole method runs again, a bounded number of times. Rows are locked with
:func:`locking`, in the order the README's "Concurrency" section gives.

Times are stored in UTC through :class:`UTCDateTime`, a Core column type the
models and those Core queries share.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import random
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sqlalchemy import Connection, DateTime, Engine, Select, create_engine, event
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
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

RETRIES = {StorageProblem.BUSY: 3, StorageProblem.UNREACHABLE: 1, StorageProblem.LOCKED: 1}
"""How many times a unit of work runs again after each kind of rolled-back failure."""
BACKOFF_S = 0.02
"""The pause before the n-th run again is random, up to ``BACKOFF_S * 2**n`` seconds."""
_CONTENTION = {"40001", "40P01"}  # PostgreSQL: serialization failure, deadlock detected
_SERVER_GONE = {"57P01", "57P02", "57P03"}  # admin shutdown, crash shutdown, cannot connect now
_IN_UNIT: ContextVar[bool] = ContextVar("frontdesk_in_unit_of_work", default=False)
P = ParamSpec("P")
T = TypeVar("T")
Q = TypeVar("Q", bound=Select[Any])


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
        """One write transaction: committed at the end, rolled back on any exception.

        A failure before COMMIT leaves nothing behind (the StorageError says
        ``rolled_back``); a connection lost during COMMIT leaves the outcome unknown.
        """
        with self._writer() as session:  # closing it rolls back what was not committed
            with _storage_errors(self.file):
                session.begin()
                yield session
                session.flush()
            with _storage_errors(self.file, committing=True):
                session.commit()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (its transaction is rolled back at the end)."""
        with _storage_errors(self.file), self._reader() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction on a Core connection (``BEGIN IMMEDIATE`` on SQLite).

        For writers on a fast path that must not load the ORM: the sign-in, which
        ``frontdesk find`` goes through before it searches.
        """
        with _storage_errors(self.file), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A Core connection for hot read paths that skip the ORM (search).

        On PostgreSQL it runs in autocommit. Under READ COMMITTED each statement of a
        transaction reads a snapshot of its own anyway, so the reads see the same,
        without the BEGIN and COMMIT round trips; and no ROLLBACK ends it, at which
        psycopg would forget every statement it prepared on the connection, so the
        search would be planned afresh each time (~1 ms of its ~2).
        """
        with _storage_errors(self.file), self._read_engine.connect() as conn:
            yield conn if self.is_sqlite else conn.execution_options(isolation_level="AUTOCOMMIT")

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


def unit_of_work(action: Callable[P, T]) -> Callable[P, T]:
    """Mark a service method as one unit of work, run again whole when the database undid it.

    A deadlock or a serialization failure (PostgreSQL rolled the transaction back)
    runs it again up to 3 times after a short random pause; a connection that ended
    before COMMIT (a server restart) once; SQLite's "database is locked" after its busy
    timeout once (``BEGIN IMMEDIATE`` was refused, so nothing was done: its busy handler
    is not first come, first served, and writers back to back can pass one terminal over
    for the whole timeout). Then the StorageError reaches the caller. Anything else goes
    through at once: a refusal, a connection lost during COMMIT (was it saved?).

    A unit of work called inside another is part of it and is not run again on its
    own. A method with several transactions runs them all again, so those before the
    one that failed must be reads or harmless to repeat.
    """

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        if _IN_UNIT.get():
            return action(*args, **kwargs)
        token = _IN_UNIT.set(True)
        try:
            return _with_retries(action, *args, **kwargs)
        finally:
            _IN_UNIT.reset(token)

    return run


def _with_retries(action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    runs_again: Counter[StorageProblem] = Counter()
    while True:
        try:
            return action(*args, **kwargs)
        except StorageError as exc:
            if not exc.rolled_back or runs_again[exc.problem] >= RETRIES.get(exc.problem, 0):
                raise
            runs_again[exc.problem] += 1
            log.warning("%s: %s; running it again (%d)", action.__qualname__,
                        exc.problem.value, runs_again[exc.problem])
            time.sleep(random.uniform(0, BACKOFF_S * 2 ** runs_again[exc.problem]))


def locking(query: Q) -> Q:
    """``query`` taking the row lock every service takes, fresh from the database.

    FOR NO KEY UPDATE on PostgreSQL: it keeps other writers of the row out, but not
    the foreign-key checks of rows inserted elsewhere that point to it (KEY SHARE), so
    an insert never waits behind a lock on its parent. SQLite locks the whole database
    at BEGIN IMMEDIATE instead, and ignores it.
    """
    return query.with_for_update(key_share=True).execution_options(populate_existing=True)


@contextmanager
def _storage_errors(path: str = "", *, committing: bool = False) -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        problem = _storage_problem(exc)
        if problem is None:
            raise
        rolled_back = not committing or problem is StorageProblem.BUSY
        raise StorageError(problem, str(exc.orig), rolled_back=rolled_back,
                           path=path) from exc


def _storage_problem(exc: DBAPIError) -> StorageProblem | None:
    code = getattr(exc.orig, "sqlstate", None) or ""
    if code in _CONTENTION:
        return StorageProblem.BUSY
    if code in _SERVER_GONE or code.startswith("08") or exc.connection_invalidated:
        return StorageProblem.UNREACHABLE
    return classify_storage_error(str(exc.orig) if exc.orig else str(exc))


def _postgresql_on_connect(dbapi_connection: Any, _record: Any) -> None:
    """No JIT compilation: it pays off for long analytic queries, never for the desk's short
    lookups. A search whose estimate passed ``jit_above_cost`` (today's appointments, misjudged)
    took 20 ms compiling what runs in 1."""
    if dbapi_connection.info.server_version >= 110000:  # JIT came with PostgreSQL 11
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET jit = off")
        dbapi_connection.commit()


def _make_engine(url: str, *, echo: bool) -> Engine:
    # hide_parameters: an error's text never carries the statement's values (phones, names),
    # so neither a log file nor a dialog's details can leak them.
    if not url.startswith("sqlite"):
        engine = create_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=True)
        event.listen(engine, "connect", _postgresql_on_connect)
        return engine
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
