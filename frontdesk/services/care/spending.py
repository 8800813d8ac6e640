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

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.models.care import CareChannel, CareKind, ClientStats
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.stats import DropRule, client_spends, window_on

REASON = "spending_drop"
"""The reason code the screens translate (消费异动: spending well below the usual)."""


class SpendingDropSource:
    """Clients whose ``drop_on`` falls in the days scanned (the last window, on a first scan)."""

    kind = CareKind.SPENDING_DROP

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        rule = DropRule.of(ctx.rules[CareKind.SPENDING_DROP])
        since = first - dt.timedelta(days=rule.window_days) if ctx.first_scan else first
        rows = s.execute(select(ClientStats.client_id, ClientStats.drop_on)
                         .where(ClientStats.branch_id == ctx.branch_id,
                                ClientStats.drop_on.between(since, last))
                         .order_by(ClientStats.drop_on, ClientStats.client_id)).all()
        for client_id, drop in rows:
            assert drop is not None  # selected by it
            window = window_on(drop, client_spends(s, client_id), rule)
            yield TaskDraft(
                CareKind.SPENDING_DROP, f"drop:{client_id}:{drop.isoformat()}",
                max(drop, first), client_id, CareChannel.CALL, event_on=drop, reason=REASON,
                detail={"recent_fen": window.recent_fen,
                        "usual_fen": window.usual_per_window_fen,
                        "ratio_percent": rule.ratio_percent,
                        "window_days": rule.window_days})
