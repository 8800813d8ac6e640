"""Bringing a user's database to the current schema, after a backup copy.

At start the program calls :func:`upgrade`. A database already at
:data:`frontdesk.migrations.HEAD` costs a plain read of ``alembic_version``:
Alembic and the migration scripts are not even imported (loading them takes a
few hundred times longer than a search). Any other database is looked at first:
a revision this code has never heard of (a newer FrontDesk wrote it) and tables
without a revision (another program's database) are refused, untouched. An
SQLite file that is behind is then copied (with SQLite's online backup, safe
while others read) into the backups folder, once per upgrade
(:func:`frontdesk.storage.backups.copy_before_upgrade`), and Alembic runs the
missing migrations in one transaction; a failure is a ``StorageError`` with
nothing changed. PostgreSQL servers are backed up by their administrators
(``pg_dump``); the upgrade itself is the same.

Alembic is imported inside the functions below that need it, for that reason.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from frontdesk.db import Database, sqlite_path
from frontdesk.errors import DomainError, StorageError, StorageProblem, classify_storage_error
from frontdesk.migrations import HEAD

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


VERSION_TABLE = "alembic_version"
"""Where Alembic records the revision a database is at."""


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "frontdesk:migrations")
    return config


def scripts() -> ScriptDirectory:
    """The migration scripts (loading them imports Alembic and every revision)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision, as Alembic finds it by loading every migration script."""
    head = scripts().get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str, script: ScriptDirectory | None = None) -> bool:
    """True when ``revision`` is one of this code's migrations (not a newer FrontDesk's)."""
    from alembic.util import CommandError

    try:
        return (script or scripts()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(db: Database) -> str | None:
    """The database's revision as Alembic reads it; None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with db.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def recorded_revision(db: Database) -> str | None:
    """The one revision in ``alembic_version``, read with a plain query; None when
    there is no such table, no row, or several (Alembic then sorts it out)."""
    with db.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def upgrade(db: Database, backup_dir: Path | None = None) -> UpgradeResult:
    """Upgrade to the newest schema; back up a non-empty SQLite file first."""
    if recorded_revision(db) == HEAD:
        return UpgradeResult(HEAD, HEAD, None)
    return _upgrade_with_alembic(db, backup_dir)


def _upgrade_with_alembic(db: Database, backup_dir: Path | None) -> UpgradeResult:
    script = scripts()
    before = current_revision(db)
    head = script.get_current_head()
    assert head is not None
    if before == head:
        return UpgradeResult(before, head, None)
    _refuse_what_this_code_cannot_upgrade(db, before, script)
    backup = None
    if before is not None and backup_dir is not None:
        backup = _copy_before_upgrade(db, backup_dir, before, head)
    _run_migrations(db)
    log.info("database upgraded from %s to %s (backup: %s)", before, head, backup)
    return UpgradeResult(before, head, backup)


def _refuse_what_this_code_cannot_upgrade(db: Database, before: str | None,
                                          script: ScriptDirectory) -> None:
    path = str(sqlite_path(db.url) or "")
    if before is not None and not is_known_revision(before, script):
        raise StorageError(StorageProblem.NEWER_SCHEMA,
                           f"the database is at schema revision {before}, which this version "
                           f"of FrontDesk does not know (its newest is {HEAD})", path=path)
    if before is None:
        with db.connect() as conn:
            tables = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
        if tables:
            raise StorageError(StorageProblem.NOT_A_DATABASE,
                               f"the database has tables ({', '.join(sorted(tables)[:5])}) but "
                               f"no FrontDesk schema revision", path=path)


def _copy_before_upgrade(db: Database, backup_dir: Path, before: str, head: str) -> Path | None:
    """The SQLite file's copy before the upgrade (once per upgrade); None for a server."""
    from frontdesk.storage.backups import (
        BackupDiskFull,
        BackupNotVerified,
        copy_before_upgrade,
    )
    from frontdesk.storage.private import private_dir

    source = sqlite_path(db.url)
    if source is None or not source.exists():
        return None
    try:
        return copy_before_upgrade(source, private_dir(backup_dir), before, head,
                                   dt.datetime.now(dt.UTC)).path
    except DomainError as exc:  # no copy, no upgrade
        problem = (StorageProblem.DAMAGED if isinstance(exc, BackupNotVerified)
                   else StorageProblem.DISK_FULL if isinstance(exc, BackupDiskFull)
                   else StorageProblem.READ_ONLY)
        raise StorageError(problem, f"no copy before the upgrade: {exc.message}",
                           path=str(source)) from exc
    except OSError as exc:
        raise StorageError(StorageProblem.READ_ONLY, f"no copy before the upgrade: {exc}",
                           path=str(source)) from exc


@contextmanager
def migrating(db: Database) -> Iterator[Connection]:
    """A connection in one transaction for Alembic to migrate on (upgrade or downgrade).

    On SQLite, foreign keys are off while it runs and checked before it commits. A batch
    migration rebuilds a table (copy, drop, rename), and with foreign keys on, dropping the
    old table deletes the rows that refer to it: adding ``consultation_record.visit_id``
    emptied every consultation's conditions, plan lines and photos (ON DELETE CASCADE).
    This is what SQLite's documentation prescribes for changing a table's schema.
    """
    with db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        if sqlite and raw is not None:  # outside any transaction, where the pragma counts
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                yield conn
                if sqlite:
                    _check_references(conn)
        finally:
            if sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def _check_references(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise RuntimeError(f"the schema change would leave {len(broken)} rows referring to "
                           f"rows that are not there, e.g. {tuple(broken[0])}")


def _run_migrations(db: Database) -> None:
    """Alembic's upgrade to head in one transaction; any failure leaves the database as it was."""
    from alembic import command

    config = alembic_config()
    try:
        with migrating(db) as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except DBAPIError as exc:
        message = str(exc.orig) if exc.orig else str(exc)
        problem = classify_storage_error(message) or StorageProblem.UPGRADE_FAILED
        raise StorageError(problem, message, path=str(sqlite_path(db.url) or "")) from exc
    except Exception as exc:
        log.exception("the schema upgrade failed")
        raise StorageError(StorageProblem.UPGRADE_FAILED, f"{type(exc).__name__}: {exc}",
                           path=str(sqlite_path(db.url) or "")) from exc
