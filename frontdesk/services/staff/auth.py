"""Staff sign-in: argon2id password hashes, lock-out, unlocking an idle desk.

Parameters follow OWASP's recommendation for argon2id (19 MiB memory, 2
iterations, 1 lane). Five failures within fifteen minutes lock a user name
until the oldest of them is fifteen minutes old.

One sign-in is one transaction that counts the name's recent failures, checks
the password and records the outcome, and sign-ins of one name take turns:
PostgreSQL takes a transaction-scoped advisory lock on the name (other names do
not wait), SQLite's ``BEGIN IMMEDIATE`` takes the database's write lock. So
however many terminals try at once, at most five passwords of a name are checked
in any fifteen minutes. Unknown user names are checked against a hash made with
the same parameters (the same time) and counted and locked alike, so names
cannot be probed.

The failure that uses up the last try says so at once (:class:`LockedOut`, with the
time the name can sign in again), and every later try until then is refused unchecked
(:class:`AccountLocked`).

The actor a sign-in returns is signed (:func:`frontdesk.core.permissions.sign`),
which is what every permission check asks for; :func:`actor_of` is the one place
that signs. The sign-in uses Core statements, neither the ORM nor the models:
``frontdesk find --as USER`` signs in on its way to the search and must start
fast. Its audit rows use the values of
:class:`~frontdesk.models.audit.AuditAction` (tests/unit/test_auth.py checks).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, bindparam, text

from frontdesk.core.context import Actor, Clock, Role
from frontdesk.core.permissions import check_signed, sign
from frontdesk.core.validation import check_characters
from frontdesk.db import Database, UTCDateTime, unit_of_work
from frontdesk.errors import AccountLocked, AuthError, LockedOut, ValidationError

if TYPE_CHECKING:  # find signs in on its way to the search, without the ORM
    from sqlalchemy.orm import Session

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

SIGN_IN, SIGN_IN_FAILED, PASSWORD_CHANGED = "auth.sign_in", "auth.sign_in_failed", \
    "auth.password_changed"
"""The audit actions written here (the values of AuditAction's members of the same names)."""
_LOCK_CLASS = 0x46440001
"""The first key of the PostgreSQL advisory lock that serialises one name's sign-ins."""

_AT = bindparam("at", type_=UTCDateTime())
_SERIALISE = text("SELECT pg_advisory_xact_lock(:lock_class, hashtext(:username))")
_FAILURES = text("SELECT count(id) AS n, min(at) AS oldest FROM login_failure "
                 "WHERE username = :username AND at > :at").bindparams(_AT).columns(
    oldest=UTCDateTime())
_STAFF = text("SELECT id, username, display_name, role, branch_id, password_hash, active "
              "FROM staff WHERE username = :username")
_ADD_FAILURE = text("INSERT INTO login_failure (username, at) VALUES (:username, :at)"
                    ).bindparams(_AT)
_CLEAR_FAILURES = text("DELETE FROM login_failure WHERE username = :username")
_SET_HASH = text("UPDATE staff SET password_hash = :hash WHERE id = :id")
_AUDIT = text("INSERT INTO audit_entry (at, branch_id, staff_id, action, entity, entity_id, "
              "detail) VALUES (:at, :branch_id, :staff_id, :action, 'staff', :entity_id, "
              ":detail)").bindparams(_AT)


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


class StaffRecord(Protocol):
    """What an actor is made of: a staff row (the ORM's Staff, or one read with Core)."""

    @property
    def id(self) -> int: ...
    @property
    def username(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def branch_id(self) -> int: ...


def actor_of(staff: StaffRecord) -> Actor:
    """The signed actor of a staff row just read (or written) in the database."""
    return sign(Actor(staff_id=staff.id, username=staff.username,
                      display_name=staff.display_name, role=Role(staff.role),
                      branch_id=staff.branch_id))


@dataclass(frozen=True)
class _Account:
    """A staff row as the sign-in reads it."""

    id: int
    username: str
    display_name: str
    role: str
    branch_id: int
    password_hash: str | None
    active: bool


class AuthService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def sign_in(self, username: str, password: str) -> Actor:
        """The signed actor for a correct user name and password; AuthError (LockedOut when
        it used up the last try) or AccountLocked.

        A user name or password that no account can have (a control character, too long)
        is refused with a ValidationError before anything is looked up or counted.
        """
        username = _check_username_form(username)
        _check_password_form(password, "password")
        now = self._clock()
        with self._db.transaction() as conn:
            self._take_turn(conn, username)
            _refuse_if_locked(conn, username, now)
            account = _account(conn, username)
            ok = _verify(account.password_hash if account else None, password)
            if account is None or not ok or not account.active:
                refusal = _record_failure(conn, username, now, account)
                actor = None
            else:
                actor = _record_success(conn, now, account, password)
        if actor is None:
            raise refusal
        return actor

    def unlock(self, actor: Actor, password: str) -> Actor:
        """Check the signed-in person's password again (the idle lock), under the same
        lock-out; returns them as the database has them now (AuthError once inactive)."""
        check_signed(actor)
        fresh = self.sign_in(actor.username, password)
        if fresh.staff_id != actor.staff_id:
            raise AuthError()
        return fresh

    @unit_of_work
    def change_password(self, actor: Actor, old: str, new: str) -> None:
        """Change one's own password after checking the old one."""
        check_signed(actor)
        check_password_strength(new)
        me = self.unlock(actor, old)
        new_hash = hash_password(new)
        with self._db.transaction() as conn:
            conn.execute(_SET_HASH, {"hash": new_hash, "id": me.staff_id})
            _audit(conn, self._clock(), PASSWORD_CHANGED, me, me.staff_id)

    def _take_turn(self, conn: Connection, username: str) -> None:
        """Wait for other sign-ins of this name (SQLite: BEGIN IMMEDIATE did already)."""
        if not self._db.is_sqlite:
            conn.execute(_SERIALISE, {"lock_class": _LOCK_CLASS, "username": username})


def _locked_until(conn: Connection, username: str, now: dt.datetime) -> dt.datetime | None:
    """When the name can sign in again, while it is locked out; None when it is not."""
    count, oldest = conn.execute(_FAILURES, {"username": username,
                                             "at": now - FAILURE_WINDOW}).one()
    return oldest + FAILURE_WINDOW if count >= MAX_FAILURES else None


def _refuse_if_locked(conn: Connection, username: str, now: dt.datetime) -> None:
    until = _locked_until(conn, username, now)
    if until is not None:
        raise AccountLocked(until=until.astimezone().strftime("%H:%M"), until_at=until)


def _account(conn: Connection, username: str) -> _Account | None:
    row = conn.execute(_STAFF, {"username": username}).first()
    if row is None:
        return None
    return _Account(row.id, row.username, row.display_name, row.role, row.branch_id,
                    row.password_hash, bool(row.active))


def _record_failure(conn: Connection, username: str, now: dt.datetime,
                    account: _Account | None) -> AuthError:
    """Count the failure; the error to raise: LockedOut when it used up the last try."""
    conn.execute(_ADD_FAILURE, {"username": username, "at": now})
    _audit(conn, now, SIGN_IN_FAILED, None, account.id if account else None, username)
    until = _locked_until(conn, username, now)
    if until is None:
        return AuthError()
    return LockedOut(until=until.astimezone().strftime("%H:%M"), until_at=until)


def _record_success(conn: Connection, now: dt.datetime, account: _Account,
                    password: str) -> Actor:
    conn.execute(_CLEAR_FAILURES, {"username": account.username})
    if account.password_hash and _hasher.check_needs_rehash(account.password_hash):
        conn.execute(_SET_HASH, {"hash": _hasher.hash(password), "id": account.id})
    actor = actor_of(account)
    _audit(conn, now, SIGN_IN, actor, account.id)
    return actor


def _audit(conn: Connection, at: dt.datetime, action: str, actor: Actor | None,
           staff_id: int | None, detail: str = "") -> None:
    """One audit row about the account ``staff_id``, by ``actor`` (None: nobody signed in)."""
    conn.execute(_AUDIT, {"at": at, "branch_id": actor.branch_id if actor else None,
                          "staff_id": actor.staff_id if actor else None, "action": action,
                          "entity_id": staff_id, "detail": detail})


def check_password_in(s: Session, username: str, password: str, now: dt.datetime) -> Actor:
    """The signed actor for a user name and password, checked inside the caller's transaction.

    For a sign-in on the spot inside another action (a manager approving a check-out),
    with the lock-out of :meth:`AuthService.sign_in` and its turn-taking: the name's
    advisory lock on PostgreSQL (SQLite's write lock is held already). A wrong password
    is recorded as a failure in ``s`` before AuthError is raised: the caller commits it.
    """
    username = _check_username_form(username)
    _check_password_form(password, "password")
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(_SERIALISE, {"lock_class": _LOCK_CLASS, "username": username})
    _refuse_if_locked(conn, username, now)
    account = _account(conn, username)
    if account is None or not _verify(account.password_hash, password) or not account.active:
        raise _record_failure(conn, username, now, account)
    return actor_of(account)
