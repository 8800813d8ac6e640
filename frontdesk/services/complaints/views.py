"""What the complaint service takes and returns: frozen views, never ORM rows.

The deadlines' defaults (hours, by severity) are here too: a store's
``complaint_deadline`` rows override them (:mod:`.deadlines`).
"""

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
    """A complaint as the desk takes it. ``owner_id`` None: the store's first active
    complaint handler, else its manager, else nobody (the manager's list shows it)."""

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
    """One case on the list."""

    complaint_id: int
    ref_no: str
    client_id: int | None
    client_name: str
    phone: str
    """Masked unless the actor may see it (HANDLE_COMPLAINTS, on the case)."""
    category: ComplaintCategory
    severity: ComplaintSeverity
    channel: ComplaintChannel
    stage: ComplaintStage
    owner_id: int | None
    owner_name: str
    staff_name: str
    """The staff member the complaint concerns ('' for none)."""
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
    """'' for the deadline timer's escalation."""
    from_stage: ComplaintStage | None
    to_stage: ComplaintStage | None
    note: str


@dataclass(frozen=True)
class ComplaintCase:
    """A case in full: the row, what was said and found and done, every step."""

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
    """What the store gives: a voucher (through the card ledger), or a credit to a member
    card's bonus balance (needs a manager's approval: ``approver`` of ``resolve``)."""

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
    """A severity's hours: intake → acknowledged, intake → resolved, resolved → answered."""

    severity: ComplaintSeverity
    acknowledge_hours: int
    resolve_hours: int
    feedback_hours: int


DEFAULT_DEADLINES: dict[ComplaintSeverity, Deadlines] = {
    ComplaintSeverity.LOW: Deadlines(ComplaintSeverity.LOW, 48, 168, 72),
    ComplaintSeverity.MEDIUM: Deadlines(ComplaintSeverity.MEDIUM, 24, 72, 48),
    ComplaintSeverity.HIGH: Deadlines(ComplaintSeverity.HIGH, 4, 24, 24),
}


@dataclass(frozen=True)
class ComplaintFilter:
    open_only: bool = True
    stage: ComplaintStage | None = None
    owner_id: int | None = None
    mine: bool = False
    overdue_only: bool = False
    client_id: int | None = None
    text: str = ""
    """A reference number, or the client's name or phone tail."""
    limit: int = 200
