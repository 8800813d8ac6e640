"""The due list's reads: the day's open tasks in the day's order, and their counts.

One statement reads a page of tasks by the ``care_task`` indexes (branch, status, due
date; or the assigned staff, status, due date), with the client (name, phone, tier,
allergies, consent), the client's stats (visits, last visit), the client's book (whose
client it is) and the assigned staff member's name; another counts all the matching
tasks by kind. Marketing tasks of clients without marketing consent are left out by the
statement itself, from the client's row as it is now: an opt-out takes effect at once.

Who sees what (:class:`Scope`): a client manager their own tasks and the pool's (no
book, or cared for centrally); a manager (MANAGE_CARE) every task, or one staff
member's, or the pool's. Phones: full for roles that see every phone; for a client
manager (SEE_BOOK_PHONES) full for the clients in their own book; masked otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, true
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Role
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.phones import phone_for
from frontdesk.errors import PermissionDenied
from frontdesk.models import Client, Staff
from frontdesk.models.care import CareKind, CareStatus, CareTask, ClientBook, ClientStats
from frontdesk.services.care.settings import STAGE_OF, CareStage, gift_types_of, json_object
from frontdesk.services.care.views import DueTask

OPEN_STATES = (CareStatus.OPEN, CareStatus.SNOOZED)
OWN_TASKS_ONLY = frozenset({Role.COMPLAINT_HANDLER})
"""Roles whose due list is their own tasks only (a complaint handler's case deadlines), not
the store's pool of unassigned greetings and calls."""


@dataclass(frozen=True)
class Scope:
    """Whose tasks a list shows: ``staff_id`` and/or the pool (both: a client manager's)."""

    everyone: bool = False
    staff_id: int | None = None
    pool: bool = False

    def condition(self) -> ColumnElement[bool]:
        if self.everyone:
            return true()
        mine = CareTask.assigned_to_id == self.staff_id if self.staff_id else false()
        pool = CareTask.assigned_to_id.is_(None) if self.pool else false()
        return or_(mine, pool)


def scope_of(actor: Actor, staff_id: int | None = None, pool: bool = False) -> Scope:
    """The tasks ``actor`` may see, narrowed to one staff member's or the pool's."""
    if allowed(actor, Action.MANAGE_CARE):
        if staff_id is None and not pool:
            return Scope(everyone=True)
        return Scope(staff_id=staff_id, pool=pool)
    if staff_id is not None and staff_id != actor.staff_id:
        raise PermissionDenied("Only a manager sees another staff member's care tasks.",
                               field="staff_id")
    if pool and actor.role in OWN_TASKS_ONLY:
        raise PermissionDenied("The store's pool of care tasks is not yours to work.",
                               field="pool")
    if pool:
        return Scope(pool=True)
    return Scope(staff_id=actor.staff_id,
                 pool=staff_id is None and actor.role not in OWN_TASKS_ONLY)


def consented() -> ColumnElement[bool]:
    """A task the list shows: not marketing, a batch, or the client consents (read live);
    never a task of an anonymised client."""
    return or_(CareTask.client_id.is_(None),
               and_(Client.anonymised_at.is_(None),
                    or_(CareTask.marketing.is_(False), Client.consent_marketing.is_(True))))


def due_conditions(branch_id: int, day: dt.date, scope: Scope,
                   kinds: frozenset[CareKind] | None) -> list[ColumnElement[bool]]:
    """Which tasks are due by ``day`` in ``scope``, whatever their state (see :func:`page_rows`,
    :func:`counts_by_kind`)."""
    conditions = [CareTask.branch_id == branch_id, CareTask.due_on <= day, scope.condition()]
    if kinds is not None:
        conditions.append(CareTask.kind.in_(sorted(kinds)))
    return conditions


def page_rows(s: Session, conditions: Sequence[ColumnElement[bool]], limit: int) -> list[DueRow]:
    """A page of due tasks in the day's order: the open ones and the snoozed ones each read in
    that order by ``ix_care_task_queue`` (status, stage, priority, due date), then merged —
    a page costs its own rows, not a sort of every open task."""
    rows = [DueRow.of(r) for status in OPEN_STATES
            for r in s.execute(page_statement([*conditions, CareTask.status == status], limit))]
    rows.sort(key=lambda r: (r.task.stage or 0, r.task.priority, r.task.due_on, r.task.id))
    return rows[:limit]


def page_statement(conditions: Sequence[ColumnElement[bool]],
                   limit: int) -> Select[*tuple[Any, ...]]:
    """A page of due tasks of one state in the day's order, with what the list shows of each
    (marketing tasks of clients without consent left out, read live)."""
    return (select(CareTask, Client.name, Client.gender, Client.phone_e164, Client.tier,
                   Client.allergies, ClientStats.visits, ClientStats.last_visit_on,
                   Staff.display_name, ClientBook.staff_id)
            .outerjoin(Client, Client.id == CareTask.client_id)
            .outerjoin(ClientStats, ClientStats.client_id == CareTask.client_id)
            .outerjoin(ClientBook, ClientBook.client_id == CareTask.client_id)
            .outerjoin(Staff, Staff.id == CareTask.assigned_to_id)
            .where(*conditions, consented())
            .order_by(CareTask.stage, CareTask.priority, CareTask.due_on, CareTask.id)
            .limit(limit))


def counts_by_kind(s: Session, conditions: Sequence[ColumnElement[bool]],
                   day: dt.date) -> dict[tuple[CareKind, bool], int]:
    """How many matching open tasks there are of each kind, overdue (due before ``day``) or
    not: read from ``ix_care_task_counts`` alone. A client's withdrawn consent closes their
    marketing tasks at once (:func:`~frontdesk.services.care.history.withdraw_marketing`), so
    the count need not read the clients."""
    overdue = CareTask.due_on < day
    rows = s.execute(select(CareTask.kind, overdue, func.count())
                     .where(*conditions, CareTask.status.in_(OPEN_STATES))
                     .group_by(CareTask.kind, overdue))
    return {(CareKind(kind), bool(late)): int(n) for kind, late, n in rows}


def sees_full_phone(actor: Actor, book_staff_id: int | None) -> bool:
    """Whether ``actor`` sees the full phone of a client in ``book_staff_id``'s book."""
    if allowed(actor, Action.SEE_FULL_PHONE):
        return True
    return book_staff_id == actor.staff_id and allowed(actor, Action.SEE_BOOK_PHONES)


def detail_of(text: str) -> dict[str, int | str]:
    """A task's detail JSON as a plain mapping (empty when it is not an object)."""
    return {k: v for k, v in json_object(text).items() if isinstance(v, (int, str))}


@dataclass(frozen=True)
class DueRow:
    """One row of :func:`page_statement`, named."""

    task: CareTask
    client_name: str
    gender: str
    phone_e164: str | None
    tier: str
    allergies: str
    visits: int
    last_visit_on: dt.date | None
    assigned_to_name: str
    book_staff_id: int | None

    @classmethod
    def of(cls, row: Sequence[Any]) -> DueRow:
        task, name, gender, phone, tier, allergies, visits, last, staff, book = row
        return cls(task, name or "", gender or "", phone, tier or "", allergies or "",
                   visits or 0, last, staff or "", book)


def due_task(actor: Actor, row: DueRow, message: str, recipients: int,
             detail: Mapping[str, int | str]) -> DueTask:
    """The list's view of one task."""
    t = row.task
    full = sees_full_phone(actor, row.book_staff_id)
    return DueTask(
        t.id, t.version, t.kind, STAGE_OF.get(t.kind, CareStage.SECOND_SALES), t.due_on,
        t.event_on, t.priority, t.channel, t.status, t.marketing, t.client_id, row.client_name,
        phone_for(row.phone_e164, full), row.tier, row.visits, row.last_visit_on,
        t.assigned_to_id, row.assigned_to_name, t.central, t.reason, detail,
        gift_types_of(t.gift_types), message, recipients, row.allergies)


def full_phone_clients(actor: Actor, rows: Sequence[DueRow]) -> list[int]:
    """The clients whose full phone number the list shows ``actor`` (for the audit trail)."""
    return [r.task.client_id for r in rows
            if r.task.client_id is not None and r.phone_e164
            and sees_full_phone(actor, r.book_staff_id)]
