"""An "all my data" workbook read back into a new, empty database (``frontdesk import``).

Only into a database that is migrated and holds no row at all (a store set up meanwhile
would mix two stores' ids), and only from a workbook of the database's own schema
revision. The file is checked first (:func:`.restore_file.check_workbook_file`), read by
python-calamine one sheet at a time, each cell turned back into its column's value
(:mod:`.restore_cells`), and inserted in bulk, parents before children
(``Base.metadata.sorted_tables``); a column that refers to its own table (who referred a
client, which card replaced which) is filled in after its table's rows are in. Each
table's rows must number what the ``_frontdesk`` sheet says. On PostgreSQL every id
sequence then starts after the largest id restored. All in one transaction, audited
(``all_data.restore``, by nobody: there is no account before the restore); a refusal,
an error or a Cancel leaves the database empty.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Table, bindparam, func, select, text, update

from frontdesk.core.context import Clock, system_clock
from frontdesk.core.jobs import Progress, check_cancelled, no_progress
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import DomainError, ValidationError
from frontdesk.migrate import recorded_revision
from frontdesk.models import Base
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.exports.all_data_format import FORMAT, META_SHEET, exported_tables
from frontdesk.services.imports.restore_cells import RowReader, whole_number
from frontdesk.services.imports.restore_file import check_workbook_file

BATCH = 2_000
"""Rows per bulk insert, and between two looks at Cancel."""


class DatabaseNotEmpty(DomainError):
    template = "The database is not empty: restore into a new, empty database."


class SchemaMismatch(DomainError):
    template = ("This workbook was exported at schema revision {file}, but the database is at "
                "{database}: restore it with the FrontDesk version that exported it.")


class NotMigrated(DomainError):
    template = ("The database has no FrontDesk schema yet: run `frontdesk db upgrade` first, "
                "then restore.")


class NotAllData(ValidationError):
    template = "{name} is not an \"all my data\" workbook of FrontDesk: {problem}."


@dataclass(frozen=True)
class Manifest:
    """What the ``_frontdesk`` sheet says."""

    revision: str
    rows: dict[str, int]
    sheets: dict[str, int]


@unit_of_work
def restore_all_data(db: Database, path: Path, *, cancel: threading.Event | None = None,
                     progress: Progress = no_progress,
                     clock: Clock = system_clock) -> dict[str, int]:
    """Read the workbook at ``path`` into the empty database ``db``: rows per table."""
    from python_calamine import CalamineWorkbook

    path = Path(path)
    check_workbook_file(path)
    book = CalamineWorkbook.from_path(str(path))
    tables = list(exported_tables(Base.metadata.sorted_tables))
    manifest = _manifest(book, path.name, tables)
    _check_revision(db, manifest.revision)
    loader = _Loader(book, manifest, cancel, progress)
    with db.write() as s:
        conn = s.connection()
        _refuse_rows(conn, tables)
        rows = {t.name: loader.load(conn, t) for t in tables}
        if not db.is_sqlite:
            _restart_sequences(conn, tables)
        audit.record(s, clock(), None, AuditAction.ALL_DATA_RESTORE, "", None,
                     f"file={path.name} tables={len(rows)} rows={sum(rows.values())}")
    return rows


def _manifest(book: Any, name: str, tables: list[Table]) -> Manifest:
    if META_SHEET not in book.sheet_names:
        raise NotAllData(field="file", name=name, problem=f"it has no {META_SHEET} sheet")
    lines = book.get_sheet_by_name(META_SHEET).to_python()
    values = {str(line[0]): line[1] for line in lines if len(line) > 1 and line[0]}
    try:
        if whole_number(values.get("format")) != FORMAT:
            raise NotAllData(field="file", name=name, problem="its format is not one this "
                             "version reads")
        rows = {str(line[0]): whole_number(line[1]) for line in lines[5:] if line and line[0]}
        sheets = {str(line[0]): whole_number(line[2]) for line in lines[5:] if line and line[0]}
    except Exception as exc:
        if isinstance(exc, DomainError):
            raise
        raise NotAllData(field="file", name=name, problem=f"its {META_SHEET} sheet is "
                         "damaged") from None
    expected = {t.name for t in tables}
    if set(rows) != expected:
        raise NotAllData(field="file", name=name, problem="its tables are not this version's")
    return Manifest(str(values.get("schema_revision", "")), rows, sheets)


def _check_revision(db: Database, revision: str) -> None:
    ours = recorded_revision(db)
    if ours is None:
        raise NotMigrated()
    if ours != revision:
        raise SchemaMismatch(file=revision or "?", database=ours)


def _refuse_rows(conn: Connection, tables: list[Table]) -> None:
    for table in tables:
        if conn.scalar(select(func.count()).select_from(select(table).limit(1).subquery())):
            raise DatabaseNotEmpty()


class _Loader:
    """Inserts each table's sheets in batches; counts, reports progress, minds Cancel."""

    def __init__(self, book: Any, manifest: Manifest, cancel: threading.Event | None,
                 progress: Progress) -> None:
        self._book = book
        self._manifest = manifest
        self._cancel = cancel
        self._progress = progress
        self._total = sum(manifest.rows.values())
        self._done = 0

    def load(self, conn: Connection, table: Table) -> int:
        reader = RowReader(table)
        later = _self_references(table)
        kept = [c for c in table.columns if c.onupdate is not None]
        pending: list[dict[str, Any]] = []
        fill_in: list[dict[str, Any]] = []
        count = 0
        for row in self._rows(table, reader):
            for column in later:
                if row[column.name] is not None:
                    fill_in.append({"b_column": column.name, "b_id": row["id"],
                                    "b_value": row[column.name],
                                    **{f"b_{c.name}": row[c.name] for c in kept}})
                    row[column.name] = None
            pending.append(row)
            count += 1
            if len(pending) == BATCH:
                self._insert(conn, table, pending)
        if pending:
            self._insert(conn, table, pending)
        _fill_in(conn, table, later, fill_in)
        if count != self._manifest.rows[table.name]:
            raise ValidationError(
                "Sheet {sheet}: {found} rows where the workbook says {expected}.",
                field="file", sheet=table.name, found=count,
                expected=self._manifest.rows[table.name])
        return count

    def _rows(self, table: Table, reader: RowReader) -> Iterator[dict[str, Any]]:
        sheets = max(1, self._manifest.sheets.get(table.name, 1))
        names = [table.name] + [f"{table.name}.{n}" for n in range(2, sheets + 1)]
        for name in names:
            if name not in self._book.sheet_names:
                raise ValidationError("The workbook has no sheet {sheet}.", field="file",
                                      sheet=name)
            lines = self._book.get_sheet_by_name(name).iter_rows()
            reader.check_heading(name, next(lines, []))
            for number, cells in enumerate(lines, 2):
                yield reader.read(name, number, cells)

    def _insert(self, conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        check_cancelled(self._cancel)
        conn.execute(table.insert(), rows)
        self._done += len(rows)
        rows.clear()
        self._progress("restore", self._done, self._total)


def _self_references(table: Table) -> list[Column[Any]]:
    """The columns of ``table`` that refer to ``table`` itself."""
    return [fk.parent for fk in table.foreign_keys if fk.column.table is table]


def _fill_in(conn: Connection, table: Table, columns: list[Column[Any]],
             values: list[dict[str, Any]]) -> None:
    """Set the self-references held back; a column updated on each update (``updated_at``)
    keeps its restored value."""
    kept = {c.name: bindparam(f"b_{c.name}") for c in table.columns if c.onupdate is not None}
    for column in columns:
        mine = [{k: v for k, v in value.items() if k != "b_column"} for value in values
                if value["b_column"] == column.name]
        if mine:
            conn.execute(update(table).where(table.c.id == bindparam("b_id"))
                         .values({column.name: bindparam("b_value"), **kept}), mine)


def _restart_sequences(conn: Connection, tables: list[Table]) -> None:
    """Each id sequence (PostgreSQL) to start after the largest id restored."""
    for table in tables:
        for column in table.primary_key.columns:
            sequence = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                   {"t": table.name, "c": column.name})
            if sequence:
                conn.execute(text(f'SELECT setval(:s, COALESCE((SELECT MAX("{column.name}") '
                                  f'FROM "{table.name}"), 0) + 1, false)'), {"s": sequence})
