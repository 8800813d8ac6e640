"""A visit's plan changed after check-in (the prep room told when the items are settled)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.services.desk.visit_plan import VisitPlan, VisitPlanService
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.concurrency import Background, PauseBefore, wait_until_blocked
from tests.conftest import FakeClock
from tests.unit.test_appointments import Desk, make_desk
from tests.unit.test_clients import snapshot, staff_actor


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


@pytest.fixture
def visit_id(services: Services, admin: Actor, desk: Desk) -> int:
    return services.visits.check_in(admin, CheckIn(desk.client_id, prep_note="热毛巾",
                                                   service_item_ids=(desk.facial_id,)))


@pytest.fixture
def other_terminal(db: Database, clock: FakeClock) -> Iterator[tuple[Database, VisitPlanService]]:
    second = Database(db.url)
    yield second, VisitPlanService(second, clock)
    second.dispose()


def plan_changes(db: Database) -> list[tuple[int | None, str]]:
    with db.read() as s:
        return [(e.entity_id, e.detail) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "visit.plan_change"))]


def test_the_consultation_settles_the_items_and_the_board_shows_them(
        services: Services, admin: Actor, desk: Desk, visit_id: int, db: Database) -> None:
    loaded = services.visit_plan.plan(admin, visit_id)
    assert loaded == VisitPlan(visit_id, "王芳", (desk.facial_id,), "热毛巾")
    saved = services.visit_plan.change_plan(admin, loaded, (desk.massage_id, desk.facial_id),
                                            "精油 10ml\n热石")
    assert saved == VisitPlan(visit_id, "王芳", (desk.massage_id, desk.facial_id),
                              "精油 10ml\n热石")
    [row] = services.visits.board(admin).waiting
    assert row.services == ("肩颈经络", "面部深层清洁") and row.prep_note == "精油 10ml\n热石"
    assert plan_changes(db) == [(visit_id, f"services={desk.massage_id},{desk.facial_id}")]


def test_a_visit_in_service_can_still_change_and_lose_every_service(
        services: Services, admin: Actor, desk: Desk) -> None:
    visit = services.visits.check_in(admin, CheckIn(
        desk.client_id, therapist_id=desk.therapist_id, room_id=desk.room_ids[0],
        service_item_ids=(desk.facial_id,)))
    loaded = services.visit_plan.plan(admin, visit)
    services.visit_plan.change_plan(admin, loaded, (), "")
    [row] = services.visits.board(admin).in_service
    assert (row.services, row.prep_note) == ((), "")


@pytest.mark.parametrize(("ids", "note", "field"), [
    ((10**30,), "", "service_item_ids"),
    (("面部",), "", "service_item_ids"),
    (tuple(range(1, 30)), "", "service_item_ids"),
    ((), "x\x00", "prep_note"),
    ((), "长" * 1001, "prep_note"),
])
def test_bad_input_names_its_field_and_changes_nothing(
        services: Services, admin: Actor, visit_id: int, db: Database,
        ids: tuple[int, ...], note: str, field: str) -> None:
    loaded = services.visit_plan.plan(admin, visit_id)
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.visit_plan.change_plan(admin, loaded, ids, note)
    assert caught.value.field == field
    assert snapshot(db) == before


def test_a_service_not_on_the_list_is_refused_and_nothing_changes(
        services: Services, admin: Actor, desk: Desk, visit_id: int, db: Database) -> None:
    loaded = services.visit_plan.plan(admin, visit_id)
    before = snapshot(db)
    with pytest.raises(NotFound):
        services.visit_plan.change_plan(admin, loaded, (desk.massage_id, 999), "")
    assert snapshot(db) == before


def test_a_finished_visit_keeps_its_plan(services: Services, admin: Actor,
                                         visit_id: int, desk: Desk) -> None:
    loaded = services.visit_plan.plan(admin, visit_id)
    services.visits.finish(admin, visit_id)
    with pytest.raises(ConflictError) as caught:
        services.visit_plan.change_plan(admin, loaded, (desk.massage_id,), "")
    assert caught.value.field == "visit_id"
    with pytest.raises(ConflictError):
        services.visit_plan.plan(admin, visit_id)


def test_a_therapist_may_not_change_the_plan_and_other_branches_see_no_visit(
        services: Services, admin: Actor, visit_id: int) -> None:
    loaded = services.visit_plan.plan(admin, visit_id)
    therapist = staff_actor(services, admin, "jishi", Role.THERAPIST)
    with pytest.raises(PermissionDenied):
        services.visit_plan.change_plan(therapist, loaded, (), "")
    with pytest.raises(NotFound):
        services.visit_plan.plan(admin, visit_id + 1000)


def test_a_change_over_another_terminals_change_is_refused(
        services: Services, admin: Actor, desk: Desk, visit_id: int, db: Database,
        other_terminal: tuple[Database, VisitPlanService]) -> None:
    """Both terminals showed the same plan; the other one saves first (and is stopped
    inside its transaction, holding the visit): this one waits for it, then is refused
    and writes nothing. Before the comparison the last save won silently."""
    second_db, theirs_service = other_terminal
    loaded = services.visit_plan.plan(admin, visit_id)
    pause = PauseBefore(second_db, "DELETE FROM planned_service")
    theirs = Background(lambda: theirs_service.change_plan(admin, loaded, (desk.massage_id,),
                                                           "按摩油"))
    pause.wait()
    ours = Background(lambda: services.visit_plan.change_plan(
        admin, loaded, (desk.facial_id, desk.massage_id), "面膜"))
    wait_until_blocked(db, ours)
    pause.release()
    assert theirs.result() == VisitPlan(visit_id, "王芳", (desk.massage_id,), "按摩油")
    refused = ours.result()
    assert isinstance(refused, ConflictError), refused
    assert services.visit_plan.plan(admin, visit_id).service_item_ids == (desk.massage_id,)
    assert len(plan_changes(db)) == 1
