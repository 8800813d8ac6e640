"""Care calls for the spot-check tests, written as the demo writes its history."""

from __future__ import annotations

import datetime as dt
import itertools

from frontdesk.core.context import Actor, Role
from frontdesk.models.care import CallOutcome, CareCall, CareChannel
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.care_history import local_noon, new_client

_SERIAL = itertools.count(10)


def calls_in_month(services: Services, admin: Actor, month: dt.date, n: int,
                   carer: Actor | None = None) -> Actor:
    """``n`` calls of one client manager (made if not given) on days of ``month``."""
    serial = next(_SERIAL)
    carer = carer or staff_in_role(services.db, admin.branch_id, Role.CLIENT_MANAGER,
                                   f"客服{serial}")
    client = new_client(services, admin, f"客户{serial}", f"138001380{serial:02d}")
    with services.db.write() as s:
        s.add_all(CareCall(branch_id=admin.branch_id, client_id=client, staff_id=carer.staff_id,
                           at=local_noon(month + dt.timedelta(days=i % 27)),
                           channel=CareChannel.CALL, outcome=CallOutcome.REACHED,
                           note=f"回访 {i}") for i in range(n))
    return carer
