"""The demo store's care (关怀): books of clients for its client managers, every client's
figures, and a first scan, so the store has a living due list on its first day.

Seven clients in ten are in care1's book, two in care2's, one in none (the store's
pool). The figures are rebuilt from the history just written
(:func:`frontdesk.services.care.stats.rebuild`) and the scan runs as the program's
timer would (:class:`~frontdesk.services.care.scan.CareScanner`): its first scan finds
the clients who had lapsed already.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text

from frontdesk.core.context import Clock, Role
from frontdesk.db import Database
from frontdesk.models import Staff
from frontdesk.services.care import stats
from frontdesk.services.care.scan import CareScanner, Progress

IN_BOOKS = 9
"""Clients whose id ends in 0 … 8 (of 10) are in a book; 0 … 6 in the first manager's."""
FIRST_BOOK = 7


@dataclass(frozen=True)
class CareFill:
    booked: int
    tasks: int


def fill_care(db: Database, clock: Clock, branch_id: int,
              progress: Progress | None = None) -> CareFill:
    """Books, figures and the first scan of the demo store."""
    booked = _books(db, clock, branch_id)
    stats.rebuild(db, branch_id, clock(), progress)
    result = CareScanner(db, clock).scan(branch_id, progress=progress)
    return CareFill(booked, result.total)


def _books(db: Database, clock: Clock, branch_id: int) -> int:
    with db.write() as s:
        managers = s.scalars(select(Staff.id).where(Staff.branch_id == branch_id,
                                                    Staff.role == Role.CLIENT_MANAGER,
                                                    Staff.active).order_by(Staff.id)).all()
        if not managers:
            return 0
        first, second = managers[0], managers[-1]
        done = s.execute(text(
            "INSERT INTO client_book (client_id, branch_id, staff_id, assigned_at) "
            "SELECT id, branch_id, CASE WHEN id % 10 < :first_book THEN :first ELSE :second END,"
            " :now FROM client WHERE branch_id = :branch AND id % 10 < :in_books "
            "AND id NOT IN (SELECT client_id FROM client_book)"),
            {"first_book": FIRST_BOOK, "first": first, "second": second, "now": clock(),
             "branch": branch_id, "in_books": IN_BOOKS})
        return int(getattr(done, "rowcount", 0) or 0)
