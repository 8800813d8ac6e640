"""Draw FrontDesk's icon: ``frontdesk.png`` (256 px, Linux and the window) and ``frontdesk.ico``
(Windows executables), in this folder.

``python packaging/icons/make_icons.py`` (with the project's venv). The icon is drawn, not
downloaded: a teal rounded square (the theme's colour) with 客 (the client, 客情) in white, in
the bundled WenQuanYi Micro Hei, so it is the same on every machine. The files are committed;
run this again only to change the icon.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "wqy-microhei.ttc"
TEAL = QColor("#00796b")
SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TEAL)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.drawRoundedRect(box, size * 0.18, size * 0.18)
    font = QFont(family)
    font.setPixelSize(round(size * 0.66))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "客")
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise SystemExit(f"cannot load {FONT}")
    draw(SIZE, families[0]).save(str(HERE / "frontdesk.png"))
    # Qt's ICO writer takes one image; Windows scales the 256 px one where it needs a smaller.
    draw(SIZE, families[0]).save(str(HERE / "frontdesk.ico"))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
