"""The month's complaints and satisfaction report as plain data (frozen dataclasses).

Every count is an int, money is integer fen, and every share, mean or rate is an exact
:class:`~fractions.Fraction` (None when there is nothing to divide by), rendered at the
edge (:func:`per_mille` for a screen or a text; the workbook writes the fraction's
value with a percent format). The definitions are in :mod:`.report`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from frontdesk.models.complaint import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStage,
)
from frontdesk.models.survey import SurveyDimension

TARGET_SATISFIED = Fraction(85, 100)
"""domain/001: 85% of the answers to each dimension satisfied (a score of 4 or 5)."""
TARGET_LOYAL = Fraction(70, 100)
"""domain/001: 70% of the clients loyal (a promoter: 9 or 10 for recommending us)."""
SATISFIED_SCORE = 4
PROMOTER_SCORE = 9
DETRACTOR_MAX = 6


def share(part: int, whole: int) -> Fraction | None:
    return Fraction(part, whole) if whole else None


def per_mille(value: Fraction) -> int:
    """``value`` in thousandths, rounded half away from zero (Fraction(2, 3) → 667)."""
    scaled = abs(value) * 1000
    rounded = int(scaled + Fraction(1, 2))
    return rounded if value >= 0 else -rounded


def tenths_text(value: Fraction | int | None, none: str = "–") -> str:
    """``20.5`` (one decimal, rounded half away from zero, exactly), or ``none``."""
    if value is None:
        return none
    tenths = per_mille(Fraction(value) / 100)
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    return f"{sign}{whole}.{tenth}"


def percent_text(value: Fraction | None, none: str = "–") -> str:
    """``86.7%`` (one decimal, exact rounding), or ``none``."""
    return none if value is None else tenths_text(value * 100) + "%"


@dataclass(frozen=True)
class StaffCount:
    """The month's complaints concerning one staff member (None: no staff member named)."""

    staff_id: int | None
    name: str
    complaints: int


@dataclass(frozen=True)
class ComplaintFigures:
    """One month's complaint figures (see :mod:`.report` for each definition)."""

    received: int
    by_category: tuple[tuple[ComplaintCategory, int], ...]
    by_severity: tuple[tuple[ComplaintSeverity, int], ...]
    by_channel: tuple[tuple[ComplaintChannel, int], ...]
    by_staff: tuple[StaffCount, ...]
    reopened_cases: int
    resolved: int
    median_resolve_hours: Fraction | None
    compensation_fen: int
    escalations: int
    escalated_cases: int
    reopens: int

    @property
    def reopen_rate(self) -> Fraction | None:
        return share(self.reopened_cases, self.received)


@dataclass(frozen=True)
class DimensionScore:
    """The month's answers on one dimension: how many, their sum, how many satisfied."""

    dimension: SurveyDimension
    answers: int
    total: int
    satisfied: int

    @property
    def mean(self) -> Fraction | None:
        return share(self.total, self.answers)

    @property
    def satisfied_share(self) -> Fraction | None:
        return share(self.satisfied, self.answers)

    @property
    def meets_target(self) -> bool | None:
        value = self.satisfied_share
        return None if value is None else value >= TARGET_SATISFIED


@dataclass(frozen=True)
class SatisfactionFigures:
    """One month's surveys: the dimensions, and the recommend question's promoters (9–10)
    and detractors (0–6) among the surveys that answered it."""

    surveys: int
    low: int
    dimensions: tuple[DimensionScore, ...]
    recommend_answers: int
    promoters: int
    detractors: int

    @property
    def loyalty(self) -> Fraction | None:
        """The share of loyal clients: promoters among the surveys that answered."""
        return share(self.promoters, self.recommend_answers)

    @property
    def loyalty_meets_target(self) -> bool | None:
        value = self.loyalty
        return None if value is None else value >= TARGET_LOYAL

    @property
    def nps(self) -> Fraction | None:
        """%promoters − %detractors, in points (−100…100)."""
        value = share(self.promoters - self.detractors, self.recommend_answers)
        return None if value is None else value * 100

    def dimension(self, dimension: SurveyDimension) -> DimensionScore:
        return next(d for d in self.dimensions if d.dimension is dimension)


@dataclass(frozen=True)
class SpotCheckLine:
    """One spot check of the month's care calls: the calls sampled and the verdicts."""

    check_id: int
    inspector: str
    finished_at: dt.datetime | None
    sampled: int
    passed: int
    failed: int
    content: str
    results: str
    problems: str
    fixes: str

    @property
    def pending(self) -> int:
        return self.sampled - self.passed - self.failed


@dataclass(frozen=True)
class SpotChecks:
    checks: tuple[SpotCheckLine, ...]

    @property
    def sampled(self) -> int:
        return sum(c.sampled for c in self.checks)

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks)

    @property
    def failed(self) -> int:
        return sum(c.failed for c in self.checks)


@dataclass(frozen=True)
class MonthFigures:
    month: dt.date
    complaints: ComplaintFigures
    satisfaction: SatisfactionFigures


@dataclass(frozen=True)
class MonthReport:
    """One branch's month (``month`` is its first day, local time) beside the month before."""

    branch_id: int
    month: dt.date
    made_at: dt.datetime
    complaints: ComplaintFigures
    satisfaction: SatisfactionFigures
    spot_checks: SpotChecks
    previous: MonthFigures


@dataclass(frozen=True)
class ComplaintLine:
    """One of the month's complaints, for the workbook (the phone masked)."""

    ref_no: str
    received_at: dt.datetime
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    category: ComplaintCategory
    severity: ComplaintSeverity
    channel: ComplaintChannel
    stage: ComplaintStage
    client: str
    phone: str
    staff: str
    owner: str
    compensation_fen: int
    reopen_count: int
    satisfied: bool | None


@dataclass(frozen=True)
class SurveyLine:
    """One of the month's surveys, for the workbook (the phone masked)."""

    answered_at: dt.datetime
    client: str
    phone: str
    scores: tuple[int | None, ...]
    """In the order of :class:`~frontdesk.models.survey.SurveyDimension`."""
    recommend: int | None
    low: bool
    comment: str
