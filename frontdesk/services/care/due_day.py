"""What is due on a day, for the terminal (``frontdesk due``): the stored tasks and, for a day
not yet scanned, what the scan would make. Reads only.

A client manager sees the tasks assigned to them and the store's pool; a manager
(MANAGE_CARE) sees everyone's. Client names are shown (the terminal is a care staff
member's); phones are not printed at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.models import Client
from frontdesk.models.care import CareKind, CareScanState, CareStatus, CareTask


@dataclass(frozen=True)
class DueLine:
    """One task due on the day: stored (``scanned``) or what a scan would make."""

    kind: CareKind
    client_id: int | None
    client_name: str
    """'' for a batch message."""
    due_on: dt.date
    reason: str
    assigned_to_id: int | None
    scanned: bool


def scanned_through(s: Session, branch_id: int) -> dt.date | None:
    return s.scalar(select(CareScanState.through_on)
                    .where(CareScanState.branch_id == branch_id))


def stored_lines(s: Session, actor: Actor, day: dt.date) -> list[DueLine]:
    """The open (and snoozed) tasks due on ``day`` that the actor works."""
    require(actor, Action.WORK_CARE)
    query = (select(CareTask.kind, CareTask.client_id, Client.name, CareTask.due_on,
                    CareTask.reason, CareTask.assigned_to_id)
             .outerjoin(Client, Client.id == CareTask.client_id)
             .where(CareTask.branch_id == actor.branch_id, CareTask.due_on == day,
                    CareTask.status.in_((CareStatus.OPEN, CareStatus.SNOOZED)),
                    or_(CareTask.marketing.is_(False), CareTask.client_id.is_(None),
                        Client.consent_marketing.is_(True)))
             .order_by(CareTask.kind, CareTask.priority, CareTask.id))
    if not allowed(actor, Action.MANAGE_CARE):
        query = query.where(or_(CareTask.assigned_to_id == actor.staff_id,
                                CareTask.assigned_to_id.is_(None)))
    return [DueLine(kind, client_id, name or "", due, reason, staff, True)
            for kind, client_id, name, due, reason, staff in s.execute(query)]


def works(actor: Actor, assigned_to_id: int | None) -> bool:
    """Whether the actor sees a task assigned so."""
    return (allowed(actor, Action.MANAGE_CARE) or assigned_to_id is None
            or assigned_to_id == actor.staff_id)


def names_of(s: Session, client_ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    ids = sorted(set(client_ids))
    for start in range(0, len(ids), 900):
        found.update((c, name) for c, name in s.execute(
            select(Client.id, Client.name).where(Client.id.in_(ids[start:start + 900]))))
    return found
