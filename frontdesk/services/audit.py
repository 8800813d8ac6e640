"""Writing to the audit trail: who saw or changed what, in the same transaction.

The trail is append-only: the program adds rows and never edits or deletes them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.models.audit import AuditAction, AuditEntry
from frontdesk.services.rows import MAX_INT4_ID

__all__ = ["AuditAction", "record"]


def record(session: Session, at: dt.datetime, actor: Actor | None, action: AuditAction,
           entity: str = "", entity_id: int | None = None, detail: str = "") -> None:
    """Add one audit row inside the caller's transaction (so it commits with the change).

    An ``entity_id`` its column cannot hold (a refused attempt on id 2**63) goes into
    the detail instead.
    """
    if entity_id is not None and not 1 <= entity_id <= MAX_INT4_ID:
        entity_id, detail = None, f"{detail} id={entity_id}".strip()
    session.add(AuditEntry(
        at=at, action=action, entity=entity, entity_id=entity_id, detail=detail,
        staff_id=actor.staff_id if actor else None,
        branch_id=actor.branch_id if actor else None,
    ))
