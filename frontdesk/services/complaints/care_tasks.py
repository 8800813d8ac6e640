"""The care tasks a case puts on the due list (kind ``COMPLAINT_DEADLINE``).

Entering a stage with a deadline puts a task on its owner's list (occasion
``complaint:<id>:<stage>:<reopen_count>``, due that day: the work starts at once, the
deadline is in its reason line); a missed
deadline puts one on the manager's (``complaint-late:<id>:<stage>:<reopen_count>``).
Leaving the stage closes both, in the same transaction as the move. The occasion is
unique per store, so a task is never made twice. The care set-up's rule for the kind
(on or off, its priority) holds for these tasks as for the scan's. Care tasks come last in the lock
order, after the complaint.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from frontdesk.models.care import CareChannel, CareKind, CareStatus, CareTask
from frontdesk.models.complaint import Complaint
from frontdesk.services.care.settings import RuleSettings, effective_rules

DUE_REASON = "complaint_due"
LATE_REASON = "complaint_late"
OPEN_STATES = (CareStatus.OPEN, CareStatus.SNOOZED)


def stage_occasion(case: Complaint, late: bool = False) -> str:
    head = "complaint-late" if late else "complaint"
    return f"{head}:{case.id}:{case.stage.value}:{case.reopen_count}"


def _task(case: Complaint, *, late: bool, assigned_to_id: int | None) -> CareTask:
    assert case.due_at is not None
    detail = {"ref": case.ref_no, "stage": case.stage.value,
              "due_at": case.due_at.isoformat()}
    return CareTask(branch_id=case.branch_id, client_id=case.client_id,
                    kind=CareKind.COMPLAINT_DEADLINE, occasion=stage_occasion(case, late),
                    due_on=case.due_at.astimezone().date(),
                    priority=1, channel=CareChannel.CALL,
                    marketing=False, assigned_to_id=assigned_to_id,
                    reason=LATE_REASON if late else DUE_REASON,
                    detail=json.dumps(detail, ensure_ascii=False))


def _rule(s: Session, branch_id: int) -> RuleSettings:
    """The care set-up's rule for these tasks (a manager may switch them off)."""
    return effective_rules(s, branch_id)[CareKind.COMPLAINT_DEADLINE]


def open_stage_task(s: Session, case: Complaint, now: dt.datetime) -> None:
    """The owner's task for the stage the case has just entered (none when closed, or when
    the care set-up switched complaint deadlines off), at the rule's priority. It is due
    the day the stage begins, not the deadline's day: a complaint is worked at once, and
    its deadline is in the reason line."""
    rule = _rule(s, case.branch_id)
    if case.due_at is not None and rule.enabled:
        task = _task(case, late=False, assigned_to_id=case.owner_id)
        task.priority = rule.priority
        task.due_on = now.astimezone().date()
        s.add(task)
        s.flush()


def open_late_task(s: Session, case: Complaint, manager_id: int | None, now: dt.date) -> None:
    """The manager's task for the stage's missed deadline (due today; first of its stage)."""
    if not _rule(s, case.branch_id).enabled:
        return
    task = _task(case, late=True, assigned_to_id=manager_id)
    task.due_on = now
    s.add(task)
    s.flush()


def close_stage_tasks(s: Session, case: Complaint, staff_id: int | None,
                      now: dt.datetime) -> None:
    """Close the case's open tasks (its stage's, and the stage's missed deadline's)."""
    s.execute(update(CareTask).where(
        CareTask.branch_id == case.branch_id, CareTask.kind == CareKind.COMPLAINT_DEADLINE,
        CareTask.status.in_(OPEN_STATES),
        or_(CareTask.occasion.startswith(f"complaint:{case.id}:"),
            CareTask.occasion.startswith(f"complaint-late:{case.id}:")))
        .values(status=CareStatus.DONE, closed_at=now, closed_by_id=staff_id,
                version=CareTask.version + 1)
        .execution_options(synchronize_session=False))


def reassign_stage_task(s: Session, case: Complaint) -> None:
    """The stage's open task follows the case to its new owner."""
    s.execute(update(CareTask).where(
        CareTask.branch_id == case.branch_id, CareTask.occasion == stage_occasion(case),
        CareTask.status.in_(OPEN_STATES))
        .values(assigned_to_id=case.owner_id, version=CareTask.version + 1)
        .execution_options(synchronize_session=False))
