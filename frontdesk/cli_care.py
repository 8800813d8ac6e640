"""``frontdesk due``: what is due on a day, one task a line (kind, client, due date, reason)."""

from __future__ import annotations

import datetime as dt

from frontdesk.core.context import Actor, local_today
from frontdesk.services.care.due_day import DueLine
from frontdesk.services.registry import Services


def due_lines(services: Services, actor: Actor, day: dt.date | None) -> list[str]:
    """The lines to print: stored tasks, then (for a day not scanned yet) what a scan would
    make, marked ``(not yet scanned)``."""
    on = day or local_today(services.clock)
    return [line_of(x) for x in services.care_scan.due(actor, on)]


def line_of(x: DueLine) -> str:
    client = x.client_name or ("-" if x.client_id is None else f"#{x.client_id}")
    reason = x.reason or "-"
    if not x.scanned:
        reason += " (not yet scanned)"
    return "\t".join((x.kind.value, client, x.due_on.isoformat(), reason))
