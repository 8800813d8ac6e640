"""A store for the care rules' tests: clients, visits and calls as rows, and a source run.

Clients, visits, their lines and calls are written as rows (their services are other
parts', and a rule only reads them); cards go through the real card services. A
source runs as the scan runs it: in a read session, with the rules, tier plans and
festivals in effect (:mod:`frontdesk.services.care.settings`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from sqlalchemy import update

from frontdesk.db import Database
from frontdesk.models import Client, ConsumptionLine, LineKind, Visit, VisitStatus
from frontdesk.models.care import CallOutcome, CareCall, CareChannel, FollowUpDay
from frontdesk.services.care.drafts import OccasionSource, ScanContext, TaskDraft
from frontdesk.services.care.settings import (
    effective_festivals,
    effective_rules,
    effective_tier_plans,
)

_NUMBERS = itertools.count(1)
LONG_AGO = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def at_local(day: dt.date, hour: int = 15) -> dt.datetime:
    """A stored (UTC) time at ``hour`` o'clock of the store's local ``day``."""
    return dt.datetime.combine(day, dt.time(hour)).astimezone().astimezone(dt.UTC)


def context(db: Database, branch_id: int, today: dt.date, *,
            first_scan: bool = False) -> ScanContext:
    with db.read() as s:
        return ScanContext(branch_id, today, effective_rules(s, branch_id),
                           effective_tier_plans(s, branch_id),
                           effective_festivals(s, branch_id), first_scan)


def run(source: OccasionSource, db: Database, branch_id: int, first: dt.date,
        last: dt.date | None = None, *, first_scan: bool = False) -> list[TaskDraft]:
    """What ``source`` proposes for the days ``first`` … ``last`` (default: ``first`` only)."""
    last = last or first
    ctx = context(db, branch_id, last, first_scan=first_scan)
    with db.read() as s:
        return list(source.drafts(s, ctx, first, last))


def add_client(db: Database, branch_id: int, name: str = "王芳", **fields: Any) -> int:
    """A client row (created long ago unless ``created_at`` says otherwise)."""
    values: dict[str, Any] = dict(created_at=LONG_AGO, updated_at=LONG_AGO)
    values.update(fields)
    with db.write() as s:
        client = Client(branch_id=branch_id, name=name, **values)
        s.add(client)
        s.flush()
        return client.id


def set_tier(db: Database, client_id: int, tier_name: str) -> None:
    with db.write() as s:
        s.execute(update(Client).where(Client.id == client_id).values(tier=tier_name))


def add_visit(db: Database, branch_id: int, client_id: int, day: dt.date,
              services: tuple[tuple[int, str], ...] = ()) -> int:
    """A visit checked out on local ``day`` with a line per (service item, name)."""
    closed = at_local(day)
    with db.write() as s:
        visit = Visit(branch_id=branch_id, client_id=client_id, status=VisitStatus.CLOSED,
                      arrived_at=closed - dt.timedelta(hours=1), closed_at=closed)
        s.add(visit)
        s.flush()
        for item_id, name in services:
            s.add(ConsumptionLine(branch_id=branch_id, visit_id=visit.id, client_id=client_id,
                                  at=closed, kind=LineKind.SERVICE, service_item_id=item_id,
                                  description=name, unit_price_fen=10_000, amount_fen=10_000))
        s.execute(update(Client).where(Client.id == client_id)
                  .values(last_visit_at=visit.arrived_at))
        return visit.id


def follow_up_days(db: Database, service_item_id: int, *days: int) -> None:
    with db.write() as s:
        s.add_all(FollowUpDay(service_item_id=service_item_id, day=d) for d in days)


def add_call(db: Database, branch_id: int, client_id: int, staff_id: int, day: dt.date) -> None:
    with db.write() as s:
        s.add(CareCall(branch_id=branch_id, client_id=client_id, staff_id=staff_id,
                       at=at_local(day), channel=CareChannel.CALL, outcome=CallOutcome.REACHED))


def occasions(drafts: list[TaskDraft]) -> list[str]:
    return sorted(d.occasion for d in drafts)


def unique_key() -> str:
    return f"k{next(_NUMBERS)}"
