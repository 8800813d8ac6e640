"""Backups of the SQLite file: made with SQLite's online backup, verified, pruned, restored.

A backup is one self-contained file, ``<stem>-<YYYYmmdd>-<HHMMSS>-<kind>.sqlite3``
(local time), made by SQLite's online backup API in a single step: it reads one
consistent snapshot while the desk keeps working (in WAL mode the writers are not
even paused), so a backup taken mid-check-out holds the check-out whole or not at
all. It is written under a hidden ``.partial`` name, switched to a rollback
journal so it needs no ``-wal`` beside it, checked (``PRAGMA integrity_check``
and the schema revision a FrontDesk database records), flushed to the disk and
only then renamed into place: a name without ``.partial`` is a verified backup.

Kinds: ``daily``, ``close`` and ``manual`` are the routine backups, kept by
:mod:`frontdesk.core.retention`'s rule; ``upgrade-<from>-to-<to>`` is the copy
made before a schema upgrade, made once per upgrade and the newest few kept;
``before-restore`` is what a restore replaced, never deleted by FrontDesk.

Restoring writes a verified backup into the database file through the same API,
so a terminal that still has the file open reads the restored data rather than
writing on into a deleted file; a file too damaged for SQLite to open is
replaced instead. What it replaces is kept first.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from frontdesk.core import retention
from frontdesk.errors import DomainError, StorageError, StorageProblem, classify_storage_error
from frontdesk.storage.private import (
    create_private_file,
    database_files,
    make_private,
    private_dir,
)
from frontdesk.storage.sqlite_file import file_problem

DAILY, CLOSE, MANUAL, BEFORE_RESTORE = "daily", "close", "manual", "before-restore"
ROUTINE = frozenset({DAILY, CLOSE, MANUAL})
UPGRADE = "upgrade"
BUSY_TIMEOUT_S = 10.0
_NAME = re.compile(r"^(?P<stem>.+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?"
                   r"-(?P<kind>[a-z][a-z0-9-]*)\.sqlite3$")
_LEGACY_UPGRADE = re.compile(r"^before-\d+$")
"""Copies made before an upgrade by earlier versions: ``…-before-0003.sqlite3``."""


class BackupFolderMissing(DomainError):
    template = ("The backup folder {folder} cannot be found. Plug in the backup disk, or "
                "choose another folder in Settings.")


class BackupFolderUnwritable(DomainError):
    template = "The backup folder {folder} cannot be written to by this user."


class BackupDiskFull(DomainError):
    template = "The disk of the backup folder {folder} is full; nothing was backed up."


class BackupNotVerified(DomainError):
    template = ("The new backup failed its check ({result}) and was deleted. The database "
                "itself may be damaged: call support.")


class NotABackup(DomainError):
    template = "{file} is not a FrontDesk database; nothing was restored."


class RestoreOntoItself(DomainError):
    template = "{file} is the database itself; name a backup to restore from."


class BackupDamaged(DomainError):
    template = "{file} fails SQLite's integrity check ({result}); nothing was restored."


class BackupTooNew(DomainError):
    template = ("{file} was made by a newer FrontDesk (schema {revision}); upgrade FrontDesk "
                "before restoring it.")


class ServerBackups(DomainError):
    template = ("This store's database is on a PostgreSQL server: its administrator backs it "
                "up (pg_dump) and restores it (pg_restore). FrontDesk backs up and restores "
                "an SQLite file only.")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    """Local time, as in the file's name."""
    kind: str
    size: int


@dataclass(frozen=True)
class Restored:
    database: Path
    source: Path
    kept: Path | None
    """The copy of what the restore replaced (None when there was no file)."""
    revision: str


def default_folder(database: Path) -> Path:
    """Where a database's backups go unless the manager chose a folder: ``backups/`` beside it."""
    return database.parent / "backups"


def parse_name(path: Path, stem: str) -> BackupFile | None:
    """The backup a file name describes, or None if it is not one of ``stem``'s."""
    match = _NAME.match(path.name)
    if match is None or match["stem"] != stem:
        return None
    taken_at = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").astimezone()
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupFile(path, taken_at, match["kind"], size)


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """The backups of the database ``stem`` in ``folder``, newest first ([] if no folder);
    of two made within the same second, the one written last comes first."""
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    found = (parse_name(p, stem) for p in names if not p.name.startswith("."))
    return sorted((b for b in found if b is not None), key=_newest_first, reverse=True)


def _newest_first(backup: BackupFile) -> tuple[dt.datetime, int]:
    try:
        return backup.taken_at, backup.path.stat().st_mtime_ns
    except OSError:
        return backup.taken_at, 0


def _family(kind: str) -> str:
    if kind.startswith(UPGRADE + "-") or _LEGACY_UPGRADE.match(kind):
        return UPGRADE
    return kind


def prune(folder: Path, stem: str) -> list[Path]:
    """Delete the routine backups the retention rule drops, and all but the newest few
    copies made before upgrades; returns what was deleted."""
    backups = list_backups(folder, stem)
    routine = [(b.path, b.taken_at) for b in backups if b.kind in ROUTINE]
    upgrades = [(b.path, b.taken_at) for b in backups if _family(b.kind) == UPGRADE]
    kept = retention.keep(routine) | retention.newest(upgrades)
    dropped = [path for path, _ in routine + upgrades if path not in kept]
    for path in dropped:
        path.unlink(missing_ok=True)
    return dropped


def _target(folder: Path, stem: str, kind: str, when: dt.datetime) -> Path:
    """A name for a new backup that no file in ``folder`` has."""
    stamp = when.astimezone().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}-{kind}.sqlite3"
    n = 1
    while target.exists() or _partial(target).exists():
        n += 1
        target = folder / f"{stem}-{stamp}-{n}-{kind}.sqlite3"
    return target


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


def _reserve(folder: Path, stem: str, kind: str, when: dt.datetime) -> Path:
    """A new backup's name, claimed by creating its ``.partial`` file (0600) exclusively, so
    two backups in the same second never share a name."""
    while True:
        target = _target(folder, stem, kind, when)
        try:
            create_private_file(_partial(target))
        except FileExistsError:
            continue
        return target


def copy_database(source: Path, folder: Path, kind: str, when: dt.datetime) -> BackupFile:
    """A verified backup of ``source`` in ``folder`` (which must exist)."""
    if not folder.is_dir():
        raise BackupFolderMissing(field="backup_folder", folder=str(folder))
    with _folder_errors(folder):
        target = _reserve(folder, source.stem, kind, when)
    partial = _partial(target)
    try:
        with _folder_errors(folder):
            _online_copy(source, partial)
        check_backup(partial, on_damage=BackupNotVerified)
        with _folder_errors(folder):
            _flush(partial)
            os.replace(partial, target)
            _flush(folder)
    finally:
        partial.unlink(missing_ok=True)
    return BackupFile(target, when.astimezone(), kind, target.stat().st_size)


def _online_copy(source: Path, target: Path) -> None:
    if not source.is_file():
        raise StorageError(StorageProblem.UNREACHABLE, f"{source} does not exist",
                           path=str(source))
    with _source_errors(source), closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)) as src, \
            closing(sqlite3.connect(target)) as dst:
        src.backup(dst)  # all pages in one step: one read transaction, one snapshot
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal


def check_backup(path: Path, *, on_damage: type[DomainError] = BackupDamaged) -> str:
    """The schema revision of a FrontDesk database file that passes ``integrity_check``."""
    if not path.is_file() or file_problem(path) is not None:
        raise NotABackup(field="file", file=str(path))
    try:
        with closing(_read_only(path)) as con:
            result = [row[0] for row in con.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise on_damage(field="file", file=str(path), result="; ".join(result)[:300])
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:
        if classify_storage_error(str(exc)) is StorageProblem.DAMAGED:
            raise on_damage(field="file", file=str(path), result=str(exc)) from None
        raise NotABackup(field="file", file=str(path)) from None
    if len(rows) != 1:
        raise NotABackup(field="file", file=str(path))
    return str(rows[0][0])


def last_written(database: Path) -> int | None:
    """When the database's committed data last changed (ns since the epoch), or None when
    that cannot be told.

    The WAL is folded into the file first (a TRUNCATE checkpoint), so the file's own time
    tells: a WAL's time also moves when a connection merely opens it, or when a transaction
    that was rolled back spilled pages into it, neither of which changes the data.
    """
    try:
        with closing(sqlite3.connect(database, timeout=BUSY_TIMEOUT_S)) as con:
            busy, frames, done = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.DatabaseError:
        return None
    if busy or frames != done:  # a reader holds part of the WAL: the file is not complete
        return None
    return database.stat().st_mtime_ns


def copy_before_upgrade(source: Path, folder: Path, from_revision: str, to_revision: str,
                        when: dt.datetime) -> BackupFile:
    """The copy made before upgrading ``source``: once per upgrade.

    A copy for the same upgrade that is newer than the database's last write is the
    same data, so a start whose upgrade failed does not copy the file again.
    """
    kind = f"{UPGRADE}-{from_revision}-to-{to_revision}"
    changed = last_written(source)
    for existing in list_backups(folder, source.stem):
        if changed is not None and existing.kind == kind \
                and existing.path.stat().st_mtime_ns >= changed:
            return existing
    copy = copy_database(source, folder, kind, when)
    prune(folder, source.stem)
    return copy


def restore(backup: Path, database: Path, keep_in: Path, when: dt.datetime,
            accept_revision: Callable[[str], bool]) -> Restored:
    """Put a verified FrontDesk backup in place of ``database``, keeping what it replaces."""
    if database.exists() and backup.exists() and backup.samefile(database):
        raise RestoreOntoItself(field="file", file=str(backup))
    revision = check_backup(backup)
    if not accept_revision(revision):
        raise BackupTooNew(field="file", file=str(backup), revision=revision)
    kept = keep_before_restore(database, keep_in, when)
    _write_into(backup, database)
    make_private(*database_files(database))
    return Restored(database, backup, kept, revision)


def keep_before_restore(database: Path, folder: Path, when: dt.datetime) -> Path | None:
    """A copy of the database a restore is about to replace: an SQLite copy while SQLite can
    read it, else the file's bytes (and its WAL's) as they are."""
    if not database.exists():
        return None
    private_dir(folder)
    if file_problem(database) is None:
        try:
            return copy_database(database, folder, BEFORE_RESTORE, when).path
        except (StorageError, BackupNotVerified, NotABackup):
            pass  # too damaged for SQLite: keep the bytes
    target = _target(folder, database.stem, BEFORE_RESTORE, when)
    for source, suffix in zip(database_files(database)[:2], ("", "-wal"), strict=True):
        if source.exists():
            shutil.copyfile(source, target.with_name(target.name + suffix))
            make_private(target.with_name(target.name + suffix))
    return target


def _write_into(backup: Path, database: Path) -> None:
    if database.exists() and file_problem(database) is None:
        try:
            with closing(_read_only(backup)) as src, \
                    closing(sqlite3.connect(database, timeout=BUSY_TIMEOUT_S)) as dst:
                src.backup(dst)
            return
        except sqlite3.DatabaseError as exc:
            if classify_storage_error(str(exc)) not in (StorageProblem.DAMAGED,
                                                        StorageProblem.NOT_A_DATABASE):
                raise StorageError(_problem(exc), str(exc), path=str(database)) from exc
    _replace_file(backup, database)


def _replace_file(backup: Path, database: Path) -> None:
    """Replace a file SQLite cannot open: a fresh copy beside it, renamed over it."""
    partial = database.with_name(f".{database.name}.restoring")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    try:
        with closing(_read_only(backup)) as src, \
                closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
        _flush(partial)
        for stale in database_files(database)[1:]:  # a stale WAL would be replayed into it
            stale.unlink(missing_ok=True)
        os.replace(partial, database)
        _flush(database.parent)
    finally:
        partial.unlink(missing_ok=True)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (a backup being checked or restored from)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _flush(path: Path) -> None:
    """Make a file's contents, or a folder's entries, durable (folders: POSIX only)."""
    if path.is_dir() and os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _problem(exc: BaseException) -> StorageProblem:
    return classify_storage_error(str(exc)) or StorageProblem.OTHER


@contextmanager
def _source_errors(source: Path) -> Iterator[None]:
    """SQLite's errors while reading the database, as the storage problems they are; a full
    disk here is the backup disk's (the database is only read)."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        problem = _problem(exc)
        if problem is StorageProblem.DISK_FULL:
            raise OSError(errno.ENOSPC, str(exc)) from exc
        raise StorageError(problem, str(exc), path=str(source)) from exc


@contextmanager
def _folder_errors(folder: Path) -> Iterator[None]:
    """The backup folder's file-system errors, as messages naming the folder."""
    try:
        yield
    except FileNotFoundError:
        raise BackupFolderMissing(field="backup_folder", folder=str(folder)) from None
    except PermissionError:
        raise BackupFolderUnwritable(field="backup_folder", folder=str(folder)) from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise BackupDiskFull(field="backup_folder", folder=str(folder)) from None
        if exc.errno in (errno.EROFS, errno.EACCES):
            raise BackupFolderUnwritable(field="backup_folder", folder=str(folder)) from None
        raise
