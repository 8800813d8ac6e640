"""Money on screen: integer fen shown as ¥1,234.50 and read back from what people type."""

from __future__ import annotations

import re

from frontdesk.services.money import format_fen

__all__ = ["format_fen", "parse_yuan"]

_AMOUNT = re.compile(r"^\s*[¥￥]?\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$")


def parse_yuan(text: str) -> int | None:
    """Fen from a typed amount such as ``388``, ``388.5`` or ``¥1,388.00``; None if not one."""
    match = _AMOUNT.match(text.replace(",", ""))
    if not match:
        return None
    yuan, cents = match.group(1), (match.group(2) or "").ljust(2, "0")
    return int(yuan) * 100 + int(cents)
