"""The manager's "all my data": every table of the database in one workbook, free, that
``frontdesk import`` reads back into an empty database (``Services.all_data``).

The format is :mod:`.all_data_format`'s. Every table is read in one snapshot (a read
transaction; REPEATABLE READ on PostgreSQL), so the row counts of the ``_frontdesk``
sheet and the rows written agree, and streamed in primary-key order (``yield_per``) into
an openpyxl write-only workbook: memory does not grow with the store. The file is written
beside its place and moved there when whole (:func:`~frontdesk.services.spreadsheet.replace_whole`):
a Cancel (checked every :data:`CANCEL_EVERY` rows) or an error leaves no file.
The export is audited (``all_data.export``) once the file is there.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.jobs import Progress, check_cancelled, no_progress
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ValidationError
from frontdesk.migrate import VERSION_TABLE
from frontdesk.models import Base
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.exports.all_data_format import (
    FORMAT,
    META_SHEET,
    ROWS_PER_SHEET,
    Writer,
    cell_writer,
    exported_tables,
    row_cells,
    sheet_names,
)
from frontdesk.services.exports.result import ExportResult
from frontdesk.services.spreadsheet import replace_whole

CANCEL_EVERY = 2_000
"""Rows between two looks at Cancel (and two progress reports)."""


def check_xlsx_path(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("Export to an .xlsx file.", field="path")
    return path


class AllDataService:
    """Every record of the store to one workbook (see the module docstring)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    @unit_of_work
    def export(self, actor: Actor, path: Path, *, cancel: threading.Event | None = None,
               progress: Progress = no_progress) -> ExportResult:
        """Write every table to ``path`` (an .xlsx); needs ``EXPORT_ALL_DATA``."""
        require(actor, Action.EXPORT_ALL_DATA)
        path = check_xlsx_path(Path(path))
        tables = list(exported_tables(Base.metadata.sorted_tables))
        with self._db.read() as s:
            conn = _snapshot(self._db, s)
            counts = {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                      for t in tables}
            revision = conn.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))
            writer = _Writer(conn, counts, cancel, progress)
            replace_whole(path, lambda tmp: writer.write(tmp, tables, str(revision or ""),
                                                         self._clock()))
        rows = sum(counts.values())
        with self._db.write() as s:
            audit.record(s, self._clock(), actor, AuditAction.ALL_DATA_EXPORT, "branch",
                         actor.branch_id, f"file={path.name} tables={len(tables)} rows={rows}")
        return ExportResult(path, rows)


def _snapshot(db: Database, s: Session) -> Connection:
    """The session's connection, every statement on one snapshot (SQLite's read has one)."""
    if not db.is_sqlite:
        return s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    return s.connection()


class _Writer:
    """Streams the tables into a write-only workbook, reporting progress, minding Cancel."""

    def __init__(self, conn: Connection, counts: dict[str, int],
                 cancel: threading.Event | None, progress: Progress) -> None:
        self._conn = conn
        self._counts = counts
        self._cancel = cancel
        self._progress = progress
        self._total = sum(counts.values())
        self._done = 0

    def write(self, path: Path, tables: list[Table], revision: str, now: dt.datetime) -> None:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        try:
            self._meta(book, tables, revision, now)
            for table in tables:
                self._table(book, table)
        except BaseException:
            _discard(book)
            raise
        self._progress("export", self._total, self._total)
        book.save(path)

    def _meta(self, book: Any, tables: list[Table], revision: str, now: dt.datetime) -> None:
        sheet = book.create_sheet(META_SHEET)
        sheet.append(["format", FORMAT])
        sheet.append(["schema_revision", revision])
        sheet.append(["exported_at", now.astimezone(dt.UTC).replace(tzinfo=None).isoformat()])
        sheet.append([])
        sheet.append(["table", "rows", "sheets"])
        for table in tables:
            rows = self._counts[table.name]
            sheet.append([table.name, rows, len(sheet_names(table.name, rows))])

    def _table(self, book: Any, table: Table) -> None:
        names = sheet_names(table.name, self._counts[table.name])
        heading = [c.name for c in table.columns]
        order = list(table.primary_key.columns) or list(table.columns)
        with self._conn.execution_options(yield_per=CANCEL_EVERY).execute(
                select(table).order_by(*order)) as result:
            self._rows(book, result, [cell_writer(c) for c in table.columns], heading, names)
        for name in names:  # an empty table: its heading row only
            book.create_sheet(name).append(heading)

    def _rows(self, book: Any, result: Any, writers: list[Writer], heading: list[str],
              names: list[str]) -> None:
        """Write ``result``'s rows, taking the sheets' names from ``names`` as they begin."""
        from openpyxl.cell import WriteOnlyCell

        sheet, in_sheet = None, ROWS_PER_SHEET
        for row in result:
            if in_sheet == ROWS_PER_SHEET:
                sheet, in_sheet = book.create_sheet(names.pop(0)), 0
                sheet.append(heading)
            cells = row_cells(writers, tuple(row))
            sheet.append([_text_cell(sheet, v, WriteOnlyCell)
                          if isinstance(v, str) and v.startswith("=") else v for v in cells])
            in_sheet += 1
            self._done += 1
            if self._done % CANCEL_EVERY == 0:
                check_cancelled(self._cancel)
                self._progress("export", self._done, self._total)


def _text_cell(sheet: Any, value: str, cell_class: Any) -> Any:
    """A text cell openpyxl would take for a formula (it starts with ``=``), kept text."""
    cell = cell_class(sheet, value=value)
    cell.data_type = "s"
    return cell


def _discard(book: Any) -> None:
    """Close a workbook's sheets left half-written, and remove their temporary files."""
    for sheet in book.worksheets:
        if sheet.closed:
            continue
        try:
            sheet.close()
            sheet._writer.cleanup()
        except Exception:  # noqa: BLE001 - already failing; the first error is the one to raise
            continue
