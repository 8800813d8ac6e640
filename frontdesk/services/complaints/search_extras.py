"""The desk search's complaint flag (:class:`OpenComplaints`, a ``HitExtrasSource``).

Raw SQL on the search's own connection: ``frontdesk find`` loads neither the ORM nor the
models, so the open stages are written out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, bindparam, text

from frontdesk.services.clients.search import HitExtras

OPEN_STAGES = ("intake", "investigation", "resolution", "feedback")

_OPEN = text("SELECT DISTINCT client_id FROM complaint WHERE client_id IN :ids "
             "AND stage IN :stages").bindparams(bindparam("ids", expanding=True),
                                                bindparam("stages", expanding=True))


class OpenComplaints:
    """Flags the hits whose client has a complaint not yet closed."""

    def hit_extras(self, conn: Connection, client_ids: Sequence[int]) -> Mapping[int, HitExtras]:
        if not client_ids:
            return {}
        rows = conn.execute(_OPEN, {"ids": list(client_ids), "stages": list(OPEN_STAGES)})
        return {int(client_id): HitExtras(open_complaint=True) for (client_id,) in rows}
