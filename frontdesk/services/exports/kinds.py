"""What may be exported, and the filters of each list screen (``None``: everything the
actor may see)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path

from frontdesk.models.card import OperationKind
from frontdesk.models.care import CareKind
from frontdesk.models.complaint import ComplaintStage


class ExportKind(enum.StrEnum):
    CLIENTS = "clients"
    VISITS = "visits"
    CARD_LEDGER = "card_ledger"
    CARE = "care"
    COMPLAINTS = "complaints"
    SURVEYS = "surveys"


@dataclass(frozen=True)
class Period:
    """Local calendar days, both ends included; ``None`` leaves that end open."""

    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class ClientFilter:
    """The client list: a name, phone tail or member number; a tier; registered in ``period``."""

    query: str = ""
    tier: str | None = None
    period: Period = field(default_factory=Period)


@dataclass(frozen=True)
class VisitFilter:
    """The visits and consumption history: one client's, or all, visits arrived in ``period``."""

    client_id: int | None = None
    period: Period = field(default_factory=Period)


@dataclass(frozen=True)
class LedgerFilter:
    """The card ledger: one card's or one client's operations, of some kinds, in ``period``."""

    card_id: int | None = None
    client_id: int | None = None
    kinds: frozenset[OperationKind] | None = None
    period: Period = field(default_factory=Period)


@dataclass(frozen=True)
class CareFilter:
    """The due list: one staff member's tasks or the pool's (as the screen's scope), of some
    kinds, open ones only or all, due in ``period``."""

    staff_id: int | None = None
    pool: bool = False
    kinds: frozenset[CareKind] | None = None
    open_only: bool = False
    period: Period = field(default_factory=Period)


@dataclass(frozen=True)
class ComplaintExportFilter:
    """The case list: open ones only, a stage, an owner, mine, overdue, a client, a text;
    received in ``period``."""

    open_only: bool = False
    stage: ComplaintStage | None = None
    owner_id: int | None = None
    mine: bool = False
    overdue_only: bool = False
    client_id: int | None = None
    text: str = ""
    period: Period = field(default_factory=Period)


@dataclass(frozen=True)
class SurveyFilter:
    """The surveys: low scores only, one client's, answered in ``period``."""

    low_only: bool = False
    client_id: int | None = None
    period: Period = field(default_factory=Period)


Filter = (ClientFilter | VisitFilter | LedgerFilter | CareFilter | ComplaintExportFilter
          | SurveyFilter)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    """Data rows written (the heading row not counted)."""
