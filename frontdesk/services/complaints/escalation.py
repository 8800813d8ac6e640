"""Missed deadlines: each open case past its ``due_at`` is escalated to the manager once.

Run by the care timers (no actor: the steps and audit rows name nobody). Each case is
claimed by one guarded ``UPDATE … WHERE escalated_at IS NULL AND due_at < :now``: of two
terminals escalating at once, the second finds the case claimed (PostgreSQL re-reads
the row once the first commits) and does nothing, and the manager's task's occasion
(``complaint-late:<id>:<stage>:<reopen_count>``, unique per store) is the last guard.
A move resets ``escalated_at``: the next stage can be escalated again.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Role
from frontdesk.models import Staff
from frontdesk.models.complaint import OPEN_STAGES, Complaint, StepKind
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.complaints.care_tasks import open_late_task
from frontdesk.services.complaints.moves import add_step
from frontdesk.services.complaints.reads import open_conditions


def first_manager(s: Session, branch_id: int) -> int | None:
    return s.scalar(select(Staff.id).where(Staff.branch_id == branch_id,
                                           Staff.role == Role.MANAGER, Staff.active.is_(True))
                    .order_by(Staff.id).limit(1))


def escalate_in(s: Session, branch_id: int, now: dt.datetime) -> int:
    """Escalate the store's late cases (see the module docstring); how many."""
    late = sorted(s.scalars(select(Complaint.id).where(open_conditions(branch_id, now))))
    manager_id = first_manager(s, branch_id) if late else None
    escalated = 0
    for complaint_id in late:  # lower id first (sorted here: the index reads by deadline)
        claimed = s.execute(update(Complaint).where(
            Complaint.id == complaint_id, Complaint.escalated_at.is_(None),
            Complaint.stage.in_(OPEN_STAGES), Complaint.due_at < now)
            .values(escalated_at=now).execution_options(synchronize_session=False))
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            continue
        case = s.get(Complaint, complaint_id, populate_existing=True)
        assert case is not None
        add_step(s, None, now, case, StepKind.ESCALATED, "")
        open_late_task(s, case, manager_id, now.astimezone().date())
        audit.record(s, now, None, AuditAction.COMPLAINT_ESCALATE, "complaint", case.id,
                     f"ref={case.ref_no} stage={case.stage.value} manager={manager_id or '-'}")
        escalated += 1
    return escalated
