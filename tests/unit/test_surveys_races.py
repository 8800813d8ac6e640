"""Two terminals entering a survey for the same visit at once: one is saved, the other is
refused clearly (on PostgreSQL they really overlap, waiting on the client's row lock; on
SQLite they run one after the other, with the same outcome); the same key twice at once
saves once; two terminals asking for the questionnaire first make one, two managers saving
one each leave one active."""

from __future__ import annotations

from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.errors import ConflictError
from frontdesk.models.complaint import Complaint
from frontdesk.models.survey import QuestionKind, Survey, SurveyTemplate
from frontdesk.services.registry import Services
from frontdesk.services.surveys.views import (
    QuestionDraft,
    SurveyResult,
    TemplateDraft,
    TemplateView,
)
from tests.parallel import at_once
from tests.surveys import client_with_visit, entry


def terminal(db: Database, services: Services) -> Services:
    return Services(db, services.clock, photos_dir=services.photos_dir)


def surveys(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Survey)) or 0


def test_two_terminals_one_visit_one_survey(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    wanted = entry(services, admin, client_id, visit_id, attitude=1)

    def enter(db: Database, i: int) -> object:
        return terminal(db, services).surveys.record(admin, wanted, key=f"t{i}")

    results = at_once(services.db.url, 2, enter)
    saved = [r for r in results if isinstance(r, SurveyResult)]
    refused = [r for r in results if isinstance(r, ConflictError)]
    assert len(saved) == 1 and len(refused) == 1, results
    assert refused[0].field == "visit_id"
    assert surveys(services.db) == 1
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Complaint)) == 1


def test_the_same_key_twice_at_once_saves_once(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    wanted = entry(services, admin, client_id, visit_id)

    def enter(db: Database, i: int) -> object:
        return terminal(db, services).surveys.record(admin, wanted, key="same")

    first, second = at_once(services.db.url, 2, enter)
    assert isinstance(first, SurveyResult) and first == second
    assert surveys(services.db) == 1


def active_templates(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(SurveyTemplate)
                        .where(SurveyTemplate.active)) or 0


def test_two_terminals_asking_first_make_one_built_in_questionnaire(services: Services,
                                                                     admin: Actor) -> None:
    def ask(db: Database, i: int) -> object:
        return terminal(db, services).surveys.template(admin)

    first, second = at_once(services.db.url, 2, ask)
    assert isinstance(first, TemplateView) and first == second
    assert active_templates(services.db) == 1


def test_two_managers_saving_questionnaires_at_once_leave_one_active(services: Services,
                                                                     admin: Actor) -> None:
    services.surveys.template(admin)

    def save(db: Database, i: int) -> object:
        return terminal(db, services).surveys.save_template(admin, TemplateDraft(
            f"问卷{i}", (QuestionDraft(QuestionKind.RECOMMEND, "推荐意愿"),)))

    results = at_once(services.db.url, 2, save)
    assert all(isinstance(r, TemplateView) for r in results), results
    assert active_templates(services.db) == 1
    assert services.surveys.template(admin) in results
