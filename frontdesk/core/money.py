"""Money as people read it and type it: integer fen in and out, ``¥1,234.50`` on screen.

Money is always an ``int`` number of fen (分) in FrontDesk. This module formats
it, reads it back from what people type, and checks amounts, all with integer
arithmetic: no float ever touches an amount.
"""

from __future__ import annotations

import re

from frontdesk.core.validation import is_whole
from frontdesk.errors import ValidationError

CURRENCY_SIGN = "¥"
MAX_FEN = 10_000_000_000
"""¥100,000,000.00: anything larger is a typing slip, not a price."""

_AMOUNT = re.compile(r"^\s*[¥￥]?\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$")


def format_fen(fen: int, sign: str = CURRENCY_SIGN) -> str:
    """``123450`` → ``¥1,234.50``; ``-5`` → ``-¥0.05``; ``0`` → ``¥0.00``.

    Raises TypeError for anything but an int (a float or a bool is a bug upstream).
    """
    if not is_whole(fen):
        raise TypeError(f"money must be an int number of fen, not {type(fen).__name__}")
    yuan, cents = divmod(abs(fen), 100)
    minus = "-" if fen < 0 else ""
    return f"{minus}{sign}{yuan:,}.{cents:02d}"


def parse_yuan(text: str) -> int | None:
    """Fen from a typed amount such as ``388``, ``388.5`` or ``¥1,388.00``; None if not one."""
    match = _AMOUNT.match(text.replace(",", ""))
    if not match:
        return None
    yuan, cents = match.group(1), (match.group(2) or "").ljust(2, "0")
    return int(yuan) * 100 + int(cents)


def check_fen(value: object, field: str) -> int:
    """An amount in fen: an int (never a float or bool) of 0 or more, else ValidationError."""
    if not is_whole(value):
        raise ValidationError("Amounts are whole fen (an integer).", field=field)
    if not 0 <= value <= MAX_FEN:
        raise ValidationError("An amount must be between ¥0.00 and ¥100,000,000.00.",
                              field=field)
    return value
