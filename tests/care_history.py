"""Visit histories for the care tests: closed visits with a line each, written as the demo
writes history (a check-out per past visit would take the tests minutes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.models import ConsumptionLine, LineKind, Visit, VisitStatus
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services


def local_noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12)).astimezone().astimezone(dt.UTC)


def visited(db: Database, branch_id: int, client_id: int, days: Sequence[dt.date],
            fen: int | Sequence[int] = 30_000) -> None:
    """Closed visits of the client on these days, each with one line of ``fen``."""
    amounts = [fen] * len(days) if isinstance(fen, int) else list(fen)
    with db.write() as s:
        for day, amount in zip(days, amounts, strict=True):
            at = local_noon(day)
            visit = Visit(branch_id=branch_id, client_id=client_id, status=VisitStatus.CLOSED,
                          arrived_at=at, started_at=at, finished_at=at, closed_at=at,
                          total_fen=amount)
            s.add(visit)
            s.flush()
            s.add(ConsumptionLine(branch_id=branch_id, visit_id=visit.id, client_id=client_id,
                                  at=at, kind=LineKind.SERVICE, description="面部护理",
                                  quantity=1, unit_price_fen=amount, amount_fen=amount))


def new_client(services: Services, admin: Actor, name: str, phone: str, *,
               consent: bool = True) -> int:
    return services.clients.register(
        admin, NewClient(name, phone, consent_marketing=consent)).client_id


def days_before(today: dt.date, *offsets: int) -> list[dt.date]:
    """The days ``offset`` days before ``today``, oldest first."""
    return sorted(today - dt.timedelta(days=n) for n in offsets)
