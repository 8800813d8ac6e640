"""The due list's actions: log a call, mark sent, snooze, skip, reassign; terminals at once."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from frontdesk.models.care import CallOutcome, CareCall, CareChannel, CareKind, CareStatus
from frontdesk.services.registry import Services
from tests.care_tasks import TODAY, client, get_task, manager_of_clients, task
from tests.parallel import at_once


def calls(db: Database, task_id: int | None = None) -> int:
    with db.read() as s:
        q = select(func.count()).select_from(CareCall)
        if task_id is not None:
            q = q.where(CareCall.task_id == task_id)
        return s.scalar(q) or 0


def test_a_logged_call_closes_the_task_and_is_kept_against_the_client(
        services: Services, admin: Actor) -> None:
    c = client(services, admin)
    t = task(services.db, admin.branch_id, c)
    services.care.log_call(admin, t, 1, CallOutcome.BOOKED, "约了周五", key="k1")
    row = get_task(services.db, t)
    assert (row.status, row.outcome, row.note, row.version, row.closed_by_id) == \
        (CareStatus.DONE, CallOutcome.BOOKED, "约了周五", 2, admin.staff_id)
    assert services.care.due_list(admin, TODAY).tasks == ()
    [call] = services.care.calls_of(admin, c)
    assert (call.task_id, call.outcome, call.note, call.staff_name, call.kind) == \
        (t, CallOutcome.BOOKED, "约了周五", "管理员", CareKind.CHURN)


def test_the_same_key_twice_logs_one_call(services: Services, admin: Actor) -> None:
    t = task(services.db, admin.branch_id, client(services, admin))
    services.care.log_call(admin, t, 1, CallOutcome.REACHED, key="double")
    services.care.log_call(admin, t, 1, CallOutcome.REACHED, key="double")  # the double-click
    assert calls(services.db, t) == 1
    with pytest.raises(ConflictError, match="closed this care task already"):
        services.care.log_call(admin, t, 1, CallOutcome.REACHED, key="another")


def test_a_key_that_begins_another_is_no_replay_of_it(services: Services, admin: Actor) -> None:
    t = task(services.db, admin.branch_id, client(services, admin))
    services.care.log_call(admin, t, 1, CallOutcome.NO_ANSWER, key="a b")
    services.care.log_call(admin, t, 2, CallOutcome.NO_ANSWER, key="a")
    assert calls(services.db, t) == 2


def test_no_answer_puts_the_task_off_a_day_and_closes_it_after_three_tries(
        services: Services, admin: Actor, clock: object) -> None:
    t = task(services.db, admin.branch_id, client(services, admin))
    for version in (1, 2):
        services.care.log_call(admin, t, version, CallOutcome.NO_ANSWER, key=f"try{version}")
        row = get_task(services.db, t)
        assert (row.status, row.due_on) == (CareStatus.OPEN, TODAY + dt.timedelta(days=1))
    services.care.log_call(admin, t, 3, CallOutcome.NO_ANSWER, key="try3")
    row = get_task(services.db, t)
    assert (row.status, row.outcome) == (CareStatus.DONE, CallOutcome.NO_ANSWER)
    assert calls(services.db, t) == 3


def test_a_client_manager_works_only_their_own_and_the_pools_tasks(services: Services,
                                                                  admin: Actor) -> None:
    li = manager_of_clients(services, admin, "li")
    zhou = manager_of_clients(services, admin, "zhou")
    c = client(services, admin)
    theirs = task(services.db, admin.branch_id, c, assigned_to=zhou.staff_id)
    pool = task(services.db, admin.branch_id, c)
    with pytest.raises(PermissionDenied, match="Zhou"):
        services.care.log_call(li, theirs, 1, CallOutcome.REACHED, key="a")
    services.care.log_call(li, pool, 1, CallOutcome.REACHED, key="b")
    with pytest.raises(PermissionDenied):
        services.care.reassign(li, theirs, li.staff_id)
    services.care.reassign(admin, theirs, li.staff_id)
    services.care.log_call(li, theirs, 2, CallOutcome.REACHED, key="c")
    assert calls(services.db) == 2


def test_snooze_skip_and_their_refusals(services: Services, admin: Actor) -> None:
    c = client(services, admin)
    a, b = task(services.db, admin.branch_id, c), task(services.db, admin.branch_id, c)
    with pytest.raises(ValidationError):
        services.care.snooze(admin, a, 1, TODAY)
    services.care.snooze(admin, a, 1, TODAY + dt.timedelta(days=7))
    assert [t.task_id for t in services.care.due_list(admin, TODAY).tasks] == [b]
    later = services.care.due_list(admin, TODAY + dt.timedelta(days=7)).tasks
    assert [(t.task_id, t.status) for t in later] == [(b, CareStatus.OPEN),
                                                      (a, CareStatus.SNOOZED)]
    with pytest.raises(ConflictError, match="changed this care task meanwhile"):
        services.care.skip(admin, a, 1, "不需要")
    with pytest.raises(ValidationError) as refused:
        services.care.skip(admin, a, 2, "  ")
    assert refused.value.field == "reason"
    services.care.skip(admin, a, 2, "客户已搬走")
    row = get_task(services.db, a)
    assert (row.status, row.note) == (CareStatus.SKIPPED, "客户已搬走")
    with pytest.raises(NotFound):
        services.care.skip(admin, 2**40, 1, "x")


def test_mark_sent_logs_each_recipient_and_skips_clients_who_opted_out(
        services: Services, admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    yes = [client(services, admin, f"客户{i}") for i in range(3)]
    no = client(services, admin, "退订", consent=False)
    batch = task(db, b, None, CareKind.FESTIVAL, channel=CareChannel.MESSAGE)
    one = task(db, b, yes[0], CareKind.BIRTHDAY, channel=CareChannel.MESSAGE)
    opted_out = task(db, b, no, CareKind.BIRTHDAY, channel=CareChannel.MESSAGE)
    assert services.care.mark_sent(admin, [batch, one, opted_out], key="send") == 2
    assert services.care.mark_sent(admin, [batch, one, opted_out], key="send") == 2  # replayed
    assert calls(db, batch) == 3 and calls(db, one) == 1 and calls(db, opted_out) == 0
    assert get_task(db, opted_out).status is CareStatus.OPEN
    assert services.care.mark_sent(admin, [batch, one], key="again") == 0


def test_two_terminals_closing_one_task_one_wins_and_the_other_is_told(
        services: Services, admin: Actor) -> None:
    li = manager_of_clients(services, admin, "li")
    t = task(services.db, admin.branch_id, client(services, admin))

    def close(db: Database, i: int) -> object:
        terminal = Services(db, services.clock, photos_dir=services.photos_dir)
        actor = (admin, li)[i]
        return terminal.care.log_call(actor, t, 1, CallOutcome.REACHED, f"终端{i}", key=f"t{i}")

    results = at_once(services.db.url, 2, close)
    assert sorted(type(r).__name__ for r in results) == ["ConflictError", "NoneType"], results
    [refused] = [r for r in results if isinstance(r, ConflictError)]
    assert "closed this care task already" in refused.message
    assert calls(services.db, t) == 1


def test_two_terminals_sending_the_same_tasks_send_each_once(services: Services,
                                                            admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    ids = [task(db, b, client(services, admin, f"客户{i}"), CareKind.BIRTHDAY) for i in range(4)]

    def send(db: Database, i: int) -> object:
        terminal = Services(db, services.clock, photos_dir=services.photos_dir)
        return terminal.care.mark_sent(admin, ids, key=f"send{i}")

    results = at_once(services.db.url, 2, send)
    assert sorted(results) == [0, 4], results  # type: ignore[type-var]
    assert calls(db) == 4


def test_two_terminals_snoozing_and_skipping_one_task_one_wins(services: Services,
                                                              admin: Actor) -> None:
    t = task(services.db, admin.branch_id, client(services, admin))

    def act(db: Database, i: int) -> object:
        care = Services(db, services.clock, photos_dir=services.photos_dir).care
        if i == 0:
            return care.snooze(admin, t, 1, TODAY + dt.timedelta(days=3))
        return care.skip(admin, t, 1, "客户已搬走")

    results = at_once(services.db.url, 2, act)
    assert sum(r is None for r in results) == 1, results
    [refused] = [r for r in results if r is not None]
    assert isinstance(refused, ConflictError)
    row = get_task(services.db, t)
    assert row.version == 2 and row.status in (CareStatus.SNOOZED, CareStatus.SKIPPED)


def test_a_client_manager_reads_the_history_of_their_own_book_and_the_pool(
        services: Services, admin: Actor) -> None:
    li = manager_of_clients(services, admin, "li")
    zhou = manager_of_clients(services, admin, "zhou")
    mine, theirs, pool = (client(services, admin, n) for n in ("王芳", "李娜", "赵敏"))
    services.care_books.assign(admin, [mine], li.staff_id)
    services.care_books.assign(admin, [theirs], zhou.staff_id)
    assert services.care.calls_of(li, mine) == () and services.care.calls_of(li, pool) == ()
    with pytest.raises(PermissionDenied):
        services.care.calls_of(li, theirs)
    assert services.care.calls_of(admin, theirs) == ()
