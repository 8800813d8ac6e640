"""Follow-up calls (回访) ``n`` days after a treatment, on the days set per service item.

A visit checked out on day ``V`` that had a service item with follow-up day ``n``
(table ``follow_up_day``: a facial may have 1, 3 and 7) makes a call due on ``V + n``.
For each ``n`` the store uses, the service lines of the days ``first − n`` … ``last − n``
are read by ``ix_consumption_line_branch_at`` (a line is written at check-out), joined to
their visit (closed) and their item's follow-up day ``n``.

Occasion ``followup:<visit>:<n>``, CALL, a service (not marketing: it stays for clients
without marketing consent). Reason ``follow_up``; detail: the services' names as sold
(``services``, joined by ", "), the visit day (``visit_on``), ``days`` (n).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.models import Client, ConsumptionLine, LineKind, ServiceItem, Visit, VisitStatus
from frontdesk.models.care import CareChannel, CareKind, FollowUpDay
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.occasions.common import live_client, local_day, utc_range

SERVICES_SEPARATOR = ", "


@dataclass
class _Visit:
    client_id: int
    day: dt.date
    services: list[str] = field(default_factory=list)


class FollowUpSource:
    """A call on each configured day after a visit with a service that asks for one."""

    kind: CareKind = CareKind.FOLLOW_UP

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        if not ctx.rules[self.kind].enabled:
            return
        for n, items in self._items_by_day(s, ctx.branch_id).items():
            shift = dt.timedelta(days=n)
            for visit_id, visit in self._visits(s, ctx.branch_id, items, first - shift,
                                                last - shift).items():
                yield self._draft(visit_id, visit, n)

    @staticmethod
    def _items_by_day(s: Session, branch_id: int) -> dict[int, list[int]]:
        """The store's service items by their follow-up days (day n → the items)."""
        items: dict[int, list[int]] = {}
        for item_id, day in s.execute(
                select(FollowUpDay.service_item_id, FollowUpDay.day)
                .join(ServiceItem, ServiceItem.id == FollowUpDay.service_item_id)
                .where(ServiceItem.branch_id == branch_id, FollowUpDay.day > 0)
                .order_by(FollowUpDay.day, FollowUpDay.service_item_id)):
            items.setdefault(day, []).append(item_id)
        return items

    @staticmethod
    def _visits(s: Session, branch_id: int, items: list[int], first: dt.date,
                last: dt.date) -> dict[int, _Visit]:
        """The visits checked out from ``first`` to ``last`` with one of the service ``items``
        (their lines, written at check-out, are read by day; only theirs reach the visit)."""
        start, end = utc_range(first, last)
        rows = s.execute(
            select(Visit.id, Visit.client_id, Visit.closed_at, ConsumptionLine.description)
            .join(Visit, Visit.id == ConsumptionLine.visit_id)
            .join(Client, Client.id == Visit.client_id)
            .where(ConsumptionLine.branch_id == branch_id, ConsumptionLine.at >= start,
                   ConsumptionLine.at < end, ConsumptionLine.kind == LineKind.SERVICE,
                   ConsumptionLine.service_item_id.in_(items),
                   Visit.status == VisitStatus.CLOSED, live_client(branch_id))
            .order_by(Visit.id, ConsumptionLine.id)).all()
        visits: dict[int, _Visit] = {}
        for visit_id, client_id, closed_at, description in rows:
            day = local_day(closed_at) if closed_at is not None else None
            if day is None or not first <= day <= last:
                continue
            visit = visits.setdefault(visit_id, _Visit(client_id, day))
            if description not in visit.services:
                visit.services.append(description)
        return visits

    def _draft(self, visit_id: int, visit: _Visit, n: int) -> TaskDraft:
        detail: dict[str, int | str] = {
            "services": SERVICES_SEPARATOR.join(visit.services),
            "visit_on": visit.day.isoformat(), "days": n}
        return TaskDraft(kind=self.kind, occasion=f"followup:{visit_id}:{n}",
                         due_on=visit.day + dt.timedelta(days=n), client_id=visit.client_id,
                         channel=CareChannel.CALL, event_on=visit.day, reason="follow_up",
                         detail=detail)
