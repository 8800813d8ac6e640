"""What the check-out tells others once a visit is closed: the :class:`VisitClosed` hook.

The check-out (:mod:`frontdesk.services.desk.checkout`) calls :meth:`VisitClosed.closed`
inside its transaction, after the visit's lines and its closed status are flushed and
the client's row is locked, so what the hook derives from the visit (the care engine's
per-client figures, :mod:`frontdesk.services.care.stats`) is written with it or not
at all. :data:`NOTHING_AFTER_CLOSE` does nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from sqlalchemy.orm import Session

from frontdesk.core.context import Actor


class VisitClosed(Protocol):
    """Called by the check-out in its transaction, once per closed visit."""

    def closed(self, s: Session, actor: Actor, client_id: int, now: dt.datetime) -> None: ...


class _Nothing:
    def closed(self, s: Session, actor: Actor, client_id: int, now: dt.datetime) -> None:
        return None


NOTHING_AFTER_CLOSE: VisitClosed = _Nothing()
