"""The care rules in effect for a store: the defaults in code under the manager's rows.

A :class:`~frontdesk.models.care.CareRule` row overrides the default of its kind,
a :class:`~frontdesk.models.care.Festival` row the built-in festival of its code (or
adds the store's own day), a :class:`~frontdesk.models.care.CareTierPlan` row the
default plan of its tier. A store that changed nothing runs on the defaults alone,
so reading never writes and a new store has a living due list on its first day.

The day's order (domain/003, the client manager's day): greetings (birthdays,
festivals) → warnings (churn, spending drops, complaint deadlines) → calls to star
clients (and follow-up calls, profiles to confirm) → second sales (cards running
out). :data:`STAGE_OF` gives each kind its place.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.festivals import BUILT_IN, FestivalDay
from frontdesk.models.card import Tier
from frontdesk.models.care import (
    STAGE_OF,
    CareChannel,
    CareKind,
    CareRule,
    CareStage,
    CareTierPlan,
    Festival,
    GiftType,
)

__all__ = ["STAGE_OF", "CareStage"]  # the day's order, kept with the model

SERVICE_KINDS: frozenset[CareKind] = frozenset({
    CareKind.FOLLOW_UP, CareKind.COMPLAINT_DEADLINE, CareKind.PROFILE_STALE,
    CareKind.CARD_EXPIRING, CareKind.SURVEY})
"""Kinds that are service, not marketing: they stay for clients without marketing consent
(a follow-up call after a treatment, a complaint's deadline, a card about to expire, a
satisfaction survey's call)."""


def is_marketing(kind: CareKind) -> bool:
    return kind not in SERVICE_KINDS


@dataclass(frozen=True)
class RuleSettings:
    """One kind's settings: switched on or off, how many days ahead, its priority, its own
    integer parameters (days, percents, fen), named in :data:`DEFAULT_RULES`."""

    kind: CareKind
    enabled: bool = True
    days_ahead: int = 0
    priority: int = 5
    params: Mapping[str, int] = field(default_factory=dict)

    def param(self, name: str) -> int:
        return int(self.params[name])


DEFAULT_RULES: Mapping[CareKind, RuleSettings] = {r.kind: r for r in (
    RuleSettings(CareKind.BIRTHDAY, days_ahead=3, priority=2),
    RuleSettings(CareKind.FESTIVAL, days_ahead=3, priority=3),
    RuleSettings(CareKind.CHURN, priority=2, params={
        "floor_days": 60,
        # no visit for longer than max(2 × the client's median interval, floor_days)
        "max_days": 730,
        # a client lapsed longer than this is no longer warned about (the first scan)
    }),
    RuleSettings(CareKind.SPENDING_DROP, priority=3, params={
        "window_days": 90,
        # the recent window: its spend against the usual spend of as many days
        "usual_days": 365,
        # the usual spend: the average per window over this many days before the window
        "ratio_percent": 50,
        # a warning when the recent spend is below this share of the usual
        "min_usual_fen": 50_000,
        # only for clients whose usual spend per window is at least this much (¥500)
    }),
    RuleSettings(CareKind.COMPLAINT_DEADLINE, priority=1),
    RuleSettings(CareKind.STAR_CALL, priority=4),
    RuleSettings(CareKind.FOLLOW_UP, priority=3),
    RuleSettings(CareKind.PROFILE_STALE, priority=6, params={"months": 12}),
    RuleSettings(CareKind.CARD_EXPIRING, days_ahead=30, priority=4),
    RuleSettings(CareKind.CARD_BALANCE_LOW, priority=5, params={"threshold_fen": 20_000}),
    RuleSettings(CareKind.CARD_LAST_SESSION, priority=4),
    RuleSettings(CareKind.SURVEY, priority=4, params={
        "sample_percent": 20,
        # the share of the checked-out visits whose client gets a survey call
        "after_days": 1,
        # the call falls this many days after the visit
        "low_score": 2,
        # a 1–5 answer at or below this opens a complaint
        "low_recommend": 6,
        # a 0–10 likelihood to recommend at or below this opens a complaint
    }),
)}


def effective_rules(s: Session, branch_id: int) -> dict[CareKind, RuleSettings]:
    """Every kind's settings in effect: its default, overridden by the store's row."""
    rules = dict(DEFAULT_RULES)
    for row in s.scalars(select(CareRule).where(CareRule.branch_id == branch_id)):
        default = DEFAULT_RULES[row.kind]
        params = {**default.params, **_int_params(row.params)}
        rules[row.kind] = RuleSettings(row.kind, row.enabled, row.days_ahead, row.priority,
                                       params)
    return rules


def json_object(text: str) -> dict[str, object]:
    """A JSON object column (a rule's params, a task's detail) as a dict; empty when the text
    is not a JSON object."""
    try:
        loaded = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): v for k, v in loaded.items()} if isinstance(loaded, dict) else {}


def _int_params(text: str) -> dict[str, int]:
    return {k: v for k, v in json_object(text).items() if isinstance(v, int)}


def effective_festivals(s: Session, branch_id: int) -> tuple[FestivalDay, ...]:
    """The built-in festivals under the store's rows, then the store's own days (in the
    order they were added)."""
    rows = {f.code: f for f in s.scalars(select(Festival).where(Festival.branch_id == branch_id)
                                         .order_by(Festival.id))}
    merged = [_festival_of(rows.pop(f.code), built_in=True) if f.code in rows else f
              for f in BUILT_IN]
    merged += [_festival_of(row, built_in=False) for row in rows.values()]
    return tuple(merged)


def _festival_of(row: Festival, *, built_in: bool) -> FestivalDay:
    return FestivalDay(row.code, row.name, row.rule, row.month, row.day, row.weekday,
                       row.gift, row.enabled, built_in)


@dataclass(frozen=True)
class TierPlan:
    """What clients of one tier get, by the store's row or the default for its rank."""

    tier_code: str
    tier_name: str
    rank: int
    channel: CareChannel
    gift_types: tuple[GiftType, ...] = ()
    central: bool = False
    star_call_days: int | None = None
    customised: bool = False


ALL_GIFTS: tuple[GiftType, ...] = tuple(GiftType)


def default_plan(code: str, name: str, rank: int) -> TierPlan:
    """Rank 0 (普通): a batch message; rank 1 (银卡): a personal call; rank 2 and up (金卡,
    钻石卡): gifts on birthdays and the gift festivals, and a personal call every 30 days."""
    if rank <= 0:
        return TierPlan(code, name, rank, CareChannel.MESSAGE)
    if rank == 1:
        return TierPlan(code, name, rank, CareChannel.CALL)
    return TierPlan(code, name, rank, CareChannel.GIFT, ALL_GIFTS, star_call_days=30)


def effective_tier_plans(s: Session, branch_id: int) -> dict[str, TierPlan]:
    """Each active tier's plan, by tier code."""
    tiers = s.scalars(select(Tier).where(Tier.branch_id == branch_id, Tier.active)
                      .order_by(Tier.rank)).all()
    rows = {p.tier_code: p for p in
            s.scalars(select(CareTierPlan).where(CareTierPlan.branch_id == branch_id))}
    plans = {}
    for tier in tiers:
        plan = default_plan(tier.code, tier.name, tier.rank)
        row = rows.get(tier.code)
        if row is not None:
            plan = replace(plan, channel=row.channel, gift_types=gift_types_of(row.gift_types),
                           central=row.central, star_call_days=row.star_call_days,
                           customised=True)
        plans[tier.code] = plan
    return plans


def gift_types_of(text: str) -> tuple[GiftType, ...]:
    """The gift types of a comma-separated column (unknown values are left out)."""
    known = {g.value for g in GiftType}
    return tuple(GiftType(v) for v in text.split(",") if v in known)


def gift_types_text(gifts: tuple[GiftType, ...]) -> str:
    return ",".join(g.value for g in gifts)
