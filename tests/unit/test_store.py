"""First-run set-up, settings and the role × action permission table."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.core.permissions import ROLE_ACTIONS, Action, allowed
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.models import Branch, Staff
from frontdesk.services.registry import Services


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
    assert allowed(Role.ADMIN, Action.MANAGE_STAFF)
    assert allowed(Role.CONSULTANT, Action.VIEW_HEALTH)
    assert not allowed(Role.RECEPTIONIST, Action.VIEW_HEALTH)
    assert not allowed(Role.RECEPTIONIST, Action.SEE_FULL_PHONE)
    assert allowed(Role.MANAGER, Action.SEE_FULL_PHONE)
    assert not allowed(Role.THERAPIST, Action.CHECK_OUT)
    assert set(ROLE_ACTIONS) == set(Role)
