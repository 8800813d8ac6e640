"""Each data row of a sheet normalised into a :class:`~.fields.CandidateRow`, and checked.

Every row below the header row becomes a candidate; a row with nothing in the columns
used is blank and skipped silently. Every wrong cell of a row is reported, not just
the first (one :class:`~.fields.Reason` each, with a detail line naming the cell's text).
Columns mapped to :attr:`~.fields.Extra.TO_NOTES` are added to the notes as
``heading: value`` lines.

Then the rows are checked against each other: one phone given to two different names
refuses every row with it (``phone_shared``: which of them is the client's?), and the
same name with the same phone again refuses the later rows (``duplicate_row``). One
member number on two rows (not the same person again) refuses both (``member_no_taken``):
the number is unique, the commit could store it only once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import TypeVar

from frontdesk.core.names import name_text
from frontdesk.core.validation import check_prose
from frontdesk.errors import ValidationError
from frontdesk.services.clients.fields import (
    ALLERGIES_MAX,
    NOTE_MAX,
    check_member_no,
    check_name,
)
from frontdesk.services.imports.fields import (
    CandidateRow,
    Cell,
    Extra,
    Field,
    Mapping,
    Reason,
)
from frontdesk.services.imports.normalise import (
    Invalid,
    cell_text,
    invalid,
    normalise_balance,
    normalise_birthday,
    normalise_gender,
    normalise_phone_cell,
)
from frontdesk.services.imports.reading import Table

SHARED_NAMES_SHOWN = 3
"""A ``phone_shared`` detail names at most this many of the other rows."""

Setter = Callable[[CandidateRow, Cell], None]
T = TypeVar("T")


def candidate_rows(table: Table, mapping: Mapping, today: dt.date,
                   tiers: Collection[str]) -> list[CandidateRow]:
    """The data rows below ``mapping.header_row``, normalised and checked (see the module doc).

    ``tiers`` are the store's tier names; a sheet's tier is matched to them ignoring case
    and comes back in the store's spelling.
    """
    read = _RowReader(mapping, today, tiers)
    rows = [row for line, cells in table.rows
            if line > mapping.header_row and (row := read(line, cells)) is not None]
    _check_phones_across_rows(rows)
    _check_member_numbers_across_rows(rows)
    return rows


def add_reason(row: CandidateRow, reason: Reason, detail: str) -> None:
    """``reason`` on the row; a reason it has already gets the detail added to its line."""
    if reason in row.reasons:
        at = row.reasons.index(reason)
        row.details[at] += "; " + detail
    else:
        row.reasons.append(reason)
        row.details.append(detail)


class _RowReader:
    """Reads one row of cells into a candidate, by the mapping's plan of columns."""

    def __init__(self, mapping: Mapping, today: dt.date, tiers: Collection[str]):
        self._birthday = _once_per_value(lambda cell: normalise_birthday(cell, today))
        self._balance = _once_per_value(normalise_balance)
        self._tiers = {name.casefold(): name for name in tiers}
        setters: dict[Field, Setter] = {
            Field.NAME: _set_name, Field.PHONE: _set_phone, Field.GENDER: _set_gender,
            Field.BIRTHDAY: self._set_birthday, Field.TIER: self._set_tier,
            Field.BALANCE: self._set_balance, Field.MEMBER_NO: _set_member_no,
            Field.ALLERGIES: _set_allergies,
        }
        self._fields = [(index, setters[use]) for index, use in enumerate(mapping.uses)
                        if isinstance(use, Field) and use is not Field.NOTES]
        self._notes = [(index, "") for index, use in enumerate(mapping.uses)
                       if use is Field.NOTES]
        self._notes += [(index, _heading(mapping, index))
                        for index, use in enumerate(mapping.uses) if use is Extra.TO_NOTES]
        self._notes.sort()
        self._used = sorted(index for index, use in enumerate(mapping.uses)
                            if use is not Extra.IGNORE)
        self._texts: dict[str, str] = {}
        """One object per distinct name, notes or allergies (a list has many 张伟, and
        notes made of the same few columns): 100,000 rows take less memory."""

    def __call__(self, line: int, cells: tuple[Cell, ...]) -> CandidateRow | None:
        count = len(cells)
        if not any(cells[i] is not None and cells[i] != "" for i in self._used if i < count):
            return None
        row = CandidateRow(line)
        for index, setter in self._fields:
            cell = cells[index] if index < count else None
            if cell is None or cell == "":
                continue
            try:
                setter(row, cell)
            except Invalid as refused:
                add_reason(row, refused.reason, refused.detail)
        self._set_notes(row, cells)
        texts = self._texts
        row.name = texts.setdefault(row.name, row.name)
        row.notes = texts.setdefault(row.notes, row.notes)
        row.allergies = texts.setdefault(row.allergies, row.allergies)
        if not row.name and Reason.NAME_INVALID not in row.reasons:
            add_reason(row, Reason.NAME_MISSING, "name: the row has no name")
        return row

    def _set_birthday(self, row: CandidateRow, cell: Cell) -> None:
        row.birthday = self._birthday(cell)

    def _set_balance(self, row: CandidateRow, cell: Cell) -> None:
        row.balance_fen = self._balance(cell)

    def _set_tier(self, row: CandidateRow, cell: Cell) -> None:
        text = cell_text(cell)
        if not text:
            return
        tier = self._tiers.get(text.casefold())
        if tier is None:
            raise invalid(Reason.TIER_UNKNOWN, "tier", cell, "not a tier of this store")
        row.tier = tier

    def _set_notes(self, row: CandidateRow, cells: tuple[Cell, ...]) -> None:
        count = len(cells)
        lines = []
        for index, heading in self._notes:
            text = cell_text(cells[index]) if index < count else ""
            if text:
                lines.append(f"{heading}: {text}" if heading else text)
        if not lines:
            return
        notes = "\n".join(lines)
        try:
            row.notes = check_prose(notes, NOTE_MAX, "note")
        except ValidationError as refused:
            add_reason(row, Reason.TEXT_INVALID, _refused("notes", notes, refused).detail)


def _once_per_value(normalise: Callable[[Cell], T]) -> Callable[[Cell], T]:
    """``normalise`` run once per distinct cell value (birthdays and amounts repeat down a
    sheet; a value of another type is another value: 1, 1.0 and True are three)."""
    known: dict[tuple[type, Cell], T | Invalid] = {}

    def normalise_once(cell: Cell) -> T:
        key = (type(cell), cell)
        found = known.get(key, known)
        if found is known:
            try:
                found = normalise(cell)
            except Invalid as refused:
                found = refused
            known[key] = found
        if isinstance(found, Invalid):
            raise Invalid(found.reason, found.detail)
        return found  # type: ignore[return-value]

    return normalise_once


def _heading(mapping: Mapping, index: int) -> str:
    heading = mapping.headings[index].strip() if index < len(mapping.headings) else ""
    return heading or f"column {index + 1}"


def _refused(what: str, cell: Cell, refused: ValidationError,
             reason: Reason = Reason.TEXT_INVALID) -> Invalid:
    return invalid(reason, what, cell, refused.message)


def _set_name(row: CandidateRow, cell: Cell) -> None:
    text = cell_text(cell)
    try:
        row.name = check_name(text)
    except ValidationError as refused:
        if text.strip():  # a name of only (full-width) spaces is missing, not invalid
            row.name = text
            raise _refused("name", cell, refused, Reason.NAME_INVALID) from None


def _set_phone(row: CandidateRow, cell: Cell) -> None:
    row.phone_e164 = normalise_phone_cell(cell)


def _set_gender(row: CandidateRow, cell: Cell) -> None:
    row.gender = normalise_gender(cell)


def _set_member_no(row: CandidateRow, cell: Cell) -> None:
    try:
        row.member_no = check_member_no(cell_text(cell))
    except ValidationError as refused:
        raise _refused("member number", cell, refused, Reason.MEMBER_NO_INVALID) from None


def _set_allergies(row: CandidateRow, cell: Cell) -> None:
    try:
        row.allergies = check_prose(cell_text(cell), ALLERGIES_MAX, "allergies")
    except ValidationError as refused:
        raise _refused("allergies", cell, refused) from None


def _check_phones_across_rows(rows: list[CandidateRow]) -> None:
    by_phone: dict[str, list[CandidateRow]] = {}
    for row in rows:
        if row.phone_e164 and row.name and Reason.NAME_INVALID not in row.reasons:
            by_phone.setdefault(row.phone_e164, []).append(row)
    for phone, group in by_phone.items():
        if len(group) > 1:
            _check_group(phone, group)


def _check_group(phone: str, group: list[CandidateRow]) -> None:
    keys = [name_text(row.name) for row in group]
    if len(set(keys)) > 1:
        for row, key in zip(group, keys, strict=True):
            others = [f"{o.name} (row {o.line})" for o, k in zip(group, keys, strict=True)
                      if k != key][:SHARED_NAMES_SHOWN]
            add_reason(row, Reason.PHONE_SHARED,
                       f"phone {phone}: also given to {', '.join(others)}")
    first: dict[str, int] = {}
    for row, key in zip(group, keys, strict=True):
        if key in first:
            add_reason(row, Reason.DUPLICATE_ROW,
                       f"{row.name}, phone {phone}: the same person as row {first[key]}")
        else:
            first[key] = row.line


def _check_member_numbers_across_rows(rows: list[CandidateRow]) -> None:
    by_number: dict[str, list[CandidateRow]] = {}
    for row in rows:
        if row.member_no and Reason.DUPLICATE_ROW not in row.reasons:
            by_number.setdefault(row.member_no, []).append(row)
    for number, group in by_number.items():
        if len(group) < 2:
            continue
        for row in group:
            others = [f"{o.name} (row {o.line})" for o in group if o is not row]
            add_reason(row, Reason.MEMBER_NO_TAKEN, f"member number {number}: also given to "
                       + ", ".join(others[:SHARED_NAMES_SHOWN]))
