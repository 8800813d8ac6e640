"""Entering a survey: the built-in questionnaire, the answers checked, one survey per visit,
a low score opening a complaint in the same transaction, the survey call's task closed, a
replayed key saving once; the questionnaire versioned, the settings in the care rule."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from frontdesk.core.context import Actor, Role
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models import Visit, VisitStatus
from frontdesk.models.care import CallOutcome, CareCall, CareKind, CareStatus
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintSource,
)
from frontdesk.models.survey import QuestionKind, Survey, SurveyAnswer, SurveyDimension
from frontdesk.services.registry import Services
from frontdesk.services.surveys.views import (
    Answer,
    QuestionDraft,
    SurveyEntry,
    SurveySettings,
    TemplateDraft,
)
from tests.actors import staff_in_role
from tests.care_tasks import get_task, task
from tests.surveys import answers, client_with_visit, entry


def count(services: Services, model: type) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_the_built_in_questionnaire_is_made_once(services: Services, admin: Actor) -> None:
    first = services.surveys.template(admin)
    again = services.surveys.template(admin)
    assert first == again
    kinds = [q.kind for q in first.questions]
    assert kinds == [QuestionKind.SCALE] * 5 + [QuestionKind.RECOMMEND, QuestionKind.TEXT]
    assert [q.text for q in first.questions][:2] == ["服务态度", "服务效率"]
    assert all(q.built_in for q in first.questions)


def test_a_survey_fills_the_dimension_columns(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    result = services.surveys.record(admin, entry(services, admin, client_id, visit_id, scale=4,
                                                  recommend=9, price=3), key="s1")
    assert not result.low and result.complaint_ref is None
    with services.db.read() as s:
        survey = s.get(Survey, result.survey_id)
        assert survey is not None
        assert (survey.attitude, survey.price, survey.recommend) == (4, 3, 9)
    assert count(services, SurveyAnswer) == 7
    rows = services.surveys.surveys_of(admin, client_id)
    assert [r.survey_id for r in rows] == [result.survey_id]
    assert dict(rows[0].scores)[SurveyDimension.PRICE] == 3


def test_a_low_score_opens_a_complaint(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    result = services.surveys.record(
        admin, entry(services, admin, client_id, visit_id, scale=4, environment=1, attitude=2,
                     comment="房间太冷"), key="low")
    assert result.low and result.complaint_ref
    with services.db.read() as s:
        case = s.scalar(select(Complaint).where(Complaint.survey_id == result.survey_id))
        assert case is not None and case.ref_no == result.complaint_ref
        assert case.source is ComplaintSource.SURVEY and case.channel is ComplaintChannel.SURVEY
        assert case.category is ComplaintCategory.ENVIRONMENT
        assert case.severity is ComplaintSeverity.MEDIUM
        assert "环境 1/5" in case.words and "房间太冷" in case.words
        assert case.visit_id == visit_id
    assert services.surveys.recent(admin, low_only=True)[0].complaint_ref == result.complaint_ref


def test_a_low_recommendation_alone_opens_a_complaint(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    result = services.surveys.record(admin, entry(services, admin, client_id, visit_id,
                                                  recommend=6), key="nps")
    assert result.low and result.complaint_ref


def test_the_thresholds_are_the_stores(services: Services, admin: Actor) -> None:
    services.surveys.save_settings(admin, SurveySettings(True, 20, 1, 1, 3))
    client_id, visit_id = client_with_visit(services, admin)
    result = services.surveys.record(admin, entry(services, admin, client_id, visit_id,
                                                  scale=2, recommend=4), key="k")
    assert not result.low


def test_one_survey_per_visit(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    services.surveys.record(admin, entry(services, admin, client_id, visit_id), key="a")
    with pytest.raises(ConflictError, match="one survey") as refused:
        services.surveys.record(admin, entry(services, admin, client_id, visit_id), key="b")
    assert refused.value.field == "visit_id"
    assert count(services, Survey) == 1


def test_a_replayed_key_saves_once(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    wanted = entry(services, admin, client_id, visit_id, attitude=1)
    first = services.surveys.record(admin, wanted, key="same")
    assert services.surveys.record(admin, wanted, key="same") == first
    assert count(services, Survey) == 1 and count(services, Complaint) == 1


@pytest.mark.parametrize(("kind", "score"), [(QuestionKind.SCALE, 6), (QuestionKind.SCALE, 0),
                                             (QuestionKind.RECOMMEND, 11),
                                             (QuestionKind.RECOMMEND, -1)])
def test_a_score_out_of_range_is_refused(services: Services, admin: Actor, kind: QuestionKind,
                                         score: int) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    template = services.surveys.template(admin)
    question = next(q for q in template.questions if q.kind is kind)
    with pytest.raises(ValidationError, match="A score from") as refused:
        services.surveys.record(admin, SurveyEntry(client_id, template.template_id,
                                                   (Answer(question.question_id, score),),
                                                   visit_id=visit_id), key="x")
    assert refused.value.field == f"question_{question.question_id}"
    assert count(services, Survey) == 0


def test_a_question_of_another_questionnaire_is_refused(services: Services,
                                                        admin: Actor) -> None:
    client_id, _visit = client_with_visit(services, admin)
    old = services.surveys.template(admin)
    new = services.surveys.save_template(admin, TemplateDraft("短问卷", (
        QuestionDraft(QuestionKind.RECOMMEND, "推荐意愿"),)))
    with pytest.raises(ValidationError, match="not in this survey"):
        services.surveys.record(admin, SurveyEntry(client_id, new.template_id,
                                                   answers(old)), key="x")
    with pytest.raises(ValidationError, match="at least one answer"):
        services.surveys.record(admin, SurveyEntry(client_id, new.template_id, ()), key="y")


def test_a_visit_of_another_client_or_still_open_is_refused(services: Services,
                                                            admin: Actor) -> None:
    client_id, own_visit = client_with_visit(services, admin)
    _other, others_visit = client_with_visit(services, admin, "李娜")
    with pytest.raises(NotFound):
        services.surveys.record(admin, entry(services, admin, client_id, others_visit), key="x")
    with services.db.write() as s:
        s.execute(update(Visit).where(Visit.id == own_visit).values(status=VisitStatus.IN_SERVICE))
    with pytest.raises(ValidationError, match="after its check-out"):
        services.surveys.record(admin, entry(services, admin, client_id, own_visit), key="y")


def test_a_new_questionnaire_leaves_old_surveys_their_questions(services: Services,
                                                                admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    old = services.surveys.template(admin)
    saved = services.surveys.record(admin, entry(services, admin, client_id, visit_id),
                                    key="old")
    new = services.surveys.save_template(admin, TemplateDraft("新问卷", (
        QuestionDraft(QuestionKind.SCALE, "技师手法", SurveyDimension.PRODUCT_QUALITY),
        QuestionDraft(QuestionKind.TEXT, "其他"))))
    assert services.surveys.template(admin) == new != old
    assert not new.questions[0].built_in
    with services.db.read() as s:
        survey = s.get(Survey, saved.survey_id)
        assert survey is not None and survey.template_id == old.template_id


def test_a_questionnaire_asking_a_dimension_twice_is_refused(services: Services,
                                                             admin: Actor) -> None:
    twice = (QuestionDraft(QuestionKind.SCALE, "甲", SurveyDimension.PRICE),
             QuestionDraft(QuestionKind.SCALE, "乙", SurveyDimension.PRICE))
    with pytest.raises(ValidationError, match="once"):
        services.surveys.save_template(admin, TemplateDraft("问卷", twice))


def test_the_survey_call_is_closed_as_reached(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    task_id = task(services.db, admin.branch_id, client_id, CareKind.SURVEY,
                   occasion=f"survey:{visit_id}")
    result = services.surveys.record(admin, entry(services, admin, client_id, visit_id,
                                                  task_id), key="call")
    closed = get_task(services.db, task_id)
    assert closed.status is CareStatus.DONE and closed.outcome is CallOutcome.REACHED
    with services.db.read() as s:
        assert s.scalar(select(CareCall.outcome).where(CareCall.task_id == task_id)) \
            is CallOutcome.REACHED
        survey = s.get(Survey, result.survey_id)
        assert survey is not None and survey.task_id == task_id


def test_another_kind_of_task_is_not_closed_by_a_survey(services: Services,
                                                        admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    task_id = task(services.db, admin.branch_id, client_id, CareKind.FOLLOW_UP)
    with pytest.raises(ValidationError, match="survey call"):
        services.surveys.record(admin, entry(services, admin, client_id, visit_id, task_id),
                                key="x")
    assert count(services, Survey) == 0 and get_task(services.db, task_id).status \
        is CareStatus.OPEN


def test_the_settings_live_in_the_care_rule(services: Services, admin: Actor) -> None:
    assert services.surveys.settings(admin) == SurveySettings(True, 20, 1, 2, 6)
    services.surveys.save_settings(admin, SurveySettings(False, 35, 2, 1, 5))
    assert services.surveys.settings(admin) == SurveySettings(False, 35, 2, 1, 5)
    rule = next(r for r in services.care_setup.rules(admin) if r.kind is CareKind.SURVEY)
    assert not rule.enabled and rule.param("sample_percent") == 35
    with pytest.raises(ValidationError):
        services.surveys.save_settings(admin, SurveySettings(True, 101, 1, 2, 6))


def test_who_may_do_what(services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    desk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST, "desk1")
    therapist = staff_in_role(services.db, admin.branch_id, Role.THERAPIST, "t1")
    services.surveys.record(desk, entry(services, desk, client_id, visit_id), key="d")
    with pytest.raises(PermissionDenied):
        services.surveys.save_settings(desk, SurveySettings())
    with pytest.raises(PermissionDenied):
        services.surveys.template(therapist)
