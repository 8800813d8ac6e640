"""Where a printed sheet goes: checking the path, then writing it whole or not at all.

:func:`staged` checks the target before anything is gathered (its folder exists
and is a folder, the target is not a folder), then gives a temporary file beside
the target (created owner-only, as health data is). The caller renders into it,
audits the view, and calls :meth:`Staged.put_in_place`, which renames it over the
target; on any failure the temporary file is removed. Every failure of the file
system is a :class:`SheetFileError` naming the ``output`` field, worded by what
went wrong, never a raw OSError.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from frontdesk.errors import DomainError


class SheetFileError(DomainError):
    """The sheet could not be written where it was asked for; nothing was written."""

    template = "The sheet could not be written to {path}."

    def __init__(self, template: str | None = None, *, path: Path):
        super().__init__(template, field="output", path=str(path), folder=str(path.parent))


@dataclass(frozen=True)
class Staged:
    part: Path
    """The temporary file to render into (in the target's folder)."""
    target: Path

    def put_in_place(self) -> None:
        """Rename the finished file over the target (atomic within one folder)."""
        os.replace(self.part, self.target)


def check_target(target: Path) -> None:
    """Refuse a target in a missing folder, under something that is not a folder, or
    that is itself a folder."""
    folder = target.parent
    if target.is_dir():
        raise SheetFileError("{path} is a folder: give the sheet a file name.", path=target)
    if not folder.exists():
        raise SheetFileError("The folder {folder} does not exist.", path=target)
    if not folder.is_dir():
        raise SheetFileError("{folder} is not a folder.", path=target)


@contextmanager
def staged(target: Path) -> Iterator[Staged]:
    """A temporary file beside ``target`` to render into; removed unless put in place."""
    check_target(target)
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                    suffix=".part")
        os.close(fd)
    except OSError as exc:
        raise _refusal(exc, target) from None
    part = Path(name)
    try:
        yield Staged(part, target)
    except OSError as exc:
        raise _refusal(exc, target) from None
    finally:
        part.unlink(missing_ok=True)


def _refusal(exc: OSError, target: Path) -> SheetFileError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return SheetFileError("The disk is full: the sheet could not be written to {path}.",
                               path=target)
    if exc.errno == errno.EISDIR:
        return SheetFileError("{path} is a folder: give the sheet a file name.", path=target)
    return SheetFileError("FrontDesk may not write in the folder {folder}. Choose another "
                           "folder.", path=target)
