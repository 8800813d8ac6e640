"""Writing a list as a workbook (``Services.exports``).

One read transaction (a snapshot on PostgreSQL too) streams the rows (``yield_per``: a
thousand at a time, a server-side cursor on PostgreSQL) into a write-only sheet, so a list
of any length is never all in memory. The job is checked for Cancel every thousand rows;
a cancel or an error leaves no file (:func:`~frontdesk.services.spreadsheet.replace_whole`).
The export is audited (``list.export``: the kind, the filters, the rows) in its own write
transaction once the file is in place.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.jobs import Progress, check_cancelled, no_progress
from frontdesk.core.permissions import check_signed
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ValidationError
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.exports import care, clients, complaints, ledger, surveys, visits
from frontdesk.services.exports.kinds import ExportKind, ExportResult, Filter
from frontdesk.services.exports.lists import ListSpec, Values
from frontdesk.services.exports.sheet import SheetWriter
from frontdesk.services.exports.words import ExportWords
from frontdesk.services.spreadsheet import replace_whole

CHUNK = 1000
SPECS: dict[ExportKind, ListSpec] = {
    ExportKind.CLIENTS: clients.SPEC, ExportKind.VISITS: visits.SPEC,
    ExportKind.CARD_LEDGER: ledger.SPEC, ExportKind.CARE: care.SPEC,
    ExportKind.COMPLAINTS: complaints.SPEC, ExportKind.SURVEYS: surveys.SPEC}
SHEETS = {ExportKind.CLIENTS: "Clients", ExportKind.VISITS: "Visits",
          ExportKind.CARD_LEDGER: "Card ledger", ExportKind.CARE: "Care tasks",
          ExportKind.COMPLAINTS: "Complaints", ExportKind.SURVEYS: "Surveys"}


def check_path(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("Export to an .xlsx file.", field="path")
    return path


def filters_text(flt: Any) -> str:
    """The filters a person chose, as the audit shows them (defaults left out)."""
    if flt is None or not dataclasses.is_dataclass(flt) or isinstance(flt, type):
        return ""
    default: Any = type(flt)()
    changed = [f"{f.name}={getattr(flt, f.name)!r}" for f in dataclasses.fields(flt)
               if getattr(flt, f.name) != getattr(default, f.name)]
    return " ".join(changed)


class ExportService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    @unit_of_work
    def export(self, actor: Actor, kind: ExportKind, path: Path, words: ExportWords,
               filters: Filter | None = None, *, cancel: threading.Event | None = None,
               progress: Progress = no_progress) -> ExportResult:
        """Write the list ``kind`` with ``filters`` (``None``: all the actor may see) to
        ``path`` (an ``.xlsx``) in ``words``; audited."""
        check_signed(actor)
        spec = SPECS[ExportKind(kind)]
        spec.authorise(actor)
        flt = spec.filter_type() if filters is None else filters
        if not isinstance(flt, spec.filter_type):
            raise ValidationError("These filters are not for this list.", field="filters")
        path = check_path(Path(path))
        now = self._clock()
        statement = spec.statement(actor, flt, now)
        rows = 0

        def write(tmp: Path) -> None:
            nonlocal rows
            rows = self._write(tmp, kind, spec, actor, statement, words, cancel, progress)

        replace_whole(path, write)
        with self._db.write() as s:
            audit.record(s, now, actor, AuditAction.LIST_EXPORT, "branch", actor.branch_id,
                         f"kind={kind} rows={rows} file={path.name} {filters_text(flt)}"
                         .strip())
        return ExportResult(path, rows)

    def _write(self, tmp: Path, kind: ExportKind, spec: ListSpec, actor: Actor,
               statement: Any, words: ExportWords, cancel: threading.Event | None,
               progress: Progress) -> int:
        from openpyxl import Workbook  # imported here: the sign-in does not wait for it

        book = Workbook(write_only=True)
        sheet = SheetWriter(book, words.sheets.get(kind, SHEETS[kind]), spec.columns,
                            words.headings.get(kind, ()))
        try:
            rows = self._stream(sheet, spec.values(actor), statement, words, cancel, progress)
            check_cancelled(cancel)
        except BaseException:
            sheet.abandon()
            raise
        book.save(tmp)
        return rows

    @unit_of_work
    def _stream(self, sheet: SheetWriter, values: Values, statement: Any, words: ExportWords,
                cancel: threading.Event | None, progress: Progress) -> int:
        """Append the rows, a chunk at a time, checking for Cancel between chunks."""
        with self._db.read() as s:
            _snapshot(self._db, s)
            total = s.scalar(select(func.count()).select_from(statement.subquery())) or 0
            progress("export", 0, total)
            rows = 0
            result = s.execute(statement.execution_options(yield_per=CHUNK))
            for chunk in result.partitions():
                check_cancelled(cancel)
                for row in chunk:
                    sheet.append(values(row, words))
                rows += len(chunk)
                progress("export", rows, total)
        return rows


def _snapshot(db: Database, s: Session) -> None:
    if not db.is_sqlite:  # the count and the rows on one snapshot, as SQLite's read has
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
