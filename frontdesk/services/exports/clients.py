"""The client list as a sheet: identity, phone (masked unless the actor sees full phones),
birthday with its calendar, tier, stored-value balance, visits, notes, consent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from frontdesk.core.calendar import Calendar, lunar_day_name, lunar_month_name
from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.phones import fold_digits, phone_for
from frontdesk.core.validation import check_text
from frontdesk.models import Client
from frontdesk.models.card import CardStatus, MemberCard
from frontdesk.models.care import ClientStats
from frontdesk.services.exports.kinds import ClientFilter
from frontdesk.services.exports.lists import ListSpec, Values, moments
from frontdesk.services.exports.sheet import DATE, MONEY, WHEN, Column, local, yuan
from frontdesk.services.exports.words import ExportWords, name

COLUMNS = (
    Column("Member no", 12), Column("Name", 14), Column("Phone", 15), Column("Gender", 8),
    Column("Birthday", 16, DATE), Column("Calendar", 9), Column("Tier", 10),
    Column("Card balance (yuan)", 14, MONEY), Column("Visits", 8),
    Column("Last visit", 17, WHEN), Column("Allergies", 20), Column("Notes", 30),
    Column("Marketing consent", 10), Column("Health data consent", 10),
    Column("Registered", 17, WHEN))


def birthday_cell(calendar: str | None, year: int | None, month: int | None,
                  day: int | None, leap: bool) -> object:
    """A solar birthday with its year as a date; without a year as it is written
    (``12月1日``), as a lunar one is (``农历1988年闰四月十二``, ``农历三月初八``): the
    forms ``frontdesk import`` reads."""
    if month is None or day is None:
        return None
    if calendar == Calendar.LUNAR:
        head = f"农历{year}年" if year else "农历"
        return head + lunar_month_name(month, leap) + lunar_day_name(day)
    if year:
        return dt.date(year, month, day)
    return f"{month}月{day}日"


def _statement(actor: Actor, flt: ClientFilter, now: dt.datetime) -> Select[*tuple[Any, ...]]:
    live = MemberCard.status.in_((CardStatus.ACTIVE, CardStatus.FROZEN))
    balance = (select(MemberCard.client_id,
                      func.sum(MemberCard.paid_fen + MemberCard.bonus_fen).label("fen"))
               .where(live).group_by(MemberCard.client_id).subquery())
    c = Client
    conditions = [c.branch_id == actor.branch_id, c.anonymised_at.is_(None),
                  *moments(c.created_at, flt.period)]
    text = check_text(flt.query, 64, "query")
    if text:
        conditions.append(_matches(text))
    if flt.tier is not None:
        conditions.append(c.tier == flt.tier)
    return (select(c.member_no, c.name, c.phone_e164, c.gender, c.birthday_calendar,
                   c.birth_year, c.birth_month, c.birth_day, c.birth_leap_month, c.tier,
                   balance.c.fen, ClientStats.visits, c.last_visit_at, c.allergies, c.note,
                   c.consent_marketing, c.consent_health, c.created_at)
            .outerjoin(balance, balance.c.client_id == c.id)
            .outerjoin(ClientStats, ClientStats.client_id == c.id)
            .where(*conditions).order_by(c.id))


def _matches(text: str) -> ColumnElement[bool]:
    digits = fold_digits(text)
    found: list[ColumnElement[bool]] = [Client.name.contains(text, autoescape=True),
                                        Client.member_no == text.upper()]
    if digits.isdigit() and len(digits) == 4:
        found.append(Client.phone_last4 == digits)
    elif digits.isdigit() and len(digits) >= 7:
        found.append(Client.phone_e164.endswith(digits, autoescape=True))
    return or_(*found)


def _values(actor: Actor) -> Values:
    full = allowed(actor, Action.SEE_FULL_PHONE)

    def values(r: Any, w: ExportWords) -> tuple[object, ...]:
        return (r[0], r[1], phone_for(r[2], full) if r[2] else "", name(w.genders, r[3]),
                birthday_cell(r[4], r[5], r[6], r[7], r[8]),
                name(w.calendars, r[4]) if r[6] else "", r[9], yuan(r[10] or 0), r[11] or 0,
                local(r[12]), r[13], r[14], w.yes_no(r[15]), w.yes_no(r[16]), local(r[17]))

    return values


SPEC = ListSpec(COLUMNS, ClientFilter, lambda actor: require(actor, Action.VIEW_CLIENT),
                _statement, _values)
