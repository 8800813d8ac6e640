"""Money as people read it: integer fen in, ``¥1,234.50`` out.

Money is always an ``int`` number of fen (分) in FrontDesk; this module only
formats it, with integer arithmetic (no float ever touches an amount).
"""

from __future__ import annotations

CURRENCY_SIGN = "¥"


def format_fen(fen: int, sign: str = CURRENCY_SIGN) -> str:
    """``123450`` → ``¥1,234.50``; ``-5`` → ``-¥0.05``; ``0`` → ``¥0.00``.

    Raises TypeError for anything but an int (a float or a bool is a bug upstream).
    """
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError(f"money must be an int number of fen, not {type(fen).__name__}")
    yuan, cents = divmod(abs(fen), 100)
    minus = "-" if fen < 0 else ""
    return f"{minus}{sign}{yuan:,}.{cents:02d}"
