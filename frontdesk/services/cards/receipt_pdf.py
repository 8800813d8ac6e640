"""The 80 mm receipt of a card operation as a PDF: its words, and laying it out.

A receipt printer's roll is 80 mm wide (72 mm printable); the page is as long as the
receipt. Every word comes from the :class:`ReceiptWords` the caller gives (English by
default, as DomainError templates are; the screens pass their language's words from
:mod:`frontdesk.ui.cards.receipt_words`). Text is in the embedded CJK font
(:mod:`frontdesk.services.printing.fonts`), so the receipt reads the same on a machine
that never saw the program; the card number is printed under its Code 128 barcode.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from frontdesk.core.money import format_fen

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from frontdesk.services.cards.receipt import Moves, ReceiptData
    from frontdesk.services.printing.fonts import CjkFont

# reportlab is imported where a receipt is measured or drawn, not with this module: the
# screens load behind the sign-in dialog, which waits for nothing heavy (test_startup)
mm = 72 / 25.4
"""One millimetre in points, as ``reportlab.lib.units.mm``."""

PAGE_W = 80 * mm
MARGIN = 4 * mm
WIDTH = PAGE_W - 2 * MARGIN
BODY = 8.5
TITLE = 11.0
LEADING = 1.35
BAR_H = 12 * mm


@dataclass(frozen=True)
class ReceiptWords:
    """The words of one receipt; texts with ``{fields}`` are filled in by the receipt."""

    language: str = "en"
    title: str = "Member card receipt"
    number: str = "No. {n}"
    time: str = "Time"
    card_no: str = "Card no."
    member: str = "Member"
    card: str = "Card"
    received: str = "Received ({method})"
    refunded: str = "Refunded ({method})"
    changes: str = "Changes"
    balances: str = "Balances after"
    paid: str = "Paid money"
    bonus: str = "Bonus money"
    total: str = "Total balance"
    sessions: str = "Sessions"
    points: str = "Points"
    reason: str = "Reason"
    staff: str = "Staff"
    approved_by: str = "Approved by"
    signature: str = "Client signature"
    kinds: Mapping[str, str] = field(default_factory=dict)
    """An operation kind's name (``top_up`` → "Top-up"); an unknown kind prints as it is."""
    methods: Mapping[str, str] = field(default_factory=dict)
    """A payment method's name (``wechat`` → "WeChat Pay")."""


@dataclass(frozen=True)
class Line:
    left: str
    right: str = ""
    size: float = BODY
    centre: bool = False
    rule: bool = False


def _signed(fen: int) -> str:
    return ("+" if fen > 0 else "") + format_fen(fen)


def _count(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def _head(d: ReceiptData, w: ReceiptWords) -> list[Line]:
    at = d.at if d.at.tzinfo else d.at.replace(tzinfo=dt.UTC)
    return [
        Line(d.store, size=TITLE, centre=True),
        Line(w.title, centre=True),
        Line("", rule=True),
        Line(w.kinds.get(d.kind, d.kind), w.number.format(n=d.operation_id)),
        Line(w.time, at.astimezone().strftime("%Y-%m-%d %H:%M")),
        Line(w.card_no, d.card_no),
        Line(w.member, f"{d.owner} {d.phone_masked}".strip()),
        Line(w.card, d.product),
        Line("", rule=True),
    ]


def _moves(d: ReceiptData, w: ReceiptWords) -> list[Line]:
    lines = []
    if d.money_fen:
        method = w.methods.get(d.method or "", d.method or "")
        label = w.received if d.money_fen > 0 else w.refunded
        lines.append(Line(label.format(method=method), format_fen(abs(d.money_fen))))
    m = d.moved
    changed = [(w.paid, _signed(m.paid_fen), m.paid_fen), (w.bonus, _signed(m.bonus_fen),
               m.bonus_fen), (w.sessions, _count(m.sessions), m.sessions),
               (w.points, _count(m.points), m.points)]
    shown = [Line(label, text) for label, text, value in changed if value]
    if shown:
        lines += [Line(w.changes), *shown]
    return lines


def _balances(after: Moves, w: ReceiptWords, sessions: bool) -> list[Line]:
    lines = [Line("", rule=True), Line(w.balances),
             Line(w.paid, format_fen(after.paid_fen)), Line(w.bonus, format_fen(after.bonus_fen)),
             Line(w.total, format_fen(after.paid_fen + after.bonus_fen))]
    if sessions:
        lines.append(Line(w.sessions, str(after.sessions)))
    return lines


def _foot(d: ReceiptData, w: ReceiptWords) -> list[Line]:
    lines = [Line("", rule=True)]
    if d.reason:
        lines.append(Line(f"{w.reason}: {d.reason}"))
    if d.staff:
        lines.append(Line(w.staff, d.staff))
    if d.approved_by:
        lines.append(Line(w.approved_by, d.approved_by))
    return lines


def receipt_lines(d: ReceiptData, w: ReceiptWords) -> list[Line]:
    """The receipt's text lines, top to bottom (the barcode and signature follow)."""
    sessions = bool(d.after.sessions or d.moved.sessions)
    return [*_head(d, w), *_moves(d, w), *_balances(d.after, w, sessions), *_foot(d, w)]


def wrap(text: str, font: str, size: float, width: float = WIDTH) -> list[str]:
    """``text`` broken into lines no wider than ``width``: at any character, as Chinese has
    no spaces to break at."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current = [], ""
    for ch in text:
        if current and stringWidth(current + ch, font, size) > width:
            lines.append(current.rstrip())
            current = ch.lstrip()
        else:
            current += ch
    return [*lines, current] if current or not lines else lines


def _wrapped(line: Line, font: str) -> list[Line]:
    """A long line (a reason, a long name) wraps inside the roll's width."""
    if line.rule or line.centre or line.right:
        return [line]
    return [Line(part, size=line.size) for part in wrap(line.left, font, line.size)]


def _draw_line(c: Canvas, line: Line, y: float, font: str) -> None:
    if line.rule:
        c.setDash(1, 2)
        c.line(MARGIN, y + line.size * 0.3, PAGE_W - MARGIN, y + line.size * 0.3)
        c.setDash()
        return
    c.setFont(font, line.size)
    if line.centre:
        c.drawCentredString(PAGE_W / 2, y, line.left)
        return
    c.drawString(MARGIN, y, line.left)
    if line.right:
        c.drawRightString(PAGE_W - MARGIN, y, line.right)


def _barcode(c: Canvas, card_no: str, y: float, font: str) -> None:
    """The card number as Code 128, as wide as fits the roll, its digits under it."""
    from reportlab.graphics.barcode.code128 import Code128

    probe = Code128(card_no, barWidth=1, barHeight=BAR_H, quiet=False)
    bar = Code128(card_no, barWidth=min(1.2, WIDTH / probe.width), barHeight=BAR_H,
                  quiet=False)
    bar.drawOn(c, (PAGE_W - bar.width) / 2, y - BAR_H)
    c.setFont(font, BODY)
    c.drawCentredString(PAGE_W / 2, y - BAR_H - BODY * LEADING, card_no)


def render_receipt(data: ReceiptData, words: ReceiptWords,
                   out: str | os.PathLike[str] | BinaryIO, font: CjkFont | None = None) -> None:
    """Write ``data`` as an 80 mm receipt PDF; FontMissing if there is no CJK font."""
    from reportlab.pdfgen.canvas import Canvas

    from frontdesk.services.printing.fonts import cjk_font

    font = font or cjk_font()
    lines = [part for line in receipt_lines(data, words) for part in _wrapped(line, font.name)]
    tail = BAR_H + 4 * BODY * LEADING + 8 * mm  # barcode, its digits, the signature line
    height = 2 * MARGIN + sum(line.size * LEADING for line in lines) + tail
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    c = Canvas(target, pagesize=(PAGE_W, height), pageCompression=1)
    c.setTitle(words.title)
    c.setAuthor(data.store)
    c.setCreator("FrontDesk")
    y = height - MARGIN
    for line in lines:
        y -= line.size * LEADING
        _draw_line(c, line, y, font.name)
    _barcode(c, data.card_no, y - BODY, font.name)
    y -= BAR_H + BODY + 2 * BODY * LEADING + 6 * mm
    c.setFont(font.name, BODY)
    c.drawString(MARGIN, y, f"{words.signature}:")
    c.line(MARGIN + 24 * mm, y - 1, PAGE_W - MARGIN, y - 1)
    c.showPage()
    c.save()
