"""Numbers as people type them (``165.5`` cm, ``58.2`` kg, ``23.5`` %) to the integers stored.

No floats on the way in: the text is split at the decimal point and scaled as
integers, so ``58.2`` kg is exactly 58200 g. Full-width digits (１６５) and a
decimal comma are accepted; anything else is refused with ``None``.
"""

from __future__ import annotations

import re
import unicodedata

_NUMBER = re.compile(r"^(\d{1,6})(?:\.(\d+))?$")


class NotANumber(ValueError):
    """The text is not a plain number with at most the allowed decimals."""


def scaled(text: str, per_unit: int, decimals: int) -> int | None:
    """The typed number × ``per_unit`` as an int; None when blank.

    ``decimals`` is how many digits may follow the point (``165.5`` with
    ``per_unit=10, decimals=1`` → 1655). Raises NotANumber otherwise.
    """
    plain = unicodedata.normalize("NFKC", text).strip().replace(",", ".")
    if not plain:
        return None
    match = _NUMBER.match(plain)
    if match is None or len(match.group(2) or "") > decimals:
        raise NotANumber(text)
    whole, fraction = match.group(1), (match.group(2) or "").ljust(decimals, "0")
    divisor: int = 10 ** decimals
    value = int(whole) * divisor + (int(fraction) if fraction else 0)
    if (value * per_unit) % divisor:
        raise NotANumber(text)
    return value * per_unit // divisor


def shown(value: int | None, per_unit: int) -> str:
    """The stored integer back as text (``1655``, 10 → ``165.5``; ``58000``, 1000 → ``58``)."""
    if value is None:
        return ""
    whole, rest = divmod(value, per_unit)
    if not rest:
        return str(whole)
    digits = len(str(per_unit)) - 1
    return f"{whole}.{str(rest).rjust(digits, '0').rstrip('0')}"
