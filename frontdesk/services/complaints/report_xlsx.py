"""The month's complaints report as one workbook (openpyxl): a summary sheet and a sheet per
table — the complaints, the surveys, the spot checks.

Every text cell is made safe (:func:`frontdesk.services.spreadsheet.safe_cell`: a
spreadsheet never runs it as a formula). Numbers are numbers: counts as integers,
money in yuan with two decimals from the integer fen exactly (a Decimal), shares as
the exact fraction's value under a percent format, times in local time. Phones are
masked. The file is written beside its place and moved there when whole. openpyxl is
imported when a workbook is written (the sign-in does not wait for it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from frontdesk.errors import ValidationError
from frontdesk.services.complaints.report_views import (
    TARGET_LOYAL,
    TARGET_SATISFIED,
    ComplaintFigures,
    ComplaintLine,
    MonthReport,
    SatisfactionFigures,
    SurveyLine,
)
from frontdesk.services.complaints.report_words import ReportWords
from frontdesk.services.spreadsheet import replace_whole, safe_value

PERCENT, MONEY, DECIMAL, WHEN = "0.0%", "#,##0.00", "0.00", "yyyy-mm-dd hh:mm"
_NOT_IN_TITLES = re.compile(r"[\[\]:*?/\\]")
Lines = tuple[tuple[ComplaintLine, ...], tuple[SurveyLine, ...]]


def check_path(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("Export to an .xlsx file.", field="path")
    return path


def yuan(fen: int) -> Decimal:
    """Integer fen as yuan with two decimals, exactly (12345 → Decimal('123.45'))."""
    return Decimal(fen).scaleb(-2)


def number(value: Fraction | None) -> float | None:
    """An exact share or mean as the cell's number (the workbook's only rounding)."""
    return None if value is None else float(value)


def local(at: dt.datetime | None) -> dt.datetime | None:
    """A cell's time: local, without a zone (a workbook has none)."""
    return None if at is None else at.astimezone().replace(tzinfo=None, microsecond=0)


def sheet_title(text: str) -> str:
    """A sheet's name as a workbook allows it: without ``[]:*?/\\``, no apostrophe at
    either end, at most 31 characters (a name is never run, so it needs no escaping)."""
    return _NOT_IN_TITLES.sub("", text)[:31].strip("'") or "Sheet"


class _Sheet:
    """A write-only sheet whose cells are made safe, with a format where one is given."""

    def __init__(self, book: Any, title: str, widths: Sequence[int] = ()) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        self._cell = WriteOnlyCell
        self._sheet = book.create_sheet(title=sheet_title(title))
        for i, width in enumerate(widths, 1):
            self._sheet.column_dimensions[get_column_letter(i)].width = width

    def row(self, *values: object, formats: Sequence[str | None] = ()) -> None:
        cells = []
        for i, value in enumerate(values):
            cell = self._cell(self._sheet, value=safe_value(value))  # type: ignore[arg-type]
            fmt = formats[i] if i < len(formats) else None
            if fmt and value is not None:
                cell.number_format = fmt
            cells.append(cell)
        self._sheet.append(cells)


def _figure_rows(w: ReportWords, now: ComplaintFigures, then: ComplaintFigures,
                 sat: SatisfactionFigures, sat_then: SatisfactionFigures
                 ) -> list[tuple[str, object, object, object, str | None]]:
    t = w.summary
    return [
        (t.received, now.received, then.received, None, None),
        (t.resolved, now.resolved, then.resolved, None, None),
        (t.median_hours, number(now.median_resolve_hours),
         number(then.median_resolve_hours), None, DECIMAL),
        (t.escalations, now.escalations, then.escalations, None, None),
        (t.escalated_cases, now.escalated_cases, then.escalated_cases, None, None),
        (t.reopens, now.reopens, then.reopens, None, None),
        (t.reopen_rate, number(now.reopen_rate), number(then.reopen_rate), None, PERCENT),
        (t.compensation, yuan(now.compensation_fen), yuan(then.compensation_fen), None, MONEY),
        (t.surveys, sat.surveys, sat_then.surveys, None, None),
        (t.low, sat.low, sat_then.low, None, None),
        (t.loyalty, number(sat.loyalty), number(sat_then.loyalty), float(TARGET_LOYAL),
         PERCENT),
        (t.nps, number(sat.nps), number(sat_then.nps), None, DECIMAL),
    ]


def _counts(sheet: _Sheet, title: str, now: Iterable[tuple[Any, int]],
            then: Iterable[tuple[Any, int]], names: Any) -> None:
    before = dict(then)
    sheet.row()
    sheet.row(title)
    for key, n in now:
        sheet.row(names[key], n, before.get(key, 0))


def _summary(book: Any, w: ReportWords, r: MonthReport) -> None:
    t, now, then = w.summary, r.complaints, r.previous.complaints
    sheet = _Sheet(book, w.summary_sheet, (40, 14, 22, 12, 12))
    sheet.row(t.title.format(month=f"{r.month:%Y-%m}"))
    sheet.row(t.figure, t.this_month, t.previous_month.format(month=f"{r.previous.month:%Y-%m}"),
              t.target)
    for label, value, before, target, fmt in _figure_rows(w, now, then, r.satisfaction,
                                                          r.previous.satisfaction):
        sheet.row(label, value, before, target, formats=(None, fmt, fmt, fmt))
    _counts(sheet, t.by_category, now.by_category, then.by_category, w.categories)
    _counts(sheet, t.by_severity, now.by_severity, then.by_severity, w.severities)
    _counts(sheet, t.by_channel, now.by_channel, then.by_channel, w.channels)
    sheet.row()
    sheet.row(t.by_staff)
    for staff in now.by_staff:
        sheet.row(staff.name if staff.staff_id is not None else t.no_staff, staff.complaints)
    sheet.row()
    sheet.row(t.dimension, t.answers, t.mean, t.satisfied, t.target)
    for d in r.satisfaction.dimensions:
        sheet.row(w.dimensions[d.dimension], d.answers, number(d.mean),
                  number(d.satisfied_share), float(TARGET_SATISFIED),
                  formats=(None, None, DECIMAL, PERCENT, PERCENT))
    sheet.row()
    checks = r.spot_checks
    sheet.row(t.checks, len(checks.checks))
    for label, n in ((t.sampled, checks.sampled), (t.passed, checks.passed),
                     (t.failed, checks.failed)):
        sheet.row(label, n)


def _yes_no(w: ReportWords, value: bool | None) -> str:
    return "" if value is None else (w.yes if value else w.no)


def _complaints(book: Any, w: ReportWords, lines: Iterable[ComplaintLine]) -> None:
    sheet = _Sheet(book, w.complaints_sheet,
                   (16, 17, 17, 17, 14, 10, 12, 12, 14, 14, 12, 12, 14, 10, 10))
    sheet.row(*w.complaint_headers)
    formats = (None, WHEN, WHEN, WHEN, *[None] * 8, MONEY)
    for c in lines:
        sheet.row(c.ref_no, local(c.received_at), local(c.resolved_at), local(c.closed_at),
                  w.categories[c.category], w.severities[c.severity], w.channels[c.channel],
                  w.stages[c.stage], c.client, c.phone, c.staff, c.owner,
                  yuan(c.compensation_fen), c.reopen_count, _yes_no(w, c.satisfied),
                  formats=formats)


def _surveys(book: Any, w: ReportWords, lines: Iterable[SurveyLine]) -> None:
    sheet = _Sheet(book, w.surveys_sheet, (17, 14, 14, 10, 10, 10, 10, 10, 12, 8, 40))
    head = w.survey_headers
    sheet.row(*head[:3], *w.dimensions.values(), *head[3:])
    for v in lines:
        sheet.row(local(v.answered_at), v.client, v.phone, *v.scores, v.recommend,
                  _yes_no(w, v.low), v.comment, formats=(WHEN,))


def _checks(book: Any, w: ReportWords, r: MonthReport) -> None:
    sheet = _Sheet(book, w.checks_sheet, (12, 17, 10, 8, 8, 8, 30, 30, 30, 30))
    sheet.row(*w.check_headers)
    for c in r.spot_checks.checks:
        sheet.row(c.inspector, local(c.finished_at), c.sampled, c.passed, c.failed, c.pending,
                  c.content, c.results, c.problems, c.fixes, formats=(None, WHEN))


def write_workbook(path: Path, report: MonthReport, lines: Lines, words: ReportWords) -> None:
    """Write the workbook (see the module docstring) to ``path``, whole or not at all."""
    from openpyxl import Workbook

    def write(tmp: Path) -> None:
        book = Workbook(write_only=True)
        _summary(book, words, report)
        _complaints(book, words, lines[0])
        _surveys(book, words, lines[1])
        _checks(book, words, report)
        book.save(tmp)

    replace_whole(path, write)
