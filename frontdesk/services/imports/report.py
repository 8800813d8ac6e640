"""The import report: one CSV line per data row of the sheet (``--report``, the wizard's
"Save report…"), UTF-8 with a BOM so Excel and WPS open it in Chinese.

Columns (stable, listed in the README): ``row`` (the sheet's row number), ``status``
(accepted / rejected), ``outcome`` (created / updated / unchanged; empty when rejected),
``reasons`` (the reason codes, ``;``-separated), ``details`` (a plain English line per
reason, ``;``-separated), then the normalised values: ``name``, ``phone_e164``, ``gender``,
``birthday`` (``YYYY-MM-DD``, or ``--MM-DD`` without a year), ``calendar`` (solar/lunar),
``leap_month`` (0/1), ``tier``, ``balance_fen``. The free texts (name, details, tier) go
through :func:`~frontdesk.services.spreadsheet.safe_cell`, so a name like ``=HYPERLINK(…)``
is not run as a formula when the report is opened (the phone is ``+`` and digits only).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.services.imports.fields import Birthday, CandidateRow
from frontdesk.services.spreadsheet import replace_whole, safe_cell

if TYPE_CHECKING:
    from frontdesk.services.imports.service import ImportPreview

COLUMNS = ("row", "status", "outcome", "reasons", "details", "name", "phone_e164", "gender",
           "birthday", "calendar", "leap_month", "tier", "balance_fen")


def birthday_text(b: Birthday | None) -> str:
    if b is None:
        return ""
    year = f"{b.year:04d}" if b.year is not None else "-"
    return f"{year}-{b.month:02d}-{b.day:02d}"


def report_line(row: CandidateRow) -> list[object]:
    b = row.birthday
    return [row.line, "accepted" if row.accepted else "rejected",
            row.outcome.value if row.accepted and row.outcome else "",
            ";".join(r.value for r in row.reasons), safe_cell(";".join(row.details)),
            safe_cell(row.name), row.phone_e164 or "", row.gender or "", birthday_text(b),
            b.calendar.value if b else "", (1 if b.leap_month else 0) if b else "",
            safe_cell(row.tier or ""), "" if row.balance_fen is None else row.balance_fen]


def write_report(path: Path, preview: ImportPreview) -> None:
    """Write the report of ``preview`` (after a commit: what was done) to ``path``."""
    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(COLUMNS)
            out.writerows(report_line(row) for row in preview.rows)

    replace_whole(path, write)
