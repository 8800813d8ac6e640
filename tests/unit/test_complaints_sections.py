"""What the rest of the program shows of a client's complaints: the profile's section (newest
first, with a short subject) and the desk search's flag while a case is open."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from frontdesk.core.context import Actor
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStage,
    Remedy,
)
from frontdesk.services.complaints.views import Resolution
from frontdesk.services.registry import Services
from tests.complaints import Staffing, client, staffing, take
from tests.unit.test_query_plans import plan, statements, the_one

CLOSED_CASES = 2000


@pytest.fixture
def team(services: Services, admin: Actor) -> Staffing:
    return staffing(services, admin)


def close_case(services: Services, handler: Actor, complaint_id: int, version: int) -> None:
    c = services.complaints
    case = c.acknowledge(handler, complaint_id, version)
    case = c.investigate(handler, complaint_id, case.row.version, "查明")
    case = c.resolve(handler, complaint_id, case.row.version,
                     Resolution((Remedy.APOLOGY,), "", ""), key=f"r{complaint_id}")
    c.close(handler, complaint_id, case.row.version, satisfied=True)


def test_the_profile_lists_the_clients_complaints_newest_first(
        services: Services, admin: Actor, team: Staffing) -> None:
    wang = client(services, admin)
    long = "等了四十分钟才开始做，前台也没有解释原因，技师还一直看手机"
    first = take(services, team.desk, wang, words=long)
    second = take(services, team.desk, wang, words="价格不对")
    take(services, team.desk, client(services, admin, "李娜"))
    close_case(services, team.handler, first.complaint_id, first.version)
    shown = services.profile.profile(admin, wang).complaints
    assert [c.complaint_id for c in shown] == [second.complaint_id, first.complaint_id]
    assert [c.state for c in shown] == ["intake", "closed"]
    assert shown[0].subject == "attitude: 价格不对"
    assert shown[1].subject == f"attitude: {long[:24]}…"
    assert shown[1].opened_at == first.received_at


def test_the_search_flags_a_client_with_an_open_complaint(services: Services, admin: Actor,
                                                          team: Staffing) -> None:
    wang, li = client(services, admin, "王芳"), client(services, admin, "王丽")
    row = take(services, team.desk, wang)
    flags = {h.client_id: h.open_complaint for h in services.search.search(admin, "王")}
    assert flags == {wang: True, li: False}
    close_case(services, team.handler, row.complaint_id, row.version)
    assert not any(h.open_complaint for h in services.search.search(admin, "王"))


def history(services: Services, admin: Actor, client_ids: list[int]) -> None:
    """Years of closed complaints of these clients (written directly: their content does not
    matter), and up-to-date statistics, as a store that has run for a while has."""
    first = dt.datetime(2024, 1, 1, 2, tzinfo=dt.UTC)
    with services.db.write() as s:
        s.add_all(Complaint(branch_id=admin.branch_id, ref_no=f"OLD{i:06d}",
                            client_id=client_ids[i % len(client_ids)],
                            channel=ComplaintChannel.PHONE,
                            category=ComplaintCategory.PRICE_BILLING,
                            severity=ComplaintSeverity.LOW, stage=ComplaintStage.CLOSED,
                            received_at=first + dt.timedelta(hours=i))
                  for i in range(CLOSED_CASES))
    with services.db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def test_the_flag_and_the_escalation_read_their_indexes(services: Services, admin: Actor,
                                                        team: Staffing) -> None:
    ids = [client(services, admin, f"张{i}") for i in range(20)]
    for client_id in ids[:5]:
        take(services, team.desk, client_id)
    history(services, admin, ids)
    with statements(services.db) as seen:
        services.search.search(admin, "张")
        services.complaints.escalate_overdue(admin.branch_id)
    flag = plan(services.db, the_one(seen, "FROM complaint WHERE client_id IN"))
    # the hits' cases, or the open cases (PostgreSQL may read the whole small index on
    # (branch, stage, due) for the stage): a handful of rows, never the years of closed ones
    assert "ix_complaint_client_id_id" in flag or "ix_complaint_open_due" in flag
    late = plan(services.db, the_one(seen, "FROM complaint", "escalated_at IS NULL"))
    assert "ix_complaint_open_due" in late
