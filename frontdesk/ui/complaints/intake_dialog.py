"""Take a complaint (受理, Ctrl+T at the desk, F3 on the complaints page), keyboard first.

The client is given (the desk's chosen client or visit, the profile) or found with the
desk's search panel; a complainant who is not a client (an online review's author) is
named instead. Then the channel, category and severity, the related visit (the client's
recent ones), the staff member and service concerned, the client's own words, what they
ask for, and the owner. Save (Ctrl+Enter, or Enter outside the words) takes it once (the
key is made when the dialog opens); a refusal shows under its field. Taken, the dialog
shows the reference number the client can quote, selected and copyable (Ctrl+C or the
button).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor, Role
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.complaint import ComplaintCategory, ComplaintChannel, ComplaintSeverity
from frontdesk.services.complaints.views import ComplaintDraft, ComplaintRow
from frontdesk.services.registry import Services
from frontdesk.ui.complaints.words import category_name, channel_name, severity_name
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.desk.search_panel import SearchPanel
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import at_least_wide, enum_combo
from frontdesk.ui.worker import DbWorker

TEXT_MAX = 2000
RECENT_VISITS = 10
HANDLERS = (Role.COMPLAINT_HANDLER, Role.MANAGER)
"""Who may own a case (the owner combo lists them)."""


def text_box(name: str, placeholder: str) -> QPlainTextEdit:
    """A few lines of prose; Tab leaves it (keyboard first)."""
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(72)
    return box


class IntakeDialog(QDialog):
    """Takes one complaint; ``taken`` carries its row once saved."""

    taken = Signal(object)

    def __init__(self, services: Services, actor: Actor, worker: DbWorker, *,
                 client_id: int | None = None, visit_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintIntake")
        self.setWindowTitle(self.tr("Take a complaint"))
        self.services, self.actor = services, actor
        self.key = uuid.uuid4().hex
        self.client_id: int | None = None
        self.row: ComplaintRow | None = None
        self.search = SearchPanel(services, actor, worker)
        self.search.client_picked.connect(self.choose_client)
        self.search.setVisible(client_id is None)
        self._fields()
        general = QLabel()
        self.errors = FormErrors(general)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page(general))
        self.pages.addWidget(self._done_page())
        QVBoxLayout(self).addWidget(self.pages)
        self._tab_order()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        at_least_wide(self, 900)
        if client_id is not None:
            self.choose_client(client_id, visit_id)
            self.channel.setFocus()
        else:
            self.who.setText(self.tr("Find the client above (Enter picks), or name the "
                                     "complainant"))
            self.search.focus_search()

    # -- building --------------------------------------------------------------------------------

    def _fields(self) -> None:
        self.who = QLabel(objectName="complaintClient")
        self.who.setWordWrap(True)
        self.complainant = QLineEdit(objectName="complaintComplainant")
        self.complainant.setMaxLength(64)
        self.complainant.setPlaceholderText(self.tr("Only if not a client: name or handle"))
        self.channel = enum_combo("complaintChannel", [c for c in ComplaintChannel
                                                       if c is not ComplaintChannel.SURVEY],
                                  channel_name)
        self.category = enum_combo("complaintCategory", list(ComplaintCategory), category_name)
        self.severity = enum_combo("complaintSeverity", list(ComplaintSeverity), severity_name)
        self.severity.setCurrentIndex(self.severity.findData(ComplaintSeverity.MEDIUM))
        self.visit = QComboBox(objectName="complaintVisit")
        none = self.tr("None")
        self.staff = QComboBox(objectName="complaintStaff")
        self.staff.addItem(none, None)
        for person in self.services.staff.active_staff(self.actor.branch_id):
            self.staff.addItem(person.display_name, person.id)
        self.service = QComboBox(objectName="complaintService")
        self.service.addItem(none, None)
        for item in self.services.catalog.service_items(self.actor.branch_id):
            self.service.addItem(item.name, item.id)
        self.owner = QComboBox(objectName="complaintOwner")
        self.owner.addItem(self.tr("The complaint handler (else the manager)"), None)
        for person in self.services.staff.active_staff(self.actor.branch_id, HANDLERS):
            self.owner.addItem(person.display_name, person.id)
        self.words = text_box("complaintWords", self.tr("What the client said, in their words"))
        self.asks = QLineEdit(objectName="complaintAsks")
        self.asks.setMaxLength(TEXT_MAX)
        self.asks.setPlaceholderText(self.tr("e.g. the facial redone, a refund"))

    def _form_page(self, general: QLabel) -> QWidget:
        left, right = QFormLayout(), QFormLayout()
        add = self.errors.add_row
        add(left, self.tr("Client"), "client_id", self.who)
        add(left, self.tr("Complainant"), "complainant", self.complainant)
        add(left, self.tr("Channel"), "channel", self.channel)
        add(left, self.tr("Category"), "category", self.category)
        add(left, self.tr("Severity"), "severity", self.severity)
        add(left, self.tr("Owner"), "owner_id", self.owner)
        add(right, self.tr("Related visit"), "visit_id", self.visit)
        add(right, self.tr("Staff concerned"), "staff_id", self.staff)
        add(right, self.tr("Service"), "service_item_id", self.service)
        add(right, self.tr("Client's words"), "words", self.words)
        add(right, self.tr("Asks for"), "asks", self.asks)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Take the complaint (Ctrl+Enter)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addLayout(columns)
        layout.addWidget(general)
        layout.addWidget(buttons)
        return page

    def _tab_order(self) -> None:
        """Down the left column, then the right (once the fields are in the dialog)."""
        chain = (self.complainant, self.channel, self.category, self.severity, self.owner,
                 self.visit, self.staff, self.service, self.words, self.asks)
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _done_page(self) -> QWidget:
        self.done_text = QLabel(objectName="complaintTakenText")
        self.done_text.setWordWrap(True)
        self.ref_no = QLineEdit(objectName="complaintRefNo")
        self.ref_no.setReadOnly(True)
        font = self.ref_no.font()
        font.setBold(True)
        if font.pixelSize() > 0:  # the theme sizes type in pixels
            font.setPixelSize(round(font.pixelSize() * 1.6))
        elif font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.6)
        self.ref_no.setFont(font)
        copy = QPushButton(self.tr("Copy the number"), objectName="complaintCopyRef")
        copy.clicked.connect(self.copy_ref)
        close = QPushButton(self.tr("Close (Enter)"), objectName="complaintTakenClose")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.ref_no, 1)
        row.addWidget(copy)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(close)
        self.close_button = close
        return page

    # -- the client ------------------------------------------------------------------------------

    @Slot(int)
    def choose_client(self, client_id: int, visit_id: int | None = None) -> None:
        """The complaint is this client's: their name, and their recent visits to choose from."""
        try:
            summary = self.services.clients.get_summary(self.actor, client_id)
            visits = self.services.profile.visits(self.actor, client_id, limit=RECENT_VISITS)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.client_id = client_id
        self.errors.clear_field("client_id")
        self.who.setText(f"{summary.name}  {summary.phone}".strip())
        self.visit.clear()
        self.visit.addItem(self.tr("None"), None)
        for v in visits:
            label = f"{datetime_text(v.arrived_at)} · {v.purpose or v.therapist_name or '—'}"
            self.visit.addItem(label, v.id)
        if visit_id is not None:
            self.visit.setCurrentIndex(max(0, self.visit.findData(visit_id)))
        elif len(visits):
            self.visit.setCurrentIndex(1)  # the latest visit: the one complained about, mostly
        self.channel.setFocus()

    # -- saving ----------------------------------------------------------------------------------

    def draft(self) -> ComplaintDraft:
        return ComplaintDraft(
            client_id=self.client_id, channel=self.channel.currentData(),
            category=self.category.currentData(), severity=self.severity.currentData(),
            words=self.words.toPlainText(), asks=self.asks.text(),
            complainant=self.complainant.text(), visit_id=self.visit.currentData(),
            staff_id=self.staff.currentData(), service_item_id=self.service.currentData(),
            owner_id=self.owner.currentData())

    @Slot()
    def save(self) -> None:
        if self.row is not None:  # taken: Ctrl+Enter again closes
            self.accept()
            return
        self.errors.clear()
        try:
            self.row = self.services.complaints.take(self.actor, self.draft(), key=self.key)
        except DomainError as exc:
            self.errors.show(exc)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self._show_taken(self.row)
        self.taken.emit(self.row)

    def _show_taken(self, row: ComplaintRow) -> None:
        due = self.tr(" It is to be acknowledged by {due}.").format(
            due=datetime_text(row.due_at)) if row.due_at else ""
        owner = self.tr(" Owner: {name}.").format(name=row.owner_name) if row.owner_name else ""
        self.done_text.setText(self.tr("The complaint is taken. The client can quote this "
                                       "number:") + "\n" + (owner + due).strip())
        self.ref_no.setText(row.ref_no)
        self.pages.setCurrentIndex(1)
        self.ref_no.setFocus()
        self.ref_no.selectAll()
        self.close_button.setDefault(True)

    @Slot()
    def copy_ref(self) -> None:
        QGuiApplication.clipboard().setText(self.ref_no.text())
        self.done_text.setText(self.done_text.text().split("\n")[0] + "\n"
                               + self.tr("The number is copied."))

