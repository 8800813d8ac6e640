"""Bringing a user's database to the current schema, after a backup copy.

At start the program calls :func:`upgrade`. A database already at
:data:`frontdesk.migrations.HEAD` costs a plain read of ``alembic_version``:
Alembic and the migration scripts are not even imported (loading them takes a
few hundred times longer than a search). An SQLite file that is behind is first copied (with
SQLite's online backup, safe while others read) into the backups folder; then
Alembic runs the missing migrations in one transaction. PostgreSQL servers are
backed up by their administrators (``pg_dump``); the upgrade itself is the same.

Alembic is imported inside the functions below that need it, for that reason.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from frontdesk.db import Database, sqlite_path
from frontdesk.migrations import HEAD

if TYPE_CHECKING:
    from alembic.config import Config

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


def head_revision() -> str:
    """The newest revision, as Alembic finds it by loading every migration script."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The database's revision as Alembic reads it; None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
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
    from alembic import command

    before = current_revision(db)
    head = head_revision()
    if before == head:
        return UpgradeResult(before, head, None)
    backup = None
    if before is not None and backup_dir is not None:
        backup = backup_sqlite(db, backup_dir, f"before-{head}")
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("database upgraded from %s to %s (backup: %s)", before, head, backup)
    return UpgradeResult(before, head, backup)


def backup_sqlite(db: Database, backup_dir: Path, label: str) -> Path | None:
    """Copy the SQLite file into ``backup_dir``; None for other databases."""
    source = sqlite_path(db.url)
    if source is None or not source.exists():
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{source.stem}-{stamp}-{label}.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target
