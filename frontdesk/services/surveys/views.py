"""What the survey service takes and returns: frozen views, never ORM rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontdesk.models.survey import QuestionKind, SurveyDimension

SCALE_RANGE = (1, 5)
RECOMMEND_RANGE = (0, 10)


@dataclass(frozen=True)
class QuestionView:
    question_id: int
    position: int
    kind: QuestionKind
    dimension: SurveyDimension | None
    text: str
    built_in: bool
    """The built-in default's words (the screens show them in the UI language)."""


@dataclass(frozen=True)
class TemplateView:
    template_id: int
    name: str
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class QuestionDraft:
    kind: QuestionKind
    text: str
    dimension: SurveyDimension | None = None


@dataclass(frozen=True)
class TemplateDraft:
    """A new version of the questionnaire (the old surveys keep their own questions)."""

    name: str
    questions: tuple[QuestionDraft, ...]


@dataclass(frozen=True)
class SurveySettings:
    """The survey calls' rule: on or off, the share of visits sampled, how many days after
    the visit, and the scores that open a complaint (at or below)."""

    enabled: bool = True
    sample_percent: int = 20
    after_days: int = 1
    low_score: int = 2
    low_recommend: int = 6


@dataclass(frozen=True)
class Answer:
    question_id: int
    score: int | None = None
    """1–5 for a scale question, 0–10 for the recommendation; None: not answered."""
    text: str = ""


@dataclass(frozen=True)
class SurveyEntry:
    """One client's answers to the template ``template_id``, about a visit (usually), on a
    survey call (``task_id``, closed when the survey is saved) or at the desk."""

    client_id: int
    template_id: int
    answers: tuple[Answer, ...]
    visit_id: int | None = None
    task_id: int | None = None


@dataclass(frozen=True)
class SurveyResult:
    survey_id: int
    low: bool
    complaint_ref: str | None
    """The complaint a low score opened."""


@dataclass(frozen=True)
class SurveyRow:
    """One survey on a list, with its per-dimension scores."""

    survey_id: int
    client_id: int
    client_name: str
    visit_id: int | None
    answered_at: dt.datetime
    entered_by: str
    scores: tuple[tuple[SurveyDimension, int], ...]
    recommend: int | None
    comment: str
    low: bool
    complaint_ref: str | None
