"""First-run set-up (exactly once, however many PCs run it), settings, the permission table."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.core.permissions import ROLE_ACTIONS, Action
from frontdesk.db import Database
from frontdesk.demo.fill import DemoOptions, fill_demo
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.migrate import alembic_config, migrating, upgrade
from frontdesk.models import Branch, FirstRun, Staff
from frontdesk.services.registry import Services
from frontdesk.services.store.setup import StoreService
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.parallel import at_once


def test_a_new_database_is_not_initialised(services: Services) -> None:
    assert not services.store.is_initialised()


def test_initialise_creates_the_store_and_its_admin(services: Services, admin: Actor) -> None:
    assert services.store.is_initialised()
    assert admin.role is Role.ADMIN and admin.username == "admin"
    assert services.store.info(admin.branch_id).name == "水沐莲清美容会所"
    assert services.store.home_store().branch_id == admin.branch_id
    assert services.store.idle_lock_minutes(admin.branch_id) == 10


def test_initialise_twice_is_refused(services: Services, admin: Actor) -> None:
    with pytest.raises(ConflictError):
        services.store.initialise("另一家", "boss", "老板", "another-pass")


def test_simultaneous_first_runs_make_exactly_one_store(db: Database, clock: FakeClock) -> None:
    """Four PCs, each its own connection, run the set-up at once: the database lets one in."""
    results = at_once(db.url, 4, lambda pc, i: StoreService(pc, clock).initialise(
        f"店{i}", f"admin{i}", f"管理员{i}", ADMIN_PASSWORD))
    winners = [r for r in results if isinstance(r, Actor)]
    assert len(winners) == 1, results
    assert all(isinstance(r, ConflictError) and r.message == "This database already has a store."
               for r in results if r is not winners[0])
    with db.read() as s:
        assert s.scalar(select(func.count(Branch.id))) == 1
        assert list(s.scalars(select(Staff.username))) == [winners[0].username]
        assert s.scalar(select(func.count(FirstRun.id))) == 1


def test_a_demo_fill_of_an_empty_database_is_its_first_run(db: Database, clock: FakeClock,
                                                           services: Services) -> None:
    fill_demo(db, DemoOptions(clients=5), clock=clock)
    with pytest.raises(ConflictError):
        services.store.initialise("另一家", "boss", "老板", "another-pass")
    with db.read() as s:
        assert s.scalar(select(func.count(Branch.id))) == 1
        assert s.scalar(select(func.count(FirstRun.id))) == 1  # the mark a racing set-up hits


def test_a_store_made_before_the_first_run_mark_keeps_its_set_up(tmp_path: Path,
                                                                clock: FakeClock) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = alembic_config()
    with migrating(db) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    with db.write() as s:
        s.add(Branch(name="老店"))
    upgrade(db)
    with pytest.raises(ConflictError):
        StoreService(db, clock).initialise("另一家", "boss", "老板", "another-pass")
    db.dispose()


@pytest.mark.parametrize("name", ["", "   ", "店" * 121])
def test_bad_store_names_change_nothing(services: Services, name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        services.store.initialise(name, "admin", "管理员", "long-enough-1")
    assert caught.value.field == "store_name"
    with services.db.read() as s:
        assert s.scalar(select(func.count(Branch.id))) == 0


def test_a_bad_admin_password_leaves_no_half_made_store(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.store.initialise("水沐莲清", "admin", "管理员", "short")
    assert caught.value.field == "password"
    with services.db.read() as s:
        assert s.scalar(select(func.count(Branch.id))) == 0
        assert s.scalar(select(func.count(Staff.id))) == 0


def test_idle_minutes_are_a_store_setting_for_managers(services: Services, admin: Actor) -> None:
    services.store.set_idle_lock_minutes(admin, 3)
    assert services.store.idle_lock_minutes(admin.branch_id) == 3
    with pytest.raises(ValidationError):
        services.store.set_idle_lock_minutes(admin, 999)
    services.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST, "desk-pass-1")
    lily = services.auth.sign_in("lily", "desk-pass-1")
    with pytest.raises(PermissionDenied):
        services.store.set_idle_lock_minutes(lily, 0)
    assert services.store.idle_lock_minutes(admin.branch_id) == 3


def test_duplicate_user_names_are_refused(services: Services, admin: Actor) -> None:
    services.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST, None)
    with pytest.raises(ValidationError) as caught:
        services.staff.add_staff(admin, "Lily", "另一个莉莉", Role.THERAPIST, None)
    assert caught.value.field == "username"


def test_staff_list_by_role(services: Services, admin: Actor) -> None:
    services.staff.add_staff(admin, "fang", "芳芳", Role.THERAPIST, None)
    services.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST, None)
    therapists = services.staff.active_staff(admin.branch_id, (Role.THERAPIST,))
    assert [t.display_name for t in therapists] == ["芳芳"]


def test_permission_table() -> None:
    assert Action.MANAGE_STAFF in ROLE_ACTIONS[Role.ADMIN]
    assert Action.VIEW_HEALTH in ROLE_ACTIONS[Role.CONSULTANT]
    assert Action.VIEW_HEALTH not in ROLE_ACTIONS[Role.RECEPTIONIST]
    assert Action.SEE_FULL_PHONE not in ROLE_ACTIONS[Role.RECEPTIONIST]
    assert Action.SEE_FULL_PHONE in ROLE_ACTIONS[Role.MANAGER]
    assert Action.CHECK_OUT not in ROLE_ACTIONS[Role.THERAPIST]
    assert set(ROLE_ACTIONS) == set(Role)
