"""The consultation tab: the client's dated records, one record with its photos, and a new record.

Health data: built only for roles that may view it (consultant, manager, admin);
a receptionist sees one plain sentence instead, and the services refuse them
anyway. Records are read when the tab is shown, not when the profile opens, so
opening a profile at the desk leaves no health view in the audit trail.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.core.permissions import Action, allowed
from frontdesk.services.health.consultation import ConsultationSummary
from frontdesk.services.registry import Services
from frontdesk.ui.clients.common import run_guarded
from frontdesk.ui.clients.consult_editor import ConsultationEditor
from frontdesk.ui.clients.photos_panel import PhotosPanel
from frontdesk.ui.clients.record_view import RecordView
from frontdesk.ui.dates import date_text, time_text
from frontdesk.ui.desk.handover_dialog import HandoverDialog
from frontdesk.ui.labels import skin_type_name
from frontdesk.ui.worker import DbWorker

ID_ROLE = Qt.ItemDataRole.UserRole


class ConsultationTab(QWidget):
    record_saved = Signal(int)
    consent_recorded = Signal(int)  # client id: the profile shows the consent now on record

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultationTab")
        self._services = services
        self._actor = actor
        self.allowed = allowed(actor, Action.VIEW_HEALTH)
        self.may_edit = allowed(actor, Action.EDIT_HEALTH)
        self.may_record_consent = allowed(actor, Action.EDIT_CLIENT)
        self.client: tuple[int, str, bool] | None = None
        self._stale = False
        self.shown_record: int | None = None
        layout = QVBoxLayout(self)
        if not self.allowed:
            self.refusal = QLabel(self.tr(
                "Skin and body records are health data, kept for consultants and managers. "
                "Ask one of them to fill in or read the client analysis sheet."),
                objectName="healthRefusal")
            self.refusal.setWordWrap(True)
            layout.addWidget(self.refusal)
            layout.addStretch(1)
            return
        self._build(layout, worker)

    def _build(self, layout: QVBoxLayout, worker: DbWorker) -> None:
        self.consent_hint = QLabel(objectName="warning")
        self.consent_hint.setWordWrap(True)
        self.record_consent = QPushButton(self.tr("The client agrees: record the consent"),
                                          objectName="recordHealthConsent")
        self.record_consent.clicked.connect(self._record_consent)
        self.record_consent.hide()
        self.message = QLabel(objectName="fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.editor = ConsultationEditor(self._services, self._actor)
        self.editor.saved.connect(self._saved)
        self.stack = QStackedWidget(objectName="consultationStack")
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self._record_page(worker))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._list_column())
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 900])
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_hint, 1)
        consent_row.addWidget(self.record_consent)
        layout.addLayout(consent_row)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _list_column(self) -> QWidget:
        self.records = QListWidget(objectName="consultationList")
        self.records.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.records.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.records.itemActivated.connect(self._open_item)
        self.records.itemClicked.connect(self._open_item)
        self.new_button = QPushButton(self.tr("New consultation"), objectName="newConsultation")
        self.new_button.clicked.connect(self.show_editor)
        self.new_button.setVisible(self.may_edit)
        self.handover_button = QPushButton(self.tr("Handover for today's visit"),
                                           objectName="handoverFromConsultation")
        self.handover_button.clicked.connect(self.open_handover)
        self.handover_button.setVisible(allowed(self._actor, Action.WRITE_HANDOVER))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        title = self.tr("Consultation records")
        column.addWidget(QLabel(f"<b>{title}</b>"))
        column.addWidget(self.records, 1)
        column.addWidget(self.new_button)
        column.addWidget(self.handover_button)
        return left

    def _record_page(self, worker: DbWorker) -> QWidget:
        self.record_view = RecordView()
        self.photos = PhotosPanel(self._services, self._actor, worker)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.record_view)
        column.addWidget(self.photos)
        column.addStretch(1)
        scroll = QScrollArea(objectName="recordScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def set_client(self, client_id: int, name: str, consent_health: bool) -> None:
        """The profile now shows this client; records load when the tab is shown."""
        self.client = (client_id, name, consent_health)
        self._stale = True
        if self.allowed and self.isVisible():
            self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.allowed and self._stale:
            self.refresh()

    def refresh(self, select: int | None = None) -> None:
        if self.client is None:
            return
        client_id, name, consent = self.client
        self._stale = False
        self.message.hide()
        self._show_consent(name, consent)
        rows = run_guarded(self, self.message, lambda: self._services.consultation
                           .list_for_client(self._actor, client_id))
        self.records.clear()
        for row in rows or []:
            self.records.addItem(self._item(row))
        self.editor.start(client_id, name)
        if select is not None:
            self.open_record(select)
        elif self.may_edit:
            self.show_editor()
        elif self.records.count():
            self._open_item(self.records.item(0))

    def _show_consent(self, name: str, consent: bool) -> None:
        """Missing consent is said before anything is typed: the form waits until it is
        recorded, here by a role that may, else the hint says who can."""
        if self.may_record_consent:
            hint = self.tr("{name} has not consented to keeping skin and body records. Ask the "
                           "client; with their agreement, record the consent here, then fill "
                           "in the form.")
        else:
            hint = self.tr("{name} has not consented to keeping skin and body records. The "
                           "desk or a manager records the consent (Basics and consent).")
        self.consent_hint.setText("" if consent else hint.format(name=name))
        self.consent_hint.setVisible(not consent)
        self.record_consent.setVisible(not consent and self.may_record_consent)
        self.editor.setEnabled(consent)

    @Slot()
    def _record_consent(self) -> None:
        if self.client is None:
            return
        client_id, name, _consent = self.client
        basics = run_guarded(self, self.message, lambda: self._services.profile
                             .record_health_consent(self._actor, client_id, "consultation"))
        if basics is None:
            return
        self.client = (client_id, name, basics.consent_health)
        self._show_consent(name, basics.consent_health)
        self.show_editor()
        self.consent_recorded.emit(client_id)  # the profile reloads its basics
        self.editor.taken_on.setFocus()  # the form's first field: go on typing

    def _item(self, row: ConsultationSummary) -> QListWidgetItem:
        details = [skin_type_name(row.skin_type)] if row.skin_type is not None else []
        if row.plan_total_fen:
            details.append(format_fen(row.plan_total_fen))
        if row.visit_id is not None and row.visit_arrived_at is not None:
            details.append(self.tr("visit {number}, arrived {time}").format(
                number=f"{row.visit_id:06d}", time=time_text(row.visit_arrived_at)))
        head = f"{date_text(row.taken_on)}  {row.consultant_name or '—'}"
        item = QListWidgetItem("\n".join([head, " · ".join(details)]) if details else head)
        item.setData(ID_ROLE, row.id)
        return item

    @Slot()
    def show_editor(self) -> None:
        self.records.clearSelection()
        self.stack.setCurrentWidget(self.editor)

    @Slot(QListWidgetItem)
    def _open_item(self, item: QListWidgetItem) -> None:
        record_id = int(item.data(ID_ROLE))
        if record_id != self.shown_record or self.stack.currentIndex() != 1:
            self.open_record(record_id)

    def open_record(self, record_id: int) -> None:
        view = run_guarded(self, self.message,
                           lambda: self._services.consultation.get(self._actor, record_id))
        if view is None:
            return
        for row in range(self.records.count()):
            if self.records.item(row).data(ID_ROLE) == record_id:
                self.records.setCurrentRow(row)
        self.shown_record = record_id
        self.record_view.show_record(view)
        self.stack.setCurrentIndex(1)
        self.photos.show_record(record_id, self.may_edit)

    @Slot()
    def open_handover(self) -> None:
        """The handover of the client's open visit, to write for the beautician."""
        if self.client is None:
            return
        client_id = self.client[0]

        def load() -> HandoverDialog:
            visit_id = self._services.handover.open_visit(self._actor, client_id)
            handover = self._services.handover.handover(self._actor, visit_id)
            return HandoverDialog(self._services, self._actor, handover, parent=self)
        dialog = run_guarded(self, self.message, load)
        if dialog is not None:
            self.message.hide()
            dialog.open()

    def _saved(self, record_id: int) -> None:
        self.refresh(select=record_id)
        self.record_saved.emit(record_id)
