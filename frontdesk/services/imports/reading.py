"""A client list read from an .xlsx or a .csv file into rows of cells, safely.

- .xlsx: checked first (:mod:`.safety`: zip bomb, XML entities, the sheet's extent), then
  read by python-calamine, about fifteen times faster than openpyxl. Formulas are never
  evaluated: the reader gives the value the spreadsheet stored. A whole number comes back
  as a float (13812345678.0 for a phone): it is made an int.
- .csv: UTF-8 with a BOM, UTF-8, else GB18030 (a superset of GBK, what Excel in China
  saves); the delimiter (comma, tab or semicolon) is sniffed.
- .xls (the old binary format) is refused with how to convert it; anything else is refused.

Text is stripped of surrounding spaces, an empty cell is None, a row of empty cells is left
out, and every row keeps its sheet row number (1-based, as the spreadsheet shows it).
A text that repeats down the sheet (a gender, a tier, a city, "朋友介绍") is one string
object however many cells hold it: a 100,000-row list takes a fraction of the memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import python_calamine

from frontdesk.core.jobs import Progress, check_cancelled, no_progress
from frontdesk.services.imports import safety
from frontdesk.services.imports.fields import Cell
from frontdesk.services.imports.limits import (
    LIMITS,
    FileRefused,
    Limits,
    column_letters,
    megabytes,
)

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
DELIMITERS = (",", "\t", ";")
EVERY = 4096
"""Rows between two looks at Cancel (and two progress reports)."""
ALL_DATA_SHEET = "_frontdesk"
TOP_ROWS = 20
"""Rows with data a sheet may have besides its data rows: titles and the header (a header
is looked for in the first twenty, :func:`.headers.find_header`)."""


@dataclass
class Table:
    kind: str
    """"xlsx" or "csv"."""
    sheet: str
    """The sheet's name ("" for a CSV)."""
    rows: list[tuple[int, tuple[Cell, ...]]] = field(default_factory=list)
    """(the sheet's 1-based row number, its cells), blank rows left out."""
    encoding: str = ""
    """A CSV's encoding as detected: "utf-8-sig", "utf-8" or "gb18030"."""
    sample: bool = False
    """True when ``rows`` holds only the rows down to the headings and a few below (what an
    import's preview keeps to show; see :meth:`.service.ImportService.remap`)."""


def read_table(path: Path, limits: Limits = LIMITS, cancel: threading.Event | None = None,
               progress: Progress = no_progress) -> Table:
    """The first sheet with data of ``path``, or :class:`FileRefused` saying why not."""
    name = path.name
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise FileRefused("{name} is larger than {limit} MB.", code="too_large", name=name,
                          limit=megabytes(limits.max_file_bytes))
    with path.open("rb") as file:
        start = file.read(8)
    if size == 0:
        raise refuse_empty(name)
    if start.startswith(safety.ZIP_MAGIC):  # whatever its name: an .xlsx saved as "x.xls"
        table = read_xlsx(path, limits, cancel, progress)
    elif start.startswith(safety.OLE2_MAGIC) or path.suffix.lower() == ".xls":
        raise refuse_old_format(path)
    elif path.suffix.lower() in CSV_SUFFIXES:
        table = read_csv(path, limits, cancel, progress)
    else:
        raise FileRefused("{name} is not an Excel workbook or a CSV file.",
                          code="not_spreadsheet", name=name)
    if not table.rows:
        raise refuse_empty(name)
    return table


def refuse_old_format(path: Path) -> FileRefused:
    """An OLE2 file: an .xlsx protected by a password, or an old .xls (or named so)."""
    if safety.is_encrypted_workbook(path):
        return FileRefused("{name} is protected by a password. Open it in Excel or WPS, save"
                           " it without the password, then import that.", code="encrypted",
                           name=path.name)
    return FileRefused(
        "This is an old Excel file (.xls). Open it in Excel or WPS and save it as .xlsx"
        " (or run: soffice --headless --convert-to xlsx FILE), then import that.",
        code="old_xls", name=path.name)


def refuse_empty(name: str) -> FileRefused:
    return FileRefused("{name} is empty: it has no rows to import.", code="empty", name=name)


def read_xlsx(path: Path, limits: Limits, cancel: threading.Event | None,
              progress: Progress) -> Table:
    names = safety.check_xlsx(path, path.name, limits, cancel)
    try:
        with open_workbook(path) as book:
            for index in sheet_order(book):
                check_cancelled(cancel)
                sheet = book.get_sheet_by_index(index)
                sheet_name = sheet.name
                if sheet.height and sheet.width:
                    table = Table("xlsx", sheet_name)
                    table.rows = sheet_rows(sheet, path.name, limits, cancel, progress)
                    if table.rows:
                        return table
    except python_calamine.CalamineError as exc:
        raise safety.refuse_damaged(path.name) from exc
    return Table("xlsx", names[0] if names else "")


def open_workbook(path: Path) -> python_calamine.CalamineWorkbook:
    """The reader goes by the file's name: a workbook named otherwise is given as bytes,
    which it reads by their content."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return python_calamine.CalamineWorkbook.from_path(str(path))
    return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))


def sheet_order(book: python_calamine.CalamineWorkbook) -> list[int]:
    """The sheets' indexes, the visible ones first (a hidden sheet is often a lookup list)."""
    visible = python_calamine.SheetVisibleEnum.Visible
    return sorted(range(len(book.sheet_names)),
                  key=lambda i: book.sheets_metadata[i].visible != visible)


def sheet_rows(sheet: python_calamine.CalamineSheet, name: str, limits: Limits,
               cancel: threading.Event | None,
               progress: Progress) -> list[tuple[int, tuple[Cell, ...]]]:
    """The sheet's rows with data, each cell cleaned (see the module docstring)."""
    first_row, first_column = sheet.start or (0, 0)
    height = sheet.height
    if first_column + sheet.width > limits.max_columns:
        raise refuse_columns(name, limits)
    if height > limits.max_data_rows + safety.HEADROOM:
        raise refuse_rows(name, limits)
    pad: tuple[Cell, ...] = (None,) * first_column
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    texts: dict[str, str] = {}  # one object per distinct text (the module docstring)
    raws = cast(Iterator[list[Any]], sheet.iter_rows())
    for number, raw in enumerate(raws, start=first_row + 1):
        cells = tuple(cast(list[Cell], [
            (texts.setdefault(text, text) if (text := value.strip()) else None)
            if value.__class__ is str
            else int(value) if value.__class__ is float and value.is_integer()
            else value if value.__class__ in KEPT else odd_cell(value)
            for value in raw]))
        if cells.count(None) == len(cells):
            continue
        check_lengths(cells, number, first_column, limits)
        rows.append((number, pad + cells if first_column else cells))
        if not len(rows) % EVERY:
            check_cancelled(cancel)
            progress("read", number - first_row, height)
            if len(rows) > limits.max_data_rows + TOP_ROWS:
                raise refuse_rows(name, limits)
    if len(rows) > limits.max_data_rows + TOP_ROWS:
        raise refuse_rows(name, limits)
    progress("read", height, height)
    return rows


KEPT = frozenset({int, float, bool, dt.date, dt.datetime})


def odd_cell(value: object) -> Cell:
    """A cell of another kind (a time, a duration, an error): as text, or None."""
    if value is None:
        return None
    return str(value).strip() or None


def check_lengths(cells: Sequence[Cell], number: int, first_column: int,
                  limits: Limits) -> None:
    longest = max([len(v) for v in cells if v.__class__ is str], default=0)
    if longest <= limits.max_cell_chars:
        return
    column = next(i for i, v in enumerate(cells)
                  if isinstance(v, str) and len(v) == longest)
    raise FileRefused("Row {line}, column {column}: a cell of {length} characters"
                      " (at most {limit}).", code="cell_too_long", line=number,
                      column=column_letters(first_column + column), length=longest,
                      limit=limits.max_cell_chars)


def refuse_rows(name: str, limits: Limits) -> FileRefused:
    return FileRefused("{name} has more than {limit} rows.", code="too_many_rows",
                       name=name, limit=limits.max_data_rows)


def refuse_columns(name: str, limits: Limits) -> FileRefused:
    return FileRefused("{name} has more than {limit} columns.", code="too_many_columns",
                       name=name, limit=limits.max_columns)


def read_csv(path: Path, limits: Limits, cancel: threading.Event | None,
             progress: Progress) -> Table:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise FileRefused("{name} is not an Excel workbook or a CSV file.",
                          code="not_spreadsheet", name=path.name)
    encoding, text = decode(data, path.name)
    delimiter = sniff_delimiter(text[:65536])
    table = Table("csv", "", encoding=encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = text.count("\n") + (not text.endswith("\n"))
        table.rows = csv_rows(reader, path.name, limits, cancel, progress, lines)
    except csv.Error as exc:
        raise FileRefused("{name} could not be read as a CSV file (line {line}: {problem}).",
                          code="unreadable", name=path.name, line=reader.line_num,
                          problem=str(exc)) from exc
    return table


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(the encoding, the text): a BOM says UTF-8; else strict UTF-8; else GB18030."""
    encodings = ("utf-8-sig",) if data.startswith(b"\xef\xbb\xbf") else ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return encoding, data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused("{name} is in a text encoding FrontDesk cannot read: save it as"
                      " CSV UTF-8.", code="unreadable", name=name)


def sniff_delimiter(sample: str) -> str:
    """The delimiter the first lines use most steadily: comma, tab or semicolon, the one
    that splits the most lines into the same number of pieces (comma on a tie)."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]

    def steadiness(delimiter: str) -> tuple[int, int]:
        counts = Counter(line.count(delimiter) for line in lines)
        counts.pop(0, None)
        return max(((times, count) for count, times in counts.items()), default=(0, 0))

    return max(DELIMITERS, key=steadiness)


def csv_rows(reader: Iterable[list[str]], name: str, limits: Limits,
             cancel: threading.Event | None, progress: Progress,
             lines: int) -> list[tuple[int, tuple[Cell, ...]]]:
    """The CSV's records with data, numbered as a spreadsheet shows them (a quoted value
    spanning lines is one record); ``lines`` is the file's lines, for the progress bar."""
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    texts: dict[str, str] = {}  # one object per distinct text, as in sheet_rows
    for number, raw in enumerate(reader, start=1):
        cells = tuple([texts.setdefault(text, text) if (text := value.strip()) else None
                       for value in raw])
        if cells.count(None) == len(cells):
            continue
        if len(cells) > limits.max_columns:
            raise refuse_columns(name, limits)
        check_lengths(cells, number, 0, limits)
        rows.append((number, cells))
        if not len(rows) % EVERY:
            check_cancelled(cancel)
            progress("read", min(number, lines), lines)
            if len(rows) > limits.max_data_rows + TOP_ROWS:
                raise refuse_rows(name, limits)
    if len(rows) > limits.max_data_rows + TOP_ROWS:
        raise refuse_rows(name, limits)
    progress("read", lines, lines)
    return rows


def is_all_data_workbook(path: Path) -> bool:
    """True for FrontDesk's "all my data" export: an .xlsx with a sheet named "_frontdesk"."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(safety.WORKBOOK_PART)
            if info.file_size > 2**20:
                return False
            return ALL_DATA_SHEET in safety.sheet_names(archive, path.name)
    except (OSError, KeyError, zipfile.BadZipFile, FileRefused):
        return False
