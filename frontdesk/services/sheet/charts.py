"""Small trend charts for the client analysis sheet, drawn with reportlab.graphics.

One measure per chart (moisture %, weight kg…): a line through the dated values,
dots, the last value written at its dot, light grid lines at round values and the first
and last dates. Every string uses the sheet's embedded CJK font. A hand-made
drawing rather than ``LinePlot``: a few shapes, full control of fonts and
clipping, and cheap enough for a batch of a hundred sheets.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Line,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors

from frontdesk.services.sheet.data import TrendSeries

LINE = colors.HexColor("#B0306A")
GRID = colors.HexColor("#DDDDDD")
TEXT = colors.HexColor("#444444")
MUTED = colors.HexColor("#9A9A9A")
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 24.0, 20.0, 16.0, 10.0


def number_text(value: float) -> str:
    """``38.0`` → ``38``; ``21.46`` → ``21.5``: one decimal at most, no trailing zero.

    ``-0.0`` prints as ``0``."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def y_ticks(values: Sequence[float]) -> list[float]:
    """Round grid values (step 1, 2 or 5 × 10ⁿ) around ``values``: at most three intervals."""
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        half = max(abs(hi) * 0.05, 0.5)
        lo, hi = lo - half, hi + half
    magnitude = 10 ** math.floor(math.log10((hi - lo) / 3))
    for factor in (1, 2, 5, 10, 20):
        step = factor * magnitude
        low, high = math.floor(lo / step) * step, math.ceil(hi / step) * step
        if (high - low) / step <= 3.001:
            break
    count = round((high - low) / step)
    return [low + i * step for i in range(count + 1)]


def _frame(d: Drawing, series: TrendSeries, font: str) -> None:
    frame = Rect(0, 0, d.width, d.height)  # (types-reportlab mistypes Rect's keywords)
    frame.strokeColor, frame.fillColor, frame.strokeWidth = GRID, None, 0.5
    d.add(frame)
    title = f"{series.label} ({series.unit})" if series.unit else series.label
    d.add(String(4, d.height - 9, title, fontName=font, fontSize=7, fillColor=TEXT))


def _grid(d: Drawing, ticks: list[float], font: str) -> None:
    plot_h = d.height - PAD_TOP - PAD_BOTTOM
    for i, value in enumerate(ticks):
        y = PAD_BOTTOM + plot_h * i / (len(ticks) - 1)
        d.add(Line(PAD_LEFT, y, d.width - PAD_RIGHT, y, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(PAD_LEFT - 2, y - 2, number_text(value), fontName=font, fontSize=5.5,
                     fillColor=TEXT, textAnchor="end"))


def _x_positions(dates: Sequence[dt.date], width: float) -> list[float]:
    plot_w = width - PAD_LEFT - PAD_RIGHT
    first, last = dates[0].toordinal(), dates[-1].toordinal()
    if last == first:
        return [PAD_LEFT + plot_w / 2] * len(dates)
    return [PAD_LEFT + plot_w * (d.toordinal() - first) / (last - first) for d in dates]


def _line(d: Drawing, xs: list[float], ys: list[float], last: float, font: str) -> None:
    if len(xs) > 1:
        points = [c for xy in zip(xs, ys, strict=True) for c in xy]
        d.add(PolyLine(points, strokeColor=LINE, strokeWidth=1.2))
    for x, y in zip(xs, ys, strict=True):
        d.add(Circle(x, y, 1.6, fillColor=LINE, strokeColor=None))
    d.add(String(xs[-1] + 3, ys[-1] + 2, number_text(last), fontName=font, fontSize=6.5,
                 fillColor=LINE))


def _dates(d: Drawing, dates: Sequence[dt.date], font: str) -> None:
    d.add(String(PAD_LEFT, 2, dates[0].isoformat(), fontName=font, fontSize=5.5, fillColor=TEXT))
    if dates[-1] != dates[0]:
        d.add(String(d.width - PAD_RIGHT, 2, dates[-1].isoformat(), fontName=font,
                     fontSize=5.5, fillColor=TEXT, textAnchor="end"))


def trend_chart(series: TrendSeries, font: str, width: float, height: float,
                empty_text: str) -> Drawing:
    """A ``width`` × ``height`` pt drawing of one series; ``empty_text`` when it has no points."""
    d = Drawing(width, height, initialFontName=font)  # else its first state selects Helvetica
    _frame(d, series, font)
    points = sorted(series.points, key=lambda p: p[0])
    if not points:
        d.add(String(width / 2, height / 2 - 4, empty_text, fontName=font, fontSize=7,
                     fillColor=MUTED, textAnchor="middle"))
        return d
    dates = [p[0] for p in points]
    values = [float(p[1]) for p in points]
    ticks = y_ticks(values)
    low, high = ticks[0], ticks[-1]
    plot_h = height - PAD_TOP - PAD_BOTTOM
    ys = [PAD_BOTTOM + plot_h * (v - low) / (high - low) for v in values]
    _grid(d, ticks, font)
    _line(d, _x_positions(dates, width), ys, values[-1], font)
    _dates(d, dates, font)
    return d
