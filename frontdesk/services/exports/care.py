"""Care tasks and their call outcomes as a sheet, scoped as the due list is: a client
manager's own tasks and the pool's, a manager's every task (or one staff member's).

Phones as the care list shows them: full for roles that see every phone, full for the
clients of one's own book with SEE_BOOK_PHONES, masked otherwise. Marketing tasks of
clients without marketing consent are left out, as on the list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, require
from frontdesk.core.phones import phone_for
from frontdesk.models import Client, Staff
from frontdesk.models.care import CareTask, ClientBook
from frontdesk.services.care.due import OPEN_STATES, consented, scope_of, sees_full_phone
from frontdesk.services.exports.kinds import CareFilter
from frontdesk.services.exports.lists import ListSpec, Values, days
from frontdesk.services.exports.sheet import DATE, WHEN, Column, local
from frontdesk.services.exports.words import ExportWords, name

COLUMNS = (
    Column("Due on", 11, DATE), Column("Kind", 12), Column("Occasion", 16),
    Column("Client", 14), Column("Phone", 15), Column("Tier", 10), Column("Channel", 10),
    Column("Assigned to", 12), Column("Status", 10), Column("Outcome", 12),
    Column("Note", 30), Column("Closed", 17, WHEN), Column("Closed by", 12))
_Closer = aliased(Staff)


def _statement(actor: Actor, flt: CareFilter, now: dt.datetime) -> Select[*tuple[Any, ...]]:
    t = CareTask
    conditions = [t.branch_id == actor.branch_id,
                  scope_of(actor, flt.staff_id, flt.pool).condition(), consented(),
                  *days(t.due_on, flt.period)]
    if flt.kinds is not None:
        conditions.append(t.kind.in_(sorted(flt.kinds)))
    if flt.open_only:
        conditions.append(t.status.in_(OPEN_STATES))
    return (select(t.due_on, t.kind, t.occasion, Client.name, Client.phone_e164, Client.tier,
                   t.channel, Staff.display_name, t.status, t.outcome, t.note, t.closed_at,
                   _Closer.display_name, ClientBook.staff_id)
            .outerjoin(Client, Client.id == t.client_id)
            .outerjoin(ClientBook, ClientBook.client_id == t.client_id)
            .outerjoin(Staff, Staff.id == t.assigned_to_id)
            .outerjoin(_Closer, _Closer.id == t.closed_by_id)
            .where(*conditions).order_by(t.due_on, t.id))


def _values(actor: Actor) -> Values:
    def values(r: Any, w: ExportWords) -> tuple[object, ...]:
        phone = phone_for(r[4], sees_full_phone(actor, r[13])) if r[4] else ""
        return (r[0], name(w.care_kinds, r[1]), r[2], r[3] or "", phone, r[5] or "",
                name(w.care_channels, r[6]), r[7] or "", name(w.care_statuses, r[8]),
                name(w.outcomes, r[9]), r[10], local(r[11]), r[12] or "")

    return values


SPEC = ListSpec(COLUMNS, CareFilter, lambda actor: require(actor, Action.WORK_CARE),
                _statement, _values)
