"""Files readable by their owner only: the database, its WAL, backups, photos and logs.

On Linux (and any POSIX system) FrontDesk's files are created 0600 and its
folders 0700, so another local account cannot read phones or health records.
SQLite gives its ``-wal`` and ``-shm`` files the main file's mode, so a private
database file makes private companions. The composition roots also set the
umask to 077 (:func:`private_umask`), which covers files made by libraries
(Qt's settings file, a PDF the person saves).

On Windows the modes mean little; the per-user AppData folder FrontDesk uses
there is readable by its user, SYSTEM and administrators only (see the README).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
PRIVATE_UMASK = 0o077
_POSIX = os.name == "posix"


@contextmanager
def private_umask() -> Iterator[None]:
    """New files and folders made inside the block are the owner's only (umask 077)."""
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def private_dir(path: Path) -> Path:
    """Make ``path`` (and missing parents) if needed; a folder FrontDesk made is 0700.

    An existing folder is tightened too when this user owns it and it is not a shared
    folder such as /tmp (the sticky bit): a data folder from an older version was 0755.
    """
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if _POSIX:
        info = path.stat()
        if info.st_uid == os.geteuid() and not info.st_mode & stat.S_ISVTX \
                and stat.S_IMODE(info.st_mode) != PRIVATE_DIR:
            path.chmod(PRIVATE_DIR)
    return path


def make_private(*paths: Path) -> None:
    """Set each existing file to 0600. Missing files are skipped, and so are files on a disk
    without permissions (a FAT-formatted USB disk refuses chmod)."""
    if not _POSIX:
        return
    for path in paths:
        try:
            if stat.S_IMODE(path.stat().st_mode) != PRIVATE_FILE:
                path.chmod(PRIVATE_FILE)
        except (FileNotFoundError, PermissionError):
            continue


def create_private_file(path: Path) -> None:
    """Create an empty file that is 0600 from its first moment (it must not exist)."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))


def database_files(path: Path) -> tuple[Path, Path, Path]:
    """An SQLite file and its WAL and shared-memory companions."""
    return path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
