"""Bringing a user's database to the current schema, after a backup copy.

At start the program calls :func:`upgrade`. An SQLite file that is behind is
first copied (with SQLite's online backup, safe while others read) into the
backups folder; then Alembic runs the missing migrations in one transaction.
PostgreSQL servers are backed up by their administrators (``pg_dump``); the
upgrade itself is the same.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from frontdesk.db import Database, sqlite_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "frontdesk:migrations")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, backup_dir: Path | None = None) -> UpgradeResult:
    """Upgrade to the newest schema; back up a non-empty SQLite file first."""
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
