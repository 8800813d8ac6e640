"""One list as one write-only sheet: a frozen heading row, column widths, formats.

A row's values are made safe (:func:`~frontdesk.services.spreadsheet.safe_value`); money
and dates go into one styled cell per formatted column, reused row after row (a write-only
sheet writes a row when it is appended), so a row costs plain values, not new objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from frontdesk.services.complaints.report_xlsx import sheet_title
from frontdesk.services.spreadsheet import safe_cell, safe_value

MONEY, DATE, WHEN = "0.00", "yyyy-mm-dd", "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class Column:
    heading: str
    """The English heading (the words give the user's)."""
    width: int = 12
    format: str | None = None


def yuan(fen: int | None) -> Decimal | None:
    """Integer fen as yuan, exactly (12345 → Decimal('123.45'))."""
    return None if fen is None else Decimal(fen).scaleb(-2)


def local(at: dt.datetime | None) -> dt.datetime | None:
    """A stored UTC time as a cell's local time, without a zone (a workbook has none)."""
    return None if at is None else at.astimezone().replace(tzinfo=None, microsecond=0)


class SheetWriter:
    """Appends rows of plain values to a new sheet of ``book``."""

    def __init__(self, book: Any, title: str, columns: Sequence[Column],
                 headings: Sequence[str]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self._sheet = sheet = book.create_sheet(title=sheet_title(title))
        sheet.freeze_panes = "A2"
        for i, column in enumerate(columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = column.width
        names = list(headings) if len(headings) == len(columns) else \
            [c.heading for c in columns]
        bold = Font(bold=True)
        head = []
        for text in names:
            cell = WriteOnlyCell(sheet, value=safe_cell(text))
            cell.font = bold
            head.append(cell)
        sheet.append(head)
        self._styled: list[tuple[int, Any]] = []
        for i, column in enumerate(columns):
            if column.format:
                cell = WriteOnlyCell(sheet)
                cell.number_format = column.format
                self._styled.append((i, cell))

    def abandon(self) -> None:
        """After a cancel or an error: close the sheet and remove its temporary file (the
        workbook is not saved)."""
        self._sheet.close()
        self._sheet._writer.cleanup()

    def append(self, values: Sequence[object]) -> None:
        row: list[Any] = [safe_value(v) for v in values]
        for i, cell in self._styled:
            if row[i] is not None:
                cell.value = row[i]
                row[i] = cell
        self._sheet.append(row)
