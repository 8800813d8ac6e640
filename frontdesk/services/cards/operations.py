"""The card operations the desk and the manager perform: one user action, one transaction.

Every writer of :class:`CardService` is a :func:`~frontdesk.db.unit_of_work`, takes an
idempotency key (1–64 characters: a double-click or a retry with the same key books
once and returns the same result, writing nothing), checks the actor's permission,
locks in the README's order (the client, then its cards, lower id first), books
through :func:`~.ledger.book` and writes an audit row in the same transaction. A
refusal writes nothing (a wrong approver password only: its failed attempt counts
towards lock-out, as at check-out).

Money that leaves a card without being spent (a refund, a correction, an extension
that restores what expiry wrote off) needs a manager's approval on the spot: their
user name, password and reason, checked by the sign-in's password check
(:func:`~frontdesk.services.staff.auth.check_password_in`), approver with
``APPROVE_CARD_MONEY``.

A refund returns at most the unused paid money, never the bonus: the card's bonus is
written off by the same operation in proportion (the share of bonus the paid money
refunded carried), and refunding all the paid money closes the card.

Expiry (:meth:`CardService.expire_due`): sessions of an expired card are written off
by an EXPIRE operation, listed in what it returns; money on a stored-value card does
not expire (the prepaid-card rules) unless ``expire_money`` is asked for.
:meth:`CardService.extend` gives a new expiry date and restores what expiry wrote off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import AuthError, NotFound, ValidationError
from frontdesk.models.card import (
    CardOperation,
    MemberCard,
    OperationKind,
    VoucherKind,
    VoucherSource,
)
from frontdesk.models.visit import PaymentMethod
from frontdesk.services.cards import lifecycle, vouchers, writers
from frontdesk.services.cards.charging import charge_in
from frontdesk.services.cards.ledger import DuplicateOperation, check_key, replayed
from frontdesk.services.cards.lifecycle import ExpiredCard
from frontdesk.services.cards.numbers import check_card_no
from frontdesk.services.cards.views import (
    CardResult,
    CardView,
    HistoryRow,
    VoucherView,
    card_ids_of_clients,
    card_view,
    history,
    require_card,
    today_of,
)
from frontdesk.services.desk.approval import Approval

R = TypeVar("R")


@dataclass(frozen=True)
class VoucherResult:
    operation_id: int
    voucher: VoucherView | None
    """The voucher issued, used or voided (None: a gift handed over at the desk)."""
    points: int
    """The client's points after the operation."""
    replayed: bool = False


class CardService:
    """Member cards: issue, top up, charge, refund, freeze, replace, expire, family holders,
    corrections, vouchers and points; and the read side (:mod:`.views`)."""

    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    # -- reading -------------------------------------------------------------------------------

    @unit_of_work
    def card(self, actor: Actor, card_id: int) -> CardView:
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            return card_view(s, actor, card_id, today_of(self._clock()))

    @unit_of_work
    def card_by_no(self, actor: Actor, card_no: str) -> CardView:
        """The card with this number (as typed or scanned); NotFound when none."""
        require(actor, Action.VIEW_CARDS)
        number = check_card_no(card_no)
        with self._db.read() as s:
            card_id = s.scalar(select(MemberCard.id).where(MemberCard.card_no == number,
                                                           MemberCard.branch_id == actor.branch_id))
            if card_id is None:
                raise NotFound("No card with number {card_no}.", field="card_no", card_no=number)
            return card_view(s, actor, card_id, today_of(self._clock()))

    @unit_of_work
    def cards_of_client(self, actor: Actor, client_id: int) -> list[CardView]:
        """The cards the client owns or may charge as a family member, newest first."""
        require(actor, Action.VIEW_CARDS)
        today = today_of(self._clock())
        with self._db.read() as s:
            return [card_view(s, actor, card_id, today)
                    for card_id in card_ids_of_clients(s, actor.branch_id, [client_id])]

    @unit_of_work
    def find_cards(self, actor: Actor, text: str, limit: int = 20) -> list[CardView]:
        """Cards by exact card number; else by the desk search's clients (phone tail, phone,
        name, pinyin), their owned and shared cards."""
        require(actor, Action.VIEW_CARDS)
        try:
            return [self.card_by_no(actor, text)]
        except (NotFound, ValidationError):  # no card has it, or it is no card number
            pass
        from frontdesk.services.clients.search import ClientSearch

        hits = ClientSearch(self._db, self._clock).search(actor, text, limit=limit)
        today = today_of(self._clock())
        with self._db.read() as s:
            ids = card_ids_of_clients(s, actor.branch_id, [h.client_id for h in hits])
            return [card_view(s, actor, card_id, today) for card_id in ids[:limit]]

    @unit_of_work
    def history(self, actor: Actor, card_id: int, *, kinds: Sequence[OperationKind] = (),
                since: dt.datetime | None = None, until: dt.datetime | None = None,
                before_id: int | None = None, limit: int = 50) -> list[HistoryRow]:
        """A page of the card's operations, newest first; the view is audited (money seen)."""
        require(actor, Action.VIEW_CARDS)
        with self._db.write() as s:
            card = require_card(s, actor, card_id)
            rows = history(s, card, kinds=kinds, since=since, until=until,
                           before_id=before_id, limit=limit)
            writers.audit_view(s, self._clock(), actor, card.id)
            return rows

    # -- writing -------------------------------------------------------------------------------

    @unit_of_work
    def issue(self, actor: Actor, *, client_id: int, product_id: int, key: str,
              card_no: str = "", method: PaymentMethod | str | None = None,
              amount_fen: int = 0, offer_id: int | None = None) -> CardResult:
        """Issue a card of ``product_id`` to the client: a stored-value card (optionally with a
        first top-up of ``amount_fen``, or an offer's), a session card (its price paid by
        ``method``, sessions from the product, expiry from its validity), a membership."""
        require(actor, Action.SELL_CARDS)
        return self._write(actor, key, lambda s, now, k: writers.issue(
            s, actor, now, k, client_id=client_id, product_id=product_id, card_no=card_no,
            method=method, amount_fen=amount_fen, offer_id=offer_id))

    @unit_of_work
    def top_up(self, actor: Actor, *, card_id: int, amount_fen: int = 0,
               method: PaymentMethod | str, key: str, offer_id: int | None = None,
               reference: str = "") -> CardResult:
        """充值: paid money in by ``method`` (an offer adds its bonus)."""
        require(actor, Action.SELL_CARDS)
        return self._write(actor, key, lambda s, now, k: writers.top_up(
            s, actor, now, k, card_id=card_id, amount_fen=amount_fen, method=method,
            offer_id=offer_id, reference=reference))

    @unit_of_work
    def charge(self, actor: Actor, *, card_id: int, amount_fen: int = 0, sessions: int = 0,
               service_item_id: int | None = None, payer_client_id: int | None = None,
               visit_id: int | None = None, key: str) -> CardResult:
        """A standalone charge (:func:`~.charging.charge_in`)."""
        require(actor, Action.CHECK_OUT)
        def work(s: Session, now: dt.datetime, k: str) -> CardOperation:
            return charge_in(s, actor, card_id=card_id, amount_fen=amount_fen, sessions=sessions,
                             service_item_id=service_item_id, payer_client_id=payer_client_id,
                             visit_id=visit_id, key=k, now=now)

        return self._write(actor, key, work)

    @unit_of_work
    def refund(self, actor: Actor, *, card_id: int, amount_fen: int, method: PaymentMethod | str,
               reason: str, approval: Approval | None, key: str) -> CardResult:
        """退款: give back up to the unused paid money (see the module docstring)."""
        require(actor, Action.SELL_CARDS)
        return self._write(actor, key, lambda s, now, k: writers.refund(
            s, actor, now, k, card_id=card_id, amount_fen=amount_fen, method=method,
            reason=reason, approval=approval))

    @unit_of_work
    def freeze(self, actor: Actor, *, card_id: int, reason: str = "", key: str) -> CardResult:
        """冻结: nothing moves on the card until it is unfrozen."""
        require(actor, Action.FREEZE_CARDS)
        return self._write(actor, key, lambda s, now, k: lifecycle.set_frozen(
            s, actor, now, k, card_id=card_id, frozen=True, reason=reason))

    @unit_of_work
    def unfreeze(self, actor: Actor, *, card_id: int, reason: str = "", key: str) -> CardResult:
        require(actor, Action.FREEZE_CARDS)
        return self._write(actor, key, lambda s, now, k: lifecycle.set_frozen(
            s, actor, now, k, card_id=card_id, frozen=False, reason=reason))

    @unit_of_work
    def replace(self, actor: Actor, *, card_id: int, key: str, new_card_no: str = "",
                reason: str = "") -> CardResult:
        """挂失补卡: a new card carrying every balance; the old one is REPLACED. The result's
        card is the new one."""
        require(actor, Action.FREEZE_CARDS)
        return self._write(actor, key, lambda s, now, k: lifecycle.replace(
            s, actor, now, k, card_id=card_id, card_no=new_card_no, reason=reason))

    @unit_of_work
    def expire_due(self, actor: Actor, today: dt.date | None = None, *,
                   expire_money: bool = False) -> list[ExpiredCard]:
        """Write off what the cards that expired before ``today`` still hold (sessions; money
        too only with ``expire_money``), one EXPIRE operation per card; the list."""
        require(actor, Action.FREEZE_CARDS)
        day = today or today_of(self._clock())
        with self._db.write() as s:
            return lifecycle.expire_due(s, actor, self._clock(), day, expire_money=expire_money)

    @unit_of_work
    def extend(self, actor: Actor, card_id: int, until: dt.date | None,
               approval: Approval | None, key: str) -> CardResult:
        """A manager's new expiry date (None: no expiry); restores what expiry wrote off."""
        require(actor, Action.SELL_CARDS)
        return self._write(actor, key, lambda s, now, k: lifecycle.extend(
            s, actor, now, k, card_id=card_id, until=until, approval=approval))

    @unit_of_work
    def add_holder(self, actor: Actor, *, card_id: int, client_id: int, relation: str = "",
                   key: str) -> CardResult:
        """家庭卡: let another client pay with the card."""
        require(actor, Action.SELL_CARDS)
        return self._write(actor, key, lambda s, now, k: lifecycle.holder(
            s, actor, now, k, card_id=card_id, client_id=client_id, relation=relation, add=True))

    @unit_of_work
    def remove_holder(self, actor: Actor, *, card_id: int, client_id: int,
                      key: str) -> CardResult:
        require(actor, Action.SELL_CARDS)
        return self._write(actor, key, lambda s, now, k: lifecycle.holder(
            s, actor, now, k, card_id=card_id, client_id=client_id, relation="", add=False))

    @unit_of_work
    def adjust(self, actor: Actor, *, card_id: int, paid_fen: int = 0, bonus_fen: int = 0,
               sessions: int = 0, reason: str, approval: Approval | None,
               key: str) -> CardResult:
        """A manager's correction (signed deltas) with its reason."""
        require(actor, Action.SELL_CARDS)
        return self._write(actor, key, lambda s, now, k: writers.adjust(
            s, actor, now, k, card_id=card_id, deltas=(paid_fen, bonus_fen, sessions),
            reason=reason, approval=approval))

    # -- vouchers and points (vouchers.py) --------------------------------------------------------

    @unit_of_work
    def issue_voucher(self, actor: Actor, *, client_id: int, kind: VoucherKind | str, title: str,
                      value_fen: int = 0, source: VoucherSource | str = VoucherSource.MANUAL,
                      expires_on: dt.date | None = None, key: str) -> VoucherResult:
        """A gift voucher (spa, dining, room…) for the client."""
        require(actor, Action.SELL_CARDS)
        return self._write_voucher(key, lambda s, now, k: vouchers.issue_voucher(
            s, actor, now, k, client_id=client_id, kind=kind, title=title, value_fen=value_fen,
            source=source, expires_on=expires_on))

    @unit_of_work
    def use_voucher(self, actor: Actor, *, voucher_id: int, visit_id: int | None = None,
                    key: str) -> VoucherResult:
        """核销: the voucher is used (once: a second use is refused)."""
        require(actor, Action.SELL_CARDS)
        return self._write_voucher(key, lambda s, now, k: vouchers.close_voucher(
            s, actor, now, k, voucher_id=voucher_id, use=True, reason="", visit_id=visit_id))

    @unit_of_work
    def void_voucher(self, actor: Actor, *, voucher_id: int, reason: str,
                     key: str) -> VoucherResult:
        require(actor, Action.SELL_CARDS)
        return self._write_voucher(key, lambda s, now, k: vouchers.close_voucher(
            s, actor, now, k, voucher_id=voucher_id, use=False, reason=reason, visit_id=None))

    @unit_of_work
    def redeem_points(self, actor: Actor, *, client_id: int, reward_id: int,
                      key: str) -> VoucherResult:
        """积分兑换: a catalogue reward for the client's points (a voucher, or a gift)."""
        require(actor, Action.SELL_CARDS)
        return self._write_voucher(key, lambda s, now, k: vouchers.redeem_points(
            s, actor, now, k, client_id=client_id, reward_id=reward_id))

    @unit_of_work
    def points(self, actor: Actor, client_id: int) -> int:
        """The client's points."""
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            return vouchers.points_of(s, client_id)

    def _write_voucher(self, key: str,
                       work: Callable[[Session, dt.datetime, str], CardOperation]
                       ) -> VoucherResult:
        return self._book(key, work, _voucher_result)

    def _write(self, actor: Actor, key: str,
               work: Callable[[Session, dt.datetime, str], CardOperation | AuthError]
               ) -> CardResult:
        today = today_of(self._clock())
        return self._book(key, work, lambda s, op, again: writers.result(
            s, actor, op, today, replayed=again))

    @unit_of_work
    def _book(self, key: str,
              work: Callable[[Session, dt.datetime, str], CardOperation | AuthError],
              shape: Callable[[Session, CardOperation, bool], R]) -> R:
        """Run ``work`` (which books, or finds the replay of ``key``, and returns the operation)
        in one transaction, then ``shape`` its result in a read after the commit, so the row
        locks are held for the booking only (the result shows the card as it is just after).
        A replay lost to a concurrent twin (the key's unique guard) returns the twin's."""
        key = check_key(key)
        try:
            with self._db.write() as s:
                outcome = work(s, self._clock(), key)
                if not isinstance(outcome, AuthError):
                    op_id, again = outcome.id, not writers.booked_here(s, outcome)
        except DuplicateOperation:
            op_id, again = None, True
        else:
            if isinstance(outcome, AuthError):
                raise outcome  # a wrong approver password: only the failed attempt was committed
        with self._db.read() as s:
            done = s.get(CardOperation, op_id) if op_id is not None else replayed(s, key)
            if done is None:
                raise DuplicateOperation(field="key")
            return shape(s, done, again)

def _voucher_result(s: Session, op: CardOperation, replayed: bool) -> VoucherResult:
    assert op.client_id is not None
    return VoucherResult(op.id, vouchers.voucher_of(s, op), vouchers.points_of(s, op.client_id),
                         replayed)
