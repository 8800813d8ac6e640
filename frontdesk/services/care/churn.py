"""流失预警: the churn rule, an :class:`~frontdesk.services.care.drafts.OccasionSource`.

A client counts as lapsed when they have not come for longer than max(2 × their own
median interval, the rule's ``floor_days``): the day that happens is their
``client_stats.lapse_on``, kept up to date at check-out, so the rule selects by that
index instead of grouping every visit. A scan of days finds the clients whose
``lapse_on`` falls on them; the first scan of a store (no day scanned before) finds
everyone who had lapsed already, so long as their last visit is within ``max_days``
(clients with one or two visits too: their figures fall back on the floor).

One task per lapse: the occasion ``churn:<client>:<last visit>`` is new only when the
client has come again since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from frontdesk.models.care import CareChannel, CareKind, ClientStats
from frontdesk.services.care.drafts import ScanContext, TaskDraft

REASON = "lapsed"
"""The reason code the screens translate (流失预警: no visit for longer than usual)."""


class ChurnSource:
    """Clients whose ``lapse_on`` falls in the days scanned (or before, on the first scan)."""

    kind = CareKind.CHURN

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        rule = ctx.rules[CareKind.CHURN]
        floor_days = rule.param("floor_days")
        for row in s.execute(churn_query(ctx, first, last)):
            client_id, visits, last_visit, gap, lapse = row
            due = max(lapse, first)
            yield TaskDraft(
                CareKind.CHURN, f"churn:{client_id}:{last_visit.isoformat()}", due, client_id,
                CareChannel.CALL, event_on=lapse, reason=REASON,
                detail={"visits": visits, "median_gap_days": gap or 0,
                        "last_visit_on": last_visit.isoformat(),
                        "days_since": (due - last_visit).days, "floor_days": floor_days})


AnySelect = Select[*tuple[Any, ...]]


def churn_query(ctx: ScanContext, first: dt.date, last: dt.date) -> AnySelect:
    """The clients lapsing on ``first`` … ``last``; on the first scan, by ``last`` and
    with a last visit within ``max_days`` of it."""
    query = select(ClientStats.client_id, ClientStats.visits, ClientStats.last_visit_on,
                   ClientStats.median_gap_days, ClientStats.lapse_on)
    if ctx.first_scan:
        oldest = last - dt.timedelta(days=ctx.rules[CareKind.CHURN].param("max_days"))
        query = query.where(ClientStats.lapse_on <= last,
                            ClientStats.last_visit_on >= oldest)
    else:
        query = query.where(ClientStats.lapse_on.between(first, last))
    return query.where(ClientStats.branch_id == ctx.branch_id).order_by(ClientStats.lapse_on,
                                                                        ClientStats.client_id)
