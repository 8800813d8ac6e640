"""A small bar chart painted with QPainter (QtCharts is not installed): one horizontal bar per
label, its value written beside it, and a target marked as a line across the bars.

Values are exact (ints or Fractions) and are drawn against ``scale`` (the longest bar, or
1 for shares); a bar below the target is drawn in the warning colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW, GAP, PAD = 22, 6, 8
BAR, LOW, TARGET = QColor("#26a69a"), QColor("#ef8a3a"), QColor("#d32f2f")


@dataclass(frozen=True)
class Bar:
    label: str
    value: Fraction | int
    text: str
    """The value as written beside the bar (``12``, ``86.7%``)."""


class BarChart(QWidget):
    """Horizontal bars with a title; :meth:`set_bars` replaces them."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = title
        self.bars: tuple[Bar, ...] = ()
        self.scale: Fraction | int = 1
        self.target: Fraction | None = None
        self.target_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar], *, scale: Fraction | int | None = None,
                 target: Fraction | None = None, target_text: str = "") -> None:
        """Show ``bars`` against ``scale`` (default: the largest value, at least 1)."""
        self.bars = tuple(bars)
        self.scale = scale if scale is not None else max([1, *(b.value for b in self.bars)])
        self.target, self.target_text = target, target_text
        self.setAccessibleDescription("; ".join(f"{b.label} {b.text}" for b in self.bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(1, len(self.bars))
        return QSize(320, PAD * 2 + ROW * (rows + 1) + GAP * rows + ROW // 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, self.sizeHint().height())

    def _columns(self) -> tuple[int, int]:
        """The width of the labels' column and of the values' column."""
        metrics = self.fontMetrics()
        labels = max([0, *(metrics.horizontalAdvance(b.label) for b in self.bars)])
        values = max([0, *(metrics.horizontalAdvance(b.text) for b in self.bars)])
        return min(labels, self.width() * 2 // 5), values

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        painter.setPen(text)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(PAD, PAD, self.width() - 2 * PAD, ROW),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        labels, values = self._columns()
        left = PAD + labels + GAP
        width = max(1, self.width() - left - values - 2 * GAP - PAD)
        top = PAD + ROW + GAP
        for i, bar in enumerate(self.bars):
            self._bar(painter, bar, top + i * (ROW + GAP), left, width, labels)
        if self.target is not None:
            self._target(painter, left, width, top)
        painter.end()

    def _bar(self, painter: QPainter, bar: Bar, y: int, left: int, width: int,
             labels: int) -> None:
        metrics = self.fontMetrics()
        label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, labels)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRectF(PAD, y, labels, ROW),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        length = int(width * min(Fraction(bar.value) / self.scale, Fraction(1))) \
            if self.scale else 0
        below = self.target is not None and bar.value < self.target
        painter.fillRect(QRectF(left, y + 3, max(length, 1), ROW - 6), LOW if below else BAR)
        painter.drawText(QRectF(left + length + GAP, y, metrics.horizontalAdvance(bar.text) + 2,
                                ROW), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         bar.text)

    def _target(self, painter: QPainter, left: int, width: int, top: int) -> None:
        assert self.target is not None
        x = left + int(width * min(self.target / self.scale, Fraction(1)))
        bottom = top + len(self.bars) * (ROW + GAP)
        painter.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
        painter.drawLine(x, top - 2, x, bottom)
        painter.drawText(QRectF(x - 100, bottom, 200, ROW // 2 + 6),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         self.target_text)
