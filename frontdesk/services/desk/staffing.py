"""Who serves in a visit: its lead beautician, the others beside her, and the check on
anyone a visit or a consumption line is credited to.

The lead is ``visit.therapist_id`` (check-in and starting the service set it, the
board shows it); the others are :class:`~frontdesk.models.handover.VisitHelper` rows,
written with the handover. Only active staff of the visit's branch in a serving role
(:data:`~frontdesk.core.permissions.SERVING_ROLES`) can be credited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.permissions import SERVING_ROLES
from frontdesk.errors import NotFound
from frontdesk.models import Staff, Visit
from frontdesk.models.handover import VisitHelper
from frontdesk.services.rows import get_row


@dataclass(frozen=True)
class StaffRef:
    id: int
    name: str


class ServingStaffNotFound(NotFound):
    template = "No active beautician or therapist with number {id} in this store."


def serving_staff(s: Session, branch_id: int, staff_id: object, field: str) -> Staff:
    """The active beautician ``staff_id`` of the branch, else ServingStaffNotFound (``field``).

    Read without a lock: crediting someone who is made inactive a moment later is no
    harm, and staff rows come after the visit in the lock order anyway.
    """
    staff = get_row(s, Staff, staff_id)
    if staff is None or staff.branch_id != branch_id or not staff.active \
            or staff.role not in SERVING_ROLES:
        raise ServingStaffNotFound(field=field, id=staff_id)
    return staff


def visit_staff(s: Session, visit: Visit) -> tuple[StaffRef, ...]:
    """The visit's lead beautician (when it has one) first, then the others by name."""
    lead: tuple[StaffRef, ...] = ()
    if visit.therapist_id is not None:
        name = s.scalar(select(Staff.display_name).where(Staff.id == visit.therapist_id))
        lead = (StaffRef(visit.therapist_id, name or ""),)
    helpers = s.execute(select(Staff.id, Staff.display_name)
                        .join(VisitHelper, VisitHelper.staff_id == Staff.id)
                        .where(VisitHelper.visit_id == visit.id)
                        .order_by(Staff.display_name, Staff.id))
    return lead + tuple(StaffRef(i, n) for i, n in helpers if i != visit.therapist_id)


def serves_in(s: Session, visit: Visit, staff_id: int) -> bool:
    """Whether ``staff_id`` is the visit's lead or one of the others serving in it."""
    return any(ref.id == staff_id for ref in visit_staff(s, visit))
