"""What every spreadsheet FrontDesk writes shares: cells that are never run, files never half there.

A text cell that starts with ``= + - @`` (or a tab or carriage return) is written with
a leading apostrophe (:func:`safe_cell`), so a spreadsheet shows it instead of running
it as a formula (the care list's export for an SMS gateway, the complaints report).
A file is written beside its place and moved there when whole (:func:`replace_whole`):
a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take for the start of a formula (or a DDE command)."""


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_value(value: object) -> object:
    """A cell's value: text made safe (:func:`safe_cell`), numbers and dates as they are."""
    return safe_cell(value) if isinstance(value, str) else value


def replace_whole(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then move it into place; on any
    error the temporary file goes and ``path`` is left as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
