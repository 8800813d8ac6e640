"""Staff sign-in: argon2id password hashes, lock-out, unlocking an idle desk.

Parameters follow OWASP's recommendation for argon2id (19 MiB memory, 2
iterations, 1 lane). Five failures within fifteen minutes lock the account
until the oldest of them is fifteen minutes old. Unknown user names take the
same time as wrong passwords, so names cannot be probed.
"""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, Role
from frontdesk.core.validation import check_characters, check_text
from frontdesk.db import Database, locking, unit_of_work
from frontdesk.errors import AccountLocked, AuthError, ValidationError
from frontdesk.models import LoginFailure, Staff
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction

MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256
USERNAME_MAX = 64
DISPLAY_NAME_MAX = 80

_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16)
_DUMMY_PASSWORD = "frontdesk-timing-equaliser"
_DUMMY_HASH = ("$argon2id$v=19$m=19456,t=2,p=1$O0L+G3knEAg8fSNkm+Ookg$"
               "zxNYjBPag3aOf3uiNFA1Pn87N716pCBlL0zgUmUPhnI")
"""``_DUMMY_PASSWORD`` hashed once with ``_hasher``'s parameters, written out rather than
computed at import (a hash costs 50–80 ms, and every start-up imported this module).
Checked against ``_hasher`` by tests/unit/test_auth.py; regenerate it if they change."""


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def check_password_strength(password: str, field: str = "password") -> None:
    _check_password_form(password, field)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("A password needs at least {n} characters.",
                              field=field, n=MIN_PASSWORD_LENGTH)
    if password.strip() != password:
        raise ValidationError("A password may not start or end with a space.", field=field)


def _check_password_form(password: str, field: str) -> None:
    """No control character and at most MAX_PASSWORD_LENGTH characters (kept as typed)."""
    check_characters(password, field)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError("A password has at most {n} characters.", field=field,
                              n=MAX_PASSWORD_LENGTH)


def _check_username_form(username: str) -> str:
    """The user name as looked up (stripped, lower case); no control character, not too long.

    A name that breaks these rules cannot belong to any account, and refusing it here
    keeps it out of the failure count (PostgreSQL would refuse a NUL there with a raw error).
    """
    username = check_characters(username, "username").strip().lower()
    if len(username) > USERNAME_MAX:
        raise ValidationError("A user name has at most {n} characters.", field="username",
                              n=USERNAME_MAX)
    return username


def _verify(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def actor_of(staff: Staff) -> Actor:
    return Actor(staff_id=staff.id, username=staff.username, display_name=staff.display_name,
                 role=staff.role, branch_id=staff.branch_id)


class AuthService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def sign_in(self, username: str, password: str) -> Actor:
        """The actor for a correct user name and password; raises AuthError or AccountLocked.

        A user name or password that no account can have (a control character, too long)
        is refused with a ValidationError before anything is looked up or counted.
        """
        username = _check_username_form(username)
        _check_password_form(password, "password")
        now = self._clock()
        self._refuse_if_locked(username, now)
        with self._db.read() as s:
            staff = s.scalar(select(Staff).where(Staff.username == username))
            ok = _verify(staff.password_hash if staff else None, password)
            stored = staff.password_hash if staff else None
        if not ok or staff is None or not staff.active:
            self._record_failure(username, now, staff.id if staff else None)
            raise AuthError()
        with self._db.write() as s:
            s.execute(delete(LoginFailure).where(LoginFailure.username == username))
            fresh = s.get(Staff, staff.id)
            assert fresh is not None
            if stored and _hasher.check_needs_rehash(stored):
                fresh.password_hash = _hasher.hash(password)
            actor = actor_of(fresh)
            audit.record(s, now, actor, AuditAction.SIGN_IN, "staff", fresh.id)
        return actor

    def unlock(self, actor: Actor, password: str) -> None:
        """Check the signed-in person's password again (the idle lock); same lock-out rules."""
        self.sign_in(actor.username, password)

    @unit_of_work
    def _refuse_if_locked(self, username: str, now: dt.datetime) -> None:
        since = now - FAILURE_WINDOW
        with self._db.read() as s:
            count, oldest = s.execute(
                select(func.count(LoginFailure.id), func.min(LoginFailure.at))
                .where(LoginFailure.username == username, LoginFailure.at > since)
            ).one()
        if count >= MAX_FAILURES:
            until = oldest.replace(tzinfo=dt.UTC) + FAILURE_WINDOW
            raise AccountLocked(until=until.astimezone().strftime("%H:%M"), until_at=until)

    @unit_of_work
    def _record_failure(self, username: str, now: dt.datetime, staff_id: int | None) -> None:
        with self._db.write() as s:
            s.add(LoginFailure(username=username, at=now))
            audit.record(s, now, None, AuditAction.SIGN_IN_FAILED, "staff", staff_id, username)

    @unit_of_work
    def change_password(self, actor: Actor, old: str, new: str) -> None:
        """Change one's own password after checking the old one."""
        self.sign_in(actor.username, old)
        new_hash = hash_password(new)
        with self._db.write() as s:
            staff = s.get(Staff, actor.staff_id)
            assert staff is not None
            staff.password_hash = new_hash
            audit.record(s, self._clock(), actor, AuditAction.PASSWORD_CHANGED, "staff", staff.id)


def new_staff(branch_id: int, username: str, display_name: str, role: Role,
              password: str | None) -> Staff:
    """A validated Staff row (not yet added to a session)."""
    username = username.strip().lower()
    if not username or len(username) > USERNAME_MAX or not username.replace("_", "").replace(".",
                                                                                   "").isalnum():
        raise ValidationError("A user name uses letters, digits, '.' or '_' only.",
                              field="username")
    display_name = check_text(display_name, DISPLAY_NAME_MAX, "display_name")
    if not display_name:
        raise ValidationError("Enter the name shown to colleagues.", field="display_name")
    return Staff(branch_id=branch_id, username=username, display_name=display_name,
                 role=role, password_hash=hash_password(password) if password else None)


def check_password_in(s: Session, username: str, password: str, now: dt.datetime) -> Staff:
    """The active staff row for a user name and password, checked inside the caller's transaction.

    For a sign-in on the spot inside another action (a manager approving a check-out), with the
    lock-out of :meth:`AuthService.sign_in`. The account's row is locked first, so terminals
    checking one account take turns and the failure count stays exact. A wrong password is
    added to ``s`` as a failure before AuthError is raised: the caller commits it.
    """
    username = username.strip().lower()
    staff = s.scalar(locking(select(Staff).where(Staff.username == username)))
    count, oldest = s.execute(
        select(func.count(LoginFailure.id), func.min(LoginFailure.at))
        .where(LoginFailure.username == username, LoginFailure.at > now - FAILURE_WINDOW)).one()
    if count >= MAX_FAILURES:
        until = oldest.replace(tzinfo=dt.UTC) + FAILURE_WINDOW
        raise AccountLocked(until=until.astimezone().strftime("%H:%M"), until_at=until)
    if not _verify(staff.password_hash if staff else None, password) \
            or staff is None or not staff.active:
        s.add(LoginFailure(username=username, at=now))
        audit.record(s, now, None, AuditAction.SIGN_IN_FAILED, "staff", staff.id if staff else None,
                     username)
        raise AuthError()
    return staff
