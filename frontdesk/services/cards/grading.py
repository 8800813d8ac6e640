"""Grading a client into a tier inside the caller's transaction (the rules: ``tier_rules``).

:func:`assess_in` is what a top-up (``min_top_up_fen``), a check-out or a referral calls in
its own transaction: it locks the client (the first row of the README's lock order; a
caller that holds it already does not wait), writes a :class:`ClientTier` row when the
tier changes and the ``client.tier`` cache with it: the tier's name, which the desk, the
profile and the sheet show (the rights are read by code from the newest ClientTier row).
Complimentary holders (员工卡 / 公免客户, an active or frozen card of a complimentary
product, owned or shared) are not graded and their spend is not counted: they keep the
lowest tier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.errors import NotFound
from frontdesk.models import Client, ConsumptionLine, Visit, VisitStatus
from frontdesk.models.card import (
    CardHolder,
    CardProduct,
    CardStatus,
    ClientTier,
    MemberCard,
    Tier,
    TierReason,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards import tier_rules as rules
from frontdesk.services.rows import get_row, locked_row


@dataclass(frozen=True)
class TierChange:
    client_id: int
    from_code: str
    to_code: str
    to_name: str
    valid_until: dt.date | None
    reason: TierReason


def default_tiers(branch_id: int) -> list[Tier]:
    """New rows of the store's starting tiers (not yet added to a session)."""
    return [Tier(branch_id=branch_id, active=True, **values)
            for values in rules.DEFAULT_TIERS]


def tiers_in(s: Session, branch_id: int) -> list[Tier]:
    """The store's active tiers, lowest first; the defaults (unsaved) if it has none yet."""
    rows = list(s.scalars(select(Tier).where(Tier.branch_id == branch_id, Tier.active)
                          .order_by(Tier.rank)))
    return rows or default_tiers(branch_id)


def ensure_tiers_in(s: Session, branch_id: int) -> list[Tier]:
    """The store's active tiers, lowest first, the defaults created on first use.

    Two terminals creating them at once (a database made before cards existed): each
    inserts with ON CONFLICT DO NOTHING on (branch, code), so the later one waits for the
    first's transaction and then inserts nothing.
    """
    if not s.scalar(select(exists().where(Tier.branch_id == branch_id))):
        dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
        s.execute(dialect.insert(Tier).values([
            dict(branch_id=branch_id, active=True, **values) for values in rules.DEFAULT_TIERS])
            .on_conflict_do_nothing(index_elements=["branch_id", "code"]))
    return tiers_in(s, branch_id)


def current_in(s: Session, client_id: int) -> ClientTier | None:
    """The client's newest tier row (None: never graded, the lowest tier)."""
    return s.scalar(select(ClientTier).where(ClientTier.client_id == client_id)
                    .order_by(ClientTier.id.desc()).limit(1))


def is_complimentary_in(s: Session, client_id: int) -> bool:
    """True when the client owns or shares a live card of a complimentary product."""
    shared = select(CardHolder.card_id).where(CardHolder.client_id == client_id)
    return bool(s.scalar(select(exists().where(
        MemberCard.product_id == CardProduct.id, CardProduct.complimentary,
        MemberCard.status.in_((CardStatus.ACTIVE, CardStatus.FROZEN)),
        or_(MemberCard.client_id == client_id, MemberCard.id.in_(shared))))))


def standing_in(s: Session, client: Client, today: dt.date, top_up_fen: int = 0,
                spent_now_fen: int = 0) -> rules.Standing:
    """The client's ARPU over the assessment period, referrals, and the top-up being booked;
    ``spent_now_fen``: consumption of a check-out being booked, not yet written."""
    start = dt.datetime.combine(rules.period_start(today), dt.time()).astimezone(dt.UTC)
    spent = s.scalar(select(func.coalesce(func.sum(ConsumptionLine.amount_fen), 0))
                     .join(Visit, Visit.id == ConsumptionLine.visit_id)
                     .where(ConsumptionLine.client_id == client.id,
                            ConsumptionLine.at >= start,
                            Visit.status == VisitStatus.CLOSED)) or 0
    came = exists().where(Visit.client_id == Client.id, Visit.status == VisitStatus.CLOSED)
    referrals = s.scalar(select(func.count(Client.id)).where(
        Client.referred_by_id == client.id, came)) or 0
    since = client.created_at.astimezone().date()
    return rules.Standing(rules.monthly_spend(int(spent) + spent_now_fen, since, today),
                          int(referrals), top_up_fen)


def rank_of(tiers: Sequence[Tier], code: str) -> int:
    """The rank of ``code`` among ``tiers`` (a tier since removed counts as the lowest)."""
    return next((t.rank for t in tiers if t.code == code), tiers[0].rank)


def assess_in(s: Session, now: dt.datetime, actor: Actor | None, client_id: int, *,
              top_up_fen: int = 0, spent_now_fen: int = 0,
              today: dt.date | None = None) -> TierChange | None:
    """Grade the client now: up at once, down only once the current tier's period ended.

    ``top_up_fen``: the top-up being booked in this transaction (0 if none);
    ``spent_now_fen``: what a check-out being booked in this transaction consumes, when its
    lines are not written yet (a charger's settlement); ``today``: the local date (``now``'s
    by default). Returns the change, or None when the tier stays.
    """
    client = locked_row(s, Client, client_id)
    if client is None or (actor is not None and client.branch_id != actor.branch_id):
        raise NotFound("No client with number {id}.", field="client_id", id=client_id)
    today = today or now.astimezone().date()
    tiers = ensure_tiers_in(s, client.branch_id)
    current = current_in(s, client.id)
    if is_complimentary_in(s, client.id):
        target, reason = tiers[0], TierReason.PERIOD_END
    else:
        target, reason = rules.earned(tiers, standing_in(s, client, today, top_up_fen,
                                                         spent_now_fen))
    if current is None:
        if target.rank == tiers[0].rank:
            return None  # never graded and nothing earned: the lowest tier, no row needed
        return _change(s, now, today, actor, client, current, target, reason, tiers[0].rank)
    held = rank_of(tiers, current.tier_code)
    if current.valid_until is not None and current.valid_until < today:
        if target.rank <= held:  # the period ended: renewed, or down
            reason = TierReason.PERIOD_END
    elif target.rank <= held:
        return None  # rights hold until valid_until; a lower tier waits for the period end
    return _change(s, now, today, actor, client, current, target, reason, tiers[0].rank)


def _change(s: Session, now: dt.datetime, today: dt.date, actor: Actor | None,
            client: Client, current: ClientTier | None, target: Tier, reason: TierReason,
            lowest_rank: int) -> TierChange:
    lowest = target.rank == lowest_rank
    until = None if lowest else rules.valid_until(today, target.validity_months)
    s.add(ClientTier(client_id=client.id, tier_code=target.code, tier_name=target.name,
                     valid_from=today, valid_until=until, reason=reason, at=now,
                     staff_id=actor.staff_id if actor else None))
    was = current.tier_code if current is not None else ""
    client.tier = target.name  # what the desk, the profile and the sheet show
    audit.record(s, now, actor, AuditAction.CLIENT_TIER_CHANGE, "client", client.id,
                 f"{was or '-'}→{target.code} ({reason.value})")
    return TierChange(client.id, was, target.code, target.name, until, reason)


def client_in(s: Session, actor: Actor, client_id: int) -> Client:
    """The client of the actor's store, read without a lock; NotFound otherwise."""
    client = get_row(s, Client, client_id)
    if client is None or client.branch_id != actor.branch_id:
        raise NotFound("No client with number {id}.", field="client_id", id=client_id)
    return client
