"""Money leaving without payment: a manager's approval on the spot, its audit, and the bounds.

A price below the catalogue, a discount over the store's limit and a zero total are refused
without a manager's approval; a receptionist cannot approve, a wrong password books nothing
(but counts towards lock-out), and a real approval is audited with its reason. Amounts, lines
and payments have upper bounds. Every refusal leaves the database as it was.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.core.money import format_fen
from frontdesk.db import Database
from frontdesk.errors import (
    AccountLocked,
    AuthError,
    ConflictError,
    DomainError,
    LockedOut,
    PermissionDenied,
    ValidationError,
)
from frontdesk.models import AuditEntry, Branch, LoginFailure, ServiceItem, Visit, VisitStatus
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.approval import (
    Approval,
    ApprovalCause,
    ApprovalMissing,
    ApprovalNeed,
    ApprovalRefused,
)
from frontdesk.services.desk.checkout import (
    MAX_LINES,
    MAX_PAYMENTS,
    LineInput,
    PaymentInput,
    Receipt,
)
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from frontdesk.services.staff.accounts import new_staff
from frontdesk.services.staff.auth import MAX_FAILURES
from tests.actors import signed_actor
from tests.conftest import ADMIN_PASSWORD
from tests.unit.test_appointments import Desk, make_desk
from tests.unit.test_clients import snapshot

PASSWORD = "desk-password-7"
REASON = "老客投诉，店长同意免单"
FACIAL = 38000


@dataclass(frozen=True)
class Team:
    desk: Desk
    receptionist: Actor
    """Xiao Li at the desk: she checks out, and has a password of her own."""
    manager: Approval
    """The manager's approval, typed in on the spot."""


@pytest.fixture
def team(services: Services, admin: Actor) -> Team:
    desk = make_desk(services, admin)
    clerk = services.staff.add_staff(admin, "xiaoli", "小李", Role.RECEPTIONIST, PASSWORD)
    services.staff.add_staff(admin, "dianzhang", "张店长", Role.MANAGER, PASSWORD)
    return Team(desk, signed_actor(services.db, clerk.id),
                Approval("dianzhang", PASSWORD, REASON))


def finished(services: Services, team: Team, client_id: int | None = None) -> int:
    """A visit whose service is done (no room), waiting to be checked out."""
    visit = services.visits.check_in(team.receptionist, CheckIn(client_id or team.desk.client_id))
    services.visits.finish(team.receptionist, visit)
    return visit


@pytest.fixture
def visit_id(services: Services, team: Team) -> int:
    """Wang Fang in the peony room with Meili, in service."""
    return services.visits.check_in(team.receptionist, CheckIn(
        team.desk.client_id, therapist_id=team.desk.therapist_id, room_id=team.desk.room_ids[0]))


def facial(team: Team, **kw: Any) -> LineInput:
    return LineInput("service", team.desk.facial_id, **kw)


PRICE, DISCOUNT, ZERO = (ApprovalCause.PRICE_OVERRIDE, ApprovalCause.DISCOUNT_OVER_LIMIT,
                         ApprovalCause.ZERO_TOTAL)
Case = Callable[[Team], tuple[list[LineInput], list[PaymentInput]]]
NEEDING_APPROVAL: dict[str, tuple[Case, list[ApprovalNeed]]] = {
    "a price one fen below the catalogue": (
        lambda t: ([facial(t, unit_price_fen=FACIAL - 1)], [PaymentInput("cash", FACIAL - 1)]),
        [ApprovalNeed(PRICE, 1)]),
    "a discount one fen over 20%": (
        lambda t: ([LineInput("product", t.desk.cream_id), facial(t, discount_fen=7601)],
                   [PaymentInput("cash", 15800 + FACIAL - 7601)]),
        [ApprovalNeed(DISCOUNT, 2)]),
    "100% off": (lambda t: ([facial(t, discount_fen=FACIAL)], []),
                 [ApprovalNeed(DISCOUNT, 1), ApprovalNeed(ZERO)]),
    "a unit price of 0": (lambda t: ([facial(t, unit_price_fen=0)], []),
                          [ApprovalNeed(PRICE, 1), ApprovalNeed(ZERO)]),
    "no lines and no payments": (lambda t: ([], []), [ApprovalNeed(ZERO)]),
}


def without(before: dict[str, list[str]], *tables: str) -> dict[str, list[str]]:
    return {name: rows for name, rows in before.items() if name not in tables}


@pytest.mark.parametrize("case", NEEDING_APPROVAL)
def test_money_leaving_needs_a_managers_approval(services: Services, team: Team, visit_id: int,
                                                 db: Database, case: str) -> None:
    make, needs = NEEDING_APPROVAL[case]
    lines, payments = make(team)
    check_out = services.checkout.check_out
    before = snapshot(db)
    with pytest.raises(ApprovalMissing) as missing:
        check_out(team.receptionist, visit_id, lines, payments, "k")
    assert (missing.value.needs, missing.value.field) == (tuple(needs), "approval")
    assert snapshot(db) == before

    own = Approval("xiaoli", PASSWORD, REASON)  # the receptionist approving for herself
    with pytest.raises(ApprovalRefused) as refused:
        check_out(team.receptionist, visit_id, lines, payments, "k", approval=own)
    assert refused.value.field == "approval.username"
    assert snapshot(db) == before

    wrong = Approval("dianzhang", "not-the-password", REASON)
    with pytest.raises(AuthError):
        check_out(team.receptionist, visit_id, lines, payments, "k", approval=wrong)
    after_wrong = snapshot(db)  # only the failed attempt, which lock-out counts
    assert without(after_wrong, "login_failure", "audit_entry") == \
        without(before, "login_failure", "audit_entry")
    assert failures(db, "dianzhang") == 1
    assert audit_actions(db)[-1] == "auth.sign_in_failed"

    receipt = check_out(team.receptionist, visit_id, lines, payments, "k", approval=team.manager)
    assert receipt.total_fen == sum(p.amount_fen for p in payments)
    assert visit_status(db, visit_id) is VisitStatus.CLOSED
    assert approval_audit(db) == [(manager_id(db), visit_id, {
        "cashier": "xiaoli", "reason": REASON, "total": format_fen(receipt.total_fen),
        "needs": [n.cause.value + (f":line{n.line}" if n.line else "") for n in needs]})]


def failures(db: Database, username: str) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(LoginFailure.id))
                        .where(LoginFailure.username == username)) or 0


def audit_actions(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def approval_audit(db: Database) -> list[tuple[int | None, int | None, dict[str, Any]]]:
    with db.read() as s:
        rows = s.execute(select(AuditEntry.staff_id, AuditEntry.entity_id, AuditEntry.detail)
                         .where(AuditEntry.action == "visit.check_out_approved")
                         .order_by(AuditEntry.id)).all()
    return [(staff, entity, json.loads(detail)) for staff, entity, detail in rows]


def manager_id(db: Database) -> int | None:
    from frontdesk.models import Staff

    with db.read() as s:
        return s.scalar(select(Staff.id).where(Staff.username == "dianzhang"))


def visit_status(db: Database, visit_id: int) -> VisitStatus:
    with db.read() as s:
        visit = s.get(Visit, visit_id)
        assert visit is not None
        return visit.status


WITHIN_THE_RULES: dict[str, Case] = {
    "a discount of exactly 20%": lambda t: ([facial(t, discount_fen=7600)],
                                            [PaymentInput("cash", FACIAL - 7600)]),
    "the catalogue price typed in": lambda t: ([facial(t, unit_price_fen=FACIAL)],
                                               [PaymentInput("cash", FACIAL)]),
    "a price above the catalogue": lambda t: ([facial(t, unit_price_fen=FACIAL + 1)],
                                              [PaymentInput("cash", FACIAL + 1)]),
}


@pytest.mark.parametrize("case", WITHIN_THE_RULES)
def test_within_the_rules_no_approval_is_asked(services: Services, team: Team, visit_id: int,
                                               db: Database, case: str) -> None:
    lines, payments = WITHIN_THE_RULES[case](team)
    services.checkout.check_out(team.receptionist, visit_id, lines, payments, "k")
    assert visit_status(db, visit_id) is VisitStatus.CLOSED
    assert approval_audit(db) == []


def test_an_approval_that_is_not_needed_is_not_checked(services: Services, team: Team,
                                                       visit_id: int, db: Database) -> None:
    services.checkout.check_out(team.receptionist, visit_id, [facial(team)],
                                [PaymentInput("cash", FACIAL)], "k",
                                approval=Approval("dianzhang", "wrong-one", ""))
    assert (failures(db, "dianzhang"), approval_audit(db)) == (0, [])


def test_the_store_sets_its_discount_limit(services: Services, admin: Actor, team: Team,
                                          visit_id: int, db: Database) -> None:
    store = services.store
    assert store.discount_limit_percent(admin.branch_id) == 20
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        store.set_discount_limit_percent(team.receptionist, 100)
    for bad in (-1, 101, 50.5, True):
        with pytest.raises(ValidationError) as caught:
            store.set_discount_limit_percent(admin, bad)  # type: ignore[arg-type]
        assert caught.value.field == "discount_limit_percent"
    assert snapshot(db) == before

    store.set_discount_limit_percent(admin, 0)  # every discount needs a manager
    with pytest.raises(ApprovalMissing) as caught:
        services.checkout.check_out(team.receptionist, visit_id, [facial(team, discount_fen=1)],
                                    [PaymentInput("cash", FACIAL - 1)], "k")
    assert caught.value.needs == (ApprovalNeed(DISCOUNT, 1),)
    store.set_discount_limit_percent(admin, 100)  # none does; a zero total still does
    services.checkout.check_out(team.receptionist, visit_id,
                                [facial(team, discount_fen=FACIAL),
                                 LineInput("product", team.desk.cream_id)],
                                [PaymentInput("cash", 15800)], "k")
    assert store.discount_limit_percent(admin.branch_id) == 100
    assert "setting.changed" in audit_actions(db)


def test_an_admin_approves_and_a_blank_reason_is_refused(
        services: Services, team: Team, visit_id: int, db: Database) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.checkout.check_out(team.receptionist, visit_id, [], [], "k",
                                    approval=Approval("admin", ADMIN_PASSWORD, "  "))
    assert caught.value.field == "approval.reason"
    assert snapshot(db) == before
    services.checkout.check_out(team.receptionist, visit_id, [], [], "k",
                                approval=Approval("ADMIN ", ADMIN_PASSWORD, "试做体验"))
    [(staff, _visit, detail)] = approval_audit(db)
    assert (staff, detail["reason"], detail["needs"]) == (1, "试做体验", ["zero_total"])


def test_a_manager_of_another_store_cannot_approve(services: Services, team: Team,
                                                   visit_id: int, db: Database) -> None:
    with db.write() as s:
        other = Branch(name="分店")
        s.add(other)
        s.flush()
        s.add(new_staff(other.id, "fendian", "分店店长", Role.MANAGER, PASSWORD))
    before = snapshot(db)
    with pytest.raises(ApprovalRefused):
        services.checkout.check_out(team.receptionist, visit_id, [], [], "k",
                                    approval=Approval("fendian", PASSWORD, REASON))
    assert snapshot(db) == before


def test_wrong_approvals_lock_the_manager_out(services: Services, team: Team, visit_id: int,
                                             db: Database) -> None:
    wrong = Approval("dianzhang", "guess-guess", REASON)
    for attempt in range(1, MAX_FAILURES + 1):
        with pytest.raises(AuthError) as caught:
            services.checkout.check_out(team.receptionist, visit_id, [], [], "k", approval=wrong)
        assert isinstance(caught.value, LockedOut) is (attempt == MAX_FAILURES)  # said at once
    with pytest.raises(AccountLocked):  # even the right password, now
        services.checkout.check_out(team.receptionist, visit_id, [], [], "k",
                                    approval=team.manager)
    with pytest.raises(AccountLocked):  # the same lock-out as signing in
        services.auth.sign_in("dianzhang", PASSWORD)
    assert failures(db, "dianzhang") == MAX_FAILURES
    assert visit_status(db, visit_id) is VisitStatus.IN_SERVICE


def test_an_approved_check_out_replays_its_receipt(services: Services, team: Team,
                                                   visit_id: int, db: Database) -> None:
    lines = [facial(team, discount_fen=FACIAL)]
    first = services.checkout.check_out(team.receptionist, visit_id, lines, [], "click",
                                        approval=team.manager)
    after_first = snapshot(db)
    again = services.checkout.check_out(team.receptionist, visit_id, lines, [], "click",
                                        approval=team.manager)
    retry = services.checkout.check_out(team.receptionist, visit_id, lines, [], "click")
    assert again == first == retry
    assert snapshot(db) == after_first
    assert len(approval_audit(db)) == 1


def run_together(*calls: Callable[[], Receipt]) -> list[Receipt | Exception]:
    """Each call in its own thread (each its own connection), released at the same moment."""
    barrier = threading.Barrier(len(calls), timeout=60)
    results: list[Receipt | Exception] = [ValueError("did not run")] * len(calls)

    def terminal(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except Exception as exc:  # noqa: BLE001 - collected for the assertions
            results[i] = exc

    threads = [threading.Thread(target=terminal, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_terminals_one_with_approval(services: Services, team: Team, visit_id: int,
                                         db: Database) -> None:
    """Free of charge from two terminals at once: only the approved one books, once."""
    check_out = services.checkout.check_out
    for round_no in range(3):
        visit = visit_id if round_no == 0 else finished(services, team)
        approved, unapproved = run_together(
            lambda v=visit: check_out(team.receptionist, v, [], [], f"a{v}",
                                      approval=team.manager),
            lambda v=visit: check_out(team.receptionist, v, [], [], f"b{v}"))
        assert isinstance(approved, Receipt) and approved.total_fen == 0
        assert isinstance(unapproved, ApprovalMissing | ConflictError), unapproved
    assert len(approval_audit(db)) == 3


def test_two_terminals_retrying_an_approved_check_out(services: Services, team: Team,
                                                      visit_id: int, db: Database) -> None:
    def approved() -> Receipt:
        return services.checkout.check_out(team.receptionist, visit_id, [], [], "retry",
                                           approval=team.manager)

    first, second = run_together(approved, approved)
    assert isinstance(first, Receipt) and first == second
    assert len(approval_audit(db)) == 1


def test_parallel_wrong_approvals_count_exactly(services: Services, admin: Actor, team: Team,
                                                db: Database) -> None:
    """Eight terminals guess the manager's password at once: five guesses, then locked."""
    visits = [finished(services, team, services.clients.register(
        admin, NewClient(f"客人{i}", f"1370000{i:04d}")).client_id) for i in range(8)]
    wrong = Approval("dianzhang", "guess-guess", REASON)
    results = run_together(*[
        lambda v=v: services.checkout.check_out(team.receptionist, v, [], [], f"k{v}",
                                                approval=wrong) for v in visits])
    assert all(isinstance(r, AuthError) for r in results), results
    assert sum(isinstance(r, AccountLocked) for r in results) == len(visits) - MAX_FAILURES
    assert failures(db, "dianzhang") == MAX_FAILURES
    assert all(visit_status(db, v) is VisitStatus.FINISHED for v in visits)


BIG = 10_000_000_000  # ¥100,000,000.00, the largest amount check_fen lets through
BOUNDS: dict[str, tuple[Case, str]] = {
    "999 lines × ¥100M, 999 payments": (
        lambda t: ([LineInput("product", t.desk.cream_id, unit_price_fen=BIG)] * 999,
                   [PaymentInput("cash", BIG)] * 999), "lines"),
    f"{MAX_LINES + 1} lines": (
        lambda t: ([LineInput("product", t.desk.cream_id)] * (MAX_LINES + 1),
                   [PaymentInput("cash", 15800 * (MAX_LINES + 1))]), "lines"),
    f"{MAX_PAYMENTS + 1} payments": (
        lambda t: ([facial(t)], [PaymentInput("cash", 100)] * (MAX_PAYMENTS + 1)), "payments"),
    "quantity 100": (lambda t: ([facial(t, quantity=100)], [PaymentInput("cash", FACIAL * 100)]),
                     "lines.0.quantity"),
    "a unit price of ¥500,000.01": (
        lambda t: ([facial(t, unit_price_fen=50_000_001)], [PaymentInput("cash", 50_000_001)]),
        "lines.0.unit_price_fen"),
    "a payment of ¥1,000,000.01": (
        lambda t: ([facial(t)], [PaymentInput("cash", 100_000_001)]), "payments.0.amount_fen"),
    "a total of ¥1,000,380.00": (
        lambda t: ([facial(t, unit_price_fen=50_000_000)] * 2 + [facial(t)],
                   [PaymentInput("cash", 50_000_000), PaymentInput("cash", 50_038_000)]),
        "total"),
    "three lines over ¥1,000,000.00": (
        lambda t: ([facial(t, unit_price_fen=40_000_000)] * 3,
                   [PaymentInput("cash", 60_000_000), PaymentInput("cash", 60_000_000)]),
        "total"),
}


@pytest.mark.parametrize("case", BOUNDS)
def test_bounds_name_the_field_and_write_nothing(services: Services, team: Team, visit_id: int,
                                                 db: Database, case: str) -> None:
    make, field = BOUNDS[case]
    lines, payments = make(team)
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.checkout.check_out(team.receptionist, visit_id, lines, payments, "k",
                                    approval=team.manager)  # no approval lifts a bound
    assert caught.value.field == field
    assert snapshot(db) == before


def test_a_catalogue_price_over_the_bound_is_refused(services: Services, admin: Actor,
                                                     team: Team, visit_id: int,
                                                     db: Database) -> None:
    item = services.catalog.add_service_item(admin, "黄金疗程", 60_000_000)
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.checkout.check_out(team.receptionist, visit_id, [LineInput("service", item.id)],
                                    [PaymentInput("cash", 60_000_000)], "k")
    assert caught.value.field == "lines.0.unit_price_fen"
    assert snapshot(db) == before


def test_at_the_bounds_a_check_out_books(services: Services, team: Team, db: Database) -> None:
    top = services.checkout.check_out(
        team.receptionist, finished(services, team),
        [facial(team, unit_price_fen=50_000_000, quantity=1)] * 2,
        [PaymentInput("cash", 10_000_000)] * MAX_PAYMENTS, "top")
    assert top.total_fen == 100_000_000  # ¥1,000,000.00
    many = services.checkout.check_out(
        team.receptionist, finished(services, team, team.desk.client2_id),
        [LineInput("product", team.desk.cream_id, quantity=99)]
        + [LineInput("product", team.desk.cream_id)] * (MAX_LINES - 1),
        [PaymentInput("cash", 15800 * (99 + MAX_LINES - 1))], "many")
    assert len(many.lines) == MAX_LINES
    with db.read() as s:
        assert s.scalar(select(func.count(Visit.id))
                        .where(Visit.status == VisitStatus.CLOSED)) == 2


def test_the_refusal_says_what_needs_approval(services: Services, team: Team,
                                              visit_id: int) -> None:
    with pytest.raises(DomainError) as caught:
        services.checkout.check_out(team.receptionist, visit_id,
                                    [facial(team, unit_price_fen=0),
                                     LineInput("product", team.desk.cream_id,
                                               discount_fen=15800)], [], "k")
    assert caught.value.message == ("A manager's approval is needed: line 1: a price below the "
                                    "catalogue; line 2: a discount over 20%; a total of ¥0.00.")
    assert "secret-pass" not in repr(Approval("a", "secret-pass", "r"))


def test_the_catalogue_price_is_unchanged_by_an_override(services: Services, team: Team,
                                                         visit_id: int, db: Database) -> None:
    services.checkout.check_out(team.receptionist, visit_id, [facial(team, unit_price_fen=100)],
                                [PaymentInput("cash", 100)], "k", approval=team.manager)
    with db.read() as s:
        assert s.scalar(select(ServiceItem.price_fen)
                        .where(ServiceItem.id == team.desk.facial_id)) == FACIAL
