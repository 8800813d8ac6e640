"""Complaint cases as a sheet, the cases the case list would show the actor (a taker
without HANDLE_COMPLAINTS: those they took); phones masked unless the actor sees full
phones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.phones import phone_for
from frontdesk.models.complaint import Complaint
from frontdesk.services.complaints.reads import filter_conditions, rows_statement
from frontdesk.services.complaints.views import ComplaintFilter
from frontdesk.services.exports.kinds import ComplaintExportFilter
from frontdesk.services.exports.lists import ListSpec, Values, moments
from frontdesk.services.exports.sheet import MONEY, WHEN, Column, local, yuan
from frontdesk.services.exports.words import ExportWords, name

COLUMNS = (
    Column("Ref no", 16), Column("Received", 17, WHEN), Column("Category", 12),
    Column("Severity", 9), Column("Channel", 10), Column("Stage", 10), Column("Client", 14),
    Column("Phone", 15), Column("Staff member", 12), Column("Case owner", 12),
    Column("Due", 17, WHEN), Column("Resolved", 17, WHEN), Column("Closed on", 17, WHEN),
    Column("Compensation (yuan)", 12, MONEY), Column("Times reopened", 8),
    Column("Satisfied", 8), Column("What the client said", 40),
    Column("What the client asks", 30), Column("Resolution", 30))


def _statement(actor: Actor, flt: ComplaintExportFilter,
               now: dt.datetime) -> Select[*tuple[Any, ...]]:
    cases = ComplaintFilter(open_only=flt.open_only, stage=flt.stage, owner_id=flt.owner_id,
                            mine=flt.mine, overdue_only=flt.overdue_only,
                            client_id=flt.client_id, text=flt.text)
    conditions = [*filter_conditions(actor, cases, now),
                  *moments(Complaint.received_at, flt.period)]
    return rows_statement(conditions).order_by(Complaint.received_at, Complaint.id)


def _values(actor: Actor) -> Values:
    full = allowed(actor, Action.SEE_FULL_PHONE)

    def values(r: Any, w: ExportWords) -> tuple[object, ...]:
        case, client, phone, owner, concerned = r
        return (case.ref_no, local(case.received_at), name(w.categories, case.category),
                name(w.severities, case.severity), name(w.channels, case.channel),
                name(w.stages, case.stage), client or case.complainant,
                phone_for(phone, full) if phone else "", concerned or "", owner or "",
                local(case.due_at), local(case.resolved_at), local(case.closed_at),
                yuan(case.compensation_fen), case.reopen_count, w.yes_no(case.satisfied),
                case.words, case.asks, case.resolution_note)

    return values


SPEC = ListSpec(COLUMNS, ComplaintExportFilter,
                lambda actor: require(actor, Action.TAKE_COMPLAINTS), _statement, _values)
