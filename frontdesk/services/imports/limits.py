"""How big an imported file may be, and the refusal a file gets when it is too much.

Every limit is checked before the file's content is trusted: the file's size first, then
(an .xlsx is a zip) the unpacked sizes and ratios, the XML parts, the rows, the columns and
each cell. A refusal carries a stable ``code`` a screen or a script can act on, and a
message that names the file and the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontdesk.errors import ValidationError


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 64 * 2**20
    max_unpacked_bytes: int = 400 * 2**20
    """The sum of an .xlsx zip's uncompressed sizes."""
    max_ratio: int = 200
    """A zip member's uncompressed / compressed size (checked for members over 1 MB)."""
    max_data_rows: int = 200_000
    max_columns: int = 100
    max_cell_chars: int = 2_000
    max_members: int = 10_000
    """The parts of an .xlsx zip (a workbook from Excel has a dozen or so)."""


LIMITS = Limits()


class FileRefused(ValidationError):
    """A file FrontDesk will not read; ``code`` says why (stable, see the module docstring):
    ``old_xls``, ``not_spreadsheet``, ``too_large``, ``zip_bomb``, ``xml_entities``,
    ``too_many_rows``, ``too_many_columns``, ``cell_too_long``, ``empty``, ``unreadable``,
    ``no_header``, ``encrypted`` (an .xlsx protected by a password)."""

    template = "This file cannot be imported."

    def __init__(self, template: str, *, code: str, **params: Any):
        super().__init__(template, field="file", **params)
        self.code = code


def megabytes(size: int) -> int:
    """``size`` bytes in whole MB, for a message."""
    return size // 2**20


def column_letters(index: int) -> str:
    """The spreadsheet's letters of the 0-based column ``index`` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """The 0-based index of a column's ``letters`` (A → 0, AA → 26)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1
