"""Complaint cases from intake to closing: the allowed moves only, each a step with who and
when, the stage's care task opened and closed with the move, a stale screen refused."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.errors import ConflictError, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.models.care import CareStatus
from frontdesk.models.complaint import (
    ALLOWED_MOVES,
    ComplaintSource,
    ComplaintStage,
    Remedy,
    StepKind,
)
from frontdesk.services.audit import AuditAction
from frontdesk.services.complaints.intake import open_case
from frontdesk.services.complaints.views import ComplaintCase, ComplaintFilter, Resolution
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.complaints import Staffing, client, draft, snapshot, staffing, take, tasks_of
from tests.conftest import NOW

S = ComplaintStage


def to_stage(services: Services, handler: Actor, complaint_id: int,
             stage: ComplaintStage) -> ComplaintCase:
    """The case moved along the usual path until it is at ``stage``."""
    c = services.complaints
    case = c.case(handler, complaint_id)
    path = [S.INVESTIGATION, S.RESOLUTION, S.FEEDBACK, S.CLOSED]
    for step in path[:path.index(stage) + 1] if stage is not S.INTAKE else []:
        v = case.row.version
        if step is S.INVESTIGATION:
            case = c.acknowledge(handler, complaint_id, v, "已联系客户")
        elif step is S.RESOLUTION:
            case = c.investigate(handler, complaint_id, v, "美容师承认推销过度")
        elif step is S.FEEDBACK:
            case = c.resolve(handler, complaint_id, v, Resolution(
                (Remedy.APOLOGY,), "店长当面道歉", "培训：服务中不推销"), key=f"r{complaint_id}")
        else:
            case = c.close(handler, complaint_id, v, satisfied=True, note="客户接受")
    return case


@pytest.fixture
def team(services: Services, admin: Actor) -> Staffing:
    return staffing(services, admin)


def test_a_complaint_is_taken_at_intake_with_a_number_an_owner_and_a_due_task(
        services: Services, admin: Actor, team: Staffing) -> None:
    client_id = client(services, admin)
    row = take(services, team.desk, client_id)
    assert row.ref_no == "TS2611230001"
    assert take(services, team.desk, client_id).ref_no == "TS2611230002"
    assert row.stage is S.INTAKE and row.owner_id == team.handler.staff_id
    assert row.owner_name == "Handler1" and row.client_name == "王芳"
    assert row.due_at == NOW + dt.timedelta(hours=24) and not row.overdue
    assert "****" in row.phone
    [task] = tasks_of(services.db, row.complaint_id)
    assert task.occasion == f"complaint:{row.complaint_id}:intake:0"
    assert task.assigned_to_id == team.handler.staff_id and task.client_id == client_id
    assert task.due_on == dt.date(2026, 11, 23) and not task.marketing  # worked at once
    assert task.reason == "complaint_due"
    case = services.complaints.case(team.handler, row.complaint_id)
    assert [s.kind for s in case.steps] == [StepKind.TAKEN]
    assert case.steps[0].staff_name == "Desk1"
    assert case.allowed_moves == (S.INVESTIGATION,)


def test_the_whole_path_steps_and_tasks(services: Services, admin: Actor,
                                        team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    case = to_stage(services, team.handler, row.complaint_id, S.CLOSED)
    assert case.row.stage is S.CLOSED and case.row.due_at is None
    assert case.satisfied is True and case.feedback_note == "客户接受"
    assert case.findings == "美容师承认推销过度" and case.remedies == (Remedy.APOLOGY,)
    assert case.corrective_action == "培训：服务中不推销"
    assert [(s.from_stage, s.to_stage) for s in case.steps if s.kind is StepKind.MOVED] == [
        (S.INTAKE, S.INVESTIGATION), (S.INVESTIGATION, S.RESOLUTION),
        (S.RESOLUTION, S.FEEDBACK), (S.FEEDBACK, S.CLOSED)]
    assert all(s.staff_name == "Handler1" for s in case.steps[1:])
    tasks = tasks_of(services.db, row.complaint_id)
    assert [t.occasion.split(":")[2] for t in tasks] == [
        "intake", "investigation", "resolution", "feedback"]
    assert all(t.status is CareStatus.DONE for t in tasks)
    assert case.allowed_moves == (S.INVESTIGATION,)


@pytest.mark.parametrize("at", list(S))
def test_every_move_not_allowed_is_refused_and_changes_nothing(
        services: Services, admin: Actor, team: Staffing, at: ComplaintStage) -> None:
    row = take(services, team.desk, client(services, admin))
    case = to_stage(services, team.handler, row.complaint_id, at)
    before = snapshot(services.db, row.complaint_id)
    for target in set(S) - ALLOWED_MOVES[at]:
        with pytest.raises(ValidationError) as refused:
            services.complaints.move(team.handler, row.complaint_id, case.row.version, target)
        assert refused.value.field == "stage"
        assert snapshot(services.db, row.complaint_id) == before


def test_intake_to_closed_says_what_is_allowed(services: Services, admin: Actor,
                                               team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    with pytest.raises(ValidationError,
                       match="A complaint at intake can only move to investigation."):
        services.complaints.move(team.handler, row.complaint_id, row.version, S.CLOSED)
    with pytest.raises(ValidationError):
        services.complaints.close(team.handler, row.complaint_id, row.version, satisfied=True)
    with pytest.raises(ValidationError):
        services.complaints.reopen(team.handler, row.complaint_id, row.version, "再看看")


def test_the_generic_move_takes_the_allowed_ones(services: Services, admin: Actor,
                                                 team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    c = services.complaints
    case = c.move(team.handler, row.complaint_id, row.version, S.INVESTIGATION, "收到")
    case = c.move(team.handler, row.complaint_id, case.row.version, S.RESOLUTION, "查明原因")
    assert case.row.stage is S.RESOLUTION and case.findings == "查明原因"
    with pytest.raises(ValidationError, match="Record the resolution"):
        c.move(team.handler, row.complaint_id, case.row.version, S.FEEDBACK)


@pytest.mark.parametrize("start", [S.FEEDBACK, S.CLOSED])
def test_a_reopen_counts_and_starts_a_new_round(services: Services, admin: Actor,
                                                team: Staffing, start: ComplaintStage) -> None:
    row = take(services, team.desk, client(services, admin))
    case = to_stage(services, team.handler, row.complaint_id, start)
    with pytest.raises(ValidationError):
        services.complaints.reopen(team.handler, row.complaint_id, case.row.version, "  ")
    case = services.complaints.reopen(team.handler, row.complaint_id, case.row.version,
                                      "客户回电仍不满意")
    assert case.row.stage is S.INVESTIGATION and case.reopen_count == 1
    assert case.steps[-1].kind is StepKind.REOPENED and case.steps[-1].from_stage is start
    assert case.satisfied is None
    open_tasks = [t for t in tasks_of(services.db, row.complaint_id)
                  if t.status is CareStatus.OPEN]
    assert [t.occasion for t in open_tasks] == [f"complaint:{row.complaint_id}:investigation:1"]


def test_a_stale_version_is_refused_clearly(services: Services, admin: Actor,
                                            team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    services.complaints.acknowledge(team.handler, row.complaint_id, row.version)
    before = snapshot(services.db, row.complaint_id)
    with pytest.raises(ConflictError, match="Handler1 changed this complaint meanwhile"):
        services.complaints.investigate(team.manager, row.complaint_id, row.version, "查明")
    assert snapshot(services.db, row.complaint_id) == before


def test_who_may_do_what(services: Services, admin: Actor, team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    with pytest.raises(PermissionDenied):
        services.complaints.acknowledge(team.desk, row.complaint_id, row.version)
    with pytest.raises(PermissionDenied):
        services.complaints.deadlines(team.handler)
    other = services.complaints.assign(team.manager, row.complaint_id, row.version,
                                       team.manager.staff_id)
    with pytest.raises(PermissionDenied):
        services.complaints.assign(team.handler, row.complaint_id, other.row.version,
                                   team.handler.staff_id)
    with pytest.raises(ValidationError, match="does not handle complaints"):
        services.complaints.assign(team.manager, row.complaint_id, other.row.version,
                                   team.desk.staff_id)


def test_assigning_moves_the_stage_task_and_is_a_step(services: Services, admin: Actor,
                                                      team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    case = services.complaints.assign(team.manager, row.complaint_id, row.version,
                                      team.manager.staff_id)
    assert case.row.owner_id == team.manager.staff_id
    assert case.steps[-1].kind is StepKind.ASSIGNED
    [task] = tasks_of(services.db, row.complaint_id)
    assert task.assigned_to_id == team.manager.staff_id
    case = services.complaints.add_note(team.manager, row.complaint_id, case.row.version,
                                        "客户下午三点方便接电话")
    assert case.steps[-1].kind is StepKind.NOTE and case.steps[-1].note.startswith("客户下午")


def test_the_full_phone_on_a_case_for_a_handler_only_and_audited(
        services: Services, admin: Actor, team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    assert "****" not in services.complaints.case(team.handler, row.complaint_id).row.phone
    assert "****" in services.complaints.case(team.desk, row.complaint_id).row.phone
    with services.db.read() as s:
        views = s.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == AuditAction.COMPLAINT_VIEW)).all()
    assert [v.endswith("full_phone=yes") for v in views] == [True, False]


def test_a_double_click_takes_one_complaint(services: Services, admin: Actor,
                                            team: Staffing) -> None:
    client_id = client(services, admin)
    first = services.complaints.take(team.desk, draft(client_id), key="k1")
    again = services.complaints.take(team.desk, draft(client_id), key="k1")
    assert again.complaint_id == first.complaint_id
    assert len(services.complaints.list(team.handler, ComplaintFilter())) == 1


def test_a_complainant_who_is_no_client(services: Services, admin: Actor,
                                        team: Staffing) -> None:
    with pytest.raises(ValidationError):
        take(services, team.desk, None)
    row = take(services, team.desk, None, complainant="大众点评用户 lily")
    assert row.client_id is None and row.client_name == "大众点评用户 lily" and row.phone == ""
    [task] = tasks_of(services.db, row.complaint_id)
    assert task.client_id is None
    [due] = services.care.due_list(team.manager, dt.date(2026, 11, 24)).tasks
    assert due.task_id == task.id and not due.is_batch and due.recipients == 0


def test_the_list_filters(services: Services, admin: Actor, team: Staffing) -> None:
    wang, li = client(services, admin, "王芳"), client(services, admin, "李娜")
    first = take(services, team.desk, wang)
    take(services, team.desk, li)
    to_stage(services, team.handler, first.complaint_id, S.CLOSED)
    c = services.complaints
    assert [r.client_name for r in c.list(team.handler, ComplaintFilter())] == ["李娜"]
    assert len(c.list(team.handler, ComplaintFilter(open_only=False))) == 2
    assert [r.ref_no for r in c.list(team.handler, ComplaintFilter(
        open_only=False, text="王"))] == [first.ref_no]
    assert [r.ref_no for r in c.list(team.handler, ComplaintFilter(
        open_only=False, text=first.ref_no))] == [first.ref_no]
    assert len(c.list(team.handler, ComplaintFilter(mine=True))) == 1
    assert c.list(team.manager, ComplaintFilter(mine=True)) == []
    assert len(c.list(team.desk, ComplaintFilter(open_only=False))) == 2  # those she took
    assert len(c.list(team.desk, ComplaintFilter(open_only=False, client_id=wang))) == 1


def test_the_owner_is_the_handler_else_the_manager_else_nobody(services: Services,
                                                                admin: Actor) -> None:
    desk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST, "desk1")
    assert take(services, desk, client(services, admin)).owner_id is None
    manager = staff_in_role(services.db, admin.branch_id, Role.MANAGER, "manager1")
    assert take(services, desk, client(services, admin, "李娜")).owner_id == manager.staff_id
    handler = staff_in_role(services.db, admin.branch_id, Role.COMPLAINT_HANDLER, "h1")
    assert take(services, desk, client(services, admin, "赵敏")).owner_id == handler.staff_id
    chosen = take(services, desk, client(services, admin, "钱红"), owner_id=manager.staff_id)
    assert chosen.owner_id == manager.staff_id


def test_another_capability_opens_a_case_in_its_own_transaction(
        services: Services, admin: Actor, team: Staffing) -> None:
    client_id = client(services, admin)
    with services.db.write() as s:
        case = open_case(s, team.desk, NOW, draft(client_id), source=ComplaintSource.SURVEY)
        complaint_id, ref_no = case.id, case.ref_no
    row = services.complaints.case(team.handler, complaint_id)
    assert row.source is ComplaintSource.SURVEY and row.row.ref_no == ref_no
    assert row.row.stage is S.INTAKE and len(tasks_of(services.db, complaint_id)) == 1
