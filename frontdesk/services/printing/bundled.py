"""The Chinese font an installed FrontDesk carries, where it carries it.

``packaging/frontdesk.spec`` puts WenQuanYi Micro Hei (Apache 2.0, see packaging/fonts) in the
bundle's ``frontdesk/fonts``: PDFs embed it before any system font (:mod:`.fonts`), and the
window uses it on a PC without a Chinese font (:mod:`frontdesk.ui.theme`). A source checkout
has none. No reportlab here: the window asks at start-up, before any printing.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED_FONT = Path(__file__).resolve().parents[2] / "fonts" / "wqy-microhei.ttc"
