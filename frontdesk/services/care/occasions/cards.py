"""Member cards running out (second sales): expiring, balance low, last session used.

Active cards only; every task is a CALL to the card's owner.

- **Expiring** (``card_expiring``, ``days_ahead`` before ``expires_on``; a service
  kind): the cards expiring in the scanned days moved on, by ``ix_member_card_expires_on``
  (on the first scan, those expiring sooner too, due at once).
  Occasion ``card_expiring:<card>:<expires_on>``.
- **Balance low** (``card_balance_low``): a charge in the scanned days (not a refund, an
  expiry or a correction) took the card's money (paid + bonus) from ``threshold_fen`` or
  more to below it, since its last top-up or issue (or the replacement that carried its
  balance), and it is still below. Due the day of that charge. Occasion
  ``card_low:<card>:<id of that top-up or issue operation>``: once per top-up.
- **Last session** (``card_last_session``): a session card's last session was used by a
  charge (not written off at expiry) in the scanned days and it has none left. Due that
  day. Occasion ``card_last:<card>:<id of that operation>``.

Money movements of the scanned days are read by ``ix_card_entry_branch_at``, a card's
own entries by ``ix_card_entry_card_id``. Detail: card number, product, the balance
(fen) or sessions, the threshold, the expiry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from frontdesk.models import Client
from frontdesk.models.card import (
    CardEntry,
    CardKind,
    CardOperation,
    CardProduct,
    CardStatus,
    MemberCard,
    OperationKind,
)
from frontdesk.models.care import CareChannel, CareKind
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.occasions.common import Ahead, live_client, local_day, utc_range

FILLS = (OperationKind.ISSUE, OperationKind.TOP_UP, OperationKind.REPLACE)
"""The operations that (re)fill a card: a low balance is told once after each."""


def _card_detail(card: MemberCard, product: str) -> dict[str, int | str]:
    return {"card_no": card.card_no, "product": product,
            "balance_fen": card.paid_fen + card.bonus_fen, "sessions": card.sessions,
            "expires_on": card.expires_on.isoformat() if card.expires_on else ""}


def _active_cards(branch_id: int) -> Select[MemberCard, str, CardKind]:
    """Active cards of live clients, with their product's name and kind."""
    return (select(MemberCard, CardProduct.name, CardProduct.kind)
            .join(CardProduct, CardProduct.id == MemberCard.product_id)
            .join(Client, Client.id == MemberCard.client_id)
            .where(MemberCard.status == CardStatus.ACTIVE, live_client(branch_id)))


class CardExpiringSource:
    """Cards about to expire, ``days_ahead`` before their last day."""

    kind: CareKind = CareKind.CARD_EXPIRING

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        rule = ctx.rules[self.kind]
        if not rule.enabled:
            return
        ahead = Ahead(rule.days_ahead, first, last, ctx.first_scan)
        rows = s.execute(_active_cards(ctx.branch_id)
                         .where(MemberCard.expires_on >= ahead.start,
                                MemberCard.expires_on <= ahead.end)
                         .order_by(MemberCard.id)).all()
        for card, product, _ in rows:
            expires = card.expires_on
            assert expires is not None
            yield TaskDraft(kind=self.kind, occasion=f"card_expiring:{card.id}:{expires}",
                            due_on=ahead.due(expires), client_id=card.client_id,
                            channel=CareChannel.CALL, event_on=expires, reason="card_expiring",
                            detail=_card_detail(card, product))


class _Entry(NamedTuple):
    operation_id: int
    kind: OperationKind
    money: int
    sessions: int
    at: dt.datetime


def _entries(s: Session, card_id: int) -> list[_Entry]:
    """The card's movements, oldest first, by ``ix_card_entry_card_id`` (a card has tens:
    read them all rather than ask for the newest, which a planner may look for by scanning
    every operation newest first)."""
    rows = s.execute(select(CardEntry.operation_id, CardOperation.kind,
                            CardEntry.paid_fen + CardEntry.bonus_fen, CardEntry.sessions,
                            CardEntry.at)
                     .join(CardOperation, CardOperation.id == CardEntry.operation_id)
                     .where(CardEntry.card_id == card_id).order_by(CardEntry.id)).all()
    return [_Entry(op, kind, int(money), int(sessions), at)
            for op, kind, money, sessions, at in rows]


def _moved_cards(s: Session, branch_id: int, first: dt.date, last: dt.date,
                 sessions: bool) -> list[int]:
    """The cards whose money (or sessions) went down in the scanned days."""
    start, end = utc_range(first, last)
    down = CardEntry.sessions < 0 if sessions else (CardEntry.paid_fen + CardEntry.bonus_fen) < 0
    return list(s.scalars(select(CardEntry.card_id).distinct()
                          .where(CardEntry.branch_id == branch_id, CardEntry.at >= start,
                                 CardEntry.at < end, CardEntry.card_id.is_not(None), down)))


class CardBalanceLowSource:
    """A stored-value card's money fell below the threshold since it was last filled."""

    kind: CareKind = CareKind.CARD_BALANCE_LOW

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        rule = ctx.rules[self.kind]
        if not rule.enabled:
            return
        threshold = rule.param("threshold_fen")
        moved = _moved_cards(s, ctx.branch_id, first, last, sessions=False)
        if not moved:
            return
        rows = s.execute(_active_cards(ctx.branch_id)
                         .where(MemberCard.id.in_(moved),
                                MemberCard.paid_fen + MemberCard.bonus_fen < threshold)
                         .order_by(MemberCard.id)).all()
        for card, product, _ in rows:
            crossed = self._crossing(s, card, threshold)
            if crossed is None or not first <= crossed[1] <= last:
                continue
            yield TaskDraft(kind=self.kind, occasion=f"card_low:{card.id}:{crossed[0]}",
                            due_on=crossed[1], client_id=card.client_id,
                            channel=CareChannel.CALL, reason="card_balance_low",
                            detail={**_card_detail(card, product), "threshold_fen": threshold})

    @staticmethod
    def _crossing(s: Session, card: MemberCard, threshold: int) -> tuple[int, dt.date] | None:
        """(the last fill's operation id, the day the money first fell below ``threshold``
        after it); None when it never was at or above it since."""
        entries = _entries(s, card.id)
        fills = [i for i, e in enumerate(entries) if e.kind in FILLS]
        if not fills:
            return None
        fill = entries[fills[-1]].operation_id
        later = [e for e in entries if e.operation_id > fill]
        balance = card.paid_fen + card.bonus_fen - sum(e.money for e in later)
        for e in later:
            after = balance + e.money
            if balance >= threshold > after:  # spent down (not written off, nor refunded)
                return (fill, local_day(e.at)) if e.kind is OperationKind.CHARGE else None
            balance = after
        return None


class CardLastSessionSource:
    """A session card's last session was used."""

    kind: CareKind = CareKind.CARD_LAST_SESSION

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        if not ctx.rules[self.kind].enabled:
            return
        moved = _moved_cards(s, ctx.branch_id, first, last, sessions=True)
        if not moved:
            return
        rows = s.execute(_active_cards(ctx.branch_id)
                         .where(MemberCard.id.in_(moved), MemberCard.sessions == 0,
                                CardProduct.kind == CardKind.SESSION)
                         .order_by(MemberCard.id)).all()
        for card, product, _ in rows:
            counted = [e for e in _entries(s, card.id) if e.sessions]
            last_used = counted[-1] if counted else None
            if last_used is None or last_used.kind is not OperationKind.CHARGE \
                    or not first <= local_day(last_used.at) <= last:
                continue  # not used up by a charge (written off at expiry, moved to a new card)
            yield TaskDraft(kind=self.kind,
                            occasion=f"card_last:{card.id}:{last_used.operation_id}",
                            due_on=local_day(last_used.at), client_id=card.client_id,
                            channel=CareChannel.CALL, reason="card_last_session",
                            detail=_card_detail(card, product))
