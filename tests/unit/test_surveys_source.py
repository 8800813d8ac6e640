"""The survey calls' rule: a deterministic sample of the visits checked out ``after_days``
before the scanned day, at the rate set; none for visits surveyed already nor for
anonymised clients; a service call (made without marketing consent); made by the scan."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from frontdesk.core.context import Actor
from frontdesk.models import Client
from frontdesk.models.care import CareChannel, CareKind, CareTask
from frontdesk.services.care.settings import is_marketing
from frontdesk.services.registry import Services
from frontdesk.services.surveys.source import SurveySource, sampled
from frontdesk.services.surveys.views import SurveySettings
from tests.care_tasks import TODAY, client
from tests.occasions import add_client, add_visit, run
from tests.surveys import VISIT_DAY, entry

ALL = SurveySettings(True, 100, 1, 2, 6)


def test_the_sample_is_deterministic_and_near_its_rate() -> None:
    picked = [v for v in range(1, 20_001) if sampled(v, 20)]
    assert picked == [v for v in range(1, 20_001) if sampled(v, 20)]
    assert 3_800 <= len(picked) <= 4_200
    assert all(sampled(v, 100) for v in range(1, 500))
    assert not any(sampled(v, 0) for v in range(1, 500))
    assert set(v for v in range(1, 2_000) if sampled(v, 10)) <= set(picked)


def test_a_visit_of_the_day_before_gets_a_survey_call(services: Services, admin: Actor) -> None:
    services.surveys.save_settings(admin, ALL)
    client_id = add_client(services.db, admin.branch_id)
    visit_id = add_visit(services.db, admin.branch_id, client_id, VISIT_DAY)
    add_visit(services.db, admin.branch_id, client_id, VISIT_DAY - dt.timedelta(days=1))
    [draft] = run(SurveySource(), services.db, admin.branch_id, TODAY)
    assert draft.occasion == f"survey:{visit_id}" and draft.client_id == client_id
    assert draft.due_on == TODAY and draft.event_on == VISIT_DAY
    assert draft.channel is CareChannel.CALL and draft.reason == "survey"
    assert not is_marketing(CareKind.SURVEY)


def test_the_rate_and_the_days_after_are_the_stores(services: Services, admin: Actor) -> None:
    client_id = add_client(services.db, admin.branch_id)
    visits = [add_visit(services.db, admin.branch_id, client_id, TODAY - dt.timedelta(days=3))
              for _ in range(60)]
    services.surveys.save_settings(admin, SurveySettings(True, 30, 3, 2, 6))
    drafts = run(SurveySource(), services.db, admin.branch_id, TODAY)
    assert sorted(d.occasion for d in drafts) == sorted(
        f"survey:{v}" for v in visits if sampled(v, 30))
    services.surveys.save_settings(admin, SurveySettings(False, 30, 3, 2, 6))
    assert run(SurveySource(), services.db, admin.branch_id, TODAY) == []


def test_no_call_for_a_surveyed_visit_nor_an_anonymised_client(services: Services,
                                                               admin: Actor) -> None:
    services.surveys.save_settings(admin, ALL)
    surveyed = client(services, admin, "王芳")
    surveyed_visit = add_visit(services.db, admin.branch_id, surveyed, VISIT_DAY)
    services.surveys.record(admin, entry(services, admin, surveyed, surveyed_visit), key="k")
    gone = add_client(services.db, admin.branch_id, "李娜")
    add_visit(services.db, admin.branch_id, gone, VISIT_DAY)
    with services.db.write() as s:
        s.execute(update(Client).where(Client.id == gone)
                  .values(anonymised_at=dt.datetime(2026, 11, 22, tzinfo=dt.UTC)))
    assert run(SurveySource(), services.db, admin.branch_id, TODAY) == []


def test_the_scan_makes_the_survey_calls_without_marketing_consent(services: Services,
                                                                   admin: Actor) -> None:
    services.surveys.save_settings(admin, ALL)
    no_consent = client(services, admin, "王芳", consent=False)
    visit_id = add_visit(services.db, admin.branch_id, no_consent, VISIT_DAY)
    services.care_scan.scan(admin.branch_id)
    services.care_scan.scan(admin.branch_id)
    with services.db.read() as s:
        made = s.scalars(select(CareTask).where(CareTask.kind == CareKind.SURVEY)).all()
        assert [(t.occasion, t.client_id, t.marketing) for t in made] == [
            (f"survey:{visit_id}", no_consent, False)]
