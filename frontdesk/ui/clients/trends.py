"""Trends of the skin and body measures: one small line chart per measure, drawn with QPainter.

No QtCharts: a chart is a title, a light grid, a line through the dated values,
a dot per value, the newest value written beside its dot, and the first and
last dates. Read when the tab is shown (an audited health view).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.services.health.consultation import TREND_UNITS
from frontdesk.services.registry import Services
from frontdesk.ui.clients.common import run_guarded
from frontdesk.ui.dates import date_text
from frontdesk.ui.labels import trend_name
from frontdesk.ui.widgets import scrolled

Points = list[tuple[dt.date, float]]
LINE = QColor("#b0306a")
GRID = QColor("#e0e0e0")
TEXT = QColor("#424242")
MUTED = QColor("#9e9e9e")
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 46.0, 40.0, 34.0, 26.0


def number_text(value: float) -> str:
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def value_range(values: list[float]) -> tuple[float, float]:
    """The y range: the values' span with a margin, never empty."""
    lo, hi = min(values), max(values)
    margin = (hi - lo) * 0.15 or max(abs(hi) * 0.05, 1.0)
    return lo - margin, hi + margin


class TrendChart(QWidget):
    def __init__(self, measure: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"trend_{measure}")
        self.measure = measure
        self.points: Points = []
        self.setMinimumSize(240, 170)

    def sizeHint(self) -> QSize:
        return QSize(300, 190)

    def set_points(self, points: Points) -> None:
        self.points = list(points)
        self.update()

    def title(self) -> str:
        unit = TREND_UNITS[self.measure]
        name = trend_name(self.measure)
        return self.tr("{name} ({unit})").format(name=name, unit=self._unit(unit)) if unit \
            else name

    def _unit(self, unit: str) -> str:
        return {"kg": self.tr("kg"), "cm": self.tr("cm")}.get(unit, unit)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(GRID)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        painter.drawText(QRectF(10, 6, self.width() - 20, 22), Qt.AlignmentFlag.AlignLeft,
                         self.title())
        painter.setFont(self.font())
        if not self.points:
            painter.setPen(MUTED)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No measurements yet"))
        else:
            self._draw_series(painter)
        painter.end()

    def _plot(self) -> QRectF:
        return QRectF(PAD_LEFT, PAD_TOP, self.width() - PAD_LEFT - PAD_RIGHT,
                      self.height() - PAD_TOP - PAD_BOTTOM)

    def _positions(self, plot: QRectF, lo: float, hi: float) -> list[QPointF]:
        first = self.points[0][0]
        days = max((self.points[-1][0] - first).days, 1)
        single = len(self.points) == 1
        return [QPointF(plot.center().x() if single
                        else plot.left() + plot.width() * (d - first).days / days,
                        plot.bottom() - plot.height() * (v - lo) / (hi - lo))
                for d, v in self.points]

    def _draw_series(self, painter: QPainter) -> None:
        plot = self._plot()
        lo, hi = value_range([v for _d, v in self.points])
        self._draw_grid(painter, plot, lo, hi)
        spots = self._positions(plot, lo, hi)
        path = QPainterPath(spots[0])
        for spot in spots[1:]:
            path.lineTo(spot)
        painter.setPen(QPen(LINE, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(LINE)
        for spot in spots:
            painter.drawEllipse(spot, 3.5, 3.5)
        painter.setPen(TEXT)
        last = spots[-1]
        painter.drawText(QRectF(last.x() + 5, last.y() - 18, PAD_RIGHT + 30, 16),
                         Qt.AlignmentFlag.AlignLeft, number_text(self.points[-1][1]))

    def _draw_grid(self, painter: QPainter, plot: QRectF, lo: float, hi: float) -> None:
        painter.setPen(QPen(GRID, 1))
        for i in range(3):
            y = plot.top() + plot.height() * i / 2
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        for value, y in ((hi, plot.top()), (lo, plot.bottom())):
            painter.drawText(QRectF(2, y - 9, PAD_LEFT - 6, 18),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             number_text(value))
        first, last = date_text(self.points[0][0]), date_text(self.points[-1][0])
        bottom = QRectF(plot.left(), plot.bottom() + 4, plot.width(), PAD_BOTTOM - 4)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, first)
        if last != first:
            painter.drawText(bottom, Qt.AlignmentFlag.AlignRight, last)


class TrendsTab(QWidget):
    COLUMNS = 3

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendsTab")
        self._services = services
        self._actor = actor
        self.allowed = allowed(actor, Action.VIEW_HEALTH)
        self.client_id: int | None = None
        self._stale = False
        self.message = QLabel(objectName="fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(not self.allowed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        self.charts = {m: TrendChart(m) for m in TREND_UNITS} if self.allowed else {}
        if not self.allowed:
            self.message.setObjectName("healthRefusal")
            self.message.setText(self.tr("Trends of skin and body measures are health data, "
                                         "kept for consultants and managers."))
        inner = QWidget()
        grid = QGridLayout(inner)
        for i, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, i // self.COLUMNS, i % self.COLUMNS)
        grid.setRowStretch(grid.rowCount(), 1)
        layout.addWidget(scrolled(inner, "trendsScroll"), 1)  # small screens scroll, never clip

    def set_client(self, client_id: int) -> None:
        self.client_id = client_id
        self._stale = True
        if self.allowed and self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.allowed and self._stale:
            self.refresh()

    def refresh(self) -> None:
        if self.client_id is None:
            return
        client_id = self.client_id
        self._stale = False
        self.message.hide()
        points = run_guarded(self, self.message, lambda: self._services.consultation.trends(
            self._actor, client_id)) or {}
        for measure, chart in self.charts.items():
            chart.set_points(points.get(measure, []))
