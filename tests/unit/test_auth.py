"""Sign-in: argon2id hashes, lock-out after five failures in fifteen minutes (exact under
parallel attempts), the audit trail, and signed actors (the role comes from the database)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.core.permissions import Action, allowed
from frontdesk.db import Database
from frontdesk.errors import (
    AccountLocked,
    AuthError,
    LockedOut,
    PermissionDenied,
    ValidationError,
)
from frontdesk.models import AuditEntry, LoginFailure, Staff
from frontdesk.models.audit import AuditAction
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.health.consultation import ConsultationForm, SkinTest
from frontdesk.services.registry import Services
from frontdesk.services.staff import auth
from frontdesk.services.staff.auth import MAX_FAILURES, AuthService, hash_password
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.parallel import at_once


def test_passwords_are_argon2id_with_owasp_parameters(services: Services, admin: Actor) -> None:
    with services.db.read() as s:
        stored = s.scalar(select(Staff.password_hash).where(Staff.id == admin.staff_id))
    assert stored is not None and stored.startswith("$argon2id$")
    assert "m=19456,t=2,p=1" in stored
    assert ADMIN_PASSWORD not in stored


def test_unknown_user_names_are_checked_against_a_hash_like_the_real_ones() -> None:
    # The timing equaliser for unknown names is written out, not hashed at import:
    # it must still be a hash made with the same parameters, so it costs the same.
    assert auth._hasher.verify(auth._DUMMY_HASH, auth._DUMMY_PASSWORD)
    assert not auth._hasher.check_needs_rehash(auth._DUMMY_HASH)


def test_sign_in_returns_the_actor_and_is_audited(services: Services, admin: Actor) -> None:
    actor = services.auth.sign_in("  ADMIN ", ADMIN_PASSWORD)
    assert actor == admin
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-1] == "auth.sign_in"


def test_wrong_password_and_unknown_user_give_the_same_error(services: Services,
                                                             admin: Actor) -> None:
    with pytest.raises(AuthError) as wrong:
        services.auth.sign_in("admin", "nope-nope-nope")
    with pytest.raises(AuthError) as unknown:
        services.auth.sign_in("nobody", "nope-nope-nope")
    assert type(wrong.value) is type(unknown.value) is AuthError
    assert wrong.value.message == unknown.value.message


def test_five_failures_lock_the_account_for_fifteen_minutes(
        services: Services, admin: Actor, clock: FakeClock) -> None:
    for _ in range(4):
        clock.advance(minutes=1)
        with pytest.raises(AuthError) as caught:
            services.auth.sign_in("admin", "bad-password")
        assert type(caught.value) is AuthError
    clock.advance(minutes=1)
    with pytest.raises(LockedOut) as fifth:  # the last try: said at once, with the time
        services.auth.sign_in("admin", "bad-password")
    assert fifth.value.params["until"] == "10:46"  # the first failure, 10:31, + 15 minutes
    assert fifth.value.message == ("Wrong user name or password, and too many failed "
                                   "sign-ins: try again after 10:46.")
    with pytest.raises(AccountLocked) as locked:
        services.auth.sign_in("admin", ADMIN_PASSWORD)  # even the right password
    assert locked.value.params["until"] == "10:46"
    clock.advance(minutes=10)  # the first failure is now 14 minutes old
    with pytest.raises(AccountLocked):
        services.auth.sign_in("admin", ADMIN_PASSWORD)
    clock.advance(minutes=2)  # the first failure fell out of the window: 4 left
    assert services.auth.sign_in("admin", ADMIN_PASSWORD) == admin


def test_failures_spread_over_time_do_not_lock(services: Services, admin: Actor,
                                               clock: FakeClock) -> None:
    for _ in range(8):
        clock.advance(minutes=4)
        with pytest.raises(AuthError) as caught:
            services.auth.sign_in("admin", "bad-password")
        assert not isinstance(caught.value, AccountLocked)


def test_a_successful_sign_in_clears_the_failures(services: Services, admin: Actor) -> None:
    for _ in range(4):
        with pytest.raises(AuthError):
            services.auth.sign_in("admin", "bad-password")
    services.auth.sign_in("admin", ADMIN_PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthError) as caught:
            services.auth.sign_in("admin", "bad-password")
        assert not isinstance(caught.value, AccountLocked)


def test_unlock_checks_the_same_password(services: Services, admin: Actor) -> None:
    services.auth.unlock(admin, ADMIN_PASSWORD)
    with pytest.raises(AuthError):
        services.auth.unlock(admin, "not-the-password")


def test_inactive_staff_cannot_sign_in(services: Services, admin: Actor) -> None:
    services.staff.add_staff(admin, "mei", "美美", Role.RECEPTIONIST, "desk-pass-1")
    with services.db.write() as s:
        s.scalar(select(Staff).where(Staff.username == "mei")).active = False
    with pytest.raises(AuthError):
        services.auth.sign_in("mei", "desk-pass-1")


def test_change_password(services: Services, admin: Actor) -> None:
    services.auth.change_password(admin, ADMIN_PASSWORD, "a-new-password")
    assert services.auth.sign_in("admin", "a-new-password") == admin
    with pytest.raises(AuthError):
        services.auth.sign_in("admin", ADMIN_PASSWORD)


def test_short_passwords_are_refused_with_the_field_named() -> None:
    with pytest.raises(ValidationError) as caught:
        hash_password("short")
    assert caught.value.field == "password"


def test_failed_sign_ins_are_audited(services: Services, admin: Actor) -> None:
    with pytest.raises(AuthError):
        services.auth.sign_in("admin", "bad-password")
    with services.db.read() as s:
        count = s.scalar(select(func.count(AuditEntry.id))
                         .where(AuditEntry.action == "auth.sign_in_failed"))
    assert count == 1


# Lock-out under parallel attempts: count, check and record in one transaction per name.

TERMINALS = 16


@pytest.mark.parametrize("username", ["admin", "nobody"])
def test_parallel_wrong_passwords_check_exactly_the_limit(
        db: Database, admin: Actor, clock: FakeClock, username: str) -> None:
    """16 terminals, each its own connection, try a wrong password at once: five are
    checked, the rest are refused as locked; the same for a name that does not exist."""
    results = at_once(db.url, TERMINALS, lambda terminal, i: AuthService(terminal, clock).sign_in(
        username, f"wrong-password-{i}"))
    checked = [r for r in results if isinstance(r, AuthError) and not isinstance(r, AccountLocked)]
    locked = [r for r in results if isinstance(r, AccountLocked)]
    assert (len(checked), len(locked)) == (MAX_FAILURES, TERMINALS - MAX_FAILURES), results
    assert [type(r) for r in checked].count(LockedOut) == 1  # the fifth said so
    with db.read() as s:
        assert s.scalar(select(func.count(LoginFailure.id))) == MAX_FAILURES
        assert s.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.action == "auth.sign_in_failed")) == MAX_FAILURES


def test_the_audit_actions_of_the_sign_in_are_the_trails_own() -> None:
    assert AuditAction(auth.SIGN_IN) is AuditAction.SIGN_IN
    assert AuditAction(auth.SIGN_IN_FAILED) is AuditAction.SIGN_IN_FAILED
    assert AuditAction(auth.PASSWORD_CHANGED) is AuditAction.PASSWORD_CHANGED


# Actor trust: the role comes from the database, through a signed actor.

@pytest.fixture
def lily(services: Services, admin: Actor) -> Actor:
    services.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST, "desk-pass-1")
    return services.auth.sign_in("lily", "desk-pass-1")


def _health_record(services: Services, admin: Actor) -> int:
    client_id = services.clients.register(admin, NewClient(
        name="张晓梅", phone="13800138000", consent_health=True)).client_id
    return services.consultation.save(admin, client_id, ConsultationForm(
        taken_on=dt.date(2026, 11, 1), skin=SkinTest(moisture_pct=30), notes="对玫瑰精油过敏"))


def test_a_receptionist_made_admin_by_hand_cannot_read_a_health_record(
        services: Services, admin: Actor, lily: Actor) -> None:
    record_id = _health_record(services, admin)
    promoted = dataclasses.replace(lily, role=Role.ADMIN)
    built = Actor(lily.staff_id, "lily", "莉莉", Role.ADMIN, lily.branch_id)
    for forged in (promoted, built):
        with pytest.raises(PermissionDenied) as caught:
            services.consultation.get(forged, record_id)
        assert "sign in again" in caught.value.message.lower()
        assert not allowed(forged, Action.VIEW_HEALTH)
        assert not allowed(forged, Action.SEE_FULL_PHONE)
    with pytest.raises(PermissionDenied):
        services.consultation.get(lily, record_id)  # her real role may not either
    assert services.consultation.get(admin, record_id).form.notes == "对玫瑰精油过敏"


@pytest.mark.parametrize("change", [
    {"role": Role.MANAGER}, {"staff_id": 1}, {"branch_id": 99}, {"username": "admin"},
    {"display_name": "管理员"}, {"signature": b"\0" * 32},
])
def test_any_change_to_a_signed_actor_is_refused(services: Services, lily: Actor,
                                                 change: dict[str, object]) -> None:
    forged = dataclasses.replace(lily, **change)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        services.search.search(forged, "张")
    assert services.search.search(lily, "张") == []


def test_an_unsigned_actor_is_refused_by_every_service_that_checks_a_role(
        services: Services, admin: Actor) -> None:
    forged = Actor(admin.staff_id, admin.username, admin.display_name, admin.role,
                   admin.branch_id)
    calls = [
        lambda: services.clients.register(forged, NewClient(name="王芳", phone="13900001111")),
        lambda: services.staff.add_staff(forged, "mallory", "M", Role.ADMIN, "a-password-1"),
        lambda: services.store.set_idle_lock_minutes(forged, 0),
        lambda: services.catalog.add_room(forged, "VIP 9"),
        lambda: services.visits.board(forged),
        lambda: services.auth.change_password(forged, ADMIN_PASSWORD, "another-pass-1"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert services.auth.sign_in("admin", ADMIN_PASSWORD) == admin  # password unchanged


def test_a_password_change_cannot_be_aimed_at_someone_else(
        services: Services, admin: Actor, lily: Actor) -> None:
    aimed = dataclasses.replace(lily, staff_id=admin.staff_id)
    with pytest.raises(PermissionDenied):
        services.auth.change_password(aimed, "desk-pass-1", "taken-over-1")
    assert services.auth.sign_in("admin", ADMIN_PASSWORD) == admin


def _set_staff(services: Services, username: str, **values: object) -> None:
    with services.db.write() as s:
        staff = s.scalar(select(Staff).where(Staff.username == username))
        assert staff is not None
        for key, value in values.items():
            setattr(staff, key, value)


def test_staff_made_inactive_lose_access_at_the_next_unlock(
        services: Services, lily: Actor) -> None:
    _set_staff(services, "lily", active=False)
    with pytest.raises(AuthError):
        services.auth.unlock(lily, "desk-pass-1")
    with pytest.raises(AuthError):
        services.auth.sign_in("lily", "desk-pass-1")


def test_unlock_returns_the_role_the_database_holds_now(services: Services, lily: Actor) -> None:
    assert services.auth.unlock(lily, "desk-pass-1") == lily
    _set_staff(services, "lily", role=Role.MANAGER)
    promoted = services.auth.unlock(lily, "desk-pass-1")
    assert (promoted.staff_id, promoted.role) == (lily.staff_id, Role.MANAGER)
    assert allowed(promoted, Action.SEE_FULL_PHONE)
