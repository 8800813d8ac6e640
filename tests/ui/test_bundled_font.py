"""The window's font on a PC without Chinese fonts: the installed program registers its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from frontdesk.ui import theme

PACKAGED_FONT = Path(__file__).resolve().parents[2] / "packaging" / "fonts" / "wqy-microhei.ttc"


def test_the_bundled_font_gives_the_window_a_chinese_family(qapp: QApplication) -> None:
    assert theme._bundled_font_family(PACKAGED_FONT) == "WenQuanYi Micro Hei"


def test_a_source_checkout_has_no_bundled_font(qapp: QApplication) -> None:
    assert theme._bundled_font_family() is None  # frontdesk/fonts exists only in a bundle
