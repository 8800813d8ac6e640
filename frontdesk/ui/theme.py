"""The look: qt-material's light theme, tuned for a busy desk.

qt-material uppercases button text and sets Roboto (no Chinese glyphs) as the
global font; we drop the uppercase rule and use a CJK UI font at a size that
reads at arm's length.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication
from qt_material import build_stylesheet  # type: ignore[import-untyped]

THEME = "light_teal.xml"
FONT_PX = 15
CJK_UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
                "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "WenQuanYi Zen Hei")

EXTRA_QSS = """
QLabel#warning { color: #b71c1c; font-weight: bold; }
QLabel#fieldError, QLabel#backupMessage { color: #c62828; }
QLabel#backupWarning {
    background: #fff3e0; color: #bf360c; border: 1px solid #ffb74d; border-radius: 4px;
    padding: 8px 12px; font-weight: bold;
}
QLabel#pageTitle { font-size: 22px; font-weight: bold; }
QLabel#total { font-size: 20px; font-weight: bold; }
QLabel#placeholderText { font-size: 17px; color: #455a64; }
QListWidget#navigation { font-size: 17px; }
QListWidget#navigation::item { padding: 10px 8px; }
QListWidget::indicator, QTreeWidget::indicator {
    width: 16px; height: 16px; border: 2px solid #009688; border-radius: 3px;
    background: white; margin-right: 6px;
}
QListWidget::indicator:checked, QTreeWidget::indicator:checked { background: #009688; }
QStatusBar QLabel { padding: 0 14px; border-left: 1px solid #c8c8c8; }
QHeaderView::section { padding: 0 10px; }
QTableView::item, QTreeView::item { min-height: 24px; }
QComboBox::drop-down, QDateEdit::drop-down { width: 32px; }
"""
"""qt-material's headers pad each column by 24 px a side and its rows are 40 px high: at
1366×768 the desk's tables lost their last columns to that padding, and the board showed
a dozen rows. Columns keep 10 px a side and rows 32 px, still large for the desk's type.
A combo's arrow sits 12 px in from the edge, so its drop-down is 32 px wide, not 20: the longest
item no longer runs under the arrow ("Lunar (农历)▼")."""


def ui_font_family() -> str:
    """The first CJK font of the system; else the one the installed program carries; else Qt's."""
    available = set(QFontDatabase.families())
    for family in CJK_UI_FONTS:
        if family in available:
            return family
    return _bundled_font_family() or QApplication.font().family()


def _bundled_font_family(font: Path | None = None) -> str | None:
    """Registers the installed program's own font (a PC without Chinese fonts): its family."""
    if font is None:  # imported here: the sign-in dialog shows before any service loads
        from frontdesk.services.printing.bundled import BUNDLED_FONT

        font = BUNDLED_FONT
    if not font.is_file():
        return None  # a source checkout: nothing bundled
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(font)))
    return families[0] if families else None


def apply_theme(app: QApplication) -> None:
    family = ui_font_family()
    extra = {"font_family": f"'{family}'", "font_size": f"{FONT_PX}px", "density_scale": "0"}
    stylesheet = build_stylesheet(theme=THEME, invert_secondary=False, extra=extra,
                                  parent="theme") or ""
    stylesheet = re.sub(r"text-transform:\s*uppercase;", "", stylesheet)
    app.setStyle("Fusion")
    font = QFont(family)
    font.setPixelSize(FONT_PX)
    app.setFont(font)
    app.setStyleSheet(stylesheet + EXTRA_QSS)
