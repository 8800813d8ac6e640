"""Start service for a waiting client: pick the room and the beautician / therapist."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from frontdesk.core.context import Actor, Role
from frontdesk.errors import DomainError
from frontdesk.services.registry import Services
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.labels import room_choice_text
from frontdesk.ui.widgets import column, dialog_buttons


class StartServiceDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, visit_id: int, client_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startServiceDialog")
        self.setWindowTitle(self.tr("Start service for {name}").format(name=client_name))
        self._services = services
        self._actor = actor
        self._visit_id = visit_id
        self.room = QComboBox(objectName="room")
        for room in services.visits.board(actor).rooms:
            self.room.addItem(room_choice_text(room), room.room_id)
        self.therapist = QComboBox(objectName="therapist")
        for staff in services.staff.active_staff(actor.branch_id, (Role.THERAPIST,)):
            self.therapist.addItem(staff.display_name, staff.id)
        self.allow_busy = QCheckBox(self.tr("Use this room even though it is not free"))
        general = QLabel()
        self.errors = FormErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Room"), "room_id", self.room)
        self.errors.add_row(form, self.tr("Beautician / therapist"), "therapist_id",
                            self.therapist)
        form.addRow("", self.allow_busy)
        column(self, form, general, dialog_buttons(self, self._start))

    @Slot()
    def _start(self) -> None:
        try:
            self._services.visits.start_service(
                self._actor, self._visit_id, self.room.currentData(),
                self.therapist.currentData(), allow_busy_room=self.allow_busy.isChecked())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()
