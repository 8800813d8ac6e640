"""What an import's columns map to, the reasons a row is refused, and a row as validated.

The reason codes are stable: they are written in the import report and listed in the
README ("Import reason codes"); a new reason gets a new code, an old one never changes.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from frontdesk.core.calendar import Calendar

Cell = str | int | float | bool | dt.date | dt.datetime | None
"""A cell as read: text, a number, a date, or nothing."""


class Field(enum.StrEnum):
    """A client field a column can hold."""

    NAME = "name"
    GENDER = "gender"
    PHONE = "phone"
    BIRTHDAY = "birthday"
    TIER = "tier"
    BALANCE = "balance"
    NOTES = "notes"
    MEMBER_NO = "member_no"
    ALLERGIES = "allergies"


class Extra(enum.StrEnum):
    """What happens to a column that holds no client field."""

    TO_NOTES = "to_notes"
    """Appended to the client's notes as ``heading: value``."""
    IGNORE = "ignore"


ColumnUse = Field | Extra


@dataclass(frozen=True)
class Mapping:
    """The header row and what each column is used for (by 0-based column index)."""

    header_row: int
    """The sheet's row number (1-based, as the spreadsheet shows it) of the headings."""
    headings: tuple[str, ...]
    uses: tuple[ColumnUse, ...]
    """One per column, in order; at most one column per :class:`Field` except NOTES."""


class Reason(enum.StrEnum):
    """Why a row was refused (stable codes, see the module docstring)."""

    NAME_MISSING = "name_missing"
    NAME_INVALID = "name_invalid"
    """Too long, or holds characters a name cannot (control characters)."""
    PHONE_INVALID = "phone_invalid"
    PHONE_SHARED = "phone_shared"
    """Two rows of the file give the same phone to two different names."""
    PHONE_TAKEN = "phone_taken"
    """The phone belongs to a client already in the database under another name."""
    DUPLICATE_ROW = "duplicate_row"
    """The same person (same name and phone) again, further down the file."""
    GENDER_INVALID = "gender_invalid"
    BIRTHDAY_INVALID = "birthday_invalid"
    """Not a date, a day the month does not have, a leap month the year does not have,
    or in the future."""
    BALANCE_INVALID = "balance_invalid"
    """Not an amount of money, negative, more than two decimals or over ¥100,000,000."""
    TIER_UNKNOWN = "tier_unknown"
    """A tier the store does not have."""
    TEXT_INVALID = "text_invalid"
    """A note or other text with characters that cannot be stored (control characters)."""
    MEMBER_NO_INVALID = "member_no_invalid"
    MEMBER_NO_TAKEN = "member_no_taken"


class Outcome(enum.StrEnum):
    """What an accepted row did (or would do, in a dry run)."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Birthday:
    calendar: Calendar
    month: int
    day: int
    year: int | None = None
    leap_month: bool = False


@dataclass(slots=True)
class CandidateRow:
    """One data row of the sheet, normalised; accepted when ``reasons`` is empty."""

    line: int
    """The sheet's row number (1-based, as the spreadsheet shows it)."""
    name: str = ""
    phone_e164: str | None = None
    gender: str | None = None
    """A :class:`~frontdesk.models.client.Gender` value, or None when the sheet has none."""
    birthday: Birthday | None = None
    tier: str | None = None
    balance_fen: int | None = None
    notes: str = ""
    member_no: str | None = None
    allergies: str = ""
    reasons: list[Reason] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    """One plain English line per reason, naming the cell's text ("phone 1381234: too short")."""
    outcome: Outcome | None = None
    """Set by the preview against the database for an accepted row."""

    @property
    def accepted(self) -> bool:
        return not self.reasons
