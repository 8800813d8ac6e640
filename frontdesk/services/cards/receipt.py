"""The 80 mm receipt (凭条) of one card operation: what it reads, and the service that writes it.

:meth:`CardReceipts.receipt` reads one :class:`~frontdesk.models.card.CardOperation` into a
plain :class:`ReceiptData`: the store, the card and its owner (the phone masked on every
printout, whoever prints), the money that changed hands and how, the movements of paid
money, bonus money, sessions and points, and the card's balances right after the operation
(its cached balance less the movements booked after it). :meth:`CardReceipts.write` lays it
out as a PDF (:mod:`frontdesk.services.cards.receipt_pdf`) in the words the caller gives —
services never translate; the screens pass the UI language's words.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, require
from frontdesk.core.phones import mask_phone
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import NotFound
from frontdesk.models import Branch, Client, Staff
from frontdesk.models.card import CardEntry, CardOperation, CardProduct, MemberCard
from frontdesk.services.cards.receipt_pdf import ReceiptWords, render_receipt
from frontdesk.services.rows import check_row_id, get_row

if TYPE_CHECKING:
    from frontdesk.services.printing.fonts import CjkFont


@dataclass(frozen=True)
class Moves:
    """Signed deltas, or balances, of one card and its owner's points."""

    paid_fen: int = 0
    bonus_fen: int = 0
    sessions: int = 0
    points: int = 0


@dataclass(frozen=True)
class ReceiptData:
    """Everything one receipt prints, worded only by the receipt's words."""

    store: str
    operation_id: int
    kind: str
    """The operation's kind (an ``OperationKind`` value), worded by ``ReceiptWords.kinds``."""
    at: dt.datetime
    card_no: str
    product: str
    owner: str
    phone_masked: str
    method: str | None
    """How money came in or went out (a ``PaymentMethod`` value), if it did."""
    money_fen: int
    moved: Moves
    after: Moves
    staff: str
    approved_by: str
    reason: str


def _name(s: Session, staff_id: int | None) -> str:
    row = get_row(s, Staff, staff_id) if staff_id else None
    return row.display_name if row else ""


def _moved(s: Session, op: CardOperation, card_id: int | None) -> Moves:
    rows = s.execute(select(
        func.coalesce(func.sum(CardEntry.paid_fen), 0),
        func.coalesce(func.sum(CardEntry.bonus_fen), 0),
        func.coalesce(func.sum(CardEntry.sessions), 0),
        func.coalesce(func.sum(CardEntry.points), 0),
    ).where(CardEntry.operation_id == op.id, CardEntry.card_id == card_id)).one()
    points = s.scalar(select(func.coalesce(func.sum(CardEntry.points), 0)).where(
        CardEntry.operation_id == op.id, CardEntry.card_id.is_(None)))
    return Moves(int(rows[0]), int(rows[1]), int(rows[2]), int(rows[3]) + int(points or 0))


def _after(s: Session, op: CardOperation, card: MemberCard) -> Moves:
    """The card's balances just after ``op``: today's, less what was booked since."""
    later = s.execute(select(
        func.coalesce(func.sum(CardEntry.paid_fen), 0),
        func.coalesce(func.sum(CardEntry.bonus_fen), 0),
        func.coalesce(func.sum(CardEntry.sessions), 0),
    ).where(CardEntry.card_id == card.id, CardEntry.operation_id > op.id)).one()
    return Moves(card.paid_fen - int(later[0]), card.bonus_fen - int(later[1]),
                 card.sessions - int(later[2]))


class CardReceipts:
    """The receipts of card operations (needs ``Action.VIEW_CARDS``)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    @unit_of_work
    def receipt(self, actor: Actor, operation_id: int) -> ReceiptData:
        """What the receipt of ``operation_id`` prints; NotFound for an operation of no card."""
        require(actor, Action.VIEW_CARDS)
        op_id = check_row_id(CardOperation, operation_id, "operation")
        with self._db.read() as s:
            op = get_row(s, CardOperation, op_id)
            card = get_row(s, MemberCard, op.card_id) if op and op.card_id else None
            if op is None or card is None or op.branch_id != actor.branch_id:
                raise NotFound("No card operation {id} in this store.", field="operation",
                               id=operation_id)
            return self._data(s, op, card)

    def _data(self, s: Session, op: CardOperation, card: MemberCard) -> ReceiptData:
        owner = s.get(Client, card.client_id)
        product = s.get(CardProduct, card.product_id)
        branch = s.get(Branch, op.branch_id)
        return ReceiptData(
            store=branch.name if branch else "", operation_id=op.id, kind=op.kind.value,
            at=op.at, card_no=card.card_no, product=product.name if product else "",
            owner=owner.name if owner else "",
            phone_masked=mask_phone(owner.phone_e164 if owner else None),
            method=op.method.value if op.method else None, money_fen=op.money_fen,
            moved=_moved(s, op, card.id), after=_after(s, op, card),
            staff=_name(s, op.staff_id), approved_by=_name(s, op.approved_by_id),
            reason=op.reason)

    def write(self, actor: Actor, operation_id: int, out: str | os.PathLike[str] | BinaryIO,
              words: ReceiptWords, font: CjkFont | None = None) -> ReceiptData:
        """Write the receipt of ``operation_id`` as an 80 mm PDF to a path or binary file;
        FontMissing when the machine has no Chinese font."""
        data = self.receipt(actor, operation_id)
        render_receipt(data, words, out, font)
        return data
