"""The store's questionnaire: the built-in default, the active version, a new version.

A store that never edited its questionnaire gets :data:`DEFAULT_QUESTIONS` (the five
1–5 dimensions, the 0–10 recommendation, a free text) the first time one is asked for.
Saving a template makes a new row and switches the old one off: a survey keeps
pointing at the questions it was answered on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.validation import check_choice, check_text
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models import Branch
from frontdesk.models.survey import QuestionKind, SurveyDimension, SurveyQuestion, SurveyTemplate
from frontdesk.services.rows import get_row, locked_row
from frontdesk.services.surveys.views import (
    QuestionDraft,
    QuestionView,
    TemplateDraft,
    TemplateView,
)

DEFAULT_NAME = "满意度调查"
DEFAULT_QUESTIONS: tuple[QuestionDraft, ...] = (
    QuestionDraft(QuestionKind.SCALE, "服务态度", SurveyDimension.ATTITUDE),
    QuestionDraft(QuestionKind.SCALE, "服务效率", SurveyDimension.EFFICIENCY),
    QuestionDraft(QuestionKind.SCALE, "产品质量", SurveyDimension.PRODUCT_QUALITY),
    QuestionDraft(QuestionKind.SCALE, "环境", SurveyDimension.ENVIRONMENT),
    QuestionDraft(QuestionKind.SCALE, "价格", SurveyDimension.PRICE),
    QuestionDraft(QuestionKind.RECOMMEND, "推荐意愿"),
    QuestionDraft(QuestionKind.TEXT, "意见建议"),
)
"""The built-in questionnaire (the store's words are Chinese; the screens show these
built-in questions in the UI language)."""
MAX_QUESTIONS = 20
TEXT_MAX = 200
NAME_MAX = 80


def is_built_in(kind: QuestionKind, dimension: SurveyDimension | None, text: str) -> bool:
    return QuestionDraft(kind, text, dimension) in DEFAULT_QUESTIONS


def active_template(s: Session, branch_id: int) -> SurveyTemplate | None:
    return s.scalar(select(SurveyTemplate).where(SurveyTemplate.branch_id == branch_id,
                                                 SurveyTemplate.active)
                    .order_by(SurveyTemplate.id.desc()).limit(1))


def template_of(s: Session, actor: Actor, template_id: int) -> SurveyTemplate:
    """The store's template ``template_id`` (active or an older version)."""
    template = get_row(s, SurveyTemplate, template_id)
    if template is None or template.branch_id != actor.branch_id:
        raise NotFound("There is no survey template number {id}.", field="template_id",
                       id=template_id)
    return template


def questions_of(s: Session, template_id: int) -> list[SurveyQuestion]:
    return list(s.scalars(select(SurveyQuestion).where(SurveyQuestion.template_id == template_id)
                          .order_by(SurveyQuestion.position)))


def view_of(s: Session, template: SurveyTemplate) -> TemplateView:
    return TemplateView(template.id, template.name, tuple(
        QuestionView(q.id, q.position, q.kind, q.dimension, q.text,
                     is_built_in(q.kind, q.dimension, q.text))
        for q in questions_of(s, template.id)))


def ensure_template(s: Session, actor: Actor, now: dt.datetime) -> SurveyTemplate:
    """The active template; the built-in default made first when the store has none (the
    store's row is locked meanwhile, so two terminals make one)."""
    found = active_template(s, actor.branch_id)
    if found is not None:
        return found
    locked_row(s, Branch, actor.branch_id)
    found = active_template(s, actor.branch_id)
    if found is not None:
        return found
    return _insert(s, actor, now, DEFAULT_NAME, DEFAULT_QUESTIONS)


def save_new(s: Session, actor: Actor, now: dt.datetime, draft: TemplateDraft) -> SurveyTemplate:
    """The draft as the store's new active template; the old ones switched off."""
    locked_row(s, Branch, actor.branch_id)
    s.execute(update(SurveyTemplate)
              .where(SurveyTemplate.branch_id == actor.branch_id, SurveyTemplate.active)
              .values(active=False).execution_options(synchronize_session=False))
    return _insert(s, actor, now, draft.name, draft.questions)


def _insert(s: Session, actor: Actor, now: dt.datetime, name: str,
            questions: Sequence[QuestionDraft]) -> SurveyTemplate:
    template = SurveyTemplate(branch_id=actor.branch_id, name=name, active=True, created_at=now,
                              updated_by_id=actor.staff_id)
    s.add(template)
    s.flush()
    s.add_all(SurveyQuestion(template_id=template.id, position=i + 1, kind=q.kind,
                             dimension=q.dimension, text=q.text)
              for i, q in enumerate(questions))
    s.flush()
    return template


def check_draft(draft: TemplateDraft) -> TemplateDraft:
    """The draft with its words trimmed; refused when a question or the whole is wrong."""
    name = check_text(draft.name, NAME_MAX, "name")
    if not name:
        raise ValidationError("Give the questionnaire a name.", field="name")
    questions = tuple(_question(q) for q in draft.questions)
    if not questions or len(questions) > MAX_QUESTIONS:
        raise ValidationError("A questionnaire has 1 to {n} questions.", field="questions",
                              n=MAX_QUESTIONS)
    dimensions = [q.dimension for q in questions if q.kind is QuestionKind.SCALE]
    if len(set(dimensions)) != len(dimensions):
        raise ValidationError("Each dimension is asked about once.", field="questions")
    if sum(q.kind is QuestionKind.RECOMMEND for q in questions) > 1:
        raise ValidationError("The recommendation is asked once.", field="questions")
    if not any(q.kind is not QuestionKind.TEXT for q in questions):
        raise ValidationError("A questionnaire has at least one scored question.",
                              field="questions")
    return TemplateDraft(name, questions)


def _question(q: QuestionDraft) -> QuestionDraft:
    kind = check_choice(QuestionKind, q.kind, "kind")
    text = check_text(q.text, TEXT_MAX, "text")
    if not text:
        raise ValidationError("Every question needs its words.", field="text")
    if kind is QuestionKind.SCALE:
        return QuestionDraft(kind, text, check_choice(SurveyDimension, q.dimension, "dimension"))
    return QuestionDraft(kind, text, None)
