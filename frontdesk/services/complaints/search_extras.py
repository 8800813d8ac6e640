"""The desk search's complaint flag (:class:`OpenComplaints`, a ``HitExtrasSource``).

A hit is flagged ``open_complaint`` when the client has a case not yet closed. One
statement for all the hits shown, over the ``complaint (client_id, id)`` index, on the
search's own connection. ``frontdesk find`` searches without loading the ORM and the
models (tests/unit/test_startup.py), so this module imports neither: the stages are
written out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, bindparam, text

from frontdesk.services.clients.search import HitExtras

OPEN_STAGES = ("intake", "investigation", "resolution", "feedback")
"""``models.complaint.OPEN_STAGES``, written out (see the module docstring)."""

_OPEN = text(
    "SELECT DISTINCT client_id FROM complaint WHERE client_id IN :ids AND stage IN :stages"
).bindparams(bindparam("ids", expanding=True), bindparam("stages", expanding=True))


class OpenComplaints:
    """Flags the desk search's hits that have an open complaint."""

    def hit_extras(self, conn: Connection, client_ids: Sequence[int]) -> Mapping[int, HitExtras]:
        if not client_ids:
            return {}
        rows = conn.execute(_OPEN, {"ids": list(client_ids), "stages": list(OPEN_STAGES)})
        return {int(client_id): HitExtras(open_complaint=True) for (client_id,) in rows}
