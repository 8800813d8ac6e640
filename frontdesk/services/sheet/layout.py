"""Layout pieces of the client analysis sheet: styles, cells and tables.

:class:`Ctx` carries the font, the sheet's words
(:class:`~frontdesk.services.sheet.words.SheetWords`, in the language its caller
chose) and the paragraph styles; the table helpers give every section the same
look: a tinted title row, light grid, text that wraps inside its cell.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

from frontdesk.services.sheet.data import SheetData
from frontdesk.services.sheet.words import SheetWords

ACCENT = colors.HexColor("#8E2457")
TINT = colors.HexColor("#F6E9EF")
RULE = colors.HexColor("#CFCFCF")
ALERT = colors.HexColor("#B00020")
ALERT_TINT = colors.HexColor("#FFF3F4")
GUTTER = 6.0
MAX_SHORT, MAX_LONG = 160, 600  # characters; longer texts are cut with "…" so one cell fits a page
# "CJK" wrapping keeps Chinese punctuation off a line's start but may split a
# Latin word anywhere; the default wrapping breaks at spaces and still wraps Chinese.
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{4,}")

Pair = tuple[str, "str | Flowable"]


def wrap_mode(text: str) -> str | None:
    """``"CJK"`` for Chinese text, ``None`` (break at spaces) when it has Latin words."""
    return "CJK" if _CJK.search(text) and not _LATIN_WORD.search(text) else None


@lru_cache(maxsize=8)
def _styles(font: str) -> dict[str, ParagraphStyle]:
    def style(name: str, size: float, color: Any = colors.black, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.25,
                              textColor=color, **kw)
    grey = colors.HexColor("#666666")
    return {
        "body": style("body", 8), "right": style("right", 8, alignment=TA_RIGHT),
        "label": style("label", 7.5, grey),
        "label_right": style("label_right", 7.5, grey, alignment=TA_RIGHT),
        "muted": style("muted", 8, colors.HexColor("#9A9A9A")),
        "name": style("name", 10.5), "section": style("section", 8.5, ACCENT),
        "alert": style("alert", 9, ALERT),
        "total_label": style("total_label", 9, ACCENT, alignment=TA_RIGHT),
        "total": style("total", 10.5, ACCENT, alignment=TA_RIGHT),
        "store": style("store", 15), "small": style("small", 7, grey),
        "title": style("title", 17, ACCENT, alignment=TA_RIGHT),
        "small_right": style("small_right", 7, grey, alignment=TA_RIGHT),
    }


class TextCell(Flowable):
    """A text that fits on one line is drawn as one string; only a longer one is a Paragraph.

    Most cells of the sheet are short, and a Paragraph costs far more to wrap and
    draw, several times over in nested tables. The first baseline matches a
    Paragraph's, so both kinds line up in a row.
    """

    def __init__(self, text: str, style: ParagraphStyle, make_paragraph: Any):
        super().__init__()
        self.text = text
        self.style = style
        self._make_paragraph = make_paragraph
        self._para: Paragraph | None = None
        self._single = "\n" not in text
        self._text_width = stringWidth(text, style.fontName, style.fontSize)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._single and self._text_width <= avail_width:
            self._para = None
            self.width, self.height = avail_width, self.style.leading
            return self.width, self.height
        if self._para is None:
            self._para = self._make_paragraph()
        width, height = self._para.wrap(avail_width, avail_height)
        return float(width), float(height)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw at ``(x, y)`` directly: a one-line cell needs no translated coordinate system."""
        if self._para is not None:
            # WORKAROUND: types-reportlab's Flowable.drawOn omits _sW, which reportlab passes
            self._para.drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]
            return
        style = self.style
        if style.alignment == TA_RIGHT:
            x += self.width - self._text_width
        text = canvas.beginText(x, y + self.height - getAscent(style.fontName, style.fontSize))
        text.setFont(style.fontName, style.fontSize)
        text.setFillColor(style.textColor)
        text.textOut(self.text)
        canvas.saveState()  # the colour set inside the text object outlives it in the PDF
        canvas.drawText(text)
        canvas.restoreState()


class Ctx:
    """What every section needs: the font name, the sheet's words, the styles."""

    def __init__(self, font: str, words: SheetWords):
        self.font = font
        self.words = words
        self.styles = _styles(font)

    def p(self, text: str, style: str = "body", long: bool = False) -> TextCell:
        """A cell text that wraps; empty prints the words' "Not recorded", too long is cut."""
        text = _cut(text, long)
        if not text:
            text, style = self.words.not_recorded, "muted"
        return TextCell(text, self.styles[style],
                        lambda: self.para(escape(text).replace("\n", "<br/>"), style, text))

    def para(self, markup: str, style: str = "body", plain: str = "") -> Paragraph:
        """A paragraph of ready (escaped) markup, wrapped the way its ``plain`` text needs."""
        base = self.styles[style]
        mode = wrap_mode(plain)
        if mode is not None:
            key = f"{style}/{mode}"
            if key not in self.styles:
                self.styles[key] = ParagraphStyle(key, parent=base, wordWrap=mode)
            base = self.styles[key]
        return Paragraph(markup, base)

    def labelled(self, label: str, text: str | None, long: bool = False) -> Paragraph:
        """``label  value`` in one paragraph (label grey), for a row spanning a table.

        ``text`` None leaves the value out, to be written in by hand.
        """
        text = None if text is None else _cut(text, long)
        if text is None:
            value = ""
        else:
            value = (escape(text) if text else
                     f'<font color="#9A9A9A">{escape(self.words.not_recorded)}</font>')
        return self.para(f'<font color="#666666" size="7.5">{escape(label)}</font>'
                         f'&nbsp;&nbsp;{value}', plain=f"{label} {text or ''}")


def _cut(text: str, long: bool) -> str:
    text = text.strip()
    limit = MAX_LONG if long else MAX_SHORT
    return text if len(text) <= limit else text[:limit - 1] + "…"


class _Table(Table):
    """A Table laid out once per width.

    reportlab re-measures a table on every ``wrap``, and a table nested in a
    table is wrapped again for each pass of its parent. With the long-table
    optimisation off, the layout depends on the width only, so the size from the
    last ``wrap`` is kept for as long as the width stays the same. Only the last
    width is kept: the table draws with the layout of its latest ``wrap``.
    """

    _size_for: tuple[float, tuple[float, float]] | None = None  # (width, size) of the last wrap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._size_for is None or self._size_for[0] != availWidth:
            self._size_for = (availWidth, super().wrap(availWidth, availHeight))
        return self._size_for[1]


def table(c: Ctx, rows: list[list[Any]], widths: list[float], commands: list[tuple[Any, ...]],
          **kw: Any) -> Table:
    """A left-aligned table whose plain-string cells (only empty ones here) use the CJK font.

    Without FONTNAME an empty cell still selects Helvetica, a font the PDF does
    not embed; a small FONTSIZE keeps an empty cell from making its row taller.
    """
    made = _Table(rows, colWidths=widths, hAlign="LEFT", longTableOptimize=False, **kw)
    made.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), c.font),
                              ("FONTSIZE", (0, 0), (-1, -1), 6), ("LEADING", (0, 0), (-1, -1), 6),
                              *commands]))
    return made


def section_table(c: Ctx, title: str | None, rows: list[list[Any]], widths: list[float],
                  grid: bool = True, alert: bool = False,
                  extra: list[tuple[Any, ...]] | None = None) -> Table:
    """A boxed table, with a tinted title row spanning all columns when ``title`` is given."""
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 1.2 if alert else 0.6, ALERT if alert else RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ]
    if grid:
        commands.append(("INNERGRID", (0, 0), (-1, -1), 0.3, RULE))
    if alert:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), ALERT_TINT))
    if title:
        rows = [[c.p(title, "section")] + [""] * (len(widths) - 1), *rows]
        commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), TINT)]
    return table(c, rows, widths, commands + (extra or []), repeatRows=1 if title else 0)


def pairs_table(c: Ctx, title: str, rows: list[list[Pair]], width: float,
                per_row: int) -> Table:
    """Label/value pairs, ``per_row`` to a row; a short row's last value spans the rest."""
    pair_w = width / per_row
    label_w = min(22 * mm, pair_w * 0.42)
    widths = [label_w, pair_w - label_w] * per_row
    cells: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    for r, pairs in enumerate(rows, start=1):
        line: list[Any] = []
        for key, value in pairs:
            line += [c.p(key, "label"), c.p(value) if isinstance(value, str) else value]
        if len(line) < len(widths):
            spans.append(("SPAN", (len(line) - 1, r), (-1, r)))
            line += [""] * (len(widths) - len(line))
        cells.append(line)
    return section_table(c, title, cells, widths, extra=spans)


_NO_PADDING = [(side, (0, 0), (-1, -1), 0) for side in
               ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]


def side_by_side(c: Ctx, left: Any, right: Any, half: float) -> Table:
    """Two columns of flowables ``half`` wide each, ``GUTTER`` apart."""
    return table(c, [[left, right]], [half + GUTTER, half],
                 [("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PADDING])


def header(c: Ctx, d: SheetData, width: float) -> Table:
    """Store name and contact on the left, the title and the print date on the right."""
    contact = " · ".join(x for x in (d.store.address, d.store.phone) if x.strip())
    store = _cut(d.store.name, long=False)
    left: list[Any] = [c.para(escape(store), "store", store)]
    if contact:
        left.append(c.para(escape(_cut(contact, long=False)), "small", contact))
    right = [c.para(escape(c.words.title), "title"),
             c.para(f"{escape(c.words.printed)} {d.printed_on.isoformat()}", "small_right")]
    return table(c, [[left, right]], [width * 0.6, width * 0.4],
                 [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *_NO_PADDING,
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                  ("LINEBELOW", (0, 0), (-1, 0), 1.5, ACCENT)])


def signature_table(c: Ctx, width: float) -> Table:
    """Consultant and client signature lines, each with a date line."""
    half = width / 2
    widths = [half * 0.34, half * 0.33, half * 0.11, half * 0.22] * 2
    w = c.words
    row = [c.p(w.consultant_signature, "label_right"), "", c.p(w.date, "label_right"), "",
           c.p(w.client_signature, "label_right"), "", c.p(w.date, "label_right"), ""]
    lines = [("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in (1, 3, 5, 7)]
    return table(c, [row], widths, [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *lines],
                 rowHeights=[26])
