"""Noticing an idle desk: any key, click or mouse move restarts the countdown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without input anywhere in the application."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self._timer.stop()
        self._minutes = minutes
        if minutes > 0:
            self._timer.start(minutes * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """For tests: a countdown shorter than a minute."""
        self._timer.stop()
        self._minutes = 1
        self._timer.start(ms)
        self._timer.setInterval(ms)

    def pause(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        if self._minutes > 0:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
