"""Shared by the import tests: previews of rows built by hand, and every table's row count."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from frontdesk.core.calendar import Calendar
from frontdesk.db import Database
from frontdesk.models.base import Base
from frontdesk.services.imports.fields import Birthday, CandidateRow, Field, Mapping
from frontdesk.services.imports.reading import Table
from frontdesk.services.imports.service import ImportPreview

MAPPING = Mapping(header_row=1, headings=("姓名", "手机"), uses=(Field.NAME, Field.PHONE))


def phone(n: int) -> str:
    """A valid mainland mobile number in E.164 (n below 10**8)."""
    return f"+86138{n:08d}"


def row(line: int, name: str, phone_e164: str | None = None, **values: object) -> CandidateRow:
    return CandidateRow(line=line, name=name, phone_e164=phone_e164, **values)  # type: ignore[arg-type]


def solar(year: int | None, month: int, day: int) -> Birthday:
    return Birthday(Calendar.SOLAR, month, day, year)


def preview_of(rows: list[CandidateRow], *, update_existing: bool = False,
               name: str = "clients.xlsx") -> ImportPreview:
    """A preview of hand-made rows, as :meth:`ImportService.open` would hand it over (the
    commit compares them with the database itself)."""
    return ImportPreview(Path(name), "0" * 64, Table("xlsx", "Sheet1", []), MAPPING, rows,
                         update_existing)


def table_counts(db: Database) -> dict[str, int]:
    """Rows per table, every table."""
    with db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) or 0
                for t in Base.metadata.sorted_tables}


def table_contents(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: to show that nothing at all changed."""
    with db.read() as s:
        return {t.name: sorted((tuple(r) for r in s.execute(select(t))), key=repr)
                for t in Base.metadata.sorted_tables}
