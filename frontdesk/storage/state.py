"""Where a database's backups go, and the last good one: a small state file beside the database.

``frontdesk.backup-state.json`` (for ``frontdesk.sqlite3``) records the folder
the manager chose (empty: ``backups/`` beside the database), the last good
backup (when, where, how big) and the last attempt (when, and the message if it
failed). It lives beside the database rather than inside it or on the backup
disk, because it must be readable exactly when those are not: when the database
is damaged (the message lists the backups in the chosen folder), and when the
USB disk is unplugged (the desk still knows how old the last good backup is).
A restore does not roll it back, as a row in the restored database would be.

It is advisory: a lost or garbled state file means "no backup known yet", and
the next backup writes it again. Writes are atomic (a temporary file renamed), and
of two written at the same moment the later one stands.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from frontdesk.storage.backups import BackupFile, default_folder, list_backups

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GoodBackup:
    at: dt.datetime
    path: str
    size: int


@dataclass(frozen=True)
class Attempt:
    at: dt.datetime
    ok: bool
    template: str = ""
    """Why it failed: a DomainError's English template, and its params below."""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BackupState:
    folder: str = ""
    """The folder the manager chose; empty for ``backups/`` beside the database."""
    last_good: GoodBackup | None = None
    last_attempt: Attempt | None = None


def state_file(database: Path) -> Path:
    return database.with_name(f"{database.stem}.backup-state.json")


def folder_of(database: Path, state: BackupState) -> Path:
    """The folder backups go to: the chosen one, or ``backups/`` beside the database."""
    return Path(state.folder) if state.folder else default_folder(database)


def load_state(database: Path) -> BackupState:
    path = state_file(database)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return BackupState(folder=str(raw.get("folder", "")),
                           last_good=_good(raw.get("last_good")),
                           last_attempt=_attempt(raw.get("last_attempt")))
    except FileNotFoundError:
        return BackupState()
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        log.warning("the backup state file %s cannot be read; starting afresh", path)
        return BackupState()


def _good(raw: dict[str, Any] | None) -> GoodBackup | None:
    if not raw:
        return None
    return GoodBackup(dt.datetime.fromisoformat(raw["at"]), str(raw["path"]), int(raw["size"]))


def _attempt(raw: dict[str, Any] | None) -> Attempt | None:
    if not raw:
        return None
    return Attempt(dt.datetime.fromisoformat(raw["at"]), bool(raw["ok"]),
                   str(raw.get("template", "")), dict(raw.get("params", {})))


def save_state(database: Path, state: BackupState) -> None:
    """Write the state file whole or not at all (a private temporary file, renamed)."""
    path = state_file(database)
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(state), f, default=_iso, ensure_ascii=False, indent=1)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _iso(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in the backup state")


def all_backups(database: Path) -> list[BackupFile]:
    """The database's backups in the chosen folder and beside it, newest first."""
    folders = {default_folder(database), folder_of(database, load_state(database))}
    found = [b for folder in folders for b in list_backups(folder, database.stem)]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)
