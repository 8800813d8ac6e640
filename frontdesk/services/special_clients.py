"""The special-client types (客人类型) of a client's latest consultation, for the desk.

domain/001 names five kinds of client a consultant must guide in person, on the spot:
nervous (心理紧张), lacking trust (缺乏信任感), highly strung (神经质), a new client
(新客人) and an existing client starting a new course (老客人的新疗程). The consultation
form records them; the desk's client card and today's board show them as a short mark
so the consultant is called before the service starts.

They come from a health record, so they follow its rules: shown only to the roles that
may view health records (consultants, managers, admins; a receptionist sees no mark)
and only for clients whose health consent is on record. The mark is not a view of the
record (no measurements, no notes), so reading it is not audited: the board reads it
every few seconds and would bury the trail.

It lives beside ``audit.py`` rather than in ``health/`` because both the clients and the
desk capabilities read it, and ``health/`` itself reads ``clients/``: the capabilities
keep no import circle.
"""

from __future__ import annotations

import enum
from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.models import Client
from frontdesk.models.consultation import ConsultationRecord


class SpecialClient(enum.StrEnum):
    """The five special-client types, named as the record's columns."""

    NERVOUS = "nervous"
    DISTRUSTFUL = "distrustful"
    HIGHLY_STRUNG = "highly_strung"
    NEW_CLIENT = "new_client"
    NEW_COURSE = "new_course"


def special_client_types(s: Session, actor: Actor, client_ids: Collection[int]
                         ) -> dict[int, tuple[SpecialClient, ...]]:
    """Each client's types from their latest consultation (clients with none left out);
    empty for a role that may not view health records."""
    if not client_ids or not allowed(actor, Action.VIEW_HEALTH):
        return {}
    record = ConsultationRecord
    newest = func.row_number().over(
        partition_by=record.client_id,
        order_by=(record.taken_on.desc(), record.taken_at.desc(), record.id.desc()))
    ranked = (select(record.client_id, *(getattr(record, t.value) for t in SpecialClient),
                     newest.label("newest"))
              .join(Client, Client.id == record.client_id)
              .where(record.client_id.in_(set(client_ids)), Client.consent_health)
              .subquery())
    out: dict[int, tuple[SpecialClient, ...]] = {}
    for row in s.execute(select(ranked).where(ranked.c.newest == 1)):
        types = tuple(t for t in SpecialClient if getattr(row, t.value))
        if types:
            out[row.client_id] = types
    return out
