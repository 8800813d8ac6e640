"""The desk's periodic queries use the indexes meant for them, however long the history.

The board runs every few seconds: its open visits must cost what the open visits
cost, not what the years of closed ones cost. The partial index ``ix_visit_open``
holds only the open visits; these tests read the plan the database itself
chooses for the statement the service really sends (captured from the engine),
on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, text

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.models import Visit, VisitKind, VisitStatus
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from tests.unit.test_appointments import Desk, make_desk

CLOSED_VISITS = 400
Statement = tuple[str, Any]


@contextmanager
def statements(db: Database) -> Iterator[list[Statement]]:
    """Every statement (with its parameters) the engine sends meanwhile."""
    seen: list[Statement] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
               executemany: bool) -> None:
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def plan(db: Database, statement: Statement) -> str:
    """The database's plan for the statement, as one line of text.

    PostgreSQL is told not to scan whole tables, so on a test-sized table it
    shows which index it would use on a large one.
    """
    sql, parameters = statement
    with db.engine.connect() as conn:
        if db.is_sqlite:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).all()
            return " / ".join(str(row[-1]) for row in rows)
        conn.exec_driver_sql("SET enable_seqscan = off")
        rows = conn.exec_driver_sql(f"EXPLAIN {sql}", parameters).all()
        return " / ".join(str(row[0]) for row in rows)


def the_one(seen: list[Statement], *marks: str) -> Statement:
    """The single captured statement containing every mark."""
    found = [s for s in seen if all(mark in s[0] for mark in marks)]
    assert len(found) == 1, [s[0] for s in seen]
    return found[0]


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    return make_desk(services, admin)


@pytest.fixture
def history(db: Database, admin: Actor, desk: Desk) -> None:
    """Years of closed visits of the store (written directly: their content does not matter),
    and up-to-date statistics, as a store that has run for a while has."""
    first = dt.datetime(2024, 1, 1, 2, tzinfo=dt.UTC)
    with db.write() as s:
        s.add_all(Visit(branch_id=admin.branch_id, client_id=desk.client2_id,
                        kind=VisitKind.WALK_IN, status=VisitStatus.CLOSED,
                        arrived_at=first + dt.timedelta(days=i), room_id=desk.room_ids[i % 2])
                  for i in range(CLOSED_VISITS))
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def test_the_boards_open_visits_read_the_partial_index(services: Services, admin: Actor,
                                                       desk: Desk, db: Database,
                                                       history: None) -> None:
    services.visits.check_in(admin, CheckIn(desk.client_id))
    with statements(db) as seen:
        board = services.visits.board(admin)
    assert [v.client_id for v in board.waiting] == [desk.client_id]
    open_visits = the_one(seen, "FROM visit JOIN client", "ORDER BY visit.arrived_at")
    assert "'waiting', 'in_service', 'finished'" in open_visits[0]  # literals, not parameters
    assert "ix_visit_open" in plan(db, open_visits)


def test_the_occupant_of_a_room_is_looked_for_among_the_open_visits(
        services: Services, admin: Actor, desk: Desk, db: Database, history: None) -> None:
    with statements(db) as seen:
        services.visits.check_in(admin, CheckIn(desk.client_id, therapist_id=desk.therapist_id,
                                                room_id=desk.room_ids[0]))
    occupant = plan(db, the_one(seen, "visit.room_id =", "LIMIT"))
    assert "ix_visit_room_id" not in occupant
    assert "ix_visit_open" in occupant or "ix_visit_branch_status" in occupant


def test_the_migrated_index_holds_only_open_visits(db: Database) -> None:
    with db.engine.connect() as conn:
        if db.is_sqlite:
            definition = conn.execute(text("SELECT sql FROM sqlite_master "
                                           "WHERE name = 'ix_visit_open'")).scalar_one()
        else:
            definition = conn.execute(text("SELECT indexdef FROM pg_indexes "
                                           "WHERE indexname = 'ix_visit_open'")).scalar_one()
    condition = definition.partition(" WHERE ")[2]
    assert all(f"'{s.value}'" in condition for s in VisitStatus
               if s not in (VisitStatus.CLOSED, VisitStatus.CANCELLED))
    assert "'closed'" not in condition and "'cancelled'" not in condition


def test_a_card_number_and_the_card_balances_are_looked_up_by_index(
        services: Services, admin: Actor, db: Database) -> None:
    from frontdesk.models.card import CardKind
    from tests.cards import client, product

    stored = product(db, admin.branch_id, CardKind.STORED_VALUE, "储值卡")
    for i in range(30):
        services.cards.issue(admin, client_id=client(services, admin, f"张{i}"),
                             product_id=stored, method="cash", amount_fen=100, key=f"k{i}")
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    with statements(db) as seen:
        services.search.search(admin, "VIP0042")
        services.search.search(admin, "张")
    lookup = plan(db, the_one(seen, "FROM member_card m"))
    assert "card_no" in lookup and ("USING INDEX" in lookup or "uq_member_card_card_no" in lookup)
    balances = plan(db, the_one(seen, "SUM(paid_fen + bonus_fen)"))
    assert "ix_member_card_client_id" in balances


def test_the_survey_calls_read_the_days_visits_by_index(services: Services, admin: Actor,
                                                        desk: Desk, db: Database,
                                                        history: None) -> None:
    from frontdesk.services.surveys.source import SurveySource
    from tests.occasions import run

    with statements(db) as seen:
        run(SurveySource(), db, admin.branch_id, dt.date(2024, 6, 1))
    visits = plan(db, the_one(seen, "FROM visit JOIN client", "LEFT OUTER JOIN survey"))
    assert "ix_visit_branch_arrived" in visits


def test_the_months_complaints_report_reads_the_months_indexes(
        services: Services, admin: Actor, db: Database) -> None:
    """Every statement of the report reads the month's rows by an index, not the store's whole
    history: the complaints received by ``ix_complaint_branch_received``, those resolved by
    ``ix_complaint_branch_resolved``, the steps by ``ix_complaint_step_kind_at``, the surveys
    by ``ix_survey_branch_answered``."""
    from frontdesk.models.complaint import Complaint, ComplaintStep, StepKind
    from tests.complaint_report_data import NOVEMBER, build_month

    build_month(services, admin)
    first = dt.datetime(2024, 1, 1, 2, tzinfo=dt.UTC)
    with db.write() as s:  # years of older cases, with their steps
        old = [Complaint(branch_id=admin.branch_id, ref_no=f"OLD{i}", category="attitude",
                         severity="low", channel="phone", stage="closed", staff_id=admin.staff_id,
                         received_at=first + dt.timedelta(days=i)) for i in range(CLOSED_VISITS)]
        s.add_all(old)
        s.flush()
        s.add_all(ComplaintStep(complaint_id=c.id, kind=kind, at=c.received_at)
                  for c in old for kind in (StepKind.TAKEN, StepKind.ESCALATED))
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    with statements(db) as seen:
        services.complaint_report.month(admin, NOVEMBER)
    index_of = {"FROM complaint_step": "ix_complaint_step_kind_at",
                "complaint.resolved_at >=": "ix_complaint_branch_resolved",
                "FROM survey": "ix_survey_branch_answered",
                "FROM complaint": "ix_complaint_branch_received"}
    month = [(s, next((i for mark, i in index_of.items() if mark in s[0]), "")) for s in seen
             if "complaint" in s[0] or "survey" in s[0]]
    assert len(month) == 2 * 4  # the month and the month before
    assert [(s[0], i) for s, i in month if i not in plan(db, s)] == []
