"""Festival greetings and tier gifts (节日问候), ``days_ahead`` before each festival.

For each enabled festival (the store's, :attr:`ScanContext.festivals`) falling in the
scanned days moved on by ``days_ahead``, by the tier plans (domain/001: ordinary
clients get a greeting, major clients the same and a gift on 春节, 元宵, 端午, 中秋 — the
festivals marked ``gift``):

- a GIFT task per client of a gift-plan tier (the major clients), with the plan's gift
  types, when the festival has a gift, and a personal CALL on the other festivals;
- one batch MESSAGE task (``client_id`` None) for everyone else, the call-plan tiers too
  (a personal call to every 银卡 client on every festival would be thousands of calls in
  a day; their personal call is on their birthday): its detail's
  ``exclude_tiers`` names the tiers that got tasks of their own (comma-separated), so
  the batch's recipients are the clients of every other tier and of none — chosen
  when it is sent, so an opt-out takes effect at once.

Occasions ``festival:<code>:<year>:<client>`` and ``festival:<code>:<year>:batch``:
the year the festival is of in its own calendar (the lunar year of a lunar festival:
除夕 on 2027-02-05 is ``festival:new_years_eve:2026``; so both 腊八 of 2022, on 10 January
and 30 December, are greeted). On the first scan a festival of the next ``days_ahead``
days is due at once. Clients are read by ``ix_client_tier``. Reason
``festival``; detail: the festival's code and name (an English source text for the
built-ins, translated by the screens), its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.festivals import FestivalDay, festival_days_between
from frontdesk.models import Client
from frontdesk.models.care import CareChannel, CareKind, GiftType
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.occasions.common import Ahead, gift_detail, live_client, tier_names


@dataclass(frozen=True)
class _Occasion:
    festival: FestivalDay
    when: dt.date
    year: int
    due: dt.date

    @property
    def key(self) -> str:
        return f"festival:{self.festival.code}:{self.year}"

    def detail(self) -> dict[str, int | str]:
        return {"festival": self.festival.code, "name": self.festival.name,
                "date": self.when.isoformat()}


class FestivalSource:
    """Per-client gifts and calls by tier, and one batch message, for each festival."""

    kind: CareKind = CareKind.FESTIVAL

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        rule = ctx.rules[self.kind]
        if not rule.enabled:
            return
        ahead = Ahead(rule.days_ahead, first, last, ctx.first_scan)
        for festival in ctx.festivals:
            if not festival.enabled:
                continue
            for when, year in festival_days_between(festival, ahead.start, ahead.end):
                yield from self._occasion(s, ctx, _Occasion(festival, when, year,
                                                            ahead.due(when)))

    def _occasion(self, s: Session, ctx: ScanContext, o: _Occasion) -> Iterator[TaskDraft]:
        own = tier_names(ctx, CareChannel.GIFT)
        ways, key = {tier: self._way(ctx, o, tier) for tier in own}, o.key
        for client_id, tier in self._clients(s, ctx.branch_id, own):
            channel, gifts, detail = ways[tier]
            yield TaskDraft(kind=self.kind, occasion=f"{key}:{client_id}", due_on=o.due,
                            client_id=client_id, channel=channel, event_on=o.when,
                            reason="festival", detail=detail, gift_types=gifts)
        yield TaskDraft(kind=self.kind, occasion=f"{o.key}:batch", due_on=o.due, client_id=None,
                        channel=CareChannel.MESSAGE, event_on=o.when, reason="festival",
                        detail={**o.detail(), "exclude_tiers": ",".join(own)})

    @staticmethod
    def _clients(s: Session, branch_id: int,
                 tiers: tuple[str, ...]) -> list[tuple[int, str]]:
        if not tiers:
            return []
        rows = s.execute(select(Client.id, Client.tier)
                         .where(Client.tier.in_(tiers), live_client(branch_id))
                         .order_by(Client.id)).all()
        return [(client_id, tier) for client_id, tier in rows]

    @staticmethod
    def _way(ctx: ScanContext, o: _Occasion, tier: str
             ) -> tuple[CareChannel, tuple[GiftType, ...], Mapping[str, int | str]]:
        """How a client of ``tier`` is cared for on this festival (one detail for all of them:
        a festival at a million clients makes a hundred thousand drafts)."""
        plan = ctx.plan_by_tier_name(tier)
        if plan is not None and o.festival.gift:
            return (CareChannel.GIFT, plan.gift_types,
                    {**o.detail(), **gift_detail(plan.gift_types)})
        return CareChannel.CALL, (), o.detail()
