"""A manager's overview of the day's care work: each staff member's open, done and skipped.

Open: the tasks assigned to them due by the day (the pool's on a row of its own, staff
None). Done and skipped: the tasks they closed that day (local time), whoever's they
were. Every active client manager has a row, with nothing to do or not.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Role, local_day_bounds
from frontdesk.models import Staff
from frontdesk.models.care import CareStatus, CareTask
from frontdesk.services.care.due import OPEN_STATES
from frontdesk.services.care.views import StaffDay


def staff_day_in(s: Session, branch_id: int, day: dt.date) -> tuple[StaffDay, ...]:
    open_by = dict(s.execute(
        select(CareTask.assigned_to_id, func.count()).where(
            CareTask.branch_id == branch_id, CareTask.status.in_(OPEN_STATES),
            CareTask.due_on <= day).group_by(CareTask.assigned_to_id)).all())
    start, end = local_day_bounds(day)
    closed: dict[tuple[int | None, CareStatus], int] = {
        (staff, CareStatus(status)): int(n) for staff, status, n in s.execute(
            select(CareTask.closed_by_id, CareTask.status, func.count()).where(
                CareTask.branch_id == branch_id, CareTask.closed_at >= start,
                CareTask.closed_at < end).group_by(CareTask.closed_by_id, CareTask.status))}
    ids = set(open_by) | {staff for staff, _status in closed}
    names = dict(s.execute(select(Staff.id, Staff.display_name).where(
        Staff.branch_id == branch_id,
        (Staff.id.in_([i for i in ids if i is not None]))
        | ((Staff.role == Role.CLIENT_MANAGER) & Staff.active))).all())
    rows = [StaffDay(staff_id, name, int(open_by.get(staff_id, 0)),
                     closed.get((staff_id, CareStatus.DONE), 0),
                     closed.get((staff_id, CareStatus.SKIPPED), 0))
            for staff_id, name in sorted(names.items(), key=lambda item: item[1])]
    if None in open_by:
        rows.append(StaffDay(None, "", int(open_by[None]), 0, 0))
    return tuple(rows)
