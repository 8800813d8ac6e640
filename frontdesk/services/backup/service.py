"""Automatic and manual backups of the store's SQLite file, and how recent the last good one is.

While the program runs it backs up once a day (and once more at close) into the
folder the manager chose (a USB disk, a NAS; by default ``backups/`` beside the
database). Each backup is verified (:mod:`frontdesk.storage.backups`), the
folder is pruned by :mod:`frontdesk.core.retention`'s rule, and the outcome is
written to the state file (:mod:`frontdesk.storage.state`). :meth:`BackupService.status`
says how recent the last good backup is, and warns when it is older than two
days or when the chosen folder cannot be found (the USB disk is unplugged).

A store on a PostgreSQL server is backed up by the server's administrator
(``pg_dump``): every action here refuses with :class:`ServerBackups`, and the
status says the backups are not FrontDesk's to make.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import os
from dataclasses import dataclass
from pathlib import Path

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_text
from frontdesk.db import Database, sqlite_path, unit_of_work
from frontdesk.errors import DomainError, StorageError, ValidationError
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.storage.backups import (
    CLOSE,
    DAILY,
    MANUAL,
    BackupFile,
    BackupFolderMissing,
    BackupFolderUnwritable,
    ServerBackups,
    copy_database,
    default_folder,
    prune,
)
from frontdesk.storage.private import private_dir
from frontdesk.storage.state import (
    Attempt,
    BackupState,
    GoodBackup,
    all_backups,
    folder_of,
    load_state,
    save_state,
)

__all__ = ["CLOSE", "DAILY", "MANUAL", "BackupService", "BackupStatus", "BackupWarning"]

WARN_AFTER = dt.timedelta(days=2)
"""The desk warns when the last good backup is older than this."""
RETRY_AFTER = dt.timedelta(hours=1)
"""After a failed automatic backup, the next try waits this long (not every tick)."""
FOLDER_MAX = 1000


class BackupWarning(enum.StrEnum):
    NONE = "none"
    NEVER = "never"
    OLD = "old"
    FOLDER_MISSING = "folder_missing"


@dataclass(frozen=True)
class BackupStatus:
    available: bool
    """False for a PostgreSQL server (its administrator backs it up)."""
    folder: Path | None
    chosen: bool
    """True when the manager chose the folder (else ``backups/`` beside the database)."""
    last_good: GoodBackup | None
    last_attempt: Attempt | None
    warning: BackupWarning


class BackupService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock
        self._file = sqlite_path(db.url)

    def _database(self) -> Path:
        if self._file is None:
            raise ServerBackups()
        return self._file

    def status(self) -> BackupStatus:
        """How recent the last good backup is, and what the desk should warn about."""
        if self._file is None:
            return BackupStatus(False, None, False, None, None, BackupWarning.NONE)
        state = load_state(self._file)
        folder = folder_of(self._file, state)
        return BackupStatus(True, folder, bool(state.folder), state.last_good,
                            state.last_attempt, self._warning(state, folder))

    def _warning(self, state: BackupState, folder: Path) -> BackupWarning:
        if state.folder and not folder.is_dir():
            return BackupWarning.FOLDER_MISSING
        if state.last_good is None:
            return BackupWarning.NEVER
        if self._clock() - state.last_good.at > WARN_AFTER:
            return BackupWarning.OLD
        return BackupWarning.NONE

    def is_due(self) -> bool:
        """True when today has no good backup yet (and no failed try in the last hour)."""
        if self._file is None:
            return False
        state, now = load_state(self._file), self._clock()
        if state.last_good and state.last_good.at.astimezone().date() >= local_today(self._clock):
            return False
        tried = state.last_attempt
        return tried is None or tried.ok or now - tried.at >= RETRY_AFTER

    def run_if_due(self) -> BackupFile | None:
        """The daily backup, when it is due (the program's timer calls this)."""
        return self.back_up(DAILY) if self.is_due() else None

    def back_up_now(self, actor: Actor) -> BackupFile:
        """A backup a manager asks for on the settings page."""
        require(actor, Action.MANAGE_SETTINGS)
        return self.back_up(MANUAL)

    def back_up(self, kind: str = MANUAL, to: Path | None = None) -> BackupFile:
        """Back up into the chosen folder (or ``to``), verify, prune, and record the outcome."""
        database = self._database()
        state = load_state(database)
        folder = to or folder_of(database, state)
        now = self._clock()
        try:
            if folder == default_folder(database):
                private_dir(folder)  # made on demand; a chosen folder must exist already
            made = copy_database(database, folder, kind, now)
        except (DomainError, StorageError) as exc:
            self._record(Attempt(now, False, *_why(exc)))
            raise
        if folder == folder_of(database, state):
            prune(folder, database.stem)
        self._record(Attempt(now, True), GoodBackup(now, str(made.path), made.size))
        return made

    def _record(self, attempt: Attempt, good: GoodBackup | None = None) -> None:
        database = self._database()
        state = load_state(database)  # afresh: the folder may have changed meanwhile
        state = dataclasses.replace(state, last_attempt=attempt,
                                    last_good=good or state.last_good)
        save_state(database, state)

    def backups(self) -> list[BackupFile]:
        """The backups in the chosen folder and beside the database, newest first."""
        return all_backups(self._database())

    @unit_of_work
    def choose_folder(self, actor: Actor, folder: str) -> Path:
        """The folder backups go to from now on (empty: ``backups/`` beside the database)."""
        require(actor, Action.MANAGE_SETTINGS)
        database = self._database()
        text = check_text(folder, FOLDER_MAX, "backup_folder")
        path = Path(text).expanduser() if text else None
        if path is not None:
            _check_folder(path)
        state = dataclasses.replace(load_state(database), folder=str(path or ""))
        save_state(database, state)
        with self._db.write() as s:
            audit.record(s, self._clock(), actor, AuditAction.SETTING_CHANGED, "setting", None,
                         f"backup_folder={path or ''}")
        return path or default_folder(database)


def _check_folder(path: Path) -> None:
    if not path.is_absolute():
        raise ValidationError("Choose the backup folder by its full path.", field="backup_folder")
    if not path.is_dir():
        raise BackupFolderMissing(field="backup_folder", folder=str(path))
    if not os.access(path, os.W_OK | os.X_OK):
        raise BackupFolderUnwritable(field="backup_folder", folder=str(path))


def _why(exc: DomainError | StorageError) -> tuple[str, dict[str, object]]:
    """A failure as a template and its params, to be shown later in the UI's language."""
    if isinstance(exc, DomainError):
        return exc.template, dict(exc.params)
    return exc.advice, {}
