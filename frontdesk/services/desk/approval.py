"""A manager's approval on the spot, for money that leaves without payment at check-out.

A check-out needs it when a line's unit price is below the catalogue's (a price
override), when a line's discount is more than the store's limit (a store
setting, 20 % of the line unless a manager changes it), or when the total is
zero (no lines at all included). A manager or an administrator of the store
types their user name, password and a reason at the desk; the check-out
verifies them in its own transaction with sign-in's password check and
lock-out (:func:`~frontdesk.services.staff.auth.check_password_in`), takes the
approver's role from the database, and audits who approved, why and what. A
receptionist cannot approve, not even her own check-out; a manager at the desk
approves her own by typing her password again, so the approval is always a
sign-in on the spot.

The check-out locks the visit first and the approver's staff row after it, the
order :meth:`VisitService.start_service` takes them in too (visit → staff).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.validation import check_text
from frontdesk.errors import DomainError, ValidationError
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.staff.auth import check_password_in

REASON_MAX = 200


class ApprovalCause(enum.StrEnum):
    """Why a check-out needs a manager."""

    PRICE_OVERRIDE = "price_override"
    """A unit price below the catalogue's."""
    DISCOUNT_OVER_LIMIT = "discount_over_limit"
    """More off a line than the store's discount limit."""
    ZERO_TOTAL = "zero_total"
    """Nothing to pay (no lines included)."""


@dataclass(frozen=True)
class ApprovalNeed:
    cause: ApprovalCause
    line: int | None = None
    """The line's number as the desk shows it (from 1); None for the whole check-out."""

    def describe(self, limit_percent: int) -> str:
        """In English, for the error's message and the audit trail (the UI words its own)."""
        if self.cause is ApprovalCause.PRICE_OVERRIDE:
            return f"line {self.line}: a price below the catalogue"
        if self.cause is ApprovalCause.DISCOUNT_OVER_LIMIT:
            return f"line {self.line}: a discount over {limit_percent}%"
        return "a total of ¥0.00"


@dataclass(frozen=True)
class Approval:
    """A manager's sign-in on the spot, and the reason they give."""

    username: str
    password: str = field(repr=False)
    reason: str


@dataclass(frozen=True)
class PricedLine:
    """What approval looks at in one priced line."""

    number: int
    catalogue_fen: int
    unit_price_fen: int
    gross_fen: int
    discount_fen: int


class ApprovalMissing(DomainError):
    """The check-out needs a manager's approval; ``needs`` says for what (for the UI)."""

    template = "A manager's approval is needed: {needs}."

    def __init__(self, needs: Sequence[ApprovalNeed], limit_percent: int):
        super().__init__(field="approval",
                         needs="; ".join(n.describe(limit_percent) for n in needs))
        self.needs = tuple(needs)
        self.limit_percent = limit_percent


class ApprovalRefused(DomainError):
    template = "Only a manager or an administrator of this store can approve this."


def needs_of(lines: Sequence[PricedLine], total_fen: int,
             limit_percent: int) -> list[ApprovalNeed]:
    """What in these lines needs a manager's approval, in the order the desk shows it."""
    needs: list[ApprovalNeed] = []
    for line in lines:
        if line.unit_price_fen < line.catalogue_fen:
            needs.append(ApprovalNeed(ApprovalCause.PRICE_OVERRIDE, line.number))
        if line.discount_fen * 100 > line.gross_fen * limit_percent:
            needs.append(ApprovalNeed(ApprovalCause.DISCOUNT_OVER_LIMIT, line.number))
    if total_fen == 0:
        needs.append(ApprovalNeed(ApprovalCause.ZERO_TOTAL))
    return needs


def check_reason(approval: Approval) -> str:
    """The approval's reason, cleaned; ValidationError when it is missing or too long."""
    reason = check_text(approval.reason, REASON_MAX, "approval.reason")
    if not reason:
        raise ValidationError("Give the reason for the approval.", field="approval.reason")
    return reason


def approve(s: Session, actor: Actor, approval: Approval, now: dt.datetime) -> Actor:
    """The approver, checked in ``s``: their password (with lock-out) and their role.

    Raises AuthError after adding the failed attempt to ``s`` (the caller commits it, so
    lock-out counts it; LockedOut for the last try), AccountLocked, or ApprovalRefused for
    a role that may not approve.
    """
    approver = check_password_in(s, approval.username, approval.password, now)
    if approver.branch_id != actor.branch_id or not allowed(approver, Action.APPROVE_CHECKOUT):
        raise ApprovalRefused(field="approval.username")
    return approver


def record_approval(s: Session, now: dt.datetime, approver: Actor, cashier: Actor,
                    visit_id: int, reason: str, needs: Sequence[ApprovalNeed],
                    total_fen: int) -> None:
    """The audit row: who approved (the row's staff), for whom, why, and what."""
    detail = json.dumps({"cashier": cashier.username, "reason": reason,
                         "needs": [need.cause.value if need.line is None
                                   else f"{need.cause.value}:line{need.line}" for need in needs],
                         "total": format_fen(total_fen)}, ensure_ascii=False)
    audit.record(s, now, approver, AuditAction.CHECKOUT_APPROVED, "visit", visit_id, detail)
