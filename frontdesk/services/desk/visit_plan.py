"""A visit's plan after check-in: the services to do and the note for the prep room (调配室).

domain/001: the prep room is told "in the first moment after the items are settled",
which is often in the consultation, after check-in. So the desk (or the consultant)
changes the planned services and the prep note of an open visit that has not finished,
and the board shows the new plan on its next read.

The edit is optimistic, as the profile's basics are: the form sends the plan it showed
(:class:`VisitPlan`); the service locks the visit, compares, and refuses with a
:class:`ConflictError` when another terminal changed it meanwhile, writing nothing.
Only the visit is locked (it comes after the client in the README's lock order, and
nothing here needs the client).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_prose, is_whole
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import Client, ServiceItem, Visit, VisitStatus
from frontdesk.models.appointment import PlannedService
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.desk import appointments
from frontdesk.services.rows import check_row_id, get_row, locked_row

PREP_NOTE_MAX = 1000
PLANNED_MAX = 20
"""More services than a visit ever plans: a longer list is a mistake."""
CHANGEABLE = (VisitStatus.WAITING, VisitStatus.IN_SERVICE)


@dataclass(frozen=True)
class VisitPlan:
    """What a visit plans: its services (in order) and the note for the prep room."""

    visit_id: int
    client_name: str
    service_item_ids: tuple[int, ...]
    prep_note: str


def _checked(service_item_ids: tuple[int, ...], prep_note: str) -> tuple[tuple[int, ...], str]:
    if len(service_item_ids) > PLANNED_MAX or not all(is_whole(i) for i in service_item_ids):
        raise ValidationError("Pick services from the list.", field="service_item_ids")
    ids = tuple(check_row_id(ServiceItem, i, "service_item_ids") for i in service_item_ids)
    return tuple(dict.fromkeys(ids)), check_prose(prep_note, PREP_NOTE_MAX,
                                                                "prep_note")


class VisitPlanService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def plan(self, actor: Actor, visit_id: int) -> VisitPlan:
        """The plan of an open visit of the actor's branch, as the change form shows it."""
        require(actor, Action.CHECK_IN)
        with self._db.read() as s:
            return _plan(s, self._visit(s, actor, visit_id, lock=False))

    @unit_of_work
    def change_plan(self, actor: Actor, loaded: VisitPlan, service_item_ids: tuple[int, ...],
                    prep_note: str) -> VisitPlan:
        """Replace the visit's planned services and prep note; ``loaded`` is what was shown."""
        require(actor, Action.CHECK_IN)
        ids, note = _checked(service_item_ids, prep_note)
        with self._db.write() as s:
            visit = self._visit(s, actor, loaded.visit_id, lock=True)
            current = _plan(s, visit)
            if current != loaded:
                raise ConflictError("Someone else changed this visit's plan meanwhile; "
                                    "look at it again.", field="service_item_ids")
            for item_id in ids:
                appointments.active_service_item(s, actor.branch_id, item_id)
            s.execute(delete(PlannedService).where(PlannedService.visit_id == visit.id))
            s.add_all(PlannedService(visit_id=visit.id, service_item_id=item_id, position=i)
                      for i, item_id in enumerate(ids))
            visit.prep_note = note
            audit.record(s, self._clock(), actor, AuditAction.VISIT_PLAN_CHANGE, "visit",
                         visit.id, "services=" + ",".join(map(str, ids)))
            s.flush()
            return _plan(s, visit)

    @staticmethod
    def _visit(s: Session, actor: Actor, visit_id: int, *, lock: bool) -> Visit:
        visit = locked_row(s, Visit, visit_id) if lock else get_row(s, Visit, visit_id)
        if visit is None or visit.branch_id != actor.branch_id:
            raise NotFound("No visit with number {id}.", field="visit_id", id=visit_id)
        if visit.status not in CHANGEABLE:
            raise ConflictError("The visit is {current}; its plan can no longer change.",
                                field="visit_id", current=visit.status)
        return visit


def _plan(s: Session, visit: Visit) -> VisitPlan:
    ids = tuple(s.scalars(select(PlannedService.service_item_id)
                          .where(PlannedService.visit_id == visit.id)
                          .order_by(PlannedService.position)))
    name = s.scalar(select(Client.name).where(Client.id == visit.client_id)) or ""
    return VisitPlan(visit.id, name, ids, visit.prep_note)
