"""The client analysis sheet (客情分析表) as an A4 PDF, and batches of them.

``render_sheet`` lays a :class:`~frontdesk.services.sheet.data.SheetData` out on
one A4 page (a second only when the texts are very long): header, client basics,
the allergy box, skin and body tests side by side, trend charts, the five special
conditions, the client type and notes, preferences, the 12-month spend beside the
cards, the recommended plan (courses, home-care products, their total), and signature
lines. A sheet to fill in by hand (``SheetData.by_hand``) prints the consultation's
rows empty, with room to write, and no trends. Every word comes from the sheet's
:class:`~frontdesk.services.sheet.words.SheetWords` (``data.words``, in the
language its caller chose); nothing here is worded in a language of its own.
All text is in the embedded CJK font (:mod:`frontdesk.services.printing.fonts`),
wraps inside its cell, and an empty field prints the words' "Not recorded".
``render_batch`` writes many sheets to a folder, reporting progress and stopping
when asked (the UI runs it off the UI thread).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, TypeVar

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from frontdesk.core.money import format_fen
from frontdesk.services.printing.fonts import CjkFont, cjk_font
from frontdesk.services.sheet.charts import number_text, trend_chart
from frontdesk.services.sheet.data import (
    CLIENT_TYPES,
    CONDITION_KINDS,
    BodyTest,
    PlanLine,
    SheetData,
    SkinTest,
)
from frontdesk.services.sheet.layout import (
    ACCENT,
    GUTTER,
    Ctx,
    Pair,
    header,
    pairs_table,
    section_table,
    side_by_side,
    signature_table,
)
from frontdesk.services.sheet.words import coded

MARGIN = 12 * mm  # from the paper's edge to the content
FRAME_PADDING = 6.0  # platypus frames pad their content by 6 pt on each side
WIDTH = A4[0] - 2 * MARGIN
HALF = (WIDTH - GUTTER) / 2
CHART_H = 52.0
WRITE_ROOM = 5 * mm  # the height of an empty row on a sheet filled in by hand
CHARTS_PER_ROW = 3


def _measure(value: float | None, unit: str) -> str:
    return "" if value is None else f"{number_text(value)}{unit}"


def _client(c: Ctx, d: SheetData) -> Table:
    b, w = d.client, c.words
    since = b.client_since.isoformat() if b.client_since else ""
    rows: list[list[Pair]] = [
        [(w.name, c.p(b.name, "name")), (w.gender, coded(w.gender_names, b.gender)),
         (w.age, b.age_or_birthday)],
        [(w.phone, b.phone_masked), (w.member_no, b.member_no), (w.tier, b.tier)],
        # No visitor class: the client reads and signs this sheet, and "special visitor"
        # is the desk's private warning about them.
        [(w.since, since), (w.consultant, d.consultant), (w.printed, d.printed_on.isoformat())],
    ]
    return pairs_table(c, w.client_title, rows, WIDTH, per_row=3)


def _allergies(c: Ctx, d: SheetData) -> Table:
    text = c.p(d.allergies, "alert", long=True)
    return section_table(c, None, [[c.p(c.words.allergies_title, "alert"), text]],
                         [34 * mm, WIDTH - 34 * mm], alert=True)


def _room() -> Spacer:
    """An empty value with room to write in, on a sheet filled in by hand."""
    return Spacer(1, WRITE_ROOM)


def _by_hand(rows: list[list[Pair]]) -> list[list[Pair]]:
    """The same rows with every value left empty, to be written in."""
    return [[(label, _room()) for label, _ in row] for row in rows]


def _tested(c: Ctx, on: dt.date, method: str) -> str:
    w = c.words
    if not method:
        return on.isoformat()
    return w.tested_with.format(date=on.isoformat(), method=coded(w.method_names, method))


def _skin_rows(c: Ctx, skin: SkinTest) -> list[list[Pair]]:
    w = c.words
    return [
        [(w.skin_type, skin.skin_type), (w.sensitivity, skin.sensitivity)],
        [(w.moisture, _measure(skin.moisture_pct, "%")), (w.oil, _measure(skin.oil_pct, "%"))],
        [(w.elasticity, skin.elasticity), (w.pores, skin.pores)],
        [(w.acne_grade, skin.acne_grade), (w.pigmentation, skin.pigmentation)],
        [(w.wrinkles, skin.wrinkles)],
        [(w.skin_notes, c.p(skin.notes, long=True))],
    ]


def _body_rows(c: Ctx, body: BodyTest) -> list[list[Pair]]:
    w = c.words
    return [
        [(w.height, _measure(body.height_cm, " cm")), (w.weight, _measure(body.weight_kg, " kg"))],
        [(w.bmi, _measure(body.bmi_value, "")), (w.body_fat, _measure(body.body_fat_pct, "%"))],
        [(w.waist, _measure(body.waist_cm, " cm")), (w.hip, _measure(body.hip_cm, " cm"))],
        [(w.posture, body.posture)],
        [(w.pain_areas, body.pain_areas)],
        [(w.meridians, c.p(body.meridian_notes, long=True))],
    ]


Test = TypeVar("Test", SkinTest, BodyTest)


def _test(c: Ctx, d: SheetData, title: str, test: Test | None,
          rows_of: Callable[[Ctx, Test], list[list[Pair]]], blank: Test) -> Table:
    """A skin or body test, its date and method in the title (by hand: a row to write them)."""
    if d.by_hand:
        rows = _by_hand([[(c.words.tested_on, "")], *rows_of(c, blank)])
    elif test is None:
        rows = [[(c.words.tested_on, "")]]
    else:
        title = f"{title}    {_tested(c, test.tested_on, test.method)}"
        rows = rows_of(c, test)
    return pairs_table(c, title, rows, HALF, per_row=2)


def _tests(c: Ctx, d: SheetData) -> tuple[Table, Table]:
    """The skin test and the body test, to print side by side."""
    w = c.words
    return (_test(c, d, w.skin_title, d.skin, _skin_rows, SkinTest(d.printed_on)),
            _test(c, d, w.body_title, d.body, _body_rows, BodyTest(d.printed_on)))


def _trends(c: Ctx, d: SheetData) -> Table:
    title = c.words.trends_title
    if not d.trends:
        return section_table(c, title, [[c.p("")]], [WIDTH])
    chart_w = WIDTH / CHARTS_PER_ROW
    charts: list[Drawing | str] = [
        trend_chart(s, c.font, chart_w - 6, CHART_H, c.words.not_recorded) for s in d.trends]
    rows = [charts[i:i + CHARTS_PER_ROW] for i in range(0, len(charts), CHARTS_PER_ROW)]
    rows[-1] = rows[-1] + [""] * (CHARTS_PER_ROW - len(rows[-1]))
    return section_table(c, title, rows, [chart_w] * CHARTS_PER_ROW, grid=False)


def _conditions(c: Ctx, d: SheetData) -> Table:
    w = c.words
    rows: list[list[object]] = [[c.p(text, "label") for text in (w.condition, w.before, w.after)]]
    for kind in CONDITION_KINDS:
        seen = d.condition(kind)
        observed = ([_room(), ""] if d.by_hand else
                    [c.p(seen.before if seen else "", long=True),
                     c.p(seen.after if seen else "", long=True)])
        rows.append([c.p(coded(w.condition_names, kind)), *observed])
    first = 34 * mm
    return section_table(c, w.conditions_title, rows, [first, (WIDTH - first) / 2,
                                                         (WIDTH - first) / 2])


def _preferences(c: Ctx, d: SheetData) -> Table:
    p, w = d.preferences, c.words
    rows: list[list[Pair]] = [
        [(w.favourites, p.favourite_services), (w.preferred_staff, p.preferred_staff),
         (w.room, p.room)],
        [(w.drink, p.drink), (w.music, p.music)],
        [(w.avoid_topics, c.p(p.avoid_topics, long=True))],
    ]
    return pairs_table(c, w.preferences_title, rows, WIDTH, per_row=3)


def _spend(c: Ctx, d: SheetData) -> Table:
    s, w = d.consumption, c.words
    rows: list[list[Pair]] = [
        [(w.visits, str(s.visits)), (w.spend, format_fen(s.spend_fen))],
        [(w.top_services, s.favourite_services)],
    ]
    return pairs_table(c, w.spend_title, rows, HALF, per_row=2)


def _cards(c: Ctx, d: SheetData) -> Table:
    w = c.words
    head: list[object] = [c.p(text, "label")
                          for text in (w.card, w.balance, w.sessions_left, w.expires)]
    rows: list[list[object]] = [head]
    for card in d.cards:
        rows.append([c.p(card.name),
                     c.p(format_fen(card.balance_fen) if card.balance_fen is not None else "—"),
                     c.p(str(card.sessions_left) if card.sessions_left is not None else "—"),
                     c.p(card.expires_on.isoformat() if card.expires_on else "—")])
    if not d.cards:
        rows.append([c.p(w.none, "muted"), "", "", ""])
    widths = [HALF * 0.34, HALF * 0.22, HALF * 0.2, HALF * 0.24]
    spans = [("SPAN", (0, 2), (-1, 2))] if not d.cards else []
    return section_table(c, w.cards_title, rows, widths, extra=spans)


def _plan_lines(c: Ctx, lines: tuple[PlanLine, ...], by_hand: int) -> list[list[object]]:
    """One row per line; ``by_hand`` empty rows to write in instead on a paper form."""
    if by_hand:
        return [[_room(), "", ""] for _ in range(by_hand)]
    if not lines:
        return [[c.p(""), "", ""]]
    return [[c.p(line.item), c.p(str(line.sessions), "right"),
             c.p(format_fen(line.price_fen), "right")] for line in lines]


def _plan(c: Ctx, d: SheetData) -> Table:
    """Courses, then home-care products, and the total of both (the profile's rule)."""
    plan, w, hand = d.plan, c.words, d.by_hand
    courses = _plan_lines(c, plan.lines, 3 if hand else 0)
    products = _plan_lines(c, plan.home_care, 2 if hand else 0)
    rows: list[list[object]] = [
        [c.p(w.item, "label"), c.p(w.sessions, "label_right"), c.p(w.price, "label_right")],
        *courses,
        [c.p(w.home_care, "label"), c.p(w.quantity, "label_right"), c.p(w.price, "label_right")],
        *products,
        [c.p(w.total, "total_label"), "",
         _room() if hand else c.p(format_fen(plan.total_fen), "total")]]
    total_row = len(rows)  # the title row is prepended as row 0
    next_visit = plan.next_visit.isoformat() if plan.next_visit else ""
    rows.append([c.labelled(w.plan_notes, None if hand else plan.notes, long=True),
                 c.labelled(w.next_visit, None if hand else next_visit), ""])
    extra = [("SPAN", (0, total_row), (1, total_row)),
             ("VALIGN", (0, total_row), (-1, total_row), "MIDDLE"),
             ("LINEABOVE", (0, total_row), (-1, total_row), 0.9, ACCENT),
             ("SPAN", (1, total_row + 1), (2, total_row + 1))]
    extra += [("SPAN", (0, r), (-1, r)) for r in (2, len(courses) + 3)
              if not hand and rows[r - 1][1] == ""]  # a "Not recorded" row spans the table
    if hand:
        extra.append(("BOTTOMPADDING", (0, total_row + 1), (-1, total_row + 1), WRITE_ROOM))
    return section_table(c, w.plan_title, rows, [WIDTH - 70 * mm, 25 * mm, 45 * mm],
                         extra=extra)


def _client_type(c: Ctx, d: SheetData) -> Table:
    """The client type (special clients to guide in person), how to handle them, the notes."""
    t, w = d.client_type, c.words
    if d.by_hand:
        boxes = "    ".join(f"□ {coded(w.client_type_names, code)}" for code in CLIENT_TYPES)
        rows: list[list[Pair]] = [[(w.client_type, boxes)],
                                  [(w.handling, _room()), (w.notes, _room())]]
        return pairs_table(c, w.client_type_title, rows, WIDTH, per_row=2)
    flags = w.list_separator.join(coded(w.client_type_names, code) for code in t.flags)
    rows = [[(w.client_type, flags), (w.handling, c.p(t.handling, long=True)),
             (w.notes, c.p(t.notes, long=True))]]
    return pairs_table(c, w.client_type_title, rows, WIDTH, per_row=3)


def _story(c: Ctx, d: SheetData) -> list[Flowable]:
    gap = Spacer(1, 1.2 * mm)
    tall = A4[1] - 2 * MARGIN - 20 * mm

    def pair(left: object, right: object) -> KeepInFrame:
        return KeepInFrame(WIDTH, tall, [side_by_side(c, left, right, HALF)], mode="shrink")
    return [
        header(c, d, WIDTH), gap, _client(c, d), gap, _allergies(c, d), gap,
        pair(*_tests(c, d)), gap, *([] if d.by_hand else [_trends(c, d), gap]),
        _conditions(c, d), gap, _client_type(c, d), gap, _preferences(c, d), gap,
        pair(_spend(c, d), _cards(c, d)), gap, _plan(c, d), Spacer(1, 2 * mm),
        signature_table(c, WIDTH),
    ]


def _footer(c: Ctx, store: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(c.font, 6.5)
        canvas.setFillGray(0.45)
        y = MARGIN - 5 * mm
        canvas.drawString(MARGIN, y, f"{store[:30]} · {c.words.title}")
        canvas.drawCentredString(A4[0] / 2, y, c.words.confidential)
        canvas.drawRightString(A4[0] - MARGIN, y, c.words.page.format(n=doc.page))
        canvas.restoreState()
    return draw


def render_sheet(data: SheetData, out: str | os.PathLike[str] | BinaryIO,
                 font: CjkFont | None = None) -> None:
    """Write ``data`` as an A4 PDF to a path or a binary file; FontMissing if no CJK font."""
    font = font or cjk_font()
    c = Ctx(font.name, data.words)
    target = os.fspath(out) if isinstance(out, (str, os.PathLike)) else out
    edge = MARGIN - FRAME_PADDING
    doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=edge, rightMargin=edge,
                            topMargin=edge, bottomMargin=edge, title=data.words.title,
                            author=data.store.name, creator="FrontDesk",
                            initialFontName=font.name)
    footer = _footer(c, data.store.name)
    doc.build(_story(c, data), onFirstPage=footer, onLaterPages=footer)


_UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def sheet_file_name(index: int, data: SheetData) -> str:
    """``007-M000123.pdf``: numbered for order, then the member no (or name), safe on Windows."""
    tag = _UNSAFE.sub("_", data.client.member_no or data.client.name).strip("._")[:40]
    return f"{index:03d}-{tag or 'client'}.pdf"


def _write_whole(data: SheetData, path: Path, font: CjkFont) -> None:
    """Render under a temporary name, then rename: a failure leaves no half-written file."""
    partial = path.with_name(path.name + ".part")
    try:
        render_sheet(data, partial, font)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def render_batch(items: Sequence[SheetData], out_dir: str | os.PathLike[str],
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 font: CjkFont | None = None) -> list[Path]:
    """Render each sheet into ``out_dir``; returns the files written, in order.

    ``progress(done, total)`` is called after each sheet; when ``cancelled()``
    turns true the batch stops before the next sheet (files already written stay).
    Each file is written under a temporary name and renamed, so none is half-written.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    font = font or cjk_font()
    written: list[Path] = []
    for i, data in enumerate(items, start=1):
        if cancelled is not None and cancelled():
            break
        path = folder / sheet_file_name(i, data)
        _write_whole(data, path, font)
        written.append(path)
        if progress is not None:
            progress(i, len(items))
    return written
