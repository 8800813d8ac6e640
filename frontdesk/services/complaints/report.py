"""The month's complaints and satisfaction report (``Services.complaint_report``).

For one branch and one calendar month in local time (``[start, end)``, UTC bounds of
the local days), beside the month before:

- **received**: the complaints whose ``received_at`` is in the month, counted by
  category, severity, channel and the staff member they concern;
- **resolved** and the **median time to resolve**: the complaints whose (last)
  ``resolved_at`` is in the month, and the median of their ``resolved_at −
  received_at`` in hours (an exact Fraction: the mean of the middle two when even);
- **compensation**: the sum of ``compensation_fen`` of those resolved in the month
  (the resolution books it in its own transaction);
- **deadlines missed**: the steps of kind ESCALATED dated in the month
  (``escalations``), and how many cases they concern (``escalated_cases``);
- **reopen rate**: of the complaints received in the month, the share reopened at
  least once so far (``reopen_count > 0``); ``reopens`` counts the steps of kind
  REOPENED dated in the month, whenever their cases were received;
- **satisfaction**: the surveys whose ``answered_at`` is in the month. Per dimension the
  answers, their mean and the share satisfied (a score of 4 or 5) against the 85 %
  target; a client is **loyal** when they answer 9 or 10 to "how likely to recommend
  us" (a promoter), and the loyalty is the promoters' share of the surveys that
  answered that question, against the 70 % target; NPS = %promoters (9–10) −
  %detractors (0–6) of the same surveys, in points;
- **spot checks**: the month's quality checks (``QualityCheck.month``), with the calls
  each sampled, passed and failed.

Counts and sums are SQL aggregates, each read by the month's index: the complaints
received through ``ix_complaint_branch_received``, those resolved through
``ix_complaint_branch_resolved``, the steps through ``ix_complaint_step_kind_at`` and the
surveys through ``ix_survey_branch_answered``.
One read transaction (a snapshot on PostgreSQL too); seeing it is audited
(``complaint.report_view``), as is the export (``complaint.report_export``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_day_bounds
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ValidationError
from frontdesk.models import Staff
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStep,
    StepKind,
)
from frontdesk.models.survey import Survey, SurveyDimension
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.complaints.report_checks import spot_checks
from frontdesk.services.complaints.report_lines import Bounds, read_lines
from frontdesk.services.complaints.report_views import (
    DETRACTOR_MAX,
    PROMOTER_SCORE,
    SATISFIED_SCORE,
    ComplaintFigures,
    DimensionScore,
    MonthFigures,
    MonthReport,
    SatisfactionFigures,
    StaffCount,
)
from frontdesk.services.complaints.report_words import ReportWords


def first_of(month: object) -> dt.date:
    """The first day of ``month``'s month (any day of it), or ValidationError."""
    if not isinstance(month, dt.date) or isinstance(month, dt.datetime):
        raise ValidationError("Choose a month.", field="month")
    return month.replace(day=1)


def previous_month(first: dt.date) -> dt.date:
    return (first - dt.timedelta(days=1)).replace(day=1)


def month_bounds(first: dt.date) -> Bounds:
    """The UTC start and end of a local calendar month."""
    following = (first + dt.timedelta(days=31)).replace(day=1)
    return local_day_bounds(first)[0], local_day_bounds(following)[0]


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _received(branch_id: int, bounds: Bounds) -> ColumnElement[bool]:
    return and_(Complaint.branch_id == branch_id, Complaint.received_at >= bounds[0],
                Complaint.received_at < bounds[1])


@dataclass
class _Received:
    """The month's received cases counted by category, severity, channel and staff member."""

    categories: Counter[ComplaintCategory] = field(default_factory=Counter)
    severities: Counter[ComplaintSeverity] = field(default_factory=Counter)
    channels: Counter[ComplaintChannel] = field(default_factory=Counter)
    staff: Counter[int | None] = field(default_factory=Counter)
    reopened: int = 0


def _received_counts(s: Session, branch_id: int, bounds: Bounds) -> _Received:
    """One pass over the month's range: counts by the four columns together, summed here."""
    found = _Received()
    rows = s.execute(
        select(Complaint.category, Complaint.severity, Complaint.channel, Complaint.staff_id,
               func.count(), _count_if(Complaint.reopen_count > 0))
        .where(_received(branch_id, bounds))
        .group_by(Complaint.category, Complaint.severity, Complaint.channel,
                  Complaint.staff_id))
    for category, severity, channel, staff_id, n, reopened in rows:
        found.categories[category] += n
        found.severities[severity] += n
        found.channels[channel] += n
        found.staff[staff_id] += n
        found.reopened += int(reopened)
    return found


def _by_staff(s: Session, counts: Counter[int | None]) -> tuple[StaffCount, ...]:
    ids = [i for i in counts if i is not None]
    names = {i: name for i, name in s.execute(
        select(Staff.id, Staff.display_name).where(Staff.id.in_(ids)))} if ids else {}
    rows = [StaffCount(i, names.get(i, "") if i is not None else "", n)
            for i, n in counts.items()]
    return tuple(sorted(rows, key=lambda r: (-r.complaints, r.staff_id is None, r.name)))


def _resolutions(s: Session, branch_id: int, bounds: Bounds) -> tuple[int, Fraction | None, int]:
    """How many resolved in the month, the median hours to resolve, the compensation."""
    rows = s.execute(select(Complaint.received_at, Complaint.resolved_at,
                            Complaint.compensation_fen)
                     .where(Complaint.branch_id == branch_id, Complaint.resolved_at >= bounds[0],
                            Complaint.resolved_at < bounds[1])).all()
    seconds = [int((resolved - received).total_seconds()) for received, resolved, _ in rows
               if resolved is not None]
    return len(rows), median_hours(seconds), sum(int(fen) for *_, fen in rows)


def median_hours(seconds: list[int]) -> Fraction | None:
    """The median of whole seconds, in hours, exactly (the middle two's mean when even)."""
    if not seconds:
        return None
    ordered, middle = sorted(seconds), len(seconds) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle], 3600)
    return Fraction(ordered[middle - 1] + ordered[middle], 2 * 3600)


def _steps(s: Session, branch_id: int, bounds: Bounds) -> dict[StepKind, tuple[int, int]]:
    """The month's ESCALATED and REOPENED steps: (steps, distinct cases) by kind."""
    rows = s.execute(
        select(ComplaintStep.kind, func.count(), func.count(func.distinct(Complaint.id)))
        .select_from(ComplaintStep)
        .join(Complaint, Complaint.id == ComplaintStep.complaint_id)
        .where(Complaint.branch_id == branch_id,
               ComplaintStep.kind.in_((StepKind.ESCALATED, StepKind.REOPENED)),
               ComplaintStep.at >= bounds[0], ComplaintStep.at < bounds[1])
        .group_by(ComplaintStep.kind))
    return {kind: (int(n), int(cases)) for kind, n, cases in rows}


def complaint_figures(s: Session, branch_id: int, bounds: Bounds) -> ComplaintFigures:
    received = _received_counts(s, branch_id, bounds)
    resolved, median, compensation = _resolutions(s, branch_id, bounds)
    steps = _steps(s, branch_id, bounds)
    escalations, escalated_cases = steps.get(StepKind.ESCALATED, (0, 0))
    return ComplaintFigures(
        received=sum(received.categories.values()),
        by_category=tuple((c, received.categories[c]) for c in ComplaintCategory),
        by_severity=tuple((c, received.severities[c]) for c in ComplaintSeverity),
        by_channel=tuple((c, received.channels[c]) for c in ComplaintChannel),
        by_staff=_by_staff(s, received.staff), reopened_cases=received.reopened,
        resolved=resolved, median_resolve_hours=median, compensation_fen=compensation,
        escalations=escalations, escalated_cases=escalated_cases,
        reopens=steps.get(StepKind.REOPENED, (0, 0))[0])


def _satisfaction_statement(branch_id: int, bounds: Bounds) -> Select[Any]:
    columns: list[ColumnElement[Any]] = [func.count(), _count_if(Survey.low.is_(True))]
    for dimension in SurveyDimension:
        score = getattr(Survey, dimension.value)
        columns += [func.count(score), func.coalesce(func.sum(score), 0),
                    _count_if(score >= SATISFIED_SCORE)]
    columns += [func.count(Survey.recommend), _count_if(Survey.recommend >= PROMOTER_SCORE),
                _count_if(Survey.recommend <= DETRACTOR_MAX)]
    return select(*columns).where(
        Survey.branch_id == branch_id, Survey.answered_at >= bounds[0],
        Survey.answered_at < bounds[1])


def satisfaction_figures(s: Session, branch_id: int, bounds: Bounds) -> SatisfactionFigures:
    row = [int(v) for v in s.execute(_satisfaction_statement(branch_id, bounds)).one()]
    dimensions = tuple(DimensionScore(d, *row[2 + 3 * i:5 + 3 * i])
                       for i, d in enumerate(SurveyDimension))
    answers, promoters, detractors = row[-3:]
    return SatisfactionFigures(surveys=row[0], low=row[1], dimensions=dimensions,
                               recommend_answers=answers, promoters=promoters,
                               detractors=detractors)


def month_report(s: Session, branch_id: int, first: dt.date, now: dt.datetime) -> MonthReport:
    """The report of ``branch_id``'s month starting on ``first`` (see the module docstring)."""
    bounds = month_bounds(first)
    before = previous_month(first)
    earlier = month_bounds(before)
    return MonthReport(
        branch_id=branch_id, month=first, made_at=now,
        complaints=complaint_figures(s, branch_id, bounds),
        satisfaction=satisfaction_figures(s, branch_id, bounds),
        spot_checks=spot_checks(s, branch_id, first),
        previous=MonthFigures(before, complaint_figures(s, branch_id, earlier),
                              satisfaction_figures(s, branch_id, earlier)))


def _snapshot(db: Database, s: Session) -> None:
    if not db.is_sqlite:  # every statement on one snapshot, as SQLite's read has
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})


class ComplaintReportService:
    """The month's complaints, satisfaction and spot checks, on screen and as a workbook."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    @unit_of_work
    def month(self, actor: Actor, month: dt.date) -> MonthReport:
        """The report of ``actor``'s branch for ``month`` (any day of it), audited."""
        require(actor, Action.VIEW_COMPLAINT_REPORTS)
        first = first_of(month)
        with self._db.read() as s:
            _snapshot(self._db, s)
            report = month_report(s, actor.branch_id, first, self._clock())
        with self._db.write() as s:
            audit.record(s, report.made_at, actor, AuditAction.COMPLAINT_REPORT_VIEW, "branch",
                         actor.branch_id, f"month={first:%Y-%m}")
        return report

    @unit_of_work
    def export(self, actor: Actor, month: dt.date, path: Path,
               words: ReportWords | None = None) -> Path:
        """The month's workbook at ``path`` (an ``.xlsx``), in ``words`` (English by
        default: the screens and the command pass their language's), audited."""
        from frontdesk.services.complaints.report_xlsx import check_path, write_workbook

        require(actor, Action.VIEW_COMPLAINT_REPORTS)
        first, path = first_of(month), check_path(Path(path))
        with self._db.read() as s:
            _snapshot(self._db, s)
            report = month_report(s, actor.branch_id, first, self._clock())
            lines = read_lines(s, actor.branch_id, month_bounds(first))
        write_workbook(path, report, lines, words or ReportWords())
        with self._db.write() as s:
            audit.record(s, report.made_at, actor, AuditAction.COMPLAINT_REPORT_EXPORT,
                         "branch", actor.branch_id, f"month={first:%Y-%m} file={path.name}")
        return path
