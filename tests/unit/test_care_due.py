"""The due list: the day's order, who sees what, consent read live, phones, the counts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from frontdesk.core.context import Actor, Role
from frontdesk.errors import PermissionDenied
from frontdesk.models import AuditEntry, Client
from frontdesk.models.audit import AuditAction
from frontdesk.models.care import (
    CallOutcome,
    CareChannel,
    CareKind,
    CareStatus,
    CareTask,
    ClientBook,
)
from frontdesk.models.client import Gender
from frontdesk.services.care.settings import CareStage
from frontdesk.services.clients.profile import BasicsChanges
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.care_tasks import TODAY, client, manager_of_clients, stats, task


def _ids(services: Services, actor: Actor, **kw: object) -> list[int]:
    return [t.task_id for t in services.care.due_list(actor, TODAY, **kw).tasks]  # type: ignore[arg-type]


def test_the_list_keeps_the_days_order_and_counts_every_task(services: Services,
                                                             admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    c = client(services, admin)
    card = task(db, b, c, CareKind.CARD_EXPIRING, priority=1)
    churn_late = task(db, b, c, CareKind.CHURN, priority=2)
    churn_early = task(db, b, c, CareKind.CHURN, priority=2, due_on=TODAY - dt.timedelta(days=2))
    birthday = task(db, b, c, CareKind.BIRTHDAY, priority=9)
    follow = task(db, b, c, CareKind.FOLLOW_UP, priority=3)
    task(db, b, c, CareKind.BIRTHDAY, due_on=TODAY + dt.timedelta(days=1))  # not due yet

    assert _ids(services, admin) == [birthday, churn_early, churn_late, follow, card]
    page = services.care.due_list(admin, TODAY, limit=2)
    assert [t.task_id for t in page.tasks] == [birthday, churn_early]
    assert page.more == 3 and page.total == 5
    assert page.by_kind == {CareKind.BIRTHDAY: 1, CareKind.CHURN: 2, CareKind.FOLLOW_UP: 1,
                            CareKind.CARD_EXPIRING: 1}
    assert page.by_stage == {CareStage.GREETINGS: 1, CareStage.WARNINGS: 2,
                             CareStage.STAR_CLIENTS: 1, CareStage.SECOND_SALES: 1}
    counts = services.care.counts(admin, TODAY)
    assert (counts.open, counts.overdue) == (5, 1)
    only = services.care.due_list(admin, TODAY, kinds=frozenset({CareKind.CHURN}))
    assert [t.task_id for t in only.tasks] == [churn_early, churn_late] and only.total == 2


def test_marketing_tasks_leave_the_list_the_moment_the_client_opts_out(
        services: Services, admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    c = client(services, admin, consent=True)
    greeting = task(db, b, c, CareKind.BIRTHDAY)
    follow = task(db, b, c, CareKind.FOLLOW_UP)
    assert set(_ids(services, admin)) == {greeting, follow}
    with db.write() as s:  # another terminal's edit, read live by the list
        s.execute(update(Client).where(Client.id == c).values(consent_marketing=False))
    assert _ids(services, admin) == [follow]  # a service call stays
    with db.write() as s:
        s.execute(update(Client).where(Client.id == c).values(consent_marketing=True))
    version = services.profile.profile(admin, c).basics.version
    services.profile.update_basics(admin, c, version, BasicsChanges(consent_marketing=False))
    assert _ids(services, admin) == [follow]
    assert services.care.counts(admin, TODAY).open == 1  # the opt-out closed the greeting
    with db.read() as s:
        closed = s.get_one(CareTask, greeting)
        assert (closed.status, closed.note) == (CareStatus.SKIPPED, "opted out")


def test_a_client_manager_sees_their_own_tasks_and_the_pools(services: Services,
                                                             admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    li = manager_of_clients(services, admin, "li")
    zhou = manager_of_clients(services, admin, "zhou")
    c = client(services, admin)
    mine = task(db, b, c, assigned_to=li.staff_id)
    theirs = task(db, b, c, assigned_to=zhou.staff_id)
    pool = task(db, b, c)
    assert set(_ids(services, li)) == {mine, pool}
    assert _ids(services, li, pool=True) == [pool]
    assert services.care.counts(li, TODAY).open == 2
    with pytest.raises(PermissionDenied):
        services.care.due_list(li, TODAY, staff_id=zhou.staff_id)
    assert set(_ids(services, admin)) == {mine, theirs, pool}
    assert _ids(services, admin, staff_id=zhou.staff_id) == [theirs]
    assert _ids(services, admin, pool=True) == [pool]
    days = {d.staff_id: d.open for d in services.care.staff_day(admin, TODAY)}
    assert days == {li.staff_id: 1, zhou.staff_id: 1, None: 1}


def test_a_complaint_handler_works_their_own_deadlines_and_not_the_pool(
        services: Services, admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    handler = staff_in_role(db, b, Role.COMPLAINT_HANDLER, "zhoumin")
    c = client(services, admin)
    mine = task(db, b, c, CareKind.COMPLAINT_DEADLINE, assigned_to=handler.staff_id)
    pool = task(db, b, c)
    assert _ids(services, handler) == [mine]
    assert services.care.counts(handler, TODAY).open == 1
    with pytest.raises(PermissionDenied):
        services.care.due_list(handler, TODAY, pool=True)
    with pytest.raises(PermissionDenied, match="pool"):
        services.care.log_call(handler, pool, 1, CallOutcome.REACHED, key="handler-pool")
    with db.read() as s:
        assert s.get(CareTask, pool).status is CareStatus.OPEN


def test_phones_are_full_for_managers_and_for_the_clients_in_ones_own_book(
        services: Services, admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    li = manager_of_clients(services, admin, "li")
    desk = staff_in_role(db, b, Role.RECEPTIONIST, "desk")
    in_book, other = client(services, admin, "王芳"), client(services, admin, "李娜")
    services.care_books.assign(admin, [in_book], li.staff_id)
    task(db, b, in_book, assigned_to=li.staff_id)
    task(db, b, other)

    def phones(actor: Actor) -> dict[int | None, bool]:
        return {t.client_id: "*" not in t.phone
                for t in services.care.due_list(actor, TODAY).tasks}

    assert phones(admin) == {in_book: True, other: True}
    assert phones(li) == {in_book: True, other: False}
    assert phones(desk) == {other: False}
    with db.read() as s:
        seen = s.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == AuditAction.CARE_PHONES_VIEW,
            AuditEntry.staff_id == li.staff_id)).all()
    assert seen == [f"due_list day={TODAY.isoformat()} clients={in_book}"]
    with db.read() as s:
        assert s.scalar(select(ClientBook.staff_id).where(ClientBook.client_id == in_book)) \
            == li.staff_id


def test_each_task_shows_its_client_and_a_signed_suggested_message(services: Services,
                                                                  admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    li = manager_of_clients(services, admin, "li")
    c = client(services, admin, "欧阳娜娜", gender=Gender.FEMALE)
    stats(db, b, c, 7, TODAY - dt.timedelta(days=90))
    birthday = task(db, b, c, CareKind.BIRTHDAY, assigned_to=li.staff_id)
    mid_autumn = task(db, b, c, CareKind.FESTIVAL, occasion=f"festival:mid_autumn:2026:{c}")
    card = task(db, b, c, CareKind.CARD_BALANCE_LOW)
    shown = {t.task_id: t for t in services.care.due_list(admin, TODAY).tasks}
    first = shown[birthday]
    assert (first.client_name, first.visits, first.last_visit_on, first.assigned_to_name) == \
        ("欧阳娜娜", 7, TODAY - dt.timedelta(days=90), "Li")
    assert first.suggested_message.startswith("欧阳女士，")
    assert first.suggested_message.endswith("【水沐莲清美容会所 Li】")
    assert "中秋" in shown[mid_autumn].suggested_message
    assert shown[mid_autumn].suggested_message.endswith("【水沐莲清美容会所 管理员】")  # the pool's
    assert shown[card].suggested_message == ""


def test_a_batch_message_shows_how_many_consenting_clients_it_goes_to(
        services: Services, admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    for i in range(3):
        client(services, admin, f"客户{i}", consent=True)
    client(services, admin, "不要短信", consent=False)
    batch = task(db, b, None, CareKind.FESTIVAL, channel=CareChannel.MESSAGE)
    [shown] = services.care.due_list(admin, TODAY).tasks
    assert (shown.task_id, shown.is_batch, shown.recipients) == (batch, True, 3)
    assert shown.suggested_message.startswith("亲爱的顾客")


def test_a_batch_message_leaves_out_the_tiers_that_got_tasks_of_their_own(
        services: Services, admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    gold, ordinary, _none = (client(services, admin, n) for n in ("金", "普", "无"))
    with db.write() as s:
        s.execute(update(Client).where(Client.id == gold).values(tier="金卡"))
        s.execute(update(Client).where(Client.id == ordinary).values(tier="普通"))
    task(db, b, None, CareKind.FESTIVAL, channel=CareChannel.MESSAGE,
         detail={"festival": "mid_autumn", "exclude_tiers": "金卡,钻石卡"})
    task(db, b, None, CareKind.FESTIVAL, channel=CareChannel.MESSAGE,
         detail={"festival": "qixi", "exclude_tiers": ""})
    shown = services.care.due_list(admin, TODAY).tasks
    assert sorted(t.recipients for t in shown) == [2, 3]


def test_the_profile_shows_the_clients_due_and_recent_care(services: Services,
                                                           admin: Actor) -> None:
    from frontdesk.models.care import CallOutcome

    db, b = services.db, admin.branch_id
    c = client(services, admin, consent=False)
    due = task(db, b, c, CareKind.FOLLOW_UP, due_on=TODAY + dt.timedelta(days=3))
    task(db, b, c, CareKind.BIRTHDAY)  # marketing, and the client does not consent
    done = task(db, b, c, CareKind.FOLLOW_UP)
    services.care.log_call(admin, done, 1, CallOutcome.REACHED, "很满意", key="k")
    care = services.profile.profile(admin, c).care
    assert [(x.task_id, x.kind, x.done_at is None, x.outcome) for x in care] == [
        (due, "follow_up", True, ""), (done, "follow_up", False, "reached")]


def test_the_search_flags_clients_with_a_follow_up_or_churn_call_due(services: Services,
                                                                    admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    due = client(services, admin, "赵敏")
    later = client(services, admin, "赵雅")
    opted_out = client(services, admin, "赵琳", consent=False)
    task(db, b, due, CareKind.FOLLOW_UP, due_on=TODAY - dt.timedelta(days=1))
    task(db, b, later, CareKind.FOLLOW_UP, due_on=TODAY + dt.timedelta(days=1))
    task(db, b, later, CareKind.BIRTHDAY)
    task(db, b, opted_out, CareKind.CHURN)
    flags = {h.client_id: h.follow_up_due for h in services.search.search(admin, "赵")}
    assert flags == {due: True, later: False, opted_out: False}


def test_an_english_store_suggests_its_own_saved_message_in_english(services: Services,
                                                                   admin: Actor) -> None:
    from frontdesk.models import Branch
    from frontdesk.models.care import TemplatePurpose
    from frontdesk.services.care.messages import TemplateInput

    db, b = services.db, admin.branch_id
    with db.write() as s:
        s.execute(update(Branch).values(name="Lotus Spring"))
    c = client(services, admin, "王芳", gender=Gender.FEMALE)
    t = task(db, b, c, CareKind.CHURN)
    [shown] = services.care.due_list(admin, TODAY).tasks
    assert shown.suggested_message.startswith("Ms Wang, ")
    assert shown.suggested_message.endswith("— 管理员, Lotus Spring")
    while rows := services.messages.templates(admin, TemplatePurpose.MISS_YOU):
        services.messages.delete(admin, rows[0].template_id, rows[0].version)
    services.messages.save(admin, TemplateInput(TemplatePurpose.MISS_YOU, "Ours",
                                                "{salutation}, we miss you at {store}!"))
    [shown] = services.care.due_list(admin, TODAY).tasks
    assert (shown.task_id, shown.suggested_message) == (
        t, "Ms Wang, we miss you at Lotus Spring! — 管理员, Lotus Spring")
