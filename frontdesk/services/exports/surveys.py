"""Satisfaction surveys as a sheet: the scores of each dimension, the recommendation, the
comment; phones masked unless the actor sees full phones. Readers as the surveys' screen:
those who enter surveys, manage complaints or see the complaint reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, select

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.phones import phone_for
from frontdesk.models import Client, Staff
from frontdesk.models.survey import Survey
from frontdesk.services.exports.kinds import SurveyFilter
from frontdesk.services.exports.lists import ListSpec, Values, moments
from frontdesk.services.exports.sheet import WHEN, Column, local
from frontdesk.services.exports.words import ExportWords
from frontdesk.services.surveys.service import READERS

COLUMNS = (
    Column("Answered", 17, WHEN), Column("Client", 14), Column("Phone", 15),
    Column("Service attitude", 9), Column("Efficiency", 9), Column("Product quality", 9),
    Column("Environment", 9), Column("Price", 9), Column("Recommend (0–10)", 9),
    Column("Low score", 8), Column("Comment", 40), Column("Entered by", 12))


def _statement(actor: Actor, flt: SurveyFilter, now: dt.datetime) -> Select[*tuple[Any, ...]]:
    v = Survey
    conditions = [v.branch_id == actor.branch_id, *moments(v.answered_at, flt.period)]
    if flt.low_only:
        conditions.append(v.low.is_(True))
    if flt.client_id is not None:
        conditions.append(v.client_id == flt.client_id)
    return (select(v.answered_at, Client.name, Client.phone_e164, v.attitude, v.efficiency,
                   v.product_quality, v.environment, v.price, v.recommend, v.low, v.comment,
                   Staff.display_name)
            .join(Client, Client.id == v.client_id)
            .outerjoin(Staff, Staff.id == v.entered_by_id)
            .where(*conditions).order_by(v.answered_at, v.id))


def _values(actor: Actor) -> Values:
    full = allowed(actor, Action.SEE_FULL_PHONE)

    def values(r: Any, w: ExportWords) -> tuple[object, ...]:
        return (local(r[0]), r[1], phone_for(r[2], full) if r[2] else "", *r[3:9],
                w.yes_no(r[9]), r[10], r[11] or "")

    return values


def _authorise(actor: Actor) -> None:
    if not any(allowed(actor, action) for action in READERS):
        require(actor, Action.ENTER_SURVEYS)


SPEC = ListSpec(COLUMNS, SurveyFilter, _authorise, _statement, _values)
