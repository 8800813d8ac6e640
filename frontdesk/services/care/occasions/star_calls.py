"""Calls to star clients: the regular personal call to clients of the tiers whose plan has
``star_call_days`` (default: 金卡 and 钻石卡, every 30 days).

A client's last contact is the latest of their last visit, their last logged call,
message or gift (any :class:`~frontdesk.models.care.CareCall`), and the day they became a
client. With no contact for ``N`` days, a call falls due on the ``N``-th day, and again
every ``N`` days while none comes (a skipped call comes back a period later, not every
day); never while the client has an open or snoozed star call. Occasion
``star:<client>:<due_on>``, CALL, reason ``star_call``; detail: the interval, the last
visit, the last call (ISO dates, "" for none), the days without contact.

Clients are read by ``ix_client_tier`` and ``last_visit_at`` (those seen within the
interval are left out by the database), their last call by ``ix_care_call_client_at``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import Row, exists, func, or_, select
from sqlalchemy.orm import Session

from frontdesk.core.context import local_day_bounds
from frontdesk.models import Client
from frontdesk.models.care import CareCall, CareChannel, CareKind, CareStatus, CareTask
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.occasions.common import live_client, local_day

Candidate = Row[int, dt.datetime | None, dt.datetime, dt.datetime]


def due_days(contact: dt.date, every: int, first: dt.date, last: dt.date) -> list[dt.date]:
    """The days from ``first`` to ``last`` that are a whole number (≥ 1) of ``every`` days
    after ``contact``."""
    periods = max(1, -(-(first - contact).days // every))
    due = contact + dt.timedelta(days=periods * every)
    found = []
    while due <= last:
        found.append(due)
        due += dt.timedelta(days=every)
    return found


class StarCallSource:
    """A personal call every ``star_call_days`` without contact, by the client's tier."""

    kind: CareKind = CareKind.STAR_CALL

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        if not ctx.rules[self.kind].enabled:
            return
        by_days: dict[int, list[str]] = {}
        for plan in ctx.tier_plans.values():
            if plan.star_call_days and plan.star_call_days > 0:
                by_days.setdefault(plan.star_call_days, []).append(plan.tier_name)
        for every, tiers in sorted(by_days.items()):
            for row in self._candidates(s, ctx.branch_id, tiers, every, last):
                yield from self._drafts(row, every, first, last)

    @staticmethod
    def _candidates(s: Session, branch_id: int, tiers: list[str], every: int,
                    last: dt.date) -> list[Candidate]:
        """Clients of ``tiers`` with no visit, no call and no joining since the day a call
        could last fall due, and no star call open."""
        since = local_day_bounds(last - dt.timedelta(days=every - 1))[0]
        last_call = (select(func.max(CareCall.at)).where(CareCall.client_id == Client.id)
                     .scalar_subquery())
        open_call = exists().where(CareTask.client_id == Client.id,
                                   CareTask.kind == CareKind.STAR_CALL,
                                   CareTask.status.in_((CareStatus.OPEN, CareStatus.SNOOZED)))
        recent_call = exists().where(CareCall.client_id == Client.id, CareCall.at >= since)
        return list(s.execute(
            select(Client.id, Client.last_visit_at, Client.created_at, last_call)
            .where(Client.tier.in_(tiers), live_client(branch_id), Client.created_at < since,
                   or_(Client.last_visit_at.is_(None), Client.last_visit_at < since),
                   ~recent_call, ~open_call)
            .order_by(Client.id)).all())

    def _drafts(self, row: Candidate, every: int, first: dt.date,
                last: dt.date) -> Iterator[TaskDraft]:
        client_id, visited, joined, called = row
        contact = max(local_day(t) for t in (visited, joined, called) if t is not None)
        for due in due_days(contact, every, first, last):
            detail: dict[str, int | str] = {
                "every_days": every, "days_since": (due - contact).days,
                "last_visit": local_day(visited).isoformat() if visited else "",
                "last_call": local_day(called).isoformat() if called else ""}
            yield TaskDraft(kind=self.kind, occasion=f"star:{client_id}:{due.isoformat()}",
                            due_on=due, client_id=client_id, channel=CareChannel.CALL,
                            reason="star_call", detail=detail)
