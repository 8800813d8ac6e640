"""``frontdesk festivals YEAR``: a Gregorian year's festival dates, one a line
(``YYYY-MM-DD name``), in date order, for staff planning gifts and events.

The store's festivals when there is a database (its rows over the built-ins, and its own
days), the built-ins otherwise: a missing database file is not made by asking. The
built-ins' names come from the translation files in the language asked for (``--lang``,
Chinese by default, as ``frontdesk sheet``); a store's own names are printed as written.
"""

from __future__ import annotations

from frontdesk.bootstrap import open_database, sqlite_file
from frontdesk.config import Paths
from frontdesk.errors import ValidationError

FIRST_YEAR, LAST_YEAR = 1901, 2100
"""The years whose lunar festivals the calendar knows (lunar 1900…2100)."""


def festival_lines(paths: Paths, year: int, language: str) -> list[str]:
    """The lines to print for ``year``: ``YYYY-MM-DD name``, in date order."""
    from frontdesk.services.care.occasions.year import year_festivals
    from frontdesk.ui.festival_names import festival_name
    from frontdesk.ui.i18n import translator_for

    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError("Choose a year from {first} to {last}.", field="year",
                              first=FIRST_YEAR, last=LAST_YEAR)
    path = sqlite_file(paths)
    db = None if path is not None and not path.exists() else open_database(paths)
    try:
        dated = year_festivals(db, year)
    finally:
        if db is not None:
            db.dispose()
    translate = translator_for(language)
    return [f"{when.isoformat()} {festival_name(f, translate)}" for when, f in dated]
