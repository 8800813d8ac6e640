"""The deadlines (a manager's): for each severity, the hours to acknowledge a complaint, to
resolve it (from intake) and to hear the client's feedback (from the resolution). A case
past its deadline shows in red on the list and is escalated to the manager's due list.
Ctrl+S (or the button) saves; a refusal is said under the table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.complaints.views import Deadlines
from frontdesk.services.registry import Services
from frontdesk.ui.complaints.words import severity_name
from frontdesk.ui.errors import error_text, show_storage_error

MAX_HOURS = 2000


class DeadlinesTab(QWidget):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintDeadlines")
        self._services, self._actor = services, actor
        self.rows: list[tuple[Deadlines, tuple[QSpinBox, QSpinBox, QSpinBox]]] = []
        self.grid = QGridLayout()
        self.grid.setColumnStretch(4, 1)  # the hours stay narrow; the room is on the right
        for column, title in enumerate((self.tr("Severity"), self.tr("Acknowledge within (h)"),
                                        self.tr("Resolve within (h)"),
                                        self.tr("Feedback within (h)"))):
            self.grid.addWidget(QLabel(title), 0, column)
        self.message = QLabel(objectName="complaintDeadlinesMessage")
        self.message.setWordWrap(True)
        save = QPushButton(self.tr("Save the deadlines (Ctrl+S)"),
                           objectName="complaintDeadlinesSave")
        save.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        hint = QLabel(self.tr("Resolve: from intake. Feedback: from the resolution."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addWidget(hint)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.rows:
            self.load()

    def load(self) -> None:
        try:
            deadlines = self._services.complaints.deadlines(self._actor)
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return
        for i, d in enumerate(deadlines, start=1):
            self.grid.addWidget(QLabel(severity_name(d.severity)), i, 0)
            spins = tuple(self._spin(f"deadline_{d.severity.value}_{n}", hours)
                          for n, hours in enumerate((d.acknowledge_hours, d.resolve_hours,
                                                     d.feedback_hours)))
            for column, spin in enumerate(spins, start=1):
                self.grid.addWidget(spin, i, column)
            self.rows.append((d, (spins[0], spins[1], spins[2])))
        if self.rows:
            self.rows[0][1][0].setFocus()

    @staticmethod
    def _spin(name: str, hours: int) -> QSpinBox:
        spin = QSpinBox(objectName=name)
        spin.setRange(1, MAX_HOURS)
        spin.setValue(hours)
        return spin

    def values(self) -> list[Deadlines]:
        return [Deadlines(d.severity, a.value(), r.value(), f.value())
                for d, (a, r, f) in self.rows]

    @Slot()
    def save(self) -> None:
        try:
            self._services.complaints.save_deadlines(self._actor, self.values())
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.message.setText(self.tr("The deadlines are saved; they apply to the next stage "
                                     "each case enters."))
