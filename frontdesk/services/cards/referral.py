"""The referral reward (推荐奖励): the client who referred another gets the store's reward once.

When: the referred client's first member card. Issuing it calls :func:`reward_referral_in`
in its own transaction (``writers.issue``); a card is a commitment a check-out is not, and
it happens at the desk with the referred client there to be thanked for. Later cards find
the reward booked and book nothing.

What: the store's referral points and/or a cash voucher (``points_setup``), booked through
the ledger as one REFERRAL_REWARD operation whose idempotency key is derived from the
referred client (``referral:<id>``), so it is booked exactly once however many cards,
retries or terminals. Then the referrer's tier is assessed (referrals may earn one).

Locks: the referred client (the caller holds it already when issuing), then the referrer,
then the points account. The referrer is locked after the referred client whatever their
ids: nothing else locks two clients, and a referrer is registered before the clients
they refer, so two rewards cannot wait for each other in a circle (were referrals ever
edited into one, PostgreSQL would find the deadlock and the unit of work runs again).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.errors import NotFound
from frontdesk.models import Client
from frontdesk.models.card import (
    CardOperation,
    MemberCard,
    OperationKind,
    Voucher,
    VoucherKind,
    VoucherSource,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.grading import TierChange, assess_in
from frontdesk.services.cards.ledger import Movement, book, replayed
from frontdesk.services.cards.points_setup import points_rule_in
from frontdesk.services.rows import locked_row

VOUCHER_TITLE = "推荐奖励"
"""The referral voucher's title, as the store's data (shown as typed, like a product name)."""


@dataclass(frozen=True)
class ReferralReward:
    operation_id: int
    referrer_id: int
    referred_id: int
    points: int
    voucher_id: int | None
    voucher_value_fen: int
    tier_change: TierChange | None


def referral_key(referred_id: int) -> str:
    return f"referral:{referred_id}"


def reward_referral_in(s: Session, actor: Actor, now: dt.datetime, referred_id: int, *,
                       first_card: bool = False) -> ReferralReward | None:
    """Reward whoever referred ``referred_id``, once; None when there is nothing to book
    (no referrer, booked before, the store gives no reward, or — ``first_card``, as issuing
    asks — the client had a card before this one, in a database older than the reward)."""
    client = locked_row(s, Client, referred_id)
    if client is None or client.branch_id != actor.branch_id:
        raise NotFound("No client with number {id}.", field="client_id", id=referred_id)
    key = referral_key(client.id)
    if client.referred_by_id is None or replayed(s, key) is not None:
        return None
    if first_card and (s.scalar(select(func.count(MemberCard.id)).where(
            MemberCard.client_id == client.id)) or 0) > 1:
        return None
    rule = points_rule_in(s, client.branch_id)
    if rule.referral_points == 0 and rule.referral_voucher_fen == 0:
        return None
    referrer = locked_row(s, Client, client.referred_by_id)
    assert referrer is not None  # a foreign key
    voucher = _voucher(s, actor, now, referrer.id, client.id, rule.referral_voucher_fen)
    moves = [Movement(client_id=referrer.id, points=rule.referral_points)] \
        if rule.referral_points else []
    if voucher is not None:
        moves.append(Movement(client_id=referrer.id, voucher_id=voucher.id))
    op = book(s, CardOperation(branch_id=client.branch_id, idempotency_key=key,
                               kind=OperationKind.REFERRAL_REWARD, at=now,
                               staff_id=actor.staff_id, client_id=referrer.id,
                               money_fen=0, reason=f"referred client {client.id}"), moves)
    audit.record(s, now, actor, AuditAction.CARD_REFERRAL_REWARD, "client", referrer.id,
                 f"op={op.id} referred={client.id} points={rule.referral_points} "
                 f"voucher_fen={rule.referral_voucher_fen}")
    change = assess_in(s, now, actor, referrer.id)
    return ReferralReward(op.id, referrer.id, client.id, rule.referral_points,
                          voucher.id if voucher else None, rule.referral_voucher_fen, change)


def _voucher(s: Session, actor: Actor, now: dt.datetime, referrer_id: int, referred_id: int,
             value_fen: int) -> Voucher | None:
    if value_fen == 0:
        return None
    voucher = Voucher(branch_id=actor.branch_id, client_id=referrer_id,
                      code=f"REF{referred_id}", kind=VoucherKind.CASH, title=VOUCHER_TITLE,
                      value_fen=value_fen, source=VoucherSource.REFERRAL, issued_at=now)
    s.add(voucher)
    s.flush()
    return voucher
