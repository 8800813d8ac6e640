"""The client's complaints on the profile's "Cards, complaints, care" tab: each with when it
was taken, its stage and subject, and "New complaint" (Ctrl+T) to take one for this client.
Enter (or a double click) on a complaint opens it on the complaints page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.services.clients.sections import ComplaintSummary
from frontdesk.services.registry import Services
from frontdesk.ui.clients.profile_view import ProfileView
from frontdesk.ui.complaints.intake_dialog import IntakeDialog
from frontdesk.ui.complaints.words import stage_name
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.worker import DbWorker


class ClientComplaints(QWidget):
    taken = Signal()
    """A complaint was taken here (the profile reads itself again)."""
    case_requested = Signal(int)
    """A complaint's id, to open on the complaints page."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientComplaints")
        self._services, self._actor, self._worker = services, actor, worker
        self.client_id: int | None = None
        self.rows: tuple[ComplaintSummary, ...] = ()
        self.dialog: IntakeDialog | None = None
        title = QLabel(self.tr("Complaints"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.new_button = QPushButton(self.tr("New complaint (Ctrl+T)"),
                                      objectName="clientNewComplaint")
        self.new_button.clicked.connect(self.new_complaint)
        self.new_button.setVisible(allowed(actor, Action.TAKE_COMPLAINTS))
        QShortcut(QKeySequence("Ctrl+T"), self, self.new_complaint,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table = QTableWidget(0, 3, objectName="clientComplaintList")
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Stage"),
                                              self.tr("Subject")])
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.empty = QLabel(self.tr("No complaints."), objectName="clientComplaintsEmpty")
        row = QHBoxLayout()
        row.addWidget(title, 1)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)

    def follow(self, profile: ProfileView) -> None:
        """Sit on the profile's "Cards, complaints, care" tab and show each client it loads;
        a complaint taken here reads the profile again."""
        profile.add_section(self)
        profile.loaded.connect(lambda _id: self._profile_loaded(profile))
        self.taken.connect(profile.reload)

    def _profile_loaded(self, profile: ProfileView) -> None:
        if profile.profile is not None:
            self.show_complaints(profile.profile.basics.id, profile.profile.complaints)

    def show_complaints(self, client_id: int, rows: tuple[ComplaintSummary, ...]) -> None:
        self.client_id, self.rows = client_id, rows
        self.table.setRowCount(len(rows))
        for i, c in enumerate(rows):
            for column, text in enumerate((datetime_text(c.opened_at), stage_name(c.state),
                                           c.subject)):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.case_requested.emit(self.rows[row].complaint_id)

    @Slot()
    def new_complaint(self) -> None:
        if self.client_id is None or not allowed(self._actor, Action.TAKE_COMPLAINTS):
            return
        self.dialog = IntakeDialog(self._services, self._actor, self._worker,
                                   client_id=self.client_id, parent=self)
        self.dialog.taken.connect(lambda _row: self.taken.emit())
        self.dialog.finished.connect(lambda _r: self.activateWindow())
        self.dialog.open()
