"""The care service (``Services.care``): the due list, its counts, and its actions.

The reads are in :mod:`.due`, the writes in :mod:`.actions`, the batch export in
:mod:`.export`, the client's care history in :mod:`.history`; this module makes each
a unit of work with its permission check. The due list audits the full phone numbers it
showed (one ``care.phones_view`` row per list, naming the clients), as the profile and
the cards audit what they show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.permissions import ROLE_ACTIONS, Action, allowed, require
from frontdesk.core.validation import check_choice, check_id, check_prose, check_text
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.models import Staff
from frontdesk.models.care import CallOutcome, CareKind, CareStatus, ClientBook, GiftType
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.care import actions
from frontdesk.services.care.due import (
    DueRow,
    Scope,
    counts_by_kind,
    detail_of,
    due_conditions,
    due_task,
    full_phone_clients,
    page_rows,
    scope_of,
)
from frontdesk.services.care.export import ExportResult, check_path, export_rows, write_export
from frontdesk.services.care.gifts import Gift, GiftGiven, give_gift
from frontdesk.services.care.history import CallRow, calls_in
from frontdesk.services.care.messages import library_in
from frontdesk.services.care.settings import STAGE_OF, CareStage
from frontdesk.services.care.staff_day import staff_day_in
from frontdesk.services.care.suggest import Wording, message_for, recipient_count
from frontdesk.services.care.views import DueCounts, DueList, DueTask, StaffDay, is_batch
from frontdesk.services.care.wording import store_language, store_name
from frontdesk.services.rows import MAX_INT4_ID

MAX_LIMIT = 1000
SNOOZE_MAX_DAYS = 366


def wording_in(s: Session, actor: Actor) -> Wording:
    return Wording(library_in(s, actor.branch_id), store_language(s, actor.branch_id),
                   store_name(s, actor.branch_id), actor.display_name)


def _task_view(s: Session, actor: Actor, row: DueRow, words: Wording) -> DueTask:
    detail = detail_of(row.task.detail)
    recipients = recipient_count(s, actor.branch_id, detail) if is_batch(row.task) else 0
    message = message_for(row.task, detail, words, name=row.client_name, gender=row.gender,
                          staff=row.assigned_to_name)
    return due_task(actor, row, message, recipients, detail)


def _by_stage(by_kind: dict[CareKind, int]) -> dict[CareStage, int]:
    stages: dict[CareStage, int] = {}
    for kind, n in by_kind.items():
        stage = STAGE_OF.get(kind, CareStage.SECOND_SALES)
        stages[stage] = stages.get(stage, 0) + n
    return stages


class CareService:
    """The due list and its actions (see the module docstring)."""

    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    # -- reading -------------------------------------------------------------------------------

    @unit_of_work
    def due_list(self, actor: Actor, day: dt.date, *, staff_id: int | None = None,
                 pool: bool = False, kinds: frozenset[CareKind] | None = None,
                 limit: int = 300) -> DueList:
        """The open tasks due on or before ``day`` the actor works, in the day's order."""
        require(actor, Action.WORK_CARE)
        scope = scope_of(actor, staff_id, pool)
        conditions = due_conditions(actor.branch_id, day, scope, kinds)
        limit = max(0, min(int(limit), MAX_LIMIT))
        with self._db.read() as s:
            rows = page_rows(s, conditions, limit)
            words = wording_in(s, actor)
            tasks = tuple(_task_view(s, actor, r, words) for r in rows)
            counted = counts_by_kind(s, conditions, day)
        self._audit_phones(actor, day, full_phone_clients(actor, rows))
        by_kind: dict[CareKind, int] = {}
        for (kind, _late), n in counted.items():
            by_kind[kind] = by_kind.get(kind, 0) + n
        return DueList(day, tasks, by_kind, _by_stage(by_kind),
                       max(0, sum(by_kind.values()) - len(tasks)))

    @unit_of_work
    def _audit_phones(self, actor: Actor, day: dt.date, client_ids: list[int]) -> None:
        if not client_ids:
            return
        with self._db.write() as s:
            audit.record(s, self._clock(), actor, AuditAction.CARE_PHONES_VIEW, "client", None,
                         f"due_list day={day.isoformat()} clients="
                         + ",".join(map(str, client_ids)))

    @unit_of_work
    def counts(self, actor: Actor, day: dt.date) -> DueCounts:
        """The badge's counts: the actor's open tasks due by ``day``, and those overdue."""
        require(actor, Action.WORK_CARE)
        conditions = due_conditions(actor.branch_id, day, scope_of(actor), None)
        with self._db.read() as s:
            counted = counts_by_kind(s, conditions, day)
        by_kind: dict[CareKind, int] = {}
        for (kind, _late), n in counted.items():
            by_kind[kind] = by_kind.get(kind, 0) + n
        overdue = sum(n for (_kind, late), n in counted.items() if late)
        return DueCounts(sum(by_kind.values()), overdue, _by_stage(by_kind))

    @unit_of_work
    def staff_day(self, actor: Actor, day: dt.date) -> tuple[StaffDay, ...]:
        """Each staff member's open tasks due by ``day`` and those done and skipped that day."""
        require(actor, Action.MANAGE_CARE)
        with self._db.read() as s:
            return staff_day_in(s, actor.branch_id, day)

    @unit_of_work
    def calls_of(self, actor: Actor, client_id: int) -> tuple[CallRow, ...]:
        """The client's care history (calls, messages, gifts), newest first."""
        require(actor, Action.WORK_CARE)
        with self._db.read() as s:
            check_book_reader(s, actor, client_id)
            return calls_in(s, actor.branch_id, client_id)

    # -- writing -------------------------------------------------------------------------------

    @unit_of_work
    def log_call(self, actor: Actor, task_id: int, version: int, outcome: CallOutcome,
                 note: str = "", *, key: str) -> None:
        """Log a call and close the task (NO_ANSWER: put it off to the next day)."""
        require(actor, Action.WORK_CARE)
        clean_key = actions.check_key(key)
        outcome = check_choice(CallOutcome, outcome, "outcome")
        note = check_prose(note, 1000, "note")
        with self._db.write() as s:
            actions.log_call(s, actor, self._clock(), task_id, version, outcome, note, clean_key)

    @unit_of_work
    def give_gift(self, actor: Actor, task_id: int, version: int, gift: GiftType, *,
                  value_fen: int = 0, expires_on: dt.date | None = None, note: str = "",
                  key: str) -> GiftGiven:
        """Give a gift task's gift (a voucher through the card ledger, for a spa, dining or
        room voucher of ``value_fen``), log it and close the task (:mod:`.gifts`)."""
        require(actor, Action.WORK_CARE)
        clean_key = actions.check_key(key)
        chosen = Gift(check_choice(GiftType, gift, "gift"), check_value(value_fen),
                      expires_on, check_prose(note, 1000, "note"))
        if expires_on is not None and not isinstance(expires_on, dt.date):
            raise ValidationError("The expiry date is today or later.", field="expires_on")
        with self._db.write() as s:
            return give_gift(s, actor, self._clock(), task_id, version, chosen, clean_key)

    @unit_of_work
    def mark_sent(self, actor: Actor, task_ids: Sequence[int], *, key: str) -> int:
        """Mark the tasks' messages sent (each logged against its clients); how many."""
        require(actor, Action.WORK_CARE)
        clean_key = actions.check_key(key)
        with self._db.write() as s:
            return actions.mark_sent(s, actor, self._clock(), task_ids, clean_key)

    @unit_of_work
    def snooze(self, actor: Actor, task_id: int, version: int, until: dt.date) -> None:
        """Put the task off to ``until`` (after today, within a year)."""
        require(actor, Action.WORK_CARE)
        today = local_today(self._clock)
        if not isinstance(until, dt.date) or not \
                today < until <= today + dt.timedelta(days=SNOOZE_MAX_DAYS):
            raise ValidationError("Put it off to a day after today, within a year.",
                                  field="until")
        with self._db.write() as s:
            task = actions.open_task(s, actor, task_id, version)
            task.status, task.due_on = CareStatus.SNOOZED, until
            task.snoozes, task.version = task.snoozes + 1, task.version + 1
            audit.record(s, self._clock(), actor, AuditAction.CARE_SNOOZE, "care_task", task.id,
                         f"until={until.isoformat()}")

    @unit_of_work
    def skip(self, actor: Actor, task_id: int, version: int, reason: str) -> None:
        """Close the task undone, with the reason (required)."""
        require(actor, Action.WORK_CARE)
        reason = check_text(reason, 255, "reason")
        if not reason:
            raise ValidationError("Say why the task is skipped.", field="reason")
        with self._db.write() as s:
            task = actions.open_task(s, actor, task_id, version)
            task.note, task.version = reason, task.version + 1
            actions.close(task, actor, self._clock(), CareStatus.SKIPPED)
            audit.record(s, self._clock(), actor, AuditAction.CARE_SKIP, "care_task", task.id,
                         reason)

    @unit_of_work
    def reassign(self, actor: Actor, task_id: int, staff_id: int | None) -> None:
        """Give the task to another staff member (None: the pool)."""
        require(actor, Action.MANAGE_CARE)
        with self._db.write() as s:
            if staff_id is not None:
                check_carer(s, actor, staff_id)
            task = actions.open_task(s, actor, task_id, None)
            task.assigned_to_id, task.version = staff_id, task.version + 1
            audit.record(s, self._clock(), actor, AuditAction.CARE_REASSIGN, "care_task",
                         task.id, f"to={staff_id or 'pool'}")

    @unit_of_work
    def export_messages(self, actor: Actor, task_ids: Sequence[int], path: Path) -> ExportResult:
        """The tasks' messages as a CSV or XLSX file (by ``path``'s suffix), one row per
        recipient, for an SMS gateway; clients without consent left out and counted."""
        require(actor, Action.WORK_CARE)
        path = check_path(Path(path))
        with self._db.read() as s:
            words = wording_in(s, actor)
            rows = export_rows(s, actor, task_ids, words)
        result = write_export(path, words.language, rows)
        with self._db.write() as s:
            audit.record(s, self._clock(), actor, AuditAction.CARE_EXPORT, "care_task", None,
                         f"rows={result.rows} left_out={result.left_out} "
                         f"withheld={result.withheld} file={path.name} tasks="
                         + ",".join(str(i) for i in sorted(set(task_ids))))
        return result


def check_book_reader(s: Session, actor: Actor, client_id: int) -> None:
    """A client manager reads the care history of the clients in their own book, and of
    those in no book (the pool's); a manager (MANAGE_CARE) and the desk any client's."""
    if allowed(actor, Action.MANAGE_CARE) or not allowed(actor, Action.SEE_BOOK_PHONES):
        return
    book = s.scalar(select(ClientBook.staff_id).where(
        ClientBook.client_id == check_id(client_id, "client_id", MAX_INT4_ID)))
    if book is not None and book != actor.staff_id:
        raise PermissionDenied("This client is in another client manager's book.",
                               field="client_id")


def check_value(value_fen: object) -> int:
    """A voucher's value in fen: a whole number, 0 or more (0: no voucher)."""
    if isinstance(value_fen, bool) or not isinstance(value_fen, int) or value_fen < 0:
        raise ValidationError("Type the voucher's value, more than zero.", field="value_fen")
    return value_fen


def check_carer(s: Session, actor: Actor, staff_id: int) -> Staff:
    """An active staff member of the actor's store who may work care tasks."""
    staff = s.get(Staff, check_id(staff_id, "staff_id", MAX_INT4_ID))
    if staff is None or staff.branch_id != actor.branch_id or not staff.active:
        raise NotFound("There is no staff member number {id}.", field="staff_id", id=staff_id)
    if Action.WORK_CARE not in ROLE_ACTIONS[staff.role]:
        raise ValidationError("{name} does not work care tasks.", field="staff_id",
                              name=staff.display_name)
    return staff


__all__ = ["CareService", "GiftGiven", "Scope", "check_carer"]
