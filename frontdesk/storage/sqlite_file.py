"""An SQLite file looked at from outside, before SQLite opens it.

SQLite treats an empty file as a new database, and starts up happily on a file
cut short, finding the missing pages only when a query reaches them. So start-up
looks first, in a few bytes and without reading the file through: a missing
file is a new store; an empty one, one that does not begin with SQLite's magic
bytes, or one shorter than its own header says, is refused with a
:class:`~frontdesk.errors.StorageError` naming the file, and left as it is. So is
a folder or file this user may not write.

What these checks cannot see (garbage inside a page) SQLite reports when it
reads that page; :func:`frontdesk.errors.classify_storage_error` names it.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from frontdesk.errors import StorageError, StorageProblem
from frontdesk.storage.private import database_files

MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100


def check_database_file(path: Path) -> None:
    """Refuse a database file SQLite would misread, and a place this user cannot write."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        _refuse(StorageProblem.READ_ONLY, path, f"the folder {folder} cannot be written")
    if not path.exists():
        return
    if path.is_dir():
        _refuse(StorageProblem.NOT_A_DATABASE, path, f"{path} is a folder")
    if not os.access(path, os.R_OK):
        _refuse(StorageProblem.ACCESS_DENIED, path, f"{path} cannot be read by this user")
    if not os.access(path, os.W_OK):
        _refuse(StorageProblem.READ_ONLY, path, f"{path} cannot be written")
    problem = file_problem(path)
    if problem is not None:
        _refuse(problem[0], path, problem[1])


def file_problem(path: Path) -> tuple[StorageProblem, str] | None:
    """What is wrong with an existing SQLite file as seen from outside, or None."""
    size = path.stat().st_size
    if size == 0:
        return StorageProblem.EMPTY_FILE, f"{path} is empty (0 bytes)"
    with path.open("rb") as f:
        header = f.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES or not header.startswith(MAGIC):
        return StorageProblem.NOT_A_DATABASE, f"{path} does not begin like an SQLite database"
    expected = _size_in_header(header)
    if expected is not None and size < expected and not _has_wal(path):
        return StorageProblem.DAMAGED, (f"{path} is cut short: {size:,} bytes where its "
                                        f"header says {expected:,}")
    return None


def _size_in_header(header: bytes) -> int | None:
    """The file size the header records (page size × page count), when that record is valid.

    The page count (offset 28) is valid when the "version-valid-for" number (offset 92)
    equals the change counter (offset 24); older writers leave it stale.
    """
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    counter, pages = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if pages == 0 or valid_for != counter:
        return None
    return int(page_size * pages)


def _has_wal(path: Path) -> bool:
    """A WAL with frames in it may hold pages the file has not received yet."""
    wal = database_files(path)[1]
    return wal.exists() and wal.stat().st_size > 0


def _refuse(problem: StorageProblem, path: Path, detail: str) -> None:
    raise StorageError(problem, detail, path=str(path))
