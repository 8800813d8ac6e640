"""Probes of sign-in, the first run and masked phones (issue 8, the sign-in part).

- Wrong passwords in parallel: 16 terminals (threads, each its own database
  connection) try a wrong password for the same user at once, and again for a
  user name that does not exist. Every attempt that answers "wrong user name
  or password" rather than "locked" had its password checked; a correct
  program checks exactly the lock-out limit (5) in a 15-minute window.
- The first run in parallel: 4 PCs run the set-up wizard on one empty database
  at once; exactly one store (and one admin) may come out of it.
- The phone-middle enumeration: a receptionist sees ``139****0001`` and
  searches every possible middle; a full number counts as recovered when the
  searches single out which middle is the client's. Her own number must still
  find her: the desk needs that.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select

from frontdesk.core.context import Role
from frontdesk.db import Database
from frontdesk.errors import AccountLocked, AuthError, DomainError, StorageError
from frontdesk.models import Branch, Client, Staff
from frontdesk.services.registry import Services
from tests.parallel import at_once
from tests.reliability.probe import Backend, Outcome, probe

TERMINALS = 16
LOCKOUT_LIMIT = 5
PASSWORD = "correct-horse-9"
SETUP_PCS = 4
TARGET_PHONES = ("13900000001", "13912345678")
"""The receptionist sees these masked (139****0001, 139****5678) and tries every middle."""


def _services(db: Database) -> Services:
    return Services(db, photos_dir=Path(tempfile.gettempdir()) / "frontdesk-probe-photos")


def _raw(results: Sequence[object]) -> int:
    return sum(isinstance(r, BaseException) and not isinstance(r, DomainError | StorageError)
               for r in results)


def _wrong_passwords(backend: Backend, username: str) -> Outcome:
    with backend.fresh() as db:
        _services(db).store.initialise("水沐莲清", "admin", "管理员", PASSWORD)
        results = at_once(db.url, TERMINALS, lambda terminal, i: _services(terminal).auth.sign_in(
            username, f"wrong-{i:04d}x"))
    checked = sum(isinstance(r, AuthError) and not isinstance(r, AccountLocked) for r in results)
    accepted = sum(not isinstance(r, BaseException) for r in results)
    return Outcome(attempts=TERMINALS, accepted=checked + accepted, lost=0,
                   errors=_raw(results), expected=f"accepted (passwords checked) = {LOCKOUT_LIMIT}",
                   ok=checked == LOCKOUT_LIMIT and accepted == 0 and _raw(results) == 0)


@probe("parallel wrong passwords",
       f"{TERMINALS} terminals try a wrong password for the same user at once; accepted counts "
       f"the attempts whose password was checked (not refused as locked)")
def parallel_wrong_passwords(backend: Backend) -> Outcome:
    return _wrong_passwords(backend, "admin")


@probe("parallel wrong passwords, unknown name",
       f"the same with a user name that does not exist: still limited to {LOCKOUT_LIMIT} "
       f"checks, so names cannot be probed by the lock-out")
def parallel_wrong_passwords_unknown(backend: Backend) -> Outcome:
    return _wrong_passwords(backend, "nobody")


@probe("parallel first run",
       f"{SETUP_PCS} PCs run the first-run set-up on one empty database at once; accepted "
       f"counts the stores created")
def parallel_first_run(backend: Backend) -> Outcome:
    with backend.fresh() as db:
        results = at_once(db.url, SETUP_PCS, lambda pc, i: _services(pc).store.initialise(
            f"店{i}", f"admin{i}", f"管理员{i}", PASSWORD))
        with db.read() as s:
            stores = s.scalar(select(func.count(Branch.id))) or 0
            admins = s.scalar(select(func.count(Staff.id)).where(Staff.role == Role.ADMIN)) or 0
    acknowledged = sum(not isinstance(r, BaseException) for r in results)
    lost = max(0, acknowledged - stores)
    return Outcome(attempts=SETUP_PCS, accepted=stores, lost=lost, errors=_raw(results),
                   expected="accepted = 1 (one store, one admin)",
                   ok=stores == 1 and admins == 1 and acknowledged == 1 and _raw(results) == 0)


def _middles(phone: str) -> list[str]:
    """Every full number that shows as the same mask as ``phone`` (valid or not)."""
    return [f"{phone[:3]}{m:04d}{phone[-4:]}" for m in range(10_000)]


@probe("phone-middle enumeration",
       f"a receptionist searches all 10,000 middles of {len(TARGET_PHONES)} masked numbers; "
       f"accepted counts the full numbers recovered")
def phone_middle_enumeration(backend: Backend) -> Outcome:
    with backend.fresh() as db:
        services = _services(db)
        admin = services.store.initialise("水沐莲清", "admin", "管理员", PASSWORD)
        from frontdesk.services.clients.registration import NewClient

        ids = {services.clients.register(admin, NewClient(name=f"客户{i}", phone=p)).client_id: p
               for i, p in enumerate(TARGET_PHONES)}
        services.staff.add_staff(admin, "desk", "前台", Role.RECEPTIONIST, PASSWORD)
        desk = services.auth.sign_in("desk", PASSWORD)
        recovered, errors, unfound = 0, 0, 0
        for client_id, phone in ids.items():
            matching: set[str] = set()
            for typed in _middles(phone):
                try:
                    hits = services.search.search(desk, typed)
                except (DomainError, StorageError):
                    continue
                except Exception:  # noqa: BLE001 - counted as a raw error
                    errors += 1
                    continue
                if any(h.client_id == client_id for h in hits):
                    matching.add(typed)
            recovered += matching == {phone}
            unfound += phone not in matching  # the desk must still find her by her number
        with db.read() as s:
            assert s.scalar(select(func.count(Client.id))) == len(ids)
    total = len(ids)
    return Outcome(attempts=total, accepted=recovered, lost=0, errors=errors,
                   expected="accepted = 0 (no full number recovered; each client still found)",
                   ok=recovered == 0 and unfound == 0 and errors == 0)

