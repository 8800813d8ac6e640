"""Member tiers (会员等级): the store's tiers and their rights, a client's tier with its
history and progress, and the assessment (rules in ``tier_rules``, writes in ``grading``).

- The tiers 普通 / 银卡 / 金卡 / 钻石卡 are created with the store, or on first use in a
  database made before cards existed. A manager changes their names, thresholds and rights
  (``save_tiers``); a tier already earned keeps its rights until its ``valid_until``
  whatever the new thresholds ("之前已经评定为银卡会员的用户仍可延用至会员身份到期为止").
- :meth:`TierService.assess` grades a client now (up at once); a top-up calls
  :func:`~frontdesk.services.cards.grading.assess_in` in its own transaction with the
  amount. :meth:`TierService.reassess_expired` is the sweep the care timer runs: it grades
  again every client whose tier's period has ended (the only way down), one client per
  transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session, aliased

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database, locking, unit_of_work
from frontdesk.errors import ConflictError
from frontdesk.models import Client
from frontdesk.models.card import ClientTier, Tier, TierReason
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards import grading
from frontdesk.services.cards import tier_rules as rules
from frontdesk.services.cards.grading import TierChange
from frontdesk.services.cards.referral import ReferralReward, reward_referral_in
from frontdesk.services.cards.tier_checks import TierDraft, checked_tiers

__all__ = ["TierChange", "TierDraft", "TierHistoryRow", "TierRow", "TierService", "TierStatus"]


@dataclass(frozen=True)
class TierRow:
    code: str
    name: str
    rank: int
    min_monthly_spend_fen: int
    min_top_up_fen: int | None
    min_referrals: int | None
    discount_percent: int
    points_multiplier_percent: int
    birthday_package: str
    events: str
    validity_months: int

    def draft(self) -> TierDraft:
        return TierDraft(**{f.name: getattr(self, f.name) for f in fields(TierDraft)})


def tier_row(t: Tier) -> TierRow:
    return TierRow(**{f.name: getattr(t, f.name) for f in fields(TierRow)})


@dataclass(frozen=True)
class TierStatus:
    """A client's tier for the card screen: rights, until when, progress to the next."""

    client_id: int
    tier: TierRow
    valid_until: dt.date | None
    complimentary: bool
    """Not graded (员工卡 / 公免): spend is not counted."""
    monthly_spend_fen: int
    """The ARPU of the assessment period so far."""
    next_tier: TierRow | None


@dataclass(frozen=True)
class TierHistoryRow:
    at: dt.datetime
    tier_code: str
    tier_name: str
    valid_from: dt.date
    valid_until: dt.date | None
    reason: TierReason


class TierService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def tiers(self, actor: Actor) -> list[TierRow]:
        """The store's tiers, lowest first."""
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            return [tier_row(t) for t in grading.tiers_in(s, actor.branch_id)]

    @unit_of_work
    def save_tiers(self, actor: Actor, drafts: Sequence[TierDraft],
                   shown: Sequence[TierRow] | None = None) -> list[TierRow]:
        """Save the tiers table as the editor sends it (every tier, by code). ``shown``: the
        tiers the editor showed; when another terminal changed them meanwhile, the save is
        refused (ConflictError) and nothing written."""
        require(actor, Action.MANAGE_CARD_PRODUCTS)
        with self._db.write() as s:
            grading.ensure_tiers_in(s, actor.branch_id)
            locked = list(s.scalars(locking(select(Tier).where(
                Tier.branch_id == actor.branch_id, Tier.active)).order_by(Tier.rank)))
            if shown is not None and [tier_row(t) for t in locked] != list(shown):
                raise ConflictError("Someone else changed the tiers meanwhile; they are shown "
                                    "again.", field="tiers")
            rows = {t.code: t for t in locked}
            renamed: dict[str, str] = {}
            for draft in checked_tiers(drafts, {c: t.rank for c, t in rows.items()}):
                tier = rows[draft.code]
                if draft.name != tier.name:
                    renamed[tier.name] = draft.name
                for f in fields(TierDraft):
                    setattr(tier, f.name, getattr(draft, f.name))
            s.flush()
            _rename_cached(s, actor.branch_id, renamed)
            audit.record(s, self._clock(), actor, AuditAction.TIERS_SAVE, "tier", None,
                         ", ".join(f"{t.code}={t.min_monthly_spend_fen}" for t in rows.values()))
            return [tier_row(t) for t in sorted(rows.values(), key=lambda t: t.rank)]

    @unit_of_work
    def tier_of(self, actor: Actor, client_id: int) -> TierStatus:
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            client = grading.client_in(s, actor, client_id)
            tiers = grading.tiers_in(s, actor.branch_id)
            current = grading.current_in(s, client.id)
            code = current.tier_code if current is not None else tiers[0].code
            tier = next((t for t in tiers if t.code == code), tiers[0])
            today = local_today(self._clock)
            complimentary = grading.is_complimentary_in(s, client.id)
            spend = 0 if complimentary else \
                grading.standing_in(s, client, today).monthly_spend_fen
            above = rules.next_tier(tiers, tier.rank)
            return TierStatus(client.id, tier_row(tier),
                              current.valid_until if current is not None else None,
                              complimentary, spend, tier_row(above) if above else None)

    @unit_of_work
    def history(self, actor: Actor, client_id: int) -> list[TierHistoryRow]:
        """The client's tiers, newest first."""
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            grading.client_in(s, actor, client_id)
            rows = s.scalars(select(ClientTier).where(ClientTier.client_id == client_id)
                             .order_by(ClientTier.id.desc()))
            return [TierHistoryRow(r.at, r.tier_code, r.tier_name, r.valid_from, r.valid_until,
                                   r.reason) for r in rows]

    @unit_of_work
    def assess(self, actor: Actor, client_id: int) -> TierChange | None:
        """Grade the client now (after a check-out, say); the change, or None."""
        require(actor, Action.VIEW_CARDS)
        with self._db.write() as s:
            return grading.assess_in(s, self._clock(), actor, client_id)

    @unit_of_work
    def reward_referral(self, actor: Actor, referred_id: int) -> ReferralReward | None:
        """Book the referral reward of ``referred_id``'s referrer, if not booked yet (issuing
        the first card does this; see ``referral.py``)."""
        require(actor, Action.SELL_CARDS)
        with self._db.write() as s:
            return reward_referral_in(s, actor, self._clock(), referred_id)

    @unit_of_work
    def reassess_expired(self, today: dt.date | None = None,
                         actor: Actor | None = None) -> list[TierChange]:
        """Grade again every client whose tier's period ended before ``today``."""
        if actor is not None:
            require(actor, Action.VIEW_CARDS)
        day = today or local_today(self._clock)
        newer = aliased(ClientTier)
        with self._db.read() as s:
            due = list(s.scalars(select(ClientTier.client_id).where(
                ClientTier.valid_until < day,
                ~exists().where(newer.client_id == ClientTier.client_id,
                                newer.id > ClientTier.id))
                .order_by(ClientTier.client_id)))
        changes = [self._reassess(client_id, day, actor) for client_id in due]
        return [c for c in changes if c is not None]

    @unit_of_work
    def _reassess(self, client_id: int, today: dt.date,
                  actor: Actor | None) -> TierChange | None:
        with self._db.write() as s:
            return grading.assess_in(s, self._clock(), actor, client_id, today=today)


def _rename_cached(s: Session, branch_id: int, renamed: dict[str, str]) -> None:
    """The clients' cached tier (its name, which the screens show) follows a renamed tier.

    A derived field, like the last visit: one UPDATE of that column, no version bump, so a
    profile being edited meanwhile neither conflicts with it nor fails. Names are swapped
    through a placeholder so that two tiers trading names do not merge."""
    if not renamed:
        return
    steps = [*((old, f"\x01{i}") for i, old in enumerate(renamed)),
             *((f"\x01{i}", new) for i, new in enumerate(renamed.values()))]
    for was, now in steps:
        s.execute(update(Client).where(Client.branch_id == branch_id, Client.tier == was)
                  .values(tier=now).execution_options(synchronize_session=False))

