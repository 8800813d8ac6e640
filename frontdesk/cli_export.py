"""``frontdesk export KIND -o FILE.xlsx``: a list as a workbook, as the person signed in sees it.

KIND is a list (:class:`~frontdesk.services.exports.kinds.ExportKind`) or ``all`` (every
table, for the manager: ``Services.all_data`` when this build has it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from frontdesk.core.context import Actor
from frontdesk.errors import ValidationError
from frontdesk.services.exports.kinds import ExportKind, ExportResult, Filter, Period
from frontdesk.services.registry import Services

ALL = "all"
KINDS = (*(k.value for k in ExportKind), ALL)


class NotAvailable(ValidationError):
    template = "Exporting all of the data is not available in this version."


def parse_day(text: str | None, field: str) -> dt.date | None:
    """``2026-11-05`` → that date; None for none; anything else is refused."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("Give the date as YYYY-MM-DD, e.g. 2026-11-05.",
                              field=field) from None


def period_filter(kind: ExportKind, since: dt.date | None, until: dt.date | None) -> Filter:
    """The list's filter: everything the person may see in ``since``…``until``."""
    from frontdesk.services.exports.service import SPECS

    if since is not None and until is not None and until < since:
        raise ValidationError("The last day comes before the first.", field="until")
    flt: Filter = SPECS[kind].filter_type()
    return replace(flt, period=Period(since, until))


def write_export(services: Services, actor: Actor, kind: str, path: Path, language: str,
                 since: dt.date | None = None, until: dt.date | None = None) -> ExportResult:
    """Write the list in ``language`` (its words from the translation files)."""
    if kind == ALL:
        all_data = getattr(services, "all_data", None)
        if all_data is None:
            raise NotAvailable()
        result: ExportResult = all_data.export(actor, path)
        return result
    # QtCore only (no window, no display), as the complaints report's words
    from frontdesk.ui.exports.words import export_words

    chosen = ExportKind(kind)
    return services.exports.export(actor, chosen, path, export_words(language),
                                   period_filter(chosen, since, until))
