"""The signed-in person's notices on the desk: an important, guest or special visitor arrived.

domain/001: whoever receives such a visitor is told at once. The list shows the notices
not yet seen, newest first, and is hidden while there are none. It is read off the UI
thread every few seconds (a tick is skipped while the last read runs) and at once after
a desk action; Ctrl+N goes to it, Enter marks the chosen notice seen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.visitors import VisitorClass
from frontdesk.errors import DomainError
from frontdesk.services.desk.visitors import Notice
from frontdesk.services.registry import Services
from frontdesk.ui.dates import time_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.worker import DbWorker

REFRESH_MS = 5000
ID_ROLE = Qt.ItemDataRole.UserRole


def notice_text(notice: Notice) -> str:
    """One line: when, who arrived, and what to do (domain/001's reception of each class)."""
    what = {
        VisitorClass.IMPORTANT: QCoreApplication.translate(
            "Notices", "{time} Important visitor {name} has arrived: please receive them."),
        VisitorClass.GUEST: QCoreApplication.translate(
            "Notices", "{time} Guest {name} has arrived: please receive them."),
        VisitorClass.SPECIAL: QCoreApplication.translate(
            "Notices", "{time} Special visitor {name} has arrived: the desk explains and "
            "persuades; see to it if needed."),
    }.get(notice.visitor_class, "{time} {name}")
    line = what.format(time=time_text(notice.at), name=notice.client_name)
    if notice.sent_by:
        line = QCoreApplication.translate("Notices", "{line} (checked in by {name})").format(
            line=line, name=notice.sent_by)
    return line


class NoticesPanel(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticesPanel")
        self._services = services
        self._actor = actor
        self._worker = worker
        self._busy = False
        self.title = QLabel(self.tr("Notices for you (Ctrl+N, Enter: seen)"),
                            objectName="noticesTitle")
        self.list = QListWidget(objectName="notices")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(110)
        self.list.installEventFilter(self)
        self.message = QLabel(objectName="fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.list, self.message):
            layout.addWidget(widget)
        self.hide()
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh_async)
        self._timer.start()

    def refresh_now(self) -> None:
        self.show_notices(self._services.visitors.notices(self._actor))

    @Slot()
    def refresh_async(self) -> None:
        parent = self.parentWidget()
        if self._busy or parent is None or not parent.isVisible():
            return
        self._busy = True
        notices, actor = self._services.visitors.notices, self._actor
        self._worker.submit(lambda: notices(actor), self._arrived, self._failed)

    def _arrived(self, notices: tuple[Notice, ...]) -> None:
        self._busy = False
        self.show_notices(notices)

    def _failed(self, _exc: BaseException) -> None:
        self._busy = False  # the next tick tries again

    def show_notices(self, notices: tuple[Notice, ...]) -> None:
        chosen = self.list.currentItem()
        chosen_id = chosen.data(ID_ROLE) if chosen is not None else None
        self.list.clear()
        for notice in notices:
            item = QListWidgetItem(notice_text(notice))
            item.setData(ID_ROLE, notice.id)
            self.list.addItem(item)
            if notice.id == chosen_id:
                self.list.setCurrentItem(item)
        self.setVisible(bool(notices))

    def focus_notices(self) -> None:
        if self.list.count():
            if self.list.currentItem() is None:
                self.list.setCurrentRow(0)
            self.list.setFocus()

    def _mark_seen(self) -> None:
        item: QListWidgetItem | None = self.list.currentItem()
        if item is None:
            return
        try:
            self._services.visitors.mark_seen(self._actor, int(item.data(ID_ROLE)))
        except DomainError as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.message.hide()
        row = self.list.currentRow()
        self.refresh_now()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.list and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._mark_seen()
            return True
        return False
