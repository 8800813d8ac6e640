"""``frontdesk report complaints``: the month's complaints and satisfaction workbook."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from frontdesk.core.context import Actor
from frontdesk.errors import ValidationError
from frontdesk.services.registry import Services

_MONTH = re.compile(r"(\d{4})-(\d{2})")


def parse_month(text: str) -> dt.date:
    """``2026-11`` → the first of November 2026; anything else is refused."""
    found = _MONTH.fullmatch(text.strip())
    if found is None or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1:
        raise ValidationError("Give the month as YYYY-MM, e.g. 2026-11.", field="month")
    return dt.date(int(found[1]), int(found[2]), 1)


def write_report(services: Services, actor: Actor, month: dt.date, path: Path,
                 language: str) -> Path:
    """Write the workbook in ``language``; its words come from the translation files."""
    # QtCore only (no window, no display), as the sheet's words
    from frontdesk.ui.reports.words import report_words

    return services.complaint_report.export(actor, month, path, report_words(language))
