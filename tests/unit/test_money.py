"""Money text: format_fen shows integer fen as ¥1,234.50; parse_yuan reads typed yuan back."""

from __future__ import annotations

import pytest

from frontdesk.core.money import MAX_FEN, format_fen, parse_yuan


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


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("388", 38800),
        ("388.5", 38850),
        ("20.5", 2050),  # half a yuan, not 5 fen
        ("20.05", 2005),
        ("0.05", 5),
        ("0", 0),
        ("¥1,388.00", 138800),
        ("1,388", 138800),
        ("￥388", 38800),  # the full-width sign a Chinese input method types
        ("¥ 388", 38800),
        ("  388.50 ", 38850),
        ("\t￥1,388.5\n", 138850),
        ("999999999", 99999999900),  # 9 integer digits: the longest accepted
    ],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "¥", "1.234", "-5", "-¥5.00", "1e3", "388.", ".5", "3.8.8", "38 8",
     "1234567890", "¥1,234,567,890.00", "388元", "$388"],
)
def test_parse_yuan_refuses_what_is_not_an_amount(text: str) -> None:
    assert parse_yuan(text) is None


ROUND_TRIP = sorted(
    v for v in {*range(2001),  # every fen pattern, the first thousand separator
                *range(0, 10_000_000, 9973), *range(0, MAX_FEN + 1, 9_999_991),  # spread out
                *(10**k + d for k in range(11) for d in (-1, 0, 1))}  # where digits carry
    if 0 <= v <= MAX_FEN)


def test_parse_yuan_reads_back_what_format_fen_shows() -> None:
    """Every amount a screen shows (¥0.00 to ¥100,000,000.00) can be typed back exactly."""
    assert (ROUND_TRIP[0], ROUND_TRIP[-1]) == (0, MAX_FEN) and len(ROUND_TRIP) > 4000
    misread = [v for v in ROUND_TRIP if parse_yuan(format_fen(v)) != v]
    assert misread == []
