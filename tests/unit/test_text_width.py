"""Columns on a fixed-pitch printer: a Chinese character takes two."""

from __future__ import annotations

import pytest

from frontdesk.core.text_width import spread, text_width


@pytest.mark.parametrize(("text", "width"), [
    ("", 0), ("Total", 5), ("合计", 4), ("单号：000042", 12), ("¥1,234.50", 9),
    ("微信支付 WX0001", 15), ("ＡＢ", 4),  # full-width Latin letters are wide too
])
def test_text_width(text: str, width: int) -> None:
    assert text_width(text) == width


def test_spread_fills_the_line_to_the_right_edge() -> None:
    assert spread("合计", "¥1,855.70", 32) == "合计" + " " * 19 + "¥1,855.70"
    assert spread("Total", "¥1,855.70", 32) == "Total" + " " * 18 + "¥1,855.70"
    assert text_width(spread("现金", "¥121.20", 32)) == 32


def test_spread_keeps_a_space_when_the_parts_do_not_fit() -> None:
    left = "超长的项目名称" * 3
    assert spread(left, "¥1.00", 32) == f"{left} ¥1.00"
