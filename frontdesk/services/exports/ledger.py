"""The card ledger as a sheet: one row per movement (an operation that moved nothing, one
row), with its operation's money, method, reason and staff member."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, func, or_, select

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.phones import phone_for
from frontdesk.models import Client, Staff
from frontdesk.models.card import CardEntry, CardOperation, CardProduct, MemberCard
from frontdesk.services.exports.kinds import LedgerFilter
from frontdesk.services.exports.lists import ListSpec, Values, moments
from frontdesk.services.exports.sheet import MONEY, WHEN, Column, local, yuan
from frontdesk.services.exports.words import ExportWords, name

COLUMNS = (
    Column("Operation no", 11), Column("Date", 17, WHEN), Column("Operation", 12),
    Column("Card no", 14), Column("Client", 14), Column("Phone", 15), Column("Card kind", 12),
    Column("Paid (yuan)", 12, MONEY), Column("Bonus (yuan)", 12, MONEY),
    Column("Sessions", 8), Column("Points", 8), Column("Money (yuan)", 12, MONEY),
    Column("Payment", 10), Column("Reason", 24), Column("Staff member", 12))


def _statement(actor: Actor, flt: LedgerFilter, now: dt.datetime) -> Select[*tuple[Any, ...]]:
    op, entry = CardOperation, CardEntry
    card_id = func.coalesce(entry.card_id, op.card_id)
    client_id = func.coalesce(entry.client_id, op.client_id)
    conditions = [op.branch_id == actor.branch_id, *moments(op.at, flt.period)]
    if flt.card_id is not None:
        conditions.append(or_(entry.card_id == flt.card_id, op.card_id == flt.card_id))
    if flt.client_id is not None:
        conditions.append(client_id == flt.client_id)
    if flt.kinds is not None:
        conditions.append(op.kind.in_(sorted(flt.kinds)))
    return (select(op.id, op.at, op.kind, MemberCard.card_no, Client.name, Client.phone_e164,
                   CardProduct.kind, entry.paid_fen, entry.bonus_fen, entry.sessions,
                   entry.points, op.money_fen, op.method, op.reason, Staff.display_name)
            .outerjoin(entry, entry.operation_id == op.id)
            .outerjoin(MemberCard, MemberCard.id == card_id)
            .outerjoin(CardProduct, CardProduct.id == MemberCard.product_id)
            .outerjoin(Client, Client.id == client_id)
            .outerjoin(Staff, Staff.id == op.staff_id)
            .where(*conditions).order_by(op.id, entry.id))


def _values(actor: Actor) -> Values:
    full = allowed(actor, Action.SEE_FULL_PHONE)

    def values(r: Any, w: ExportWords) -> tuple[object, ...]:
        return (r[0], local(r[1]), name(w.operations, r[2]), r[3] or "", r[4] or "",
                phone_for(r[5], full) if r[5] else "", name(w.card_kinds, r[6]),
                yuan(r[7] or 0), yuan(r[8] or 0), r[9] or 0, r[10] or 0, yuan(r[11]),
                name(w.payments, r[12]), r[13], r[14] or "")

    return values


SPEC = ListSpec(COLUMNS, LedgerFilter, lambda actor: require(actor, Action.VIEW_CARDS),
                _statement, _values)
