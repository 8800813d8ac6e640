"""Check-in (F4): walk-in or appointment arrival, services, consultant, beautician, room, prep note.

Rooms are listed with their state (free / occupied / cleaning); a special visitor
is announced at the top in red, and allergies beside it, before anything else.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from frontdesk.core.context import Actor, Role
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError
from frontdesk.models import VisitKind
from frontdesk.services.clients.registration import ClientSummary
from frontdesk.services.desk.visitors import ANNOUNCED
from frontdesk.services.desk.visits import CheckIn, RoomStatus
from frontdesk.services.registry import Services
from frontdesk.ui.dates import time_text
from frontdesk.ui.desk.client_card import client_warning_text
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.labels import room_choice_text, visitor_class_name
from frontdesk.ui.widgets import column, dialog_buttons


class CheckInDialog(QDialog):
    checked_in = Signal(int)  # visit id

    def __init__(self, services: Services, actor: Actor, client: ClientSummary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInDialog")
        self.setWindowTitle(self.tr("Check in {name} (F4)").format(name=client.name))
        self.setMinimumWidth(600)
        self._services = services
        self._actor = actor
        self._client = client
        board = services.visits.board(actor)
        self._appointment = next((a for a in board.expected if a.client_id == client.client_id),
                                 None)
        self._build(board)

    def _build(self, board) -> None:  # type: ignore[no-untyped-def]
        warning = QLabel("\n".join(t for t in (client_warning_text(self._client),
                                                self._who_is_told(board)) if t),
                         objectName="warning")
        warning.setWordWrap(True)
        warning.setVisible(bool(warning.text()))
        self.kind = QComboBox(objectName="visitKind")
        self.kind.addItem(self.tr("Walk-in"), VisitKind.WALK_IN)
        if self._appointment is not None:
            when = time_text(self._appointment.starts_at)
            self.kind.addItem(self.tr("Appointment at {time}").format(time=when),
                              VisitKind.APPOINTMENT)
            self.kind.setCurrentIndex(1)
        self.services_list = self._service_list()
        self.purpose = QLineEdit(objectName="purpose")
        self.consultant = self._staff_combo("consultant", (Role.CONSULTANT, Role.MANAGER))
        self.therapist = self._staff_combo("therapist", (Role.THERAPIST,))
        self.room = self._room_combo(board.rooms)
        self.allow_busy_room = QCheckBox(self.tr("Use this room even though it is not free"),
                                         objectName="allowBusyRoom")
        self.prep_note = QLineEdit(objectName="prepNote")
        self.prep_note.setPlaceholderText(self.tr("What the prep room should get ready"))
        self._layout(warning)

    def _who_is_told(self, board) -> str:  # type: ignore[no-untyped-def]
        """domain/001: an important visitor, a guest or a special visitor is announced to
        whoever receives them; the check-in does it, and says so beforehand."""
        names = "、".join(board.receivers)
        if not names or self._client.visitor_class not in ANNOUNCED:
            return ""
        return self.tr("{visitor_class}: checking in tells {names}, who receives them.").format(
            visitor_class=visitor_class_name(self._client.visitor_class), names=names)

    def _layout(self, warning: QLabel) -> None:
        form = QFormLayout()
        general = QLabel()
        self.errors = FormErrors(general)
        form.addRow(self.tr("Arrival"), self.kind)
        self.errors.add_row(form, self.tr("Services"), "service_item_ids", self.services_list)
        self.errors.add_row(form, self.tr("Purpose"), "purpose", self.purpose)
        self.errors.add_row(form, self.tr("Consultant"), "consultant_id", self.consultant)
        self.errors.add_row(form, self.tr("Beautician / therapist"), "therapist_id",
                            self.therapist)
        self.errors.add_row(form, self.tr("Room"), "room_id", self.room)
        form.addRow("", self.allow_busy_room)
        self.errors.add_row(form, self.tr("Note for the prep room"), "prep_note", self.prep_note)
        column(self, warning, form, general,
               dialog_buttons(self, self._check_in, self.tr("Check in")))

    def _service_list(self) -> QListWidget:
        widget = QListWidget(objectName="serviceItems")
        widget.setMaximumHeight(150)
        for item in self._services.catalog.service_items(self._actor.branch_id):
            row = QListWidgetItem(f"{item.name}  {format_fen(item.price_fen)}  "
                                  + self.tr("{n} min").format(n=item.duration_min))
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(row)
        return widget

    def _staff_combo(self, name: str, roles: tuple[Role, ...]) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(self.tr("— none —"), None)
        for staff in self._services.staff.active_staff(self._actor.branch_id, roles):
            combo.addItem(staff.display_name, staff.id)
        return combo

    def _room_combo(self, rooms) -> QComboBox:  # type: ignore[no-untyped-def]
        combo = QComboBox(objectName="room")
        combo.addItem(self.tr("— wait for a room —"), None)
        for room in rooms:
            combo.addItem(room_choice_text(room), room.room_id)
        free = next((i + 1 for i, r in enumerate(rooms) if r.status is RoomStatus.FREE), 0)
        combo.setCurrentIndex(free)
        return combo

    def checked_service_ids(self) -> tuple[int, ...]:
        items = (self.services_list.item(i) for i in range(self.services_list.count()))
        return tuple(int(i.data(Qt.ItemDataRole.UserRole)) for i in items
                     if i.checkState() == Qt.CheckState.Checked)

    def form(self) -> CheckIn:
        kind = VisitKind(self.kind.currentData())  # the combo hands back the enum's str
        return CheckIn(
            client_id=self._client.client_id, kind=kind,
            appointment_id=self._appointment.id if kind is VisitKind.APPOINTMENT
            and self._appointment else None,
            purpose=self.purpose.text(), service_item_ids=self.checked_service_ids(),
            consultant_id=self.consultant.currentData(), therapist_id=self.therapist.currentData(),
            room_id=self.room.currentData(), prep_note=self.prep_note.text(),
            allow_busy_room=self.allow_busy_room.isChecked())

    @Slot()
    def _check_in(self) -> None:
        try:
            visit_id = self._services.visits.check_in(self._actor, self.form())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.checked_in.emit(visit_id)
        self.accept()
