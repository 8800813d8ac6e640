"""The due list's writes: log a call, mark messages sent, snooze, skip, reassign.

Each runs inside the caller's transaction (:class:`~.tasks.CareService` makes it a
unit of work) and locks the task (``care_task``, the last row of the README's lock
order: after the voucher; several tasks lower id first) before it reads its state, so
of two terminals closing the same task one wins and the other is told who closed it
(:class:`~frontdesk.errors.ConflictError`). An edit names the version the screen showed;
a task changed meanwhile is refused the same way.

Idempotency: :func:`log_call` and :func:`mark_sent` take a key (1–64 characters). The
audit row each writes carries it (``key="…" ``), and a call whose key is already in the
task's audit rows (after the lock: the original has committed by then) does nothing
again: a double-click or a retry logs one call.

A client manager works only their own tasks and the pool's; a manager any.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import func, insert, literal, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.validation import check_characters
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, Client, Staff
from frontdesk.models.care import CallOutcome, CareCall, CareChannel, CareStatus, CareTask
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.care.due import OPEN_STATES, OWN_TASKS_ONLY, detail_of
from frontdesk.services.care.suggest import recipient_conditions
from frontdesk.services.care.views import is_batch
from frontdesk.services.rows import get_row, locked_row

KEY_MAX = 64
NO_ANSWER_TRIES = 3
"""A call unanswered this many times closes the task as no answer."""


def check_key(key: object) -> str:
    text = check_characters(key, "key").strip() if isinstance(key, str) else ""
    if not text or len(text) > KEY_MAX:
        raise ValidationError("An operation needs an idempotency key of 1 to {n} characters.",
                              field="key", n=KEY_MAX)
    return text


def already_done(s: Session, action: AuditAction, task_ids: Sequence[int], key: str) -> int:
    """How many of these tasks an earlier call with ``key`` did (0: none, do it now)."""
    return s.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.entity == "care_task", AuditEntry.entity_id.in_(task_ids),
        AuditEntry.action == action, AuditEntry.detail.startswith(key_detail(key),
                                                                  autoescape=True))) or 0


def key_detail(key: str) -> str:
    """How an audit row starts that records the key (quoted: no key is another's prefix)."""
    return f"key={json.dumps(key, ensure_ascii=False)} "


def locked_task(s: Session, actor: Actor, task_id: int, field: str = "task_id") -> CareTask:
    """The task of the actor's store, locked; NotFound when there is none."""
    return _mine(actor, locked_row(s, CareTask, task_id), task_id, field)


def task_of(s: Session, actor: Actor, task_id: int, field: str = "task_id") -> CareTask:
    """The task of the actor's store (not locked: for reading); NotFound when there is none."""
    return _mine(actor, get_row(s, CareTask, task_id), task_id, field)


def _mine(actor: Actor, task: CareTask | None, task_id: int, field: str) -> CareTask:
    if task is None or task.branch_id != actor.branch_id:
        raise NotFound("There is no care task number {id}.", field=field, id=task_id)
    return task


def check_open(s: Session, actor: Actor, task: CareTask, version: int | None) -> CareTask:
    """The task if it is still open, at ``version`` (None: any) and the actor's to work."""
    check_may_work(s, actor, task)
    if task.status not in OPEN_STATES:
        raise closed_already(s, task)
    if version is not None and task.version != version:
        raise ConflictError("Someone else changed this care task meanwhile; the list now "
                            "shows it as it is.", field="version")
    return task


def open_task(s: Session, actor: Actor, task_id: int, version: int | None) -> CareTask:
    """The task, locked, still open, at ``version`` (None: any), and the actor's to work."""
    return check_open(s, actor, locked_task(s, actor, task_id), version)


def check_may_work(s: Session, actor: Actor, task: CareTask) -> None:
    if allowed(actor, Action.MANAGE_CARE):
        return
    if task.assigned_to_id is None and actor.role in OWN_TASKS_ONLY:
        raise PermissionDenied("The store's pool of care tasks is not yours to work.",
                               field="task_id")
    if task.assigned_to_id not in (None, actor.staff_id):
        owner = s.scalar(select(Staff.display_name).where(Staff.id == task.assigned_to_id))
        raise PermissionDenied("This care task is {name}'s; a manager can reassign it.",
                               field="task_id", name=owner or "")


def closed_already(s: Session, task: CareTask) -> ConflictError:
    who = s.scalar(select(Staff.display_name).where(Staff.id == task.closed_by_id)) or ""
    at = task.closed_at.astimezone().strftime("%H:%M") if task.closed_at else ""
    if task.status is CareStatus.SKIPPED:
        return ConflictError("{name} skipped this care task already (at {time}); it has left "
                             "the list.", field="version", name=who, time=at)
    return ConflictError("{name} closed this care task already (at {time}); it has left the "
                         "list.", field="version", name=who, time=at)


def log_call(s: Session, actor: Actor, now: dt.datetime, task_id: int, version: int,
             outcome: CallOutcome, note: str, key: str) -> None:
    """Log the call (a :class:`CareCall`) and close the task, or put it off a day when
    nobody answered (closed as no answer after :data:`NO_ANSWER_TRIES`)."""
    task = locked_task(s, actor, task_id)
    if already_done(s, AuditAction.CARE_CALL, [task.id], key):
        return
    check_open(s, actor, task, version)
    if task.client_id is None:
        raise ValidationError("A batch message goes to many clients: mark it sent instead.",
                              field="task_id")
    channel = CareChannel.CALL if task.channel is CareChannel.MESSAGE else task.channel
    s.add(CareCall(branch_id=task.branch_id, client_id=task.client_id, task_id=task.id,
                   staff_id=actor.staff_id, at=now, channel=channel, outcome=outcome, note=note))
    s.flush()
    task.outcome, task.note, task.version = outcome, note, task.version + 1
    if outcome is CallOutcome.NO_ANSWER and _tries(s, task.id) < NO_ANSWER_TRIES:
        task.status = CareStatus.OPEN
        task.due_on = now.astimezone().date() + dt.timedelta(days=1)
    else:
        close(task, actor, now, CareStatus.DONE)
    audit.record(s, now, actor, AuditAction.CARE_CALL, "care_task", task.id,
                 key_detail(key) + f"outcome={outcome.value} client={task.client_id}")


def _tries(s: Session, task_id: int) -> int:
    """The unanswered calls logged for the task, this one included."""
    return s.scalar(select(func.count()).select_from(CareCall).where(
        CareCall.task_id == task_id, CareCall.outcome == CallOutcome.NO_ANSWER)) or 0


def close(task: CareTask, actor: Actor, now: dt.datetime, status: CareStatus) -> None:
    task.status, task.closed_at, task.closed_by_id = status, now, actor.staff_id


def mark_sent(s: Session, actor: Actor, now: dt.datetime, task_ids: Sequence[int],
              key: str) -> int:
    """Mark these tasks' messages sent, each logged against its clients; how many were
    marked (a task closed meanwhile, or of a client who withdrew consent, is left)."""
    tasks = [locked_task(s, actor, i, "task_ids") for i in sorted(set(task_ids))]
    done = already_done(s, AuditAction.CARE_SENT, [t.id for t in tasks], key)
    if done:  # locked first: a replay racing its original sees what the original did
        return done
    marked = 0
    for task in tasks:  # lower id first: the lock order
        check_may_work(s, actor, task)
        if task.status in OPEN_STATES and _send(s, actor, now, task):
            audit.record(s, now, actor, AuditAction.CARE_SENT, "care_task", task.id,
                         key_detail(key) + f"client={task.client_id or 'batch'}")
            marked += 1
    return marked


def _send(s: Session, actor: Actor, now: dt.datetime, task: CareTask) -> bool:
    if is_batch(task):
        _log_batch(s, actor, now, task)
    elif task.client_id is None:
        return False  # a complaint's deadline with no client: closed by the case's move
    elif task.marketing and not s.scalar(select(Client.consent_marketing)
                                         .where(Client.id == task.client_id)):
        return False
    else:
        s.add(CareCall(branch_id=task.branch_id, client_id=task.client_id, task_id=task.id,
                       staff_id=actor.staff_id, at=now, channel=CareChannel.MESSAGE,
                       outcome=CallOutcome.MESSAGE_SENT))
    task.outcome, task.version = CallOutcome.MESSAGE_SENT, task.version + 1
    close(task, actor, now, CareStatus.DONE)
    return True


def _log_batch(s: Session, actor: Actor, now: dt.datetime, task: CareTask) -> None:
    """One logged message per recipient of a batch task, in one statement."""
    recipients = select(literal(task.branch_id), Client.id, literal(task.id),
                        literal(actor.staff_id), literal(now, CareCall.at.type),
                        literal(CareChannel.MESSAGE.value), literal(CallOutcome.MESSAGE_SENT.value),
                        literal("")).where(*recipient_conditions(task.branch_id,
                                                                 detail_of(task.detail)))
    s.execute(insert(CareCall).from_select(
        ["branch_id", "client_id", "task_id", "staff_id", "at", "channel", "outcome", "note"],
        recipients))
