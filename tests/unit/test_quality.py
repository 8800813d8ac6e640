"""Spot checks (质检): sampling a month's care calls, judging them, finishing with a summary."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.core.context import Actor, Role
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models.survey import Verdict
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.quality import calls_in_month

OCTOBER = dt.date(2026, 10, 1)


@pytest.fixture
def inspector(services: Services, admin: Actor) -> Actor:
    return staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "qc1")


def test_a_check_samples_the_months_calls_of_one_manager(services: Services, admin: Actor,
                                                         inspector: Actor) -> None:
    first = calls_in_month(services, admin, OCTOBER, 12)
    calls_in_month(services, admin, OCTOBER, 5)
    calls_in_month(services, admin, dt.date(2026, 9, 1), 4, first)
    month = services.quality.calls_of_month(inspector, dt.date(2026, 10, 17))
    assert (month.month, month.calls) == (OCTOBER, 17)
    assert [x.calls for x in month.staff] == [12, 5]
    check = services.quality.start(inspector, OCTOBER, 8, first.staff_id)
    assert (check.sampled, check.pending, check.finished) == (8, 8, False)
    detail = services.quality.check(inspector, check.check_id)
    assert len({i.call_id for i in detail.items}) == 8
    assert {i.staff_name for i in detail.items} == {first.display_name}
    assert all("*" in i.phone and i.client_name for i in detail.items)
    assert all(i.at.astimezone().date().month == 10 for i in detail.items)


def test_a_sample_larger_than_the_month_takes_every_call(services: Services, admin: Actor,
                                                         inspector: Actor) -> None:
    calls_in_month(services, admin, OCTOBER, 3)
    assert services.quality.start(inspector, OCTOBER, 200).sampled == 3


@pytest.mark.parametrize(("month", "size", "field"), [
    (dt.date(2026, 12, 1), 5, "month"), (dt.date(2026, 8, 1), 5, "month"),
    (OCTOBER, 0, "sample_size"), (OCTOBER, 201, "sample_size"), (OCTOBER, True, "sample_size"),
    (dt.datetime(2026, 10, 1), 5, "month"), ("2026-10", 5, "month")])
def test_a_check_is_refused_for_a_future_or_empty_month_or_a_bad_size(
        services: Services, admin: Actor, inspector: Actor, month: object, size: object,
        field: str) -> None:
    calls_in_month(services, admin, OCTOBER, 3)
    with pytest.raises(ValidationError) as refused:
        services.quality.start(inspector, month, size)  # type: ignore[arg-type]
    assert refused.value.field == field


def test_judging_and_finishing(services: Services, admin: Actor, inspector: Actor) -> None:
    calls_in_month(services, admin, OCTOBER, 4)
    check = services.quality.start(inspector, OCTOBER, 3, seed=7)
    items = services.quality.check(inspector, check.check_id).items
    with pytest.raises(ValidationError, match="every sampled call"):
        services.quality.finish(inspector, check.check_id, check.version, "话术", "", "", "")
    with pytest.raises(ValidationError) as no_note:
        services.quality.judge(inspector, items[0].item_id, Verdict.FAIL)
    assert no_note.value.field == "note"
    judged = services.quality.judge(inspector, items[0].item_id, Verdict.FAIL, "没有问候")
    assert (judged.verdict, judged.note) == (Verdict.FAIL, "没有问候")
    changed = services.quality.judge(inspector, items[0].item_id, Verdict.PASS, "",
                                     was=Verdict.FAIL)
    assert changed.verdict is Verdict.PASS
    services.quality.judge(inspector, items[1].item_id, Verdict.PASS)
    services.quality.judge(inspector, items[2].item_id, Verdict.FAIL, "未记录")
    with pytest.raises(ValidationError) as no_problems:
        services.quality.finish(inspector, check.check_id, check.version, "话术", "", "", "")
    assert no_problems.value.field == "problems"
    with pytest.raises(ValidationError) as no_content:
        services.quality.finish(inspector, check.check_id, check.version, " ", "", "x", "")
    assert no_content.value.field == "content"
    done = services.quality.finish(inspector, check.check_id, check.version, "问候、记录",
                                   "2 合格 1 不合格", "记录不及时", "当天录入")
    assert (done.passed, done.failed, done.finished, done.version) == (2, 1, True, 2)
    assert services.quality.checks(inspector, OCTOBER) == [done]
    with pytest.raises(ConflictError):
        services.quality.judge(inspector, items[1].item_id, Verdict.FAIL, "x", was=Verdict.PASS)
    with pytest.raises(ConflictError):
        services.quality.finish(inspector, check.check_id, done.version, "x", "", "", "")


def test_a_stale_verdict_or_version_is_a_conflict(services: Services, admin: Actor,
                                                  inspector: Actor) -> None:
    calls_in_month(services, admin, OCTOBER, 2)
    check = services.quality.start(inspector, OCTOBER, 1)
    item = services.quality.check(inspector, check.check_id).items[0]
    services.quality.judge(admin, item.item_id, Verdict.PASS)
    with pytest.raises(ConflictError, match="judged this call meanwhile"):
        services.quality.judge(inspector, item.item_id, Verdict.FAIL, "x")
    with pytest.raises(ConflictError, match="changed this spot check"):
        services.quality.finish(inspector, check.check_id, check.version + 1, "x", "", "", "")


def test_one_unfinished_check_of_a_month_per_inspector(services: Services, admin: Actor,
                                                       inspector: Actor) -> None:
    calls_in_month(services, admin, OCTOBER, 2)
    services.quality.start(inspector, OCTOBER, 1)
    with pytest.raises(ConflictError):
        services.quality.start(inspector, OCTOBER, 1)
    assert services.quality.start(admin, OCTOBER, 1).sampled == 1


def test_who_may_spot_check(services: Services, admin: Actor, inspector: Actor) -> None:
    carer = calls_in_month(services, admin, OCTOBER, 2)
    with pytest.raises(PermissionDenied):
        services.quality.checks(carer)
    with pytest.raises(PermissionDenied):
        services.quality.start(carer, OCTOBER, 1)
    with pytest.raises(NotFound):
        services.quality.check(inspector, 2**40)
    with pytest.raises(NotFound):
        services.quality.start(inspector, OCTOBER, 1, staff_id=99_999)
    with pytest.raises(ValidationError):
        services.quality.judge(inspector, -1, Verdict.PASS)
