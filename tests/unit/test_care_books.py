"""The client managers' books: assigning clients, moving a whole book, and their tasks."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.models.audit import AuditAction
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.care_tasks import client, get_task, manager_of_clients, task
from tests.parallel import at_once


def test_assigning_clients_moves_their_open_tasks_but_not_central_ones(
        services: Services, admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    li = manager_of_clients(services, admin, "li")
    a, c = client(services, admin, "王芳"), client(services, admin, "李娜")
    open_task, central = task(db, b, a), task(db, b, a, central=True)
    other = task(db, b, c)
    assert services.care_books.assign(admin, [a], li.staff_id) == 1
    assert services.care_books.assign(admin, [a], li.staff_id) == 0  # already there
    assert get_task(db, open_task).assigned_to_id == li.staff_id
    assert get_task(db, open_task).version == 2
    assert get_task(db, central).assigned_to_id is None
    assert get_task(db, other).assigned_to_id is None
    assert services.care_books.manager_of(admin, a) == (li.staff_id, "Li")
    assert services.care_books.manager_of(admin, c) is None
    assert services.care_books.assign(admin, [a], None) == 1  # out of any book
    assert services.care_books.manager_of(admin, a) is None
    assert get_task(db, open_task).assigned_to_id is None
    with db.read() as s:
        assert s.scalar(select(AuditEntry.detail).where(
            AuditEntry.action == AuditAction.CARE_BOOK_ASSIGN).order_by(AuditEntry.id)) \
            == f"clients=1 to={li.staff_id}"


def test_a_whole_book_moves_to_another_manager(services: Services, admin: Actor) -> None:
    db, b = services.db, admin.branch_id
    li = manager_of_clients(services, admin, "li")
    zhou = manager_of_clients(services, admin, "zhou")
    clients = [client(services, admin, f"客户{i}") for i in range(3)]
    services.care_books.assign(admin, clients, li.staff_id)
    t = task(db, b, clients[0], assigned_to=li.staff_id)
    sizes = {x.staff_id: x.clients for x in services.care_books.book_sizes(admin)}
    assert sizes == {li.staff_id: 3, zhou.staff_id: 0}
    assert services.care_books.move_book(admin, li.staff_id, zhou.staff_id) == 3
    sizes = {x.staff_id: x.clients for x in services.care_books.book_sizes(admin)}
    assert sizes == {li.staff_id: 0, zhou.staff_id: 3}
    assert get_task(db, t).assigned_to_id == zhou.staff_id
    assert [m.name for m in services.care_books.client_managers(admin)] == ["Li", "Zhou"]


def test_only_managers_assign_and_only_to_client_managers(services: Services,
                                                         admin: Actor) -> None:
    li = manager_of_clients(services, admin, "li")
    desk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST, "desk")
    c = client(services, admin)
    with pytest.raises(PermissionDenied):
        services.care_books.assign(li, [c], li.staff_id)
    with pytest.raises(ValidationError, match="not an active client manager"):
        services.care_books.assign(admin, [c], desk.staff_id)
    with pytest.raises(NotFound) as missing:
        services.care_books.assign(admin, [c, 99_999], li.staff_id)
    assert missing.value.field == "client_ids"
    with pytest.raises(ValidationError):
        services.care_books.move_book(admin, li.staff_id, li.staff_id)
    assert services.care_books.manager_of(admin, c) is None


def test_two_managers_assigning_one_client_at_once_leave_one_book_row(
        services: Services, admin: Actor) -> None:
    li = manager_of_clients(services, admin, "li")
    zhou = manager_of_clients(services, admin, "zhou")
    c = client(services, admin)
    t = task(services.db, admin.branch_id, c)
    to = (li.staff_id, zhou.staff_id)

    def assign(db: Database, i: int) -> object:
        terminal = Services(db, services.clock, photos_dir=services.photos_dir)
        return terminal.care_books.assign(admin, [c], to[i])

    assert at_once(services.db.url, 2, assign) == [1, 1]
    holder = services.care_books.manager_of(admin, c)
    assert holder is not None and holder[0] in to
    assert get_task(services.db, t).assigned_to_id == holder[0]
