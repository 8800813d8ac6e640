"""The notice of new care tasks: a banner over the pages, never a modal box.

"3 new care tasks are due" with a button that opens the care list (Enter on it, a
click anywhere on the banner, or F1 from any page) and one that dismisses it. It takes
no focus when it appears: the person at the desk keeps typing where they were. A second
notice before the first was opened adds to its count.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

STYLE = """
QFrame#careNotice { background: #e0f2f1; border: 1px solid #4db6ac; border-radius: 4px; }
QLabel#careNoticeText { color: #00695c; font-weight: bold; }
"""


class CareNotice(QFrame):
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careNotice")
        self.setStyleSheet(STYLE)
        self.count = 0
        self.text = QLabel(objectName="careNoticeText")
        self.text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the care list (F1)"),
                                       objectName="careNoticeOpen")
        self.open_button.setAutoDefault(True)
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), objectName="careNoticeDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hide()

    def announce(self, new: int) -> None:
        """Say that ``new`` more tasks are due (added to those not yet looked at)."""
        self.count += new
        self.text.setText(self.tr("New care tasks due: {n}").format(n=self.count))
        self.show()

    def dismiss(self) -> None:
        self.count = 0
        self.hide()

    def _open(self) -> None:
        self.dismiss()
        self.open_requested.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._open()
            return
        super().mousePressEvent(event)
