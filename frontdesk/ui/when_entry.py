"""When something is booked, by keyboard: a day, and a time of day typed in one go.

Qt's QTimeEdit types into sections (hours, minutes, AM/PM), so digits typed in
one go land where the cursor happens to be: ``1400`` became 02:14 or 14:14.
:class:`TimeOfDayEdit` takes the whole text (``1400``, ``14:00``, ``2pm``,
``下午2点``) and reads it with :func:`frontdesk.core.times.parse_time_of_day`;
leaving the field shows the time read as ``HH:MM``. Up and Down move it by a
quarter of an hour, Page Up and Page Down by an hour.

:class:`DayEdit` is a QDateEdit whose keys work on the day: the focus lands on
the day (digits typed replace it), Up and Down go to the next or previous day
across the end of a month, and Tab leaves the field (QDateEdit's Tab goes on to
its next section, which in the English ``M/d/yy`` sent the typed time into the year).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QLineEdit, QWidget

from frontdesk.core.times import parse_time_of_day
from frontdesk.ui.dates import time_text

_STEPS = {Qt.Key.Key_Up: 15, Qt.Key.Key_Down: -15, Qt.Key.Key_PageUp: 60,
          Qt.Key.Key_PageDown: -60}
"""Minutes each key moves the time (within the day)."""


class TimeOfDayEdit(QLineEdit):
    """``time_changed`` is emitted on every change, with the time read (None if none)."""

    time_changed = Signal(object)

    def __init__(self, value: dt.time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 1400 or 14:00"))
        self.setMaxLength(20)
        self.textChanged.connect(lambda _text: self.time_changed.emit(self.time()))
        if value is not None:
            self.set_time(value)

    def time(self) -> dt.time | None:
        """The time typed, or None when the text is not a time of day."""
        return parse_time_of_day(self.text())

    def set_time(self, value: dt.time) -> None:
        self.setText(time_text(value))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Show what was read (``1400`` → ``14:00``), so the desk sees it was understood."""
        value = self.time()
        if value is not None:
            self.set_time(value)
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _STEPS.get(Qt.Key(event.key()))
        value = self.time()
        if step is None or value is None:
            super().keyPressEvent(event)
            return
        minutes = min(max(value.hour * 60 + value.minute + step, 0), 23 * 60 + 59)
        self.set_time(dt.time(minutes // 60, minutes % 60))
        self.selectAll()


class DayEdit(QDateEdit):
    _DAY = QDateTimeEdit.Section.DaySection

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.setCurrentSection(self._DAY)
        self.setSelectedSection(self._DAY)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        if self.currentSection() != self._DAY:
            return super().stepEnabled()
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.date() < self.maximumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.date() > self.minimumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == self._DAY:
            self.setDate(self.date().addDays(steps))
            self.setSelectedSection(self._DAY)
        else:
            super().stepBy(steps)
