"""What the complaint service hands the screens: frozen views of cases, drafts and settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from frontdesk.models.card import VoucherKind
from frontdesk.models.complaint import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintSource,
    ComplaintStage,
    Remedy,
    StepKind,
)


@dataclass(frozen=True)
class ComplaintDraft:
    """A complaint as the intake screen takes it."""

    client_id: int | None
    channel: ComplaintChannel
    category: ComplaintCategory
    severity: ComplaintSeverity
    words: str
    asks: str = ""
    complainant: str = ""
    visit_id: int | None = None
    staff_id: int | None = None
    service_item_id: int | None = None
    owner_id: int | None = None


@dataclass(frozen=True)
class ComplaintRow:
    complaint_id: int
    ref_no: str
    client_id: int | None
    client_name: str
    phone: str
    category: ComplaintCategory
    severity: ComplaintSeverity
    channel: ComplaintChannel
    stage: ComplaintStage
    owner_id: int | None
    owner_name: str
    staff_name: str
    received_at: dt.datetime
    due_at: dt.datetime | None
    overdue: bool
    escalated: bool
    version: int


@dataclass(frozen=True)
class StepView:
    kind: StepKind
    at: dt.datetime
    staff_name: str
    from_stage: ComplaintStage | None
    to_stage: ComplaintStage | None
    note: str


@dataclass(frozen=True)
class ComplaintCase:
    row: ComplaintRow
    words: str
    asks: str
    complainant: str
    visit_id: int | None
    visit_label: str
    service_name: str
    findings: str
    remedies: tuple[Remedy, ...]
    resolution_note: str
    corrective_action: str
    compensation_fen: int
    voucher_code: str | None
    satisfied: bool | None
    feedback_note: str
    reopen_count: int
    source: ComplaintSource
    survey_id: int | None
    steps: tuple[StepView, ...]
    allowed_moves: tuple[ComplaintStage, ...]


@dataclass(frozen=True)
class Compensation:
    kind: Literal["voucher", "credit"]
    value_fen: int
    title: str = ""
    voucher_kind: VoucherKind = VoucherKind.SPA
    expires_on: dt.date | None = None
    card_id: int | None = None


@dataclass(frozen=True)
class Resolution:
    remedies: tuple[Remedy, ...]
    note: str
    corrective_action: str
    compensation: Compensation | None = None


@dataclass(frozen=True)
class Deadlines:
    severity: ComplaintSeverity
    acknowledge_hours: int
    resolve_hours: int
    feedback_hours: int


DEFAULT_DEADLINES = (
    Deadlines(ComplaintSeverity.LOW, 48, 168, 72),
    Deadlines(ComplaintSeverity.MEDIUM, 24, 72, 48),
    Deadlines(ComplaintSeverity.HIGH, 4, 24, 24),
)


@dataclass(frozen=True)
class ComplaintFilter:
    open_only: bool = True
    stage: ComplaintStage | None = None
    owner_id: int | None = None
    mine: bool = False
    overdue_only: bool = False
    client_id: int | None = None
    text: str = ""
    limit: int = 200
