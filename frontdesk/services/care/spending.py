"""消费异动: the spending-drop rule, an :class:`~frontdesk.services.care.drafts.OccasionSource`.

The rule (its numbers in DEFAULT_RULES, a manager tunes them): on a day, the client's
spend over the last ``window_days`` is below ``ratio_percent`` % of their usual spend
per window (their average over the ``usual_days`` before the window), for clients
whose usual spend per window is at least ``min_usual_fen``. The first day that holds
if the client spends nothing more is their ``client_stats.drop_on`` (kept up to date
at check-out), so a scan selects by that index; the first scan of a store also finds
drops of the last window. Each warning carries the numbers behind it: the recent
spend, the usual spend per window, the ratio and the window.

One task per drop: the occasion ``drop:<client>:<drop_on>``; a new spend moves
``drop_on`` and so makes a later warning a new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Date, case, cast, func, literal, select, text
from sqlalchemy.orm import Session

from frontdesk.models import ConsumptionLine
from frontdesk.models.care import CareChannel, CareKind, ClientStats
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.stats import DropRule

REASON = "spending_drop"
"""The reason code the screens translate (消费异动: spending well below the usual)."""


class SpendingDropSource:
    """Clients whose ``drop_on`` falls in the days scanned (the last window, on a first scan)."""

    kind = CareKind.SPENDING_DROP

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        rule = DropRule.of(ctx.rules[CareKind.SPENDING_DROP])
        since = since_of(ctx, rule, first)
        for client_id, drop, recent, usual in s.execute(_numbers(s, ctx, rule, since, last)):
            yield TaskDraft(
                CareKind.SPENDING_DROP, f"drop:{client_id}:{drop.isoformat()}",
                max(drop, first), client_id, CareChannel.CALL, event_on=drop, reason=REASON,
                detail={"recent_fen": int(recent or 0),
                        "usual_fen": int(usual or 0) * rule.window_days // rule.usual_days,
                        "ratio_percent": rule.ratio_percent,
                        "window_days": rule.window_days})


def since_of(ctx: ScanContext, rule: DropRule, first: dt.date) -> dt.date:
    """The first drop day a scan of ``first`` … finds (a first scan: the last window's)."""
    return first - dt.timedelta(days=rule.window_days) if ctx.first_scan else first


def window_sums(ctx: ScanContext, rule: DropRule, *, postgres: bool) -> tuple[Any, Any]:
    """The recent window's spend and the usual period's, as SQL sums over the client's lines
    (joined to ``client_stats``), each line on its local day: the store's UTC offset on the
    scan's day."""
    offset = dt.datetime.combine(ctx.today, dt.time()).astimezone().utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    day = _local_day(ConsumptionLine.at, minutes, postgres=postgres)
    recent_from = _days_before(ClientStats.drop_on, rule.window_days, postgres=postgres)
    usual_from = _days_before(ClientStats.drop_on, rule.window_days + rule.usual_days,
                              postgres=postgres)
    in_recent = (day > recent_from) & (day <= ClientStats.drop_on)
    in_usual = (day > usual_from) & (day <= recent_from)
    return (func.sum(case((in_recent, ConsumptionLine.amount_fen), else_=0)),
            func.sum(case((in_usual, ConsumptionLine.amount_fen), else_=0)))


def _numbers(s: Session, ctx: ScanContext, rule: DropRule, since: dt.date,
             last: dt.date) -> Any:
    """Each client dropping on ``since`` … ``last``: the drop day and the two sums."""
    recent, usual = window_sums(ctx, rule, postgres=s.get_bind().dialect.name == "postgresql")
    return (select(ClientStats.client_id, ClientStats.drop_on, recent, usual)
            .select_from(ClientStats)
            .outerjoin(ConsumptionLine, ConsumptionLine.client_id == ClientStats.client_id)
            .where(ClientStats.branch_id == ctx.branch_id,
                   ClientStats.drop_on.between(since, last))
            .group_by(ClientStats.client_id, ClientStats.drop_on)
            .order_by(ClientStats.drop_on, ClientStats.client_id))


def _local_day(at: Any, minutes: int, *, postgres: bool) -> Any:
    if postgres:
        return cast(func.timezone("UTC", at) + text(f"interval '{minutes} minutes'"), Date)
    return func.date(at, literal(f"{minutes:+d} minutes"))


def _days_before(day: Any, days: int, *, postgres: bool) -> Any:
    if postgres:
        return cast(day - literal(days), Date)
    return func.date(day, literal(f"-{days} days"))
