"""An "all my data" sheet row back into a table row: each cell to its column's Python value.

The reverse of :mod:`frontdesk.services.exports.all_data_format` (its docstring is the
format). calamine gives numbers as floats (whole ones are checked and made ints: exact up
to 2**53, beyond which the export wrote text), dates and date-times as ``datetime``
values, text with the ``_xHHHH_`` escapes already undone, and ``""`` for an empty cell.
A cell that does not fit its column is a :class:`BadCell`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Column, Table

from frontdesk.errors import ValidationError
from frontdesk.services.exports.all_data_format import Kind, column_kind


class BadCell(ValidationError):
    template = "Sheet {sheet}, row {row}, column {column}: {problem}"


class _Unfit(Exception):
    """A cell's value does not fit its column (the reader adds where it was)."""


Reader = Callable[[Any], Any]


def whole_number(value: Any) -> int:
    if isinstance(value, bool):
        raise _Unfit("a yes/no where a whole number belongs")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            pass
    raise _Unfit(f"{value!r} is not a whole number")


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    raise _Unfit(f"{value!r} is not TRUE or FALSE")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _Unfit(f"{value!r} is not a date")


def _datetime(value: Any) -> dt.datetime:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise _Unfit(f"{value!r} is not a date and time") from None
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        raise _Unfit(f"{value!r} is not a date and time")
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise _Unfit(f"{value!r} is not text")


def _binary(value: Any) -> bytes:
    try:
        return base64.b64decode(_text(value), validate=True)
    except binascii.Error:
        raise _Unfit("not base64 text") from None


_READERS: dict[Kind, Reader] = {
    Kind.INTEGER: whole_number, Kind.BOOLEAN: _boolean, Kind.DATE: _date,
    Kind.DATETIME: _datetime, Kind.ENUM: _text, Kind.TEXT: _text, Kind.BINARY: _binary}


class RowReader:
    """Reads one table's sheet rows into dicts of column values."""

    def __init__(self, table: Table) -> None:
        self.columns: list[Column[Any]] = list(table.columns)
        self.names = [c.name for c in self.columns]
        kinds = [column_kind(c) for c in self.columns]
        self._readers = [_READERS[k] for k in kinds]
        self._long = [k in (Kind.TEXT, Kind.ENUM, Kind.BINARY) for k in kinds]
        self._generated = [c.computed is not None for c in self.columns]
        """Columns the database computes (written for a person to read, never inserted)."""
        self._empty = ["" if k in (Kind.TEXT, Kind.ENUM) and not c.nullable else None
                       for k, c in zip(kinds, self.columns, strict=True)]

    def check_heading(self, sheet: str, heading: Sequence[Any]) -> None:
        found = [str(h) for h in heading[:len(self.names)]]
        if found != self.names:
            raise ValidationError(
                "Sheet {sheet}: its columns are not the ones this version of FrontDesk has "
                "(expected {expected}).", field="file", sheet=sheet,
                expected=", ".join(self.names))

    def read(self, sheet: str, number: int, cells: Sequence[Any]) -> dict[str, Any]:
        """Sheet row ``number`` (1-based) of ``sheet`` as the table's row."""
        values: dict[str, Any] = {}
        spill = len(self.names)
        for i, name in enumerate(self.names):
            cell = cells[i] if i < len(cells) else ""
            if self._generated[i]:
                continue
            try:
                if cell == "" or cell is None:
                    values[name] = self._empty[i]
                    continue
                if self._long[i] and isinstance(cell, (int, float)) \
                        and not isinstance(cell, bool):
                    count = whole_number(cell)
                    if spill + abs(count) > len(cells):
                        raise _Unfit(f"{abs(count)} pieces announced, {len(cells) - spill} found")
                    cell = "".join(_text(c) for c in cells[spill:spill + abs(count)])
                    spill += abs(count)
                    if count < 0:
                        cell = _binary(cell).decode("utf-8", "surrogatepass")
                values[name] = self._readers[i](cell)
            except _Unfit as exc:
                raise BadCell(field="file", sheet=sheet, row=number, column=name,
                              problem=str(exc)) from None
        return values
