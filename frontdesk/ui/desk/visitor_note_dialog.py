"""A special visitor's reason or an incident (Ctrl+I at the desk), with who and when.

Anyone at the desk writes one; managers read them on the client card. Enter saves,
Esc closes; a refusal is said beside the field it names.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError
from frontdesk.models.visitors import VisitorNoteKind
from frontdesk.services.clients.registration import ClientSummary
from frontdesk.services.registry import Services
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import column, dialog_buttons


class VisitorNoteDialog(QDialog):
    saved = Signal(int)  # client id

    def __init__(self, services: Services, actor: Actor, client: ClientSummary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitorNoteDialog")
        self.setWindowTitle(self.tr("Special visitor {name}: note (Ctrl+I)").format(
            name=client.name))
        self.setMinimumWidth(520)
        self._services = services
        self._actor = actor
        self._client = client
        self.kind = QComboBox(objectName="visitorNoteKind")
        self.kind.addItem(self.tr("Incident"), VisitorNoteKind.INCIDENT)
        self.kind.addItem(self.tr("Why a special visitor"), VisitorNoteKind.REASON)
        self.text = QLineEdit(objectName="visitorNoteText")
        self.text.setPlaceholderText(self.tr("What happened, when, who was there"))
        form = QFormLayout()
        general = QLabel()
        self.errors = FormErrors(general)
        self.errors.add_row(form, self.tr("Kind"), "kind", self.kind)
        self.errors.add_row(form, self.tr("Note"), "text", self.text, also=("visitor_class",))
        column(self, form, general, dialog_buttons(self, self._save, save=True))
        self.text.setFocus()

    @Slot()
    def _save(self) -> None:
        try:
            self._services.visitors.add_note(self._actor, self._client.client_id,
                                             self.kind.currentData(), self.text.text())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.saved.emit(self._client.client_id)
        self.accept()
