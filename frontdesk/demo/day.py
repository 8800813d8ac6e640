"""The demo store's today: a day of appointments, in progress at the moment of the fill.

Used by :mod:`frontdesk.demo.fill` after the history. Each therapist works in a
room of her own all day, one booked service after another with at least
:data:`TURNOVER_S` between them to clean the room, from opening until the last
service that ends before closing time; so no therapist or room is booked twice
at once, as the desk's own booking rules require. Against the moment of the
fill ("now"), a slot still to come is BOOKED (a few CANCELLED); one whose time
has come is the client's visit, by now WAITING, IN_SERVICE, FINISHED (her room
being cleaned) or CLOSED with its lines and payments, or a NO_SHOW once she is
half an hour late. Now and then a client walks in for a slot instead of booking
it. The clients are drawn from those who signed up more than a week before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontdesk.core.context import Role
from frontdesk.demo.data import ServiceSpec
from frontdesk.demo.history import (
    CLOSE_S,
    DAY_S,
    OPEN_S,
    Booking,
    Chunk,
    HistoryMaker,
)

QUARTER_S = 900
TURNOVER_S = 20 * 60
"""From the booked end of a service to the next start in the same room."""
LATE_S = 30 * 60
"""A client this late is marked a no-show."""
WALK_IN, NO_SHOW, CANCELLED = 0.15, 0.06, 0.05
KNOWN_FOR_S = 8 * DAY_S
"""Today's clients signed up at least this long ago."""


@dataclass(frozen=True)
class Slot:
    """A service on today's plan: who does it, where, what, from when."""

    therapist: int
    room: int
    service: tuple[int, ServiceSpec]
    start: int
    """Seconds since the window's first midnight (UTC), as :class:`~.history.Stamps` takes."""

    @property
    def minutes(self) -> int:
        return self.service[1].duration_min


@dataclass
class Today:
    """Today's rows, and what they change in the rows written before."""

    chunk: Chunk = field(default_factory=Chunk)
    last_visits: list[tuple[str, int]] = field(default_factory=list)
    """(last visit, client id) of the clients checked out today."""
    cleaning: list[int] = field(default_factory=list)
    """Rooms left to clean after a finished service."""


class DayMaker(HistoryMaker):
    """The history (:class:`HistoryMaker`), and then today's book (:meth:`today`)."""

    def today(self, now: int) -> Today:
        """Today's appointments and visits as of ``now``, seconds since today's midnight (UTC).

        Call it after the history's chunks: ids go on from theirs.
        """
        day = Today()
        slots = self._plan()
        clients = self._clients_for(len(slots))
        for slot, client_id in zip(slots, clients, strict=False):
            self._slot(day, slot, client_id, self._span * DAY_S + now)
        return day

    def _plan(self) -> list[Slot]:
        """Each therapist's services in her room, from opening until closing time."""
        draw, store = self._draw, self._store
        therapists = [t for t in store.staff[Role.THERAPIST] if t is not None]
        slots = []
        midnight = self._span * DAY_S
        for therapist, room in zip(therapists, store.rooms, strict=False):
            start = OPEN_S + draw.between(0, 2) * QUARTER_S
            while True:
                service = draw.weighted(self._services)
                end = start + service[1].duration_min * 60
                if end > CLOSE_S:
                    break
                slots.append(Slot(therapist, room, service, midnight + start))
                start = -(-(end + TURNOVER_S) // QUARTER_S) * QUARTER_S  # the next quarter
                start += draw.between(0, 3) * QUARTER_S
        return slots

    def _clients_for(self, wanted: int) -> list[int]:
        """Different clients, each signed up at least :data:`KNOWN_FOR_S` before today."""
        known = self._total * (self._span - KNOWN_FOR_S // DAY_S) // max(self._span, 1)
        picked = self._draw.rng.sample(range(max(known, 0)), min(wanted, max(known, 0)))
        return [self._first_client + index for index in picked]

    def _slot(self, day: Today, slot: Slot, client_id: int, now: int) -> None:
        roll = self._draw.random()
        booking = Booking(client_id, slot.service, slot.therapist, slot.room, slot.start,
                          slot.start - KNOWN_FOR_S)
        if slot.start > now or roll < NO_SHOW:
            late = now - slot.start > LATE_S
            status = ("no_show" if slot.start <= now and late else
                      "cancelled" if slot.start > now and roll < CANCELLED else "booked")
            self._book(day.chunk, booking, status, None)
            return
        walk_in = self._draw.chance(WALK_IN)
        visit_id = self._visit_today(day, slot, client_id, now, walk_in)
        if not walk_in:
            self._book(day.chunk, booking, "arrived", visit_id)

    def _visit_today(self, day: Today, slot: Slot, client_id: int, now: int,
                     walk_in: bool) -> int:
        """The client's visit, as far as it has come by ``now``; its id."""
        draw = self._draw
        arrival = slot.start - draw.between(0, 600)
        started = max(slot.start, arrival + 120)
        finished = started + slot.minutes * 60 + draw.between(-300, 300)
        closed = finished + draw.between(120, 600)
        status = ("waiting" if now < started else "in_service" if now < finished
                  else "finished" if now < closed else "closed")
        visit_id = self._next_visit
        self._next_visit += 1
        item, spec = slot.service
        total = 0
        if status == "closed":
            head = (visit_id, client_id, self._stamp(closed))
            total = self._line(day.chunk, head, "service", item, None, spec.name, 1,
                               spec.price_fen, slot.therapist)
            if draw.chance(0.22):
                total += self._product(day.chunk, head)
            self._pay(day.chunk, visit_id, total, head[2])
            day.last_visits.append((self._stamp(arrival), client_id))
        elif status == "finished":
            day.cleaning.append(slot.room)
        times = (started, finished, closed)
        stages = {"waiting": 0, "in_service": 1, "finished": 2, "closed": 3}[status]
        stamps = [self._stamp(t) if i < stages else None for i, t in enumerate(times)]
        day.chunk.visits.append((
            visit_id, self._store.branch_id, client_id, "walk_in" if walk_in else "appointment",
            status, self._stamp(arrival), *stamps, spec.name, None, slot.therapist,
            None if status == "waiting" else slot.room, "", total, 1))
        day.chunk.planned.append((visit_id, item, 0))
        return visit_id
