"""A resolution's compensation, booked through the card ledger in the move's transaction.

A voucher is issued by :func:`~frontdesk.services.cards.vouchers.issue_voucher` with
``VoucherSource.COMPLAINT``; a credit to a member card's bonus balance is a
correction the card ledger books (:func:`~frontdesk.services.cards.writers.book_adjustment`),
approved by a manager on the spot (an ``approver`` with APPROVE_CARD_MONEY of the
store, as the card's own corrections are). A balance is never edited. The ledger's
idempotency key is the resolution's: a double click books once. The caller holds the
client's lock; the card comes after it, and the complaint after the card and the
voucher (the README's lock order).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.money import check_fen
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import ValidationError
from frontdesk.models.card import CardOperation, VoucherSource
from frontdesk.models.complaint import Complaint
from frontdesk.services.cards.charging import lock_card
from frontdesk.services.cards.vouchers import issue_voucher
from frontdesk.services.cards.writers import CardApprovalMissing, book_adjustment
from frontdesk.services.complaints.views import Compensation
from frontdesk.services.desk.approval import ApprovalRefused


def check_compensation(value: Compensation) -> int:
    """The compensation's value in fen, more than zero, of a known kind."""
    if value.kind not in ("voucher", "credit"):
        raise ValidationError("Compensate with a voucher or a credit to a member card.",
                              field="compensation.kind")
    fen = check_fen(value.value_fen, "compensation.value_fen")
    if fen <= 0:
        raise ValidationError("Type the compensation's value, more than zero.",
                              field="compensation.value_fen")
    return fen


def book_compensation(s: Session, actor: Actor, now: dt.datetime, key: str, case: Complaint,
                      value: Compensation, approver: Actor | None) -> CardOperation:
    """The ledger's operation for ``value`` (see the module docstring)."""
    fen = check_compensation(value)
    if case.client_id is None:
        raise ValidationError("Only a client can be compensated through the card ledger; "
                              "choose the client first.", field="compensation.kind")
    if value.kind == "voucher":
        return issue_voucher(s, actor, now, key, client_id=case.client_id,
                             kind=value.voucher_kind, title=value.title.strip() or case.ref_no,
                             value_fen=fen, source=VoucherSource.COMPLAINT,
                             expires_on=value.expires_on)
    return _credit(s, actor, now, key, case, value, fen, approver)


def _credit(s: Session, actor: Actor, now: dt.datetime, key: str, case: Complaint,
            value: Compensation, fen: int, approver: Actor | None) -> CardOperation:
    if approver is None:
        raise CardApprovalMissing(field="approver")
    if approver.branch_id != actor.branch_id or not allowed(approver, Action.APPROVE_CARD_MONEY):
        raise ApprovalRefused(field="approver")
    if value.card_id is None:
        raise ValidationError("Choose the member card to credit.", field="compensation.card_id")
    card = lock_card(s, actor, value.card_id)
    if card.client_id != case.client_id:
        raise ValidationError("Credit a member card of the complaint's client.",
                              field="compensation.card_id")
    return book_adjustment(s, actor, now, key, card, approver, (0, fen, 0),
                           f"complaint {case.ref_no}")
