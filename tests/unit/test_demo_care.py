"""The demo store's care: client managers with books, every client's figures, and care tasks
due on the store's first day (a new user sees a living due list)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from frontdesk.core.context import Role
from frontdesk.db import Database
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.demo.fill import DemoOptions, fill_demo
from frontdesk.models import Client, Staff, Visit, VisitStatus
from frontdesk.models.care import (
    CareKind,
    CareScanState,
    CareStatus,
    CareTask,
    ClientBook,
    ClientStats,
)
from frontdesk.services.staff.auth import AuthService
from tests.conftest import FakeClock
from tests.unit.test_demo import ANCHOR


def test_the_demo_store_has_books_figures_and_care_tasks_on_its_first_day(
        db: Database, clock: FakeClock) -> None:
    summary = fill_demo(db, DemoOptions(clients=400, anchor=ANCHOR), clock=clock)
    care1 = AuthService(db, clock).sign_in("care1", DEMO_PASSWORD)
    assert care1.role is Role.CLIENT_MANAGER
    with db.read() as s:
        books = Counter(s.scalars(select(Staff.username).join(
            ClientBook, ClientBook.staff_id == Staff.id)))
        clients = s.scalar(select(func.count()).select_from(Client)) or 0
        visited = s.scalar(select(func.count(func.distinct(Visit.client_id)))
                           .where(Visit.status == VisitStatus.CLOSED)) or 0
        figures = s.scalar(select(func.count()).select_from(ClientStats)) or 0
        tasks = s.execute(select(CareTask.kind, CareTask.status, CareTask.due_on,
                                 CareTask.assigned_to_id)  # the complaints demo's are its own
                          .where(CareTask.kind != CareKind.COMPLAINT_DEADLINE)).all()
        scanned = s.scalar(select(CareScanState.through_on))
    assert books["care1"] > books["care2"] > 0
    assert books["care1"] + books["care2"] < clients  # some in the store's pool
    assert figures == visited > 0
    assert summary.care_tasks == len(tasks) > 0
    assert {k for k, *_ in tasks} >= {CareKind.CHURN}
    assert all(status is CareStatus.OPEN and due <= ANCHOR for _, status, due, _ in tasks)
    assert any(staff == care1.staff_id for *_, staff in tasks)
    assert scanned == clock().astimezone().date()
