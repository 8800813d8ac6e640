"""Book or move an appointment (F6). A clash with a booked beautician or room is refused and
explained; the desk may then book anyway on purpose (some work overlaps by design).

By keyboard: the day's keys work on the day, the time is typed in one go (``1400``,
``14:00``, ``2pm``; :mod:`frontdesk.ui.when_entry`). Picking a service puts its
duration in the duration field, where the desk may change it; the duration shown
is the one booked. The end time is shown before saving, and a start that has
passed is said at once (the service refuses it too). Days before today and more
than a year ahead cannot be chosen.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from frontdesk.core.context import Actor, Role
from frontdesk.errors import DomainError, ValidationError
from frontdesk.models.appointment import MAX_APPOINTMENT_MINUTES
from frontdesk.services.clients.registration import ClientSummary
from frontdesk.services.desk.appointments import BOOKING_HORIZON, AppointmentRow, SlotTaken
from frontdesk.services.registry import Services
from frontdesk.ui.dates import datetime_text, set_edit_format, time_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.when_entry import DayEdit, TimeOfDayEdit
from frontdesk.ui.widgets import at_least_wide, column, dialog_buttons

DEFAULT_MINUTES = 60


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
        now = self._services.clock().astimezone()
        start = self._moving.starts_at.astimezone() if self._moving else _next_half_hour(now)
        self.date = DayEdit(QDate(start.year, start.month, start.day))
        self.date.setObjectName("date")
        set_edit_format(self.date)
        self.date.setCalendarPopup(True)
        last = (now + BOOKING_HORIZON).date()
        self.date.setDateRange(QDate(now.year, now.month, now.day),
                               QDate(last.year, last.month, last.day))
        self.time = TimeOfDayEdit(start.time())
        self.time.setObjectName("time")
        self.service = QComboBox(objectName="service")
        self.service.addItem(self.tr("— not yet known —"), None)
        self._minutes: dict[int, int] = {}
        for item in self._services.catalog.service_items(self._actor.branch_id):
            self.service.addItem(item.name, item.id)
            self._minutes[item.id] = item.duration_min
        self.duration = QSpinBox(objectName="duration", minimum=5,
                                 maximum=MAX_APPOINTMENT_MINUTES, value=DEFAULT_MINUTES,
                                 singleStep=5)
        self.duration.setSuffix(self.tr(" min"))
        self.ends = QLabel(objectName="endsAt")
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
        self.service.currentIndexChanged.connect(self._service_picked)
        for changed in (self.date.dateChanged, self.time.time_changed,
                        self.duration.valueChanged):
            changed.connect(self._show_end)
        self._layout()
        self._show_end()

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
        self.duration.setValue(int((row.ends_at - row.starts_at).total_seconds() // 60))
        self.duration.setEnabled(False)  # a move keeps the length
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
        form.addRow("", self.ends)
        self.errors.add_row(form, self.tr("Beautician / therapist"), "staff_id", self.staff)
        self.errors.add_row(form, self.tr("Room"), "room_id", self.room)
        self.errors.add_row(form, self.tr("Note"), "note", self.note)
        column(self, form, general, self.allow_overlap,
               dialog_buttons(self, self._save, save=True))

    def starts_at(self) -> dt.datetime:
        """The start typed, in local time; ValidationError when the time is not one."""
        day, time = self.date.date(), self.time.time()
        if time is None:
            raise ValidationError("Type the time as 1400 or 14:00.", field="starts_at")
        return dt.datetime(day.year(), day.month(), day.day(), time.hour,
                           time.minute).astimezone()

    @Slot(int)
    def _service_picked(self, _index: int) -> None:
        """The service's usual duration, shown and booked unless the desk changes it."""
        minutes = self._minutes.get(self.service.currentData())
        if minutes is not None:
            self.duration.setValue(minutes)

    @Slot()
    def _show_end(self) -> None:
        try:
            start = self.starts_at()
        except ValidationError as exc:
            self.ends.setText(error_text(exc))
            return
        if start < self._services.clock().astimezone().replace(second=0, microsecond=0):
            self.ends.setText(self.tr("This time has passed: choose a later one."))
            return
        end = start + dt.timedelta(minutes=self.duration.value())
        when = time_text(end) if end.date() == start.date() else datetime_text(end)
        self.ends.setText(self.tr("Ends at {end}").format(end=when))

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
        return self._services.appointments.book(
            self._actor, self._client.client_id, self.starts_at(),
            duration_min=self.duration.value(),
            staff_id=self.staff.currentData(), room_id=self.room.currentData(),
            service_item_id=self.service.currentData(), note=self.note.text(),
            allow_overlap=overlap)
