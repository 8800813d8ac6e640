"""A store with complaint staff for the complaint tests: a handler, a manager, a receptionist,
clients registered through the real service, and complaints taken through the real service.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.models.care import CareKind, CareTask
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStep,
)
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.complaints.views import ComplaintDraft, ComplaintRow
from frontdesk.services.registry import Services
from tests.actors import staff_in_role

_PHONES = itertools.count(13_700_001_000)
_KEYS = itertools.count(1)


@dataclass(frozen=True)
class Staffing:
    handler: Actor
    manager: Actor
    desk: Actor


def staffing(services: Services, admin: Actor) -> Staffing:
    """The store's complaint handler (the default owner), manager and receptionist."""
    db, branch = services.db, admin.branch_id
    return Staffing(staff_in_role(db, branch, Role.COMPLAINT_HANDLER, "handler1"),
                    staff_in_role(db, branch, Role.MANAGER, "manager1"),
                    staff_in_role(db, branch, Role.RECEPTIONIST, "desk1"))


def client(services: Services, admin: Actor, name: str = "王芳") -> int:
    return services.clients.register(admin, NewClient(name, str(next(_PHONES)))).client_id


def draft(client_id: int | None, *, severity: ComplaintSeverity = ComplaintSeverity.MEDIUM,
          words: str = "美容师态度很差，做脸时一直催我办卡", complainant: str = "",
          owner_id: int | None = None) -> ComplaintDraft:
    return ComplaintDraft(client_id, ComplaintChannel.ON_SITE, ComplaintCategory.ATTITUDE,
                          severity, words, asks="道歉", complainant=complainant,
                          owner_id=owner_id)


def take(services: Services, actor: Actor, client_id: int | None, **kw: object) -> ComplaintRow:
    return services.complaints.take(actor, draft(client_id, **kw),  # type: ignore[arg-type]
                                    key=f"take-{next(_KEYS)}")


def tasks_of(db: Database, complaint_id: int) -> list[CareTask]:
    """The case's care tasks, oldest first."""
    with db.read() as s:
        return list(s.scalars(select(CareTask).where(
            CareTask.kind == CareKind.COMPLAINT_DEADLINE,
            CareTask.occasion.like(f"%:{complaint_id}:%")).order_by(CareTask.id)))


def snapshot(db: Database, complaint_id: int) -> tuple[object, ...]:
    """What a refused move must leave as it was: the case's stage, version, steps, tasks."""
    with db.read() as s:
        case = s.get(Complaint, complaint_id)
        assert case is not None
        steps = s.scalar(select(func.count()).select_from(ComplaintStep)
                         .where(ComplaintStep.complaint_id == complaint_id))
    return (case.stage, case.version, case.due_at, steps,
            [(t.occasion, t.status) for t in tasks_of(db, complaint_id)])
