"""format_fen: integer fen shown as ¥1,234.50, signs and thousands right, floats refused."""

from __future__ import annotations

import pytest

from frontdesk.core.money import format_fen


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (0, "¥0.00"),
        (5, "¥0.05"),
        (99, "¥0.99"),
        (100, "¥1.00"),
        (123450, "¥1,234.50"),
        (100000000, "¥1,000,000.00"),
        (-5, "-¥0.05"),
        (-123450, "-¥1,234.50"),
    ],
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text


def test_large_amount_keeps_every_fen() -> None:
    # 2**53 + 1 fen cannot survive a trip through float; integer arithmetic keeps it.
    assert format_fen(2**53 + 1) == "¥90,071,992,547,409.93"


def test_other_sign() -> None:
    assert format_fen(250, sign="RMB ") == "RMB 2.50"


@pytest.mark.parametrize("bad", [12.5, True, "100", None])
def test_refuses_non_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_fen(bad)  # type: ignore[arg-type]
