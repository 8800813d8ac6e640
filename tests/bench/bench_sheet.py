"""Benchmark: one client analysis sheet PDF beside a bare-reportlab floor.

FrontDesk: ``render_sheet`` of a full sheet (every section, three trend charts)
into memory. The floor, built in the same run with the same loaded font: bare
reportlab drawing one A4 page with the same text (each value and label one
string at a fixed place, no measuring or wrapping), one table and one line
chart. Both write a complete PDF
(font subset embedded). Also reported: loading the font once, and a batch.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import tempfile
import time
from collections.abc import Iterator, Mapping

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, PolyLine, String
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from frontdesk.services.printing.fonts import CjkFont, cjk_font
from frontdesk.services.sheet.data import SheetData
from frontdesk.services.sheet.pdf import render_batch, render_sheet
from tests.bench.stats import Row, Timing, markdown_table, time_each
from tests.unit.test_sheet_pdf import make_full_sheet


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sheets", type=int, default=100, help="sheets per timing (default 100)")


def _strings(value: object) -> Iterator[str]:
    """Every printable value of a sheet and every word of its ``words``, as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, Mapping):
        yield from _strings(tuple(value.values()))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _strings(item)
    elif value is not None and value != "":
        yield value.isoformat() if isinstance(value, dt.date) else str(value)


def sheet_pieces(data: SheetData) -> list[str]:
    """The sheet's values and words, each a separate piece of text (long ones in 50s)."""
    return [text[i:i + 50] for text in _strings(data) for i in range(0, len(text), 50)]


def floor_page(pieces: list[str], font: CjkFont) -> bytes:
    """Bare reportlab: the same text pieces at fixed places, one table, one chart, one page."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=font.name)
    canvas.setFont(font.name, 8)
    for i, piece in enumerate(pieces):
        canvas.drawString(36 + (i % 3) * 180, 800 - (i // 3) * 10, piece)
    table = Table([[f"项目 {r}", str(r), f"¥{r},000.00"] for r in range(8)],
                  colWidths=[300, 80, 120])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font.name),
                               ("GRID", (0, 0), (-1, -1), 0.3, "#CCCCCC")]))
    table.wrapOn(canvas, 520, 300)
    table.drawOn(canvas, 36, 160)
    chart = Drawing(170, 60, initialFontName=font.name)
    chart.add(PolyLine([20, 10, 60, 30, 100, 25, 150, 50], strokeWidth=1.2))
    chart.add(String(4, 50, "水分 (%)", fontName=font.name, fontSize=7))
    renderPDF.draw(chart, canvas, 36, 60)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _ours(data: SheetData, font: CjkFont) -> bytes:
    out = io.BytesIO()
    render_sheet(data, out, font)
    return out.getvalue()


def _font_load_ms(font: CjkFont) -> float:
    start = time.perf_counter()
    TTFont("BenchCold", str(font.path), subfontIndex=0)
    return (time.perf_counter() - start) * 1000


def _row(kind: str, items: list[SheetData], font: CjkFont) -> Row:
    ours = time_each(kind, lambda d: _ours(d, font), items)  # type: ignore[arg-type]
    texts = [sheet_pieces(d) for d in items]
    floor = time_each("floor", lambda t: floor_page(t, font), texts)  # type: ignore[arg-type]
    return Row(kind, ours, floor)


def _batch_ms(items: list[SheetData], font: CjkFont) -> float:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        render_batch(items, folder, font=font)
        return (time.perf_counter() - start) * 1000


def run(args: argparse.Namespace) -> str:
    font = cjk_font()
    n = args.sheets
    zh = [make_full_sheet("zh_CN", name=f"欧阳娜娜{i}") for i in range(n)]
    en = [make_full_sheet("en", name=f"Anna Miller {i}") for i in range(n)]
    rows = [_row("sheet zh_CN, full, 3 charts", zh, font), _row("sheet en, full", en, font)]
    batch = _batch_ms(zh, font)
    size = len(_ours(zh[0], font)) / 1024
    notes = Timing("font", (_font_load_ms(font),))
    return "\n".join([
        markdown_table(f"Client analysis sheet PDF ({n} sheets, font {font.path.name})", rows),
        "",
        f"- loading the font once (TTFont, cold): {notes.p50:.0f} ms",
        (f"- render_batch of {n} sheets to files: {batch / 1000:.2f} s "
         f"({batch / n:.1f} ms per sheet)"),
        f"- one sheet: {size:.0f} KiB",
    ])
