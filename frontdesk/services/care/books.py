"""The books (``Services.care_books``): which client manager (客户经理) looks after whom.

A manager (MANAGE_CARE) puts clients in a client manager's book, takes them out of any
book, or moves a whole book to another client manager; each is audited. The open care
tasks of the clients moved go with them (to the pool for clients out of any book),
except those cared for centrally (``central``: the top tier, by the service centre).

Lock order (the README's "Concurrency"): the clients first (lower id first), then their
``client_book`` rows, then their ``care_task`` rows: after the voucher come the client
book and then the care task. Moving a whole book locks its ``client_book`` rows (lower
client id first) and then the tasks, never a client after them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, Role
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_id
from frontdesk.db import Database, locking, unit_of_work
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models import Client, Staff
from frontdesk.models.care import CareTask, ClientBook
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.care.due import OPEN_STATES
from frontdesk.services.rows import MAX_INT4_ID

BOOK_ROLES = (Role.CLIENT_MANAGER,)
"""Who holds a book."""
ASSIGN_MAX = 10_000


@dataclass(frozen=True)
class ManagerRow:
    staff_id: int
    name: str


@dataclass(frozen=True)
class BookSize:
    staff_id: int
    name: str
    clients: int


def holder(s: Session, actor: Actor, staff_id: object, field: str = "staff_id") -> Staff:
    """An active client manager of the actor's store, else a refusal naming ``field``."""
    staff = s.get(Staff, check_id(staff_id, field, MAX_INT4_ID))
    if staff is None or staff.branch_id != actor.branch_id:
        raise NotFound("There is no staff member number {id}.", field=field, id=staff_id)
    if not staff.active or staff.role not in BOOK_ROLES:
        raise ValidationError("{name} is not an active client manager: only client managers "
                              "hold a book.", field=field, name=staff.display_name)
    return staff


def move_tasks(s: Session, client_ids: Sequence[int], staff_id: int | None) -> None:
    """The open tasks of these clients go to ``staff_id`` (None: the pool), central ones not."""
    for start in range(0, len(client_ids), 1000):
        chunk = list(client_ids[start:start + 1000])
        ids = s.scalars(locking(select(CareTask.id).where(  # locked lower id first
            CareTask.client_id.in_(chunk), CareTask.status.in_(OPEN_STATES),
            CareTask.central.is_(False), CareTask.assigned_to_id.is_distinct_from(staff_id))
            .order_by(CareTask.id))).all()
        if ids:
            s.execute(update(CareTask).where(CareTask.id.in_(ids))
                      .values(assigned_to_id=staff_id, version=CareTask.version + 1)
                      .execution_options(synchronize_session=False))


class BookService:
    """The client managers' books (see the module docstring)."""

    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def client_managers(self, actor: Actor) -> tuple[ManagerRow, ...]:
        """The store's active staff who can hold a book, by name."""
        require(actor, Action.WORK_CARE)
        with self._db.read() as s:
            rows = s.execute(select(Staff.id, Staff.display_name).where(
                Staff.branch_id == actor.branch_id, Staff.active, Staff.role.in_(BOOK_ROLES))
                .order_by(Staff.display_name, Staff.id))
            return tuple(ManagerRow(i, n) for i, n in rows)

    @unit_of_work
    def book_sizes(self, actor: Actor) -> tuple[BookSize, ...]:
        """Each client manager's number of clients (those holding none too)."""
        require(actor, Action.MANAGE_CARE)
        with self._db.read() as s:
            sizes = dict(s.execute(select(ClientBook.staff_id, func.count()).where(
                ClientBook.branch_id == actor.branch_id).group_by(ClientBook.staff_id))
                .all())
            staff = s.execute(select(Staff.id, Staff.display_name).where(
                Staff.branch_id == actor.branch_id,
                (Staff.active & Staff.role.in_(BOOK_ROLES)) | Staff.id.in_(list(sizes)))
                .order_by(Staff.display_name, Staff.id))
            return tuple(BookSize(i, n, int(sizes.get(i, 0))) for i, n in staff)

    @unit_of_work
    def manager_of(self, actor: Actor, client_id: int) -> tuple[int, str] | None:
        """The client's manager (id, name), or None when the client is in no book."""
        require(actor, Action.WORK_CARE)
        check_id(client_id, "client_id", MAX_INT4_ID)
        with self._db.read() as s:
            row = s.execute(select(Staff.id, Staff.display_name)
                            .join(ClientBook, ClientBook.staff_id == Staff.id)
                            .where(ClientBook.client_id == client_id,
                                   ClientBook.branch_id == actor.branch_id)).first()
            return (row[0], row[1]) if row else None

    @unit_of_work
    def assign(self, actor: Actor, client_ids: Sequence[int], staff_id: int | None) -> int:
        """Put the clients in ``staff_id``'s book (None: out of any book); how many moved."""
        require(actor, Action.MANAGE_CARE)
        ids = sorted({check_id(c, "client_ids", MAX_INT4_ID) for c in client_ids})
        if len(ids) > ASSIGN_MAX:
            raise ValidationError("At most {n} clients at a time.", field="client_ids",
                                  n=ASSIGN_MAX)
        now = self._clock()
        with self._db.write() as s:
            if staff_id is not None:
                holder(s, actor, staff_id)
            self._lock_clients(s, actor, ids)
            moved = [c for c in ids if self._place(s, actor, now, c, staff_id)]
            move_tasks(s, moved, staff_id)
            audit.record(s, now, actor, AuditAction.CARE_BOOK_ASSIGN, "staff", staff_id,
                         f"clients={len(moved)} to={staff_id or 'none'}")
            return len(moved)

    @staticmethod
    def _lock_clients(s: Session, actor: Actor, ids: Sequence[int]) -> None:
        found: set[int] = set()
        for start in range(0, len(ids), 1000):
            chunk = list(ids[start:start + 1000])
            found |= set(s.scalars(locking(select(Client.id).where(
                Client.id.in_(chunk), Client.branch_id == actor.branch_id)
                .order_by(Client.id))))
        missing = [c for c in ids if c not in found]
        if missing:
            raise NotFound("There is no client number {id}.", field="client_ids", id=missing[0])

    @staticmethod
    def _place(s: Session, actor: Actor, now: dt.datetime, client_id: int,
               staff_id: int | None) -> bool:
        """Put one client in the book (their row locked); False when already there."""
        book = s.scalar(locking(select(ClientBook).where(ClientBook.client_id == client_id)))
        if book is not None and book.staff_id == staff_id:
            return False
        if staff_id is None:
            if book is None:
                return False
            s.delete(book)
        elif book is None:
            s.add(ClientBook(client_id=client_id, branch_id=actor.branch_id, staff_id=staff_id,
                             assigned_at=now, assigned_by_id=actor.staff_id))
        else:
            book.staff_id, book.assigned_at, book.assigned_by_id = staff_id, now, actor.staff_id
        return True

    @unit_of_work
    def move_book(self, actor: Actor, from_staff_id: int, to_staff_id: int) -> int:
        """Move every client of one book to another client manager; how many."""
        require(actor, Action.MANAGE_CARE)
        now = self._clock()
        with self._db.write() as s:
            check_id(from_staff_id, "from_staff_id", MAX_INT4_ID)
            holder(s, actor, to_staff_id, "to_staff_id")
            if from_staff_id == to_staff_id:
                raise ValidationError("Choose another client manager to move the book to.",
                                      field="to_staff_id")
            books = s.scalars(locking(select(ClientBook).where(
                ClientBook.staff_id == from_staff_id, ClientBook.branch_id == actor.branch_id)
                .order_by(ClientBook.client_id))).all()
            for book in books:
                book.staff_id, book.assigned_at, book.assigned_by_id = \
                    to_staff_id, now, actor.staff_id
            move_tasks(s, [b.client_id for b in books], to_staff_id)
            audit.record(s, now, actor, AuditAction.CARE_BOOK_MOVE, "staff", to_staff_id,
                         f"clients={len(books)} from={from_staff_id}")
            return len(books)
