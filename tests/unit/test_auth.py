"""Sign-in: argon2id hashes, lock-out after five failures in fifteen minutes, the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.errors import AccountLocked, AuthError, ValidationError
from frontdesk.models import AuditEntry, Staff
from frontdesk.services.registry import Services
from frontdesk.services.staff.auth import hash_password
from tests.conftest import ADMIN_PASSWORD, FakeClock


def test_passwords_are_argon2id_with_owasp_parameters(services: Services, admin: Actor) -> None:
    with services.db.read() as s:
        stored = s.scalar(select(Staff.password_hash).where(Staff.id == admin.staff_id))
    assert stored is not None and stored.startswith("$argon2id$")
    assert "m=19456,t=2,p=1" in stored
    assert ADMIN_PASSWORD not in stored


def test_unknown_user_names_are_checked_against_a_hash_like_the_real_ones() -> None:
    # The timing equaliser for unknown names is written out, not hashed at import:
    # it must still be a hash made with the same parameters, so it costs the same.
    from frontdesk.services.staff import auth

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
    for _ in range(5):
        clock.advance(minutes=1)
        with pytest.raises(AuthError):
            services.auth.sign_in("admin", "bad-password")
    with pytest.raises(AccountLocked) as locked:
        services.auth.sign_in("admin", ADMIN_PASSWORD)  # even the right password
    assert "{until}" not in locked.value.message
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
