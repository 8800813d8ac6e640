"""Visits and consumption as a sheet: one row per thing consumed (a visit without any, one
row), with the visit's total and how it was paid."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.phones import phone_for
from frontdesk.models import Client, Staff
from frontdesk.models.visit import ConsumptionLine, Payment, Visit
from frontdesk.services.exports.kinds import VisitFilter
from frontdesk.services.exports.lists import ListSpec, Values, moments
from frontdesk.services.exports.sheet import MONEY, WHEN, Column, local, yuan
from frontdesk.services.exports.words import ExportWords, name

COLUMNS = (
    Column("Visit no", 9), Column("Arrived", 17, WHEN), Column("Client", 14),
    Column("Phone", 15), Column("Line", 8), Column("Service or product", 24),
    Column("Quantity", 8), Column("Unit price (yuan)", 12, MONEY),
    Column("Discount (yuan)", 12, MONEY), Column("Amount (yuan)", 12, MONEY),
    Column("Staff member", 12), Column("Visit total (yuan)", 12, MONEY),
    Column("Payment", 20))
_LineStaff = aliased(Staff)
_Therapist = aliased(Staff)


def _statement(actor: Actor, flt: VisitFilter, now: dt.datetime) -> Select[*tuple[Any, ...]]:
    paid = (select(Payment.visit_id, func.aggregate_strings(Payment.method, ",").label("how"))
            .group_by(Payment.visit_id).subquery())
    line = ConsumptionLine
    conditions = [Visit.branch_id == actor.branch_id, *moments(Visit.arrived_at, flt.period)]
    if flt.client_id is not None:
        conditions.append(Visit.client_id == flt.client_id)
    return (select(Visit.id, Visit.arrived_at, Client.name, Client.phone_e164, line.kind,
                   line.description, line.quantity, line.unit_price_fen, line.discount_fen,
                   line.amount_fen, func.coalesce(_LineStaff.display_name,
                                                  _Therapist.display_name),
                   Visit.total_fen, paid.c.how)
            .join(Client, Client.id == Visit.client_id)
            .outerjoin(line, line.visit_id == Visit.id)
            .outerjoin(_LineStaff, _LineStaff.id == line.staff_id)
            .outerjoin(_Therapist, _Therapist.id == Visit.therapist_id)
            .outerjoin(paid, paid.c.visit_id == Visit.id)
            .where(*conditions).order_by(Visit.id, line.id))


def _values(actor: Actor) -> Values:
    full = allowed(actor, Action.SEE_FULL_PHONE)

    def values(r: Any, w: ExportWords) -> tuple[object, ...]:
        how = "; ".join(name(w.payments, m) for m in sorted(set((r[12] or "").split(",")))
                        if m)
        return (r[0], local(r[1]), r[2], phone_for(r[3], full) if r[3] else "",
                name(w.line_kinds, r[4]), r[5], r[6], yuan(r[7]), yuan(r[8]), yuan(r[9]),
                r[10] or "", yuan(r[11]), how)

    return values


SPEC = ListSpec(COLUMNS, VisitFilter, lambda actor: require(actor, Action.VIEW_CLIENT),
                _statement, _values)
