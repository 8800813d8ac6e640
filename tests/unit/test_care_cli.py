"""``frontdesk due``: the stored tasks due that day, and for a day not scanned yet what the scan
would make; it never writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.cli import main
from frontdesk.core.context import Actor, Role
from frontdesk.models import Staff
from frontdesk.models.care import CareTask, ClientBook
from frontdesk.services.registry import Services
from frontdesk.services.staff.auth import hash_password
from tests.care_history import days_before, new_client, visited
from tests.conftest import FakeClock

PASSWORD = "care-password-7"


def run(services: Services, *args: str) -> int:
    return main(["--database", services.db.url, "due", *args, "--as", "care1"])


def count_tasks(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(CareTask)) or 0


@pytest.fixture
def care1(services: Services, admin: Actor, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    with services.db.write() as s:
        staff = Staff(branch_id=admin.branch_id, username="care1", display_name="林小雨",
                      role=Role.CLIENT_MANAGER, password_hash=hash_password(PASSWORD))
        s.add(staff)
        s.flush()
        return staff.id


def test_due_prints_stored_tasks_and_what_a_scan_would_make(
        services: Services, admin: Actor, care1: int, clock: FakeClock,
        capsys: pytest.CaptureFixture[str]) -> None:
    today = clock().astimezone().date()
    mine, other = (new_client(services, admin, n, p) for n, p in
                   (("王芳", "13900000001"), ("李娜", "13900000002")))
    visited(services.db, admin.branch_id, mine, days_before(today, 80))
    visited(services.db, admin.branch_id, other, days_before(today, 58))  # lapses in 2 days
    other_manager = services.staff.add_staff(admin, "care2", "何静", Role.CLIENT_MANAGER,
                                             None).id
    with services.db.write() as s:
        s.add(ClientBook(client_id=mine, branch_id=admin.branch_id, staff_id=care1,
                         assigned_at=clock()))
        s.add(ClientBook(client_id=other, branch_id=admin.branch_id, staff_id=other_manager,
                         assigned_at=clock()))
    services.care_scan.scan(admin.branch_id)

    assert run(services, "--on", today.isoformat()) == 0  # the terminal's clock is the PC's
    assert capsys.readouterr().out.splitlines() == [f"churn\t王芳\t{today}\tlapsed"]
    later = today + dt.timedelta(days=2)
    assert run(services, "--on", later.isoformat()) == 0
    assert capsys.readouterr().out == ""  # 李娜 is care2's
    with services.db.write() as s:
        s.query(ClientBook).filter(ClientBook.client_id == other).delete()  # to the pool
    assert run(services, "--on", later.isoformat()) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"churn\t李娜\t{later}\tlapsed (not yet scanned)"]
    assert count_tasks(services) == 1  # nothing written


def test_a_day_that_is_not_a_date_is_refused(
        services: Services, admin: Actor, care1: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(services, "--on", "2026-13-01") == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
