"""Writing to and reading the audit trail (who saw or changed what)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database
from frontdesk.models import AuditEntry


def record(session: Session, at: dt.datetime, actor: Actor | None, action: str,
           entity: str = "", entity_id: int | None = None, detail: str = "") -> None:
    """Add one audit row inside the caller's transaction (so it commits with the change)."""
    session.add(AuditEntry(
        at=at, action=action, entity=entity, entity_id=entity_id, detail=detail,
        staff_id=actor.staff_id if actor else None,
        branch_id=actor.branch_id if actor else None,
    ))


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    staff_id: int | None
    action: str
    entity: str
    entity_id: int | None
    detail: str


class AuditService:
    def __init__(self, db: Database):
        self._db = db

    def entries(self, actor: Actor, *, entity: str | None = None, entity_id: int | None = None,
                limit: int = 200) -> list[AuditRow]:
        """The newest audit rows first, optionally for one entity."""
        require(actor, Action.VIEW_AUDIT)
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if entity is not None:
            query = query.where(AuditEntry.entity == entity)
        if entity_id is not None:
            query = query.where(AuditEntry.entity_id == entity_id)
        with self._db.read() as s:
            return [AuditRow(e.at, e.staff_id, e.action, e.entity, e.entity_id, e.detail)
                    for e in s.scalars(query)]
