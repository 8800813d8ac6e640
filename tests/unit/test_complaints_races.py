"""Terminals at once on complaints: two moving one case (one wins, the other is told), two
escalating (one task), intakes at once (distinct numbers), a double-clicked resolution (one
voucher). Each terminal is a thread with its own Database: on PostgreSQL they overlap,
waiting for the row locks; on SQLite BEGIN IMMEDIATE runs them one after the other."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.errors import ConflictError
from frontdesk.models.card import CardOperation, OperationKind
from frontdesk.models.complaint import ComplaintStep, StepKind
from frontdesk.services.complaints.views import (
    Compensation,
    ComplaintCase,
    ComplaintRow,
    Resolution,
)
from frontdesk.services.registry import Services
from tests.complaints import Staffing, client, draft, staffing, take, tasks_of
from tests.concurrency import Background, PauseBefore
from tests.conftest import FakeClock
from tests.parallel import at_once


@pytest.fixture
def team(services: Services, admin: Actor) -> Staffing:
    return staffing(services, admin)


def terminal(db: Database, services: Services) -> Services:
    return Services(db, services.clock, photos_dir=services.photos_dir)


def count_steps(services: Services, kind: StepKind) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(ComplaintStep)
                        .where(ComplaintStep.kind == kind)) or 0


def test_two_terminals_moving_one_case_one_wins(services: Services, admin: Actor,
                                                team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))

    def acknowledge(db: Database, i: int) -> object:
        who = team.handler if i == 0 else team.manager
        return terminal(db, services).complaints.acknowledge(who, row.complaint_id,
                                                             row.version, f"t{i}")

    results = at_once(services.db.url, 2, acknowledge)
    assert sorted(type(r).__name__ for r in results) == ["ComplaintCase", "ConflictError"]
    [lost] = [r for r in results if isinstance(r, ConflictError)]
    assert "changed this complaint meanwhile" in lost.message
    assert count_steps(services, StepKind.MOVED) == 1
    assert [t.occasion.split(":")[2] for t in tasks_of(services.db, row.complaint_id)] == [
        "intake", "investigation"]


def test_two_escalations_at_once_make_one_task(services: Services, admin: Actor,
                                               clock: FakeClock, team: Staffing) -> None:
    rows = [take(services, team.desk, client(services, admin, f"客户{i}")) for i in range(3)]
    clock.advance(hours=30)

    def escalate(db: Database, _i: int) -> object:
        return terminal(db, services).complaints.escalate_overdue(admin.branch_id)

    results = at_once(services.db.url, 2, escalate)
    assert sum(results) == 3, results  # type: ignore[arg-type]
    assert count_steps(services, StepKind.ESCALATED) == 3
    for row in rows:
        assert len(tasks_of(services.db, row.complaint_id)) == 2


def test_intakes_at_once_get_distinct_numbers(services: Services, admin: Actor,
                                              team: Staffing) -> None:
    wang, li = client(services, admin, "王芳"), client(services, admin, "李娜")
    owners = [wang, li, wang, None]

    def take_one(db: Database, i: int) -> object:
        return terminal(db, services).complaints.take(
            team.desk, draft(owners[i], complainant="网友"), key=f"k{i}")

    results = at_once(services.db.url, 4, take_one)
    assert all(isinstance(r, ComplaintRow) for r in results), results
    numbers = sorted(r.ref_no for r in results)  # type: ignore[union-attr]
    assert numbers == [f"TS261123000{i}" for i in range(1, 5)]


def test_a_double_clicked_resolution_books_one_voucher(services: Services, admin: Actor,
                                                       team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    case = services.complaints.acknowledge(team.handler, row.complaint_id, row.version)
    case = services.complaints.investigate(team.handler, row.complaint_id, case.row.version,
                                           "查明")
    resolution = Resolution((), "补偿", "", Compensation("voucher", 10_000, "补偿券"))

    def resolve(db: Database, _i: int) -> object:
        return terminal(db, services).complaints.resolve(
            team.handler, row.complaint_id, case.row.version, resolution, key="same-click")

    results = at_once(services.db.url, 2, resolve)
    assert all(isinstance(r, ComplaintCase) for r in results), results
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CardOperation).where(
            CardOperation.kind == OperationKind.VOUCHER_ISSUE)) == 1
    assert count_steps(services, StepKind.COMPENSATED) == 1


def test_a_number_taken_meanwhile_is_taken_again(services: Services, admin: Actor,
                                                 team: Staffing) -> None:
    """Terminal A reads the day's last number and waits; B takes a complaint with the next one
    and commits; A's insert loses the unique key, and A takes the number after B's."""
    if services.db.is_sqlite:
        pytest.skip("SQLite runs the two one after the other: A holds the database")
    wang, li = client(services, admin, "王芳"), client(services, admin, "李娜")
    a_db = Database(services.db.url)
    try:
        pause = PauseBefore(a_db, "INSERT INTO complaint ")
        a = Background(lambda: terminal(a_db, services).complaints.take(
            team.desk, draft(wang), key="a"))
        pause.wait()
        b = services.complaints.take(team.desk, draft(li), key="b")
        pause.release()
        a_row = a.result()
    finally:
        a_db.dispose()
    assert isinstance(a_row, ComplaintRow), a_row
    assert (b.ref_no, a_row.ref_no) == ("TS2611230001", "TS2611230002")
