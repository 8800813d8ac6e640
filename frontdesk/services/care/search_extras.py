"""The desk search's care flag (:class:`FollowUpDue`, a ``HitExtrasSource``).

A hit is flagged ``follow_up_due`` when the client has an open follow-up (回访) or
churn-warning call due today or before (snoozed ones from the day they were put off
to); a churn call, being marketing, only while the client consents, as on the due list.
One statement for all the hits shown, over the ``care_task (client_id, id)`` index, on
the search's own connection. ``frontdesk find`` searches without loading the ORM and the
models (tests/unit/test_startup.py), so this module imports neither: the kinds and
states are written out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, Date, bindparam, text

from frontdesk.core.context import Clock, local_today
from frontdesk.services.clients.search import HitExtras

CALL_KINDS = ("follow_up", "churn")
"""``CareKind.FOLLOW_UP`` and ``CareKind.CHURN``, written out (see the module docstring)."""
OPEN_STATES = ("open", "snoozed")

_DUE = text(
    "SELECT DISTINCT t.client_id FROM care_task t JOIN client c ON c.id = t.client_id "
    "WHERE t.client_id IN :ids AND t.kind IN :kinds AND t.status IN :states "
    "AND t.due_on <= :today AND (t.marketing = :no OR c.consent_marketing = :yes)"
).bindparams(bindparam("ids", expanding=True), bindparam("kinds", expanding=True),
             bindparam("states", expanding=True), bindparam("today", type_=Date()))


class FollowUpDue:
    """Flags the desk search's hits that have a follow-up or churn call due today."""

    def __init__(self, clock: Clock):
        self._clock = clock

    def hit_extras(self, conn: Connection, client_ids: Sequence[int]) -> Mapping[int, HitExtras]:
        if not client_ids:
            return {}
        rows = conn.execute(_DUE, {"ids": list(client_ids), "kinds": list(CALL_KINDS),
                                   "states": list(OPEN_STATES), "today": local_today(self._clock),
                                   "no": False, "yes": True})
        return {int(client_id): HitExtras(follow_up_due=True) for (client_id,) in rows}
