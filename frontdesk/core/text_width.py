"""Text laid out in the columns of a fixed-pitch printer, where a Chinese character takes two.

A 58 mm receipt printer prints 32 columns; a wide or full-width character (汉字,
"：", "¥" in its full-width form) fills two of them. Plain text layout, shared by
whatever the program prints as lines of text.
"""

from __future__ import annotations

import unicodedata


def text_width(text: str) -> int:
    """The columns ``text`` fills: two for each wide or full-width character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def spread(left: str, right: str, width: int) -> str:
    """``left`` and ``right`` on one line ``width`` columns wide, at least one space apart.

    A line whose two parts do not fit is longer than ``width``; it is never cut.
    """
    gap = max(1, width - text_width(left) - text_width(right))
    return f"{left}{' ' * gap}{right}"
