"""Today at the benchmark's desk: a day's appointments and a few clients in the store.

The search ranks the clients the desk expects today (an appointment of its
branch today) and those in the store (an open visit) first, found by a branch
of its statement that starts from them, so the search benchmark needs a today.
The demo store's history ends on the day it was built, so each run books
:data:`APPOINTMENTS` appointments for today, between opening and closing, and
checks :data:`IN_STORE` clients in, all of them different clients drawn at
random (about one in fourteen is a 张, as in the demo store, and as many are
王). It first takes away what an earlier run made (marked by :data:`MARK`), so
the benchmark database never gathers more than one day of them. On PostgreSQL the
appointments are then analysed, as autovacuum would soon do, so the planner knows
the day's book when it plans the search.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import delete, func, select, text

from frontdesk.core.context import local_day_bounds
from frontdesk.db import Database
from frontdesk.models import Client, Visit
from frontdesk.models.appointment import Appointment, AppointmentStatus
from frontdesk.services.clients.search import OPEN_VISIT

APPOINTMENTS = 80
"""About a day's book of a store with ten therapists."""
IN_STORE = 12
MARK = "search benchmark: today"
"""The note of the appointments and the purpose of the visits a run makes."""
OPENS, CLOSES = 10, 21


@dataclass(frozen=True)
class DeskDay:
    """What the search's ranking sees today: its branch and that day's bounds (UTC)."""

    branch_id: int
    day_start: dt.datetime
    day_end: dt.datetime
    booked: tuple[int, ...]
    in_store: tuple[int, ...]


def open_the_day(db: Database, branch_id: int, today: dt.date, seed: int) -> DeskDay:
    """Book today's appointments and check the in-store clients in, after clearing a past run's."""
    start, end = local_day_bounds(today)
    rng = random.Random(f"{seed}-{today.isoformat()}")
    with db.write() as s:
        s.execute(delete(Appointment).where(Appointment.branch_id == branch_id,
                                            Appointment.note == MARK))
        s.execute(delete(Visit).where(Visit.branch_id == branch_id,
                                      Visit.status.in_(OPEN_VISIT), Visit.purpose == MARK))
        top = s.scalar(select(func.max(Client.id))) or 0
        chosen: dict[int, None] = {}
        while len(chosen) < min(top, APPOINTMENTS + IN_STORE):
            chosen.setdefault(rng.randint(1, top))
        clients = list(chosen)
        booked, in_store = clients[:APPOINTMENTS], clients[APPOINTMENTS:]
        opening = dt.datetime.combine(today, dt.time(OPENS)).astimezone(dt.UTC)
        slots = (CLOSES - OPENS) * 2
        for i, client_id in enumerate(booked):
            starts = opening + dt.timedelta(minutes=30 * (i % slots))
            s.add(Appointment(branch_id=branch_id, client_id=client_id, starts_at=starts,
                              ends_at=starts + dt.timedelta(hours=1),
                              status=AppointmentStatus.BOOKED, note=MARK))
        now = dt.datetime.now(dt.UTC)
        s.add_all(Visit(branch_id=branch_id, client_id=client_id, arrived_at=now, purpose=MARK)
                  for client_id in in_store)
    if not db.is_sqlite:
        with db.engine.connect() as conn:  # as autovacuum would: the planner sees today's book
            conn.execute(text("ANALYZE appointment"))
            conn.commit()
    return DeskDay(branch_id, start, end, tuple(booked), tuple(in_store))
