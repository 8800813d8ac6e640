"""The "all my data" workbook's format: written by :mod:`.everything`, read back by
:mod:`frontdesk.services.imports.restore`. Data for a program first, readable by a person.

Sheets, in this order:

- ``_frontdesk``: ``format`` 1; ``schema_revision`` (the database's Alembic revision);
  ``exported_at`` (UTC, ISO 8601 text); then a ``table | rows | sheets`` heading and one
  line per table: its name, its row count, how many sheets hold it.
- one sheet per table of ``Base.metadata.sorted_tables`` (parents before children), named
  after the table: a heading row of the column names, then one row per table row in
  primary-key order. A table of more than :data:`ROWS_PER_SHEET` rows continues on
  ``name.2``, ``name.3``… (each with the heading row again).

Cells, by the column's type:

- NULL: an empty cell. (In a NOT NULL text column an empty cell is the empty text.)
- integers: numbers; one beyond ±2**53 (where a spreadsheet's number is no longer exact)
  as its decimal text. Money is integer fen, as stored.
- booleans: TRUE/FALSE cells. Dates: date cells (text ``YYYY-MM-DD`` before 1900-03-01,
  where spreadsheets' day numbers go wrong).
- date-times: naive UTC, as stored; a date-time cell when it is exact to the millisecond
  (a spreadsheet keeps no more), else ISO 8601 text with its microseconds
  (``2026-11-23T02:30:00.123456``).
- enums: their stored value, as text.
- text: a text cell (never a formula, even when it starts with ``=``: the workbook is read
  back exactly, so nothing is prefixed). Control characters XML cannot hold are written
  ``_xHHHH_`` and a literal ``_xHHHH_`` as ``_x005F_xHHHH_``, the escape of ECMA-376 that
  Excel, LibreOffice and calamine undo when they read. A text with a non-character
  (U+FFFE, U+FFFF, a lone surrogate), which no escape carries through, is written as
  base64 of its UTF-8 in pieces after the row, its cell holding minus their number.
- binary (photos): base64 text.
- a text or binary value longer than :data:`MAX_CELL_CHARS` (a spreadsheet's limit) once
  written: the number N of its pieces in its own cell, and the pieces, in order, in cells
  after the row's last column (the values of several such columns one after another, in
  column order). An empty text in a column that may be NULL is written the same way, as 0
  pieces. A number in a text or binary column means nothing else.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import re
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Integer,
    LargeBinary,
    String,
    Table,
)
from sqlalchemy.types import TypeDecorator

FORMAT = 1
META_SHEET = "_frontdesk"
ROWS_PER_SHEET = 1_000_000
MAX_CELL_CHARS = 32_767
EXACT_INT = 2**53
FIRST_SERIAL_DAY = dt.date(1900, 3, 1)
SKIPPED_TABLES = frozenset({"alembic_version"})

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")
_NEEDS_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]|_x[0-9A-Fa-f]{4}_")
_ESCAPE = re.compile("_x[0-9A-Fa-f]{4}_")
_NOT_CHARACTERS = re.compile("[\ud800-\udfff\ufffe\uffff]")
"""What no escape carries through a spreadsheet reader: such a text goes as base64."""


class Kind(enum.Enum):
    """How a column's values become cells."""

    INTEGER = "integer"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    ENUM = "enum"
    TEXT = "text"
    BINARY = "binary"


def column_kind(column: Column[Any]) -> Kind:
    """The kind of ``column``'s values (a column of another type is a bug here)."""
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    for cls, found in ((Boolean, Kind.BOOLEAN), (DateTime, Kind.DATETIME), (Date, Kind.DATE),
                       (Enum, Kind.ENUM), (Integer, Kind.INTEGER), (LargeBinary, Kind.BINARY),
                       (String, Kind.TEXT)):
        if isinstance(kind, cls):
            return found
    raise TypeError(f"{column.table.name}.{column.name}: no cell format for {column.type!r}")


def sheet_names(table: str, rows: int) -> list[str]:
    """The sheets that hold a table of ``rows`` rows: ``name``, ``name.2``…"""
    sheets = max(1, -(-rows // ROWS_PER_SHEET))
    return [table] + [f"{table}.{n}" for n in range(2, sheets + 1)]


def escape_text(text: str) -> str:
    """``text`` as a cell holds it (see the module docstring)."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    return _NOT_IN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def pieces(text: str) -> list[str]:
    """``text`` escaped, cut into cells of at most :data:`MAX_CELL_CHARS` characters,
    never inside an escape."""
    escaped = escape_text(text)
    if len(escaped) <= MAX_CELL_CHARS:
        return [escaped]
    spans = [m.span() for m in _ESCAPE.finditer(escaped)] if escaped != text else []
    cut, start, inside = [], 0, 0
    while len(escaped) - start > MAX_CELL_CHARS:
        end = start + MAX_CELL_CHARS
        while inside < len(spans) and spans[inside][1] <= end:
            inside += 1
        if inside < len(spans) and spans[inside][0] < end:
            end = spans[inside][0]
        cut.append(escaped[start:end])
        start = end
    cut.append(escaped[start:])
    return cut


Writer = Callable[[Any, list[str]], Any]
"""Turns a value into its cell; pieces of a long value are appended to the list given."""


def _integer(value: int, _: list[str]) -> int | str:
    return value if -EXACT_INT <= value <= EXACT_INT else str(value)


def _boolean(value: bool, _: list[str]) -> bool:
    return bool(value)


def _date(value: dt.date, _: list[str]) -> dt.date | str:
    return value if value >= FIRST_SERIAL_DAY else value.isoformat()


def _datetime(value: dt.datetime, _: list[str]) -> dt.datetime | str:
    naive = value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
    if naive.microsecond % 1000 == 0 and naive.date() >= FIRST_SERIAL_DAY:
        return naive
    return naive.isoformat()


def _text_writer(nullable: bool) -> Writer:
    def write(value: str, overflow: list[str]) -> str | int | None:
        if isinstance(value, enum.Enum):
            value = str(value.value)
        if value == "":
            return 0 if nullable else None
        if _NOT_CHARACTERS.search(value):
            coded = base64.b64encode(value.encode("utf-8", "surrogatepass")).decode("ascii")
            overflow.extend(cut := pieces(coded))
            return -len(cut)
        cut = pieces(value)
        if len(cut) == 1:
            return cut[0]
        overflow.extend(cut)
        return len(cut)
    return write


def _binary_writer(value: bytes, overflow: list[str]) -> str | int | None:
    text = base64.b64encode(value).decode("ascii")
    return _text_writer(True)(text, overflow)


def cell_writer(column: Column[Any]) -> Writer:
    """The function that turns ``column``'s non-NULL values into cells."""
    kind = column_kind(column)
    return {Kind.INTEGER: _integer, Kind.BOOLEAN: _boolean, Kind.DATE: _date,
            Kind.DATETIME: _datetime, Kind.BINARY: _binary_writer}.get(
        kind, _text_writer(bool(column.nullable)))


def row_cells(writers: list[Writer], row: tuple[Any, ...]) -> list[Any]:
    """One table row as its sheet row: the columns' cells, then the pieces of long values."""
    overflow: list[str] = []
    cells = [None if value is None else write(value, overflow)
             for write, value in zip(writers, row, strict=True)]
    return cells + overflow if overflow else cells


def table_columns(table: Table) -> list[Column[Any]]:
    return list(table.columns)


def exported_tables(tables: list[Table]) -> Iterator[Table]:
    """The tables an export writes (every one but Alembic's)."""
    return (t for t in tables if t.name not in SKIPPED_TABLES)
