"""One cell of an imported sheet made into a client's value, or refused with a reason.

Each ``normalise_*`` function takes a cell as read (text, a number, a date or None) and
returns the value FrontDesk stores, None for an empty cell, or raises :class:`Invalid`
with the row's :class:`~frontdesk.services.imports.fields.Reason` and one plain English
line naming the cell's text ("phone 1381234: not a valid phone number").

Sheets kept by hand hold phones as numbers (``13812345678``, which a spreadsheet reads
back as ``13812345678.0``), with spaces, dashes, ``+86``/``0086``/``86`` and full-width
digits; amounts as ``¥1,234.50``, ``1,234元`` or numbers; birthdays as date cells or text
in many forms, solar or lunar (:mod:`.birthday_text`).

Speed: a sheet has 100,000 rows. A mainland mobile (eleven digits from 1) is the common
case, and whether it is valid depends on its first digits only (the ``phonenumbers``
patterns decide an eleven-digit number from 1 by its first five, which
``tests/unit/test_import_normalise.py`` checks); so the answer of
:func:`~frontdesk.core.phones.normalise_phone` is kept per five-digit prefix and every
other mobile with that prefix is made E.164 without parsing it again.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal

from frontdesk.core.birthdays import BirthdayInput, check_birthday
from frontdesk.core.calendar import Calendar
from frontdesk.core.money import MAX_FEN
from frontdesk.core.phones import fold_digits, normalise_phone
from frontdesk.errors import ValidationError
from frontdesk.services.imports.birthday_text import parse_birthday_text
from frontdesk.services.imports.fields import Birthday, Cell, Reason

DETAIL_TEXT_MAX = 60
"""A cell's text in a detail line is cut to this many characters."""


class Invalid(Exception):  # noqa: N818 - the name api.md gives it
    """A cell that cannot be imported: why (``reason``) and a line saying so (``detail``)."""

    def __init__(self, reason: Reason, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def cell_text(cell: Cell) -> str:
    """A cell as text: a whole float without its ``.0``, a date as ``1990-05-03``."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def invalid(reason: Reason, what: str, cell: Cell, problem: str) -> Invalid:
    """An :class:`Invalid` whose detail reads ``{what} {cell text}: {problem}``."""
    text = cell_text(cell)
    if len(text) > DETAIL_TEXT_MAX:
        text = text[:DETAIL_TEXT_MAX] + "…"
    return Invalid(reason, f"{what} {text}: {problem}")


# --- phones ------------------------------------------------------------------------------

_MOBILE = re.compile(r"(?:\+86|0086|86)?(1\d{10})")
_WHOLE_DECIMAL = re.compile(r"(\d+)\.0+")
MOBILE_PREFIX = 5
_mobile_prefix_valid: dict[str, bool] = {}


def normalise_phone_cell(cell: Cell) -> str | None:
    """The phone in E.164 (``+8613812345678``); None for an empty cell."""
    if cell is None or cell == "":
        return None
    text = _phone_text(cell)
    if text is None:
        raise invalid(Reason.PHONE_INVALID, "phone", cell, "not a phone number")
    mobile = _MOBILE.fullmatch(fold_digits(text))
    if mobile is not None:
        return _mobile(mobile.group(1), cell)
    try:
        return normalise_phone(text)
    except ValidationError:
        raise invalid(Reason.PHONE_INVALID, "phone", cell, "not a valid phone number") from None


def _phone_text(cell: Cell) -> str | None:
    if isinstance(cell, bool | dt.date):
        return None
    if isinstance(cell, float):
        return str(int(cell)) if math.isfinite(cell) and cell.is_integer() else None
    text = str(cell).strip()
    whole = _WHOLE_DECIMAL.fullmatch(text)  # "13812345678.0", a number saved as text
    return whole.group(1) if whole else text


def _mobile(digits: str, cell: Cell) -> str:
    prefix = digits[:MOBILE_PREFIX]
    valid = _mobile_prefix_valid.get(prefix)
    if valid is None:
        try:
            normalise_phone(digits)
            valid = True
        except ValidationError:
            valid = False
        _mobile_prefix_valid[prefix] = valid
    if not valid:
        raise invalid(Reason.PHONE_INVALID, "phone", cell, "not a valid phone number")
    return "+86" + digits


# --- genders -----------------------------------------------------------------------------

_GENDERS = {
    **dict.fromkeys(("男", "男性", "男士", "先生", "m", "male", "man"), "male"),
    **dict.fromkeys(("女", "女性", "女士", "小姐", "f", "female", "woman"), "female"),
}


def normalise_gender(cell: Cell) -> str | None:
    """``male`` or ``female`` (the :class:`~frontdesk.models.client.Gender` values); None
    for an empty cell."""
    text = cell_text(cell)
    if not text:
        return None
    gender = _GENDERS.get(unicodedata.normalize("NFKC", text).casefold())
    if gender is None:
        raise invalid(Reason.GENDER_INVALID, "gender", cell, "write 男 or 女 (M or F)")
    return gender


# --- birthdays ---------------------------------------------------------------------------

def normalise_birthday(cell: Cell, today: dt.date) -> Birthday | None:
    """The birthday a cell holds, checked against its calendar; None for an empty cell.

    A date cell is a solar birthday (a date-and-time cell, its date); an eight-digit number
    is ``YYYYMMDD``; text is read by :func:`.birthday_text.parse_birthday_text`.
    """
    if cell is None or cell == "":
        return None
    typed = _birthday_input(cell)
    if typed is None:
        raise invalid(Reason.BIRTHDAY_INVALID, "birthday", cell,
                      "not a date (write 1990-05-03, 1990年5月3日, 5月3日 or 农历三月初八)")
    try:
        checked = check_birthday(typed, today)
    except ValidationError as refused:
        raise invalid(Reason.BIRTHDAY_INVALID, "birthday", cell, refused.message) from None
    return Birthday(Calendar(checked.calendar), checked.month, checked.day, checked.year,
                    checked.leap_month)


def _birthday_input(cell: Cell) -> BirthdayInput | None:
    if isinstance(cell, dt.datetime):
        cell = cell.date()
    if isinstance(cell, dt.date):
        return BirthdayInput(Calendar.SOLAR, cell.month, cell.day, cell.year)
    if isinstance(cell, bool):
        return None
    if isinstance(cell, float):
        if not (math.isfinite(cell) and cell.is_integer()):
            return None
        cell = int(cell)
    if isinstance(cell, int):
        if not 10_000_000 <= cell <= 99_999_999:
            return None
        year, month_day = divmod(cell, 10_000)
        return BirthdayInput(Calendar.SOLAR, month_day // 100, month_day % 100, year)
    return None if cell is None else parse_birthday_text(cell)


# --- balances ----------------------------------------------------------------------------

_AMOUNT = re.compile(r"([-+]?)(?:¥|RMB|CNY)?([-+]?)"  # a sign before or after the ¥
                     r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:元|RMB|CNY)?", re.IGNORECASE)


def normalise_balance(cell: Cell) -> int | None:
    """An amount in fen (``¥1,234.50`` → 123450); None for an empty cell."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool | dt.date):
        raise invalid(Reason.BALANCE_INVALID, "balance", cell, "not an amount of money")
    if isinstance(cell, int):
        fen = cell * 100
    elif isinstance(cell, float):
        fen = _float_fen(cell)
    else:
        fen = _text_fen(cell)
    if fen < 0:
        raise invalid(Reason.BALANCE_INVALID, "balance", cell, "a balance cannot be negative")
    if fen > MAX_FEN:
        raise invalid(Reason.BALANCE_INVALID, "balance", cell, "more than ¥100,000,000.00")
    return fen


def _float_fen(cell: float) -> int:
    if not math.isfinite(cell):
        raise invalid(Reason.BALANCE_INVALID, "balance", cell, "not an amount of money")
    fen = Decimal(repr(cell)) * 100  # the float's shortest decimal: 1234.5, not 1234.4999…
    if fen != fen.to_integral_value():
        raise invalid(Reason.BALANCE_INVALID, "balance", cell, "more than two decimals")
    return int(fen)


def _text_fen(cell: str) -> int:
    text = "".join(unicodedata.normalize("NFKC", cell).split())
    match = _AMOUNT.fullmatch(text)
    if match is None or (match.group(1) and match.group(2)):
        raise invalid(Reason.BALANCE_INVALID, "balance", cell, "not an amount of money")
    cents = (match.group(4) or "").rstrip("0")
    if len(cents) > 2:
        raise invalid(Reason.BALANCE_INVALID, "balance", cell, "more than two decimals")
    fen = int(match.group(3).replace(",", "")) * 100 + int(cents.ljust(2, "0"))
    return -fen if "-" in (match.group(1), match.group(2)) else fen
