"""Care tasks for the tests of the due list, its actions, the books and the export.

The scan makes tasks in the program; these tests insert :class:`CareTask` rows
directly (the scan is tested on its own), with clients registered through the real
service and client managers through ``tests/actors.py``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.models.care import CareChannel, CareKind, CareTask, ClientStats
from frontdesk.models.client import Gender
from frontdesk.services.care.settings import is_marketing
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from tests.actors import staff_in_role

TODAY = dt.date(2026, 11, 23)
"""The local date of tests.conftest.NOW."""
_PHONES = itertools.count(13_900_001_000)
_OCCASIONS = itertools.count(1)


def client(services: Services, admin: Actor, name: str = "王芳", *, consent: bool = True,
           gender: Gender = Gender.FEMALE) -> int:
    return services.clients.register(admin, NewClient(
        name, str(next(_PHONES)), gender=gender, consent_marketing=consent)).client_id


def manager_of_clients(services: Services, admin: Actor, name: str) -> Actor:
    """A new client manager (客户经理)."""
    return staff_in_role(services.db, admin.branch_id, Role.CLIENT_MANAGER, name)


def task(db: Database, branch_id: int, client_id: int | None, kind: CareKind = CareKind.CHURN,
         *, due_on: dt.date = TODAY, priority: int = 5, assigned_to: int | None = None,
         channel: CareChannel = CareChannel.CALL, central: bool = False,
         detail: dict[str, int | str] | None = None, occasion: str | None = None) -> int:
    """A care task as the scan would make it; its id."""
    with db.write() as s:
        row = CareTask(branch_id=branch_id, client_id=client_id, kind=kind,
                       occasion=occasion or f"{kind.value}:{client_id}:{next(_OCCASIONS)}",
                       due_on=due_on, priority=priority, channel=channel,
                       marketing=is_marketing(kind), assigned_to_id=assigned_to,
                       central=central, detail=json.dumps(detail or {}))
        s.add(row)
        s.flush()
        return row.id


def stats(db: Database, branch_id: int, client_id: int, visits: int,
          last_visit_on: dt.date) -> None:
    with db.write() as s:
        s.add(ClientStats(client_id=client_id, branch_id=branch_id, visits=visits,
                          first_visit_on=last_visit_on, last_visit_on=last_visit_on))


def get_task(db: Database, task_id: int) -> CareTask:
    with db.read() as s:
        row = s.get(CareTask, task_id)
        assert row is not None
        s.expunge(row)
        return row
