"""Deadlines by severity (the defaults, a store's own), each stage's ``due_at``, and the
escalation of a missed one to the manager's due list, once, with a fake clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.models.care import CareKind, CareStatus
from frontdesk.models.complaint import ComplaintSeverity, Remedy, StepKind
from frontdesk.services.audit import AuditAction
from frontdesk.services.complaints.views import (
    DEFAULT_DEADLINES,
    ComplaintFilter,
    Deadlines,
    Resolution,
)
from frontdesk.services.registry import Services
from tests.complaints import Staffing, client, staffing, take, tasks_of
from tests.conftest import NOW, FakeClock

SEV = ComplaintSeverity


@pytest.fixture
def team(services: Services, admin: Actor) -> Staffing:
    return staffing(services, admin)


def test_the_defaults_and_a_stores_own(services: Services, admin: Actor,
                                       team: Staffing) -> None:
    c = services.complaints
    assert c.deadlines(team.manager) == tuple(DEFAULT_DEADLINES[s] for s in SEV)
    saved = c.save_deadlines(team.manager, [Deadlines(SEV.HIGH, 2, 12, 24)])
    assert saved[2] == Deadlines(SEV.HIGH, 2, 12, 24) and saved[0] == DEFAULT_DEADLINES[SEV.LOW]
    row = take(services, team.desk, client(services, admin), severity=SEV.HIGH)
    assert row.due_at == NOW + dt.timedelta(hours=2)
    with services.db.read() as s:
        assert s.scalar(select(AuditEntry.detail).where(
            AuditEntry.action == AuditAction.COMPLAINT_DEADLINES_SAVE)) == "high=2/12/24"


@pytest.mark.parametrize("rows", [
    [Deadlines(SEV.LOW, 0, 10, 10)],
    [Deadlines(SEV.LOW, 10, 5, 10)],
    [Deadlines(SEV.LOW, 10, 20, 24 * 91)],
    [Deadlines(SEV.LOW, 1, 2, 3), Deadlines(SEV.LOW, 1, 2, 3)],
    [Deadlines(SEV.LOW, 1.5, 2, 3)],  # type: ignore[arg-type]
    [Deadlines("urgent", 1, 2, 3)],  # type: ignore[arg-type]
])
def test_wrong_deadlines_are_refused(services: Services, admin: Actor, team: Staffing,
                                     rows: list[Deadlines]) -> None:
    with pytest.raises(ValidationError):
        services.complaints.save_deadlines(team.manager, rows)
    assert services.complaints.deadlines(team.manager) == tuple(DEFAULT_DEADLINES.values())
    with pytest.raises(PermissionDenied):
        services.complaints.save_deadlines(team.handler, [DEFAULT_DEADLINES[SEV.LOW]])


def test_each_stage_is_due_by_its_deadline(services: Services, admin: Actor, clock: FakeClock,
                                           team: Staffing) -> None:
    c, h = services.complaints, team.handler
    row = take(services, team.desk, client(services, admin))  # medium: 24 / 72 / 48 hours
    assert row.due_at == NOW + dt.timedelta(hours=24)
    clock.advance(hours=3)
    case = c.acknowledge(h, row.complaint_id, row.version)
    assert case.row.due_at == NOW + dt.timedelta(hours=72)
    case = c.investigate(h, row.complaint_id, case.row.version, "查明")
    assert case.row.due_at == NOW + dt.timedelta(hours=72)
    clock.advance(hours=10)
    case = c.resolve(h, row.complaint_id, case.row.version,
                     Resolution((Remedy.APOLOGY,), "", ""), key="r")
    assert case.row.due_at == clock.now + dt.timedelta(hours=48)
    case = c.close(h, row.complaint_id, case.row.version, satisfied=False, note="仍不满意")
    assert case.row.due_at is None and case.satisfied is False
    clock.advance(hours=100)
    case = c.reopen(h, row.complaint_id, case.row.version, "再次调查")
    assert case.row.due_at == clock.now + dt.timedelta(hours=72)


def test_a_missed_deadline_is_escalated_once_to_the_managers_due_list(
        services: Services, admin: Actor, clock: FakeClock, team: Staffing) -> None:
    c = services.complaints
    row = take(services, team.desk, client(services, admin))
    clock.advance(hours=23)
    assert c.escalate_overdue(admin.branch_id) == 0
    clock.advance(hours=2)
    assert c.escalate_overdue(admin.branch_id) == 1
    assert c.escalate_overdue(admin.branch_id) == 0
    [listed] = c.list(team.handler, ComplaintFilter(overdue_only=True))
    assert listed.overdue and listed.escalated
    case = c.case(team.handler, row.complaint_id)
    assert case.steps[-1].kind is StepKind.ESCALATED and case.steps[-1].staff_name == ""
    stage_task, late = tasks_of(services.db, row.complaint_id)
    assert late.occasion == f"complaint-late:{row.complaint_id}:intake:0"
    assert late.assigned_to_id == team.manager.staff_id and late.priority == 1
    assert late.reason == "complaint_late" and late.due_on == dt.date(2026, 11, 24)
    day = services.care.due_list(team.manager, dt.date(2026, 11, 24), kinds=frozenset(
        {CareKind.COMPLAINT_DEADLINE}), staff_id=team.manager.staff_id)
    [shown] = day.tasks
    assert shown.task_id == late.id and shown.client_name == "王芳"
    assert shown.detail["ref"] == row.ref_no and shown.detail["stage"] == "intake"
    case = c.acknowledge(team.handler, row.complaint_id, case.row.version)
    assert not case.row.escalated
    statuses = [t.status for t in tasks_of(services.db, row.complaint_id)]
    assert statuses == [CareStatus.DONE, CareStatus.DONE, CareStatus.OPEN]
    clock.advance(hours=72)
    assert c.escalate_overdue(admin.branch_id) == 1  # the next stage's deadline, once again
    assert tasks_of(services.db, row.complaint_id)[-1].occasion == \
        f"complaint-late:{row.complaint_id}:investigation:0"


def test_closed_cases_are_never_escalated(services: Services, admin: Actor, clock: FakeClock,
                                          team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin), severity=SEV.HIGH)
    c, h = services.complaints, team.handler
    case = c.acknowledge(h, row.complaint_id, row.version)
    case = c.investigate(h, row.complaint_id, case.row.version, "查明")
    case = c.resolve(h, row.complaint_id, case.row.version,
                     Resolution((Remedy.EXPLANATION,), "", ""), key="r")
    c.close(h, row.complaint_id, case.row.version, satisfied=True)
    clock.advance(days=30)
    assert c.escalate_overdue(admin.branch_id) == 0


def test_the_care_set_up_switches_the_deadline_tasks(services: Services, admin: Actor,
                                                     clock: FakeClock, team: Staffing) -> None:
    rule = next(r for r in services.care_setup.rules(admin)
                if r.kind is CareKind.COMPLAINT_DEADLINE)
    services.care_setup.save_rule(admin, replace(rule, priority=4))
    row = take(services, team.desk, client(services, admin))
    assert [t.priority for t in tasks_of(services.db, row.complaint_id)] == [4]
    services.care_setup.save_rule(admin, replace(rule, enabled=False))
    quiet = take(services, team.desk, client(services, admin, "李娜"))
    clock.advance(days=2)
    assert services.complaints.escalate_overdue(admin.branch_id) == 2  # the steps, still
    assert tasks_of(services.db, quiet.complaint_id) == []
