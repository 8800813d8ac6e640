"""Book or move an appointment (F6). A clash with a booked beautician or room is refused and
explained; the desk may then book anyway on purpose (some work overlaps by design)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor, Role
from frontdesk.errors import DomainError
from frontdesk.services.clients.registration import ClientSummary
from frontdesk.services.desk.appointments import AppointmentRow, SlotTaken
from frontdesk.services.registry import Services
from frontdesk.ui.dates import set_edit_format
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import at_least_wide


def _next_half_hour(now: dt.datetime) -> dt.datetime:
    now = now.astimezone().replace(second=0, microsecond=0)
    return now + dt.timedelta(minutes=30 - now.minute % 30)


class AppointmentDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, client: ClientSummary,
                 moving: AppointmentRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentDialog")
        title = self.tr("Move {name}'s appointment") if moving else \
            self.tr("Appointment for {name} (F6)")
        self.setWindowTitle(title.format(name=client.name))
        self._services = services
        self._actor = actor
        self._client = client
        self._moving = moving
        self.result_row: AppointmentRow | None = None
        self._build()
        at_least_wide(self, 460)  # room for the longer staff, room and service names

    def _build(self) -> None:
        start = self._moving.starts_at.astimezone() if self._moving else \
            _next_half_hour(self._services.clock())
        self.date = QDateEdit(QDate(start.year, start.month, start.day), objectName="date")
        set_edit_format(self.date)
        self.date.setCalendarPopup(True)
        self.time = QTimeEdit(QTime(start.hour, start.minute), objectName="time")
        set_edit_format(self.time)
        self.service = QComboBox(objectName="service")
        self.service.addItem(self.tr("— not yet known —"), None)
        for item in self._services.catalog.service_items(self._actor.branch_id):
            self.service.addItem(item.name, item.id)
        self.duration = QSpinBox(objectName="duration", minimum=10, maximum=600, value=60)
        self.duration.setSuffix(self.tr(" min"))
        therapists = self._services.staff.active_staff(self._actor.branch_id, (Role.THERAPIST,))
        self.staff = self._combo("staff", [(s.display_name, s.id) for s in therapists])
        self.room = self._combo("room", [(r.name, r.id) for r in self._services.catalog
                                         .rooms(self._actor.branch_id)])
        self.note = QLineEdit(objectName="note")
        self.allow_overlap = QCheckBox(self.tr("Book anyway: the overlap is intended"),
                                       objectName="allowOverlap")
        self.allow_overlap.hide()
        if self._moving:
            self._preselect(self._moving)
        self._layout()

    def _combo(self, name: str, items: list[tuple[str, int]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(self.tr("— any —"), None)
        for text, ident in items:
            combo.addItem(text, ident)
        return combo

    def _preselect(self, row: AppointmentRow) -> None:
        for combo, value in ((self.staff, row.staff_id), (self.room, row.room_id),
                             (self.service, row.service_item_id)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.service.setEnabled(False)
        self.duration.setEnabled(False)
        self.note.setText(row.note)
        self.note.setEnabled(False)

    def _layout(self) -> None:
        general = QLabel()
        self.errors = FormErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Date"), "date", self.date)
        self.errors.add_row(form, self.tr("Time"), "starts_at", self.time)
        self.errors.add_row(form, self.tr("Service"), "service_item_id", self.service)
        self.errors.add_row(form, self.tr("Duration"), "duration_min", self.duration)
        self.errors.add_row(form, self.tr("Beautician / therapist"), "staff_id", self.staff)
        self.errors.add_row(form, self.tr("Room"), "room_id", self.room)
        self.errors.add_row(form, self.tr("Note"), "note", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(self.allow_overlap)
        layout.addWidget(buttons)

    def starts_at(self) -> dt.datetime:
        day, time = self.date.date(), self.time.time()
        local = dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        return local.astimezone()

    @Slot()
    def _save(self) -> None:
        try:
            self.result_row = self._book_or_move()
        except SlotTaken as exc:
            self.errors.show(exc)
            self.allow_overlap.show()
            return
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()

    def _book_or_move(self) -> AppointmentRow:
        overlap = self.allow_overlap.isChecked()
        if self._moving:
            return self._services.appointments.move(
                self._actor, self._moving.id, self.starts_at(), staff_id=self.staff.currentData(),
                room_id=self.room.currentData(), allow_overlap=overlap)
        item = self.service.currentData()
        return self._services.appointments.book(
            self._actor, self._client.client_id, self.starts_at(),
            duration_min=None if item is not None else self.duration.value(),
            staff_id=self.staff.currentData(), room_id=self.room.currentData(),
            service_item_id=item, note=self.note.text(), allow_overlap=overlap)
