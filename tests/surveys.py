"""A store for the survey tests: a client with a checked-out visit, and answers by dimension."""

from __future__ import annotations

import datetime as dt

from frontdesk.core.context import Actor
from frontdesk.models.survey import QuestionKind, SurveyDimension
from frontdesk.services.registry import Services
from frontdesk.services.surveys.views import Answer, SurveyEntry, TemplateView
from tests.care_tasks import client
from tests.occasions import add_visit

VISIT_DAY = dt.date(2026, 11, 22)
"""The day before tests.conftest.NOW's local date."""


def client_with_visit(services: Services, admin: Actor, name: str = "王芳") -> tuple[int, int]:
    """A registered client and a visit of theirs checked out on :data:`VISIT_DAY`."""
    client_id = client(services, admin, name)
    return client_id, add_visit(services.db, admin.branch_id, client_id, VISIT_DAY)


def answers(template: TemplateView, scale: int = 5, recommend: int | None = 9,
            comment: str = "", **by_dimension: int) -> tuple[Answer, ...]:
    """Every question answered: ``scale`` on each dimension unless named, the recommendation,
    the comment."""
    out = []
    for q in template.questions:
        if q.kind is QuestionKind.SCALE:
            dim = q.dimension or SurveyDimension.ATTITUDE
            out.append(Answer(q.question_id, by_dimension.get(dim.value, scale)))
        elif q.kind is QuestionKind.RECOMMEND:
            out.append(Answer(q.question_id, recommend))
        else:
            out.append(Answer(q.question_id, text=comment))
    return tuple(out)


def entry(services: Services, actor: Actor, client_id: int, visit_id: int | None = None,
          task_id: int | None = None, **scores: int) -> SurveyEntry:
    template = services.surveys.template(actor)
    return SurveyEntry(client_id, template.template_id, answers(template, **scores),
                       visit_id=visit_id, task_id=task_id)
