"""The surveys as lists: a client's, and the store's latest (each with its complaint)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from frontdesk.models import Client, Staff
from frontdesk.models.complaint import Complaint
from frontdesk.models.survey import Survey, SurveyDimension
from frontdesk.services.surveys.views import SurveyRow

_ENTERED_BY = aliased(Staff)


def survey_rows(s: Session, conditions: Sequence[ColumnElement[bool]],
                limit: int) -> list[SurveyRow]:
    """The surveys meeting ``conditions``, newest first."""
    rows = s.execute(
        select(Survey, Client.name, _ENTERED_BY.display_name, Complaint.ref_no)
        .join(Client, Client.id == Survey.client_id)
        .join(_ENTERED_BY, _ENTERED_BY.id == Survey.entered_by_id)
        .outerjoin(Complaint, Complaint.survey_id == Survey.id)
        .where(*conditions).order_by(Survey.answered_at.desc(), Survey.id.desc())
        .limit(limit)).all()
    return [_row(*r) for r in rows]


def _row(survey: Survey, client_name: Any, entered_by: Any, ref: Any) -> SurveyRow:
    scores = tuple((d, int(getattr(survey, d.value))) for d in SurveyDimension
                   if getattr(survey, d.value) is not None)
    return SurveyRow(survey.id, survey.client_id, str(client_name or ""), survey.visit_id,
                     survey.answered_at, str(entered_by or ""), scores, survey.recommend,
                     survey.comment, survey.low, ref)
