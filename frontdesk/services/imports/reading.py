"""A spreadsheet read into rows of cells (placeholder: only the :class:`Table` of api.md,
so the normalising code and its tests run; helper READ's reading.py replaces this file)."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.services.imports.fields import Cell


@dataclass
class Table:
    kind: str
    """``xlsx`` or ``csv``."""
    sheet: str
    """The sheet's name ("" for a CSV)."""
    rows: list[tuple[int, tuple[Cell, ...]]]
    """(1-based sheet row number, cells); blank rows left out."""
    encoding: str = ""
    """A CSV's encoding as detected: ``utf-8``, ``utf-8-sig``, ``gb18030``."""
