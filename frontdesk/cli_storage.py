"""The command line's words for the database as files: ``frontdesk backup``, ``frontdesk
restore``, and what to do when the database cannot be used (:func:`storage_message`).

Kept apart from :mod:`frontdesk.cli`, which registers the commands and prints the
message; these work on the SQLite file (a restore on one SQLite cannot open), so they
refuse a PostgreSQL server with :class:`~frontdesk.storage.backups.ServerBackups`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from frontdesk.bootstrap import build_services, connect, sqlite_file
from frontdesk.config import Paths
from frontdesk.errors import RESTORE_FROM_BACKUP, StorageError


def cmd_backup(args: argparse.Namespace, paths: Paths) -> int:
    """A verified backup, to the chosen backup folder or ``--to DIR``; it is consistent even
    while FrontDesk is open and writing (SQLite's online backup)."""
    db = connect(paths)  # not upgraded: a backup copies the database as it is
    try:
        made = build_services(paths, db).backups.back_up(to=Path(args.to) if args.to else None)
    finally:
        db.dispose()
    print(f"backup written and verified: {made.path} ({_megabytes(made.size)})")
    return 0


def cmd_restore(args: argparse.Namespace, paths: Paths) -> int:
    """Put FILE in place of the database, keeping what it replaces; without FILE, list the
    backups. FrontDesk windows still open on this computer must be restarted afterwards."""
    from frontdesk.storage.backups import ServerBackups

    database = sqlite_file(paths)
    if database is None:
        raise ServerBackups()
    if not args.file:
        return _list_backups(database)
    return _restore(database, args.file)


def _restore(database: Path, file: str) -> int:
    import datetime as dt

    from frontdesk.migrate import is_known_revision
    from frontdesk.storage.backups import default_folder, restore

    done = restore(Path(file), database, default_folder(database), dt.datetime.now(dt.UTC),
                   is_known_revision)
    print(f"restored {done.source} (schema {done.revision}) into {done.database}")
    if done.kept is not None:
        print(f"the database it replaced is kept as {done.kept}")
    print("FrontDesk windows still open on this computer show the old data: close and "
          "start them again.")
    return 0


def _list_backups(database: Path) -> int:
    lines = _backup_lines(database)
    print("\n".join(lines))
    return 0 if len(lines) > 1 else 1


def _backup_lines(database: Path) -> list[str]:
    from frontdesk.storage.state import all_backups, folder_of, load_state

    backups = all_backups(database)
    if not backups:
        return [f"no backups of {database} in {folder_of(database, load_state(database))}"]
    lines = [f"backups of {database}, newest first (restore one: frontdesk restore FILE):"]
    lines += [f"  {b.taken_at:%Y-%m-%d %H:%M}  {_megabytes(b.size):>9}  {b.kind:<22} {b.path}"
              for b in backups]
    return lines


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def storage_message(exc: StorageError, paths: Paths) -> str:
    """What happened and what to do, for the terminal; the backups when the fix is one."""
    database = exc.path or str(sqlite_file(paths) or "")
    lines = [f"frontdesk: {exc.advice}"]
    if database:
        lines.append(f"  database: {database}")
    if exc.detail:
        lines.append(f"  detail: {exc.detail}")
    if exc.problem in RESTORE_FROM_BACKUP and database:
        lines += ["  " + line for line in _backup_lines(Path(database))]
    return "\n".join(lines)
