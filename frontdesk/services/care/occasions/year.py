"""A Gregorian year's festival dates, for staff planning gifts and events
(``frontdesk festivals YEAR``): the store's festivals (built-ins under its rows, and its
own days), or the built-ins alone before there is a store."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from frontdesk.core.festivals import BUILT_IN, FestivalDay, festival_dates
from frontdesk.db import Database, unit_of_work
from frontdesk.models import Branch
from frontdesk.services.care.settings import effective_festivals


@unit_of_work
def year_festivals(db: Database | None, year: int,
                   branch_id: int | None = None) -> list[tuple[dt.date, FestivalDay]]:
    """Every enabled festival's dates in ``year``, in date order: those of ``branch_id`` (the
    first store when None) in ``db``; the built-ins without a database or a store."""
    festivals = BUILT_IN
    if db is not None:
        with db.read() as s:
            branch = branch_id or s.scalar(select(func.min(Branch.id)))
            if branch is not None:
                festivals = effective_festivals(s, branch)
    return festival_dates(year, festivals)
