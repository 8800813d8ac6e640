"""The case's stage actions as small dialogs: acknowledge (F4), the findings (F6), the
client's feedback (F8: satisfied or not, then close, or reopen), reopen (F9) and assign
(Ctrl+R). The resolution with its compensation is :mod:`.resolve_dialog`.

Each names the case (reference number, client, stage), calls the service (Ctrl+Enter from
any field, or OK) once with the version it was shown, says a refusal under its field (or in
its general line: an illegal move, a case changed meanwhile) and stays open; it closes on
success, and ``saved`` carries the case as it is now.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QPushButton, QWidget

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError, ValidationError
from frontdesk.services.complaints.views import ComplaintCase
from frontdesk.services.registry import Services
from frontdesk.ui.complaints.intake_dialog import text_box
from frontdesk.ui.complaints.words import stage_name
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import at_least_wide, column, dialog_buttons


class StepDialog(QDialog):
    """Subclasses fill ``form`` through ``errors.add_row`` and implement :meth:`save`."""

    saved = Signal(object)

    def __init__(self, services: Services, actor: Actor, case: ComplaintCase, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.services, self.actor, self.case = services, actor, case
        row = case.row
        heading = QLabel(f"{row.ref_no} · {row.client_name} · {stage_name(row.stage)}",
                         objectName="complaintDialogHeading")
        heading.setWordWrap(True)
        self.form = QFormLayout()
        general = QLabel()
        self.errors = FormErrors(general)
        self.buttons = dialog_buttons(self, self.go, self.tr("OK (Ctrl+Enter)"))
        self.column = column(self, heading, self.form, general, self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # from the text boxes, where Enter is a line
            QShortcut(QKeySequence(keys), self, self.go)

    def finish(self, width: int = 480) -> None:
        at_least_wide(self, width)

    @property
    def version(self) -> int:
        return self.case.row.version

    @property
    def complaint_id(self) -> int:
        return self.case.row.complaint_id

    def save(self) -> ComplaintCase:
        """Call the service (raises DomainError to stay open)."""
        raise NotImplementedError

    @Slot()
    def go(self) -> None:
        self.errors.clear()
        try:
            case = self.save()
        except DomainError as exc:
            self.errors.show(exc)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.saved.emit(case)
        self.accept()


class AcknowledgeDialog(StepDialog):
    """受理 → 调查: the owner has the case and starts finding out."""

    def __init__(self, services: Services, actor: Actor, case: ComplaintCase,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, case, self.tr("Acknowledge (F4)"), parent)
        self.setObjectName("complaintAcknowledge")
        self.note = text_box("complaintAckNote", self.tr("e.g. called the client back"))
        self.errors.add_row(self.form, self.tr("Note"), "note", self.note)
        self.finish()
        self.note.setFocus()

    def save(self) -> ComplaintCase:
        return self.services.complaints.acknowledge(self.actor, self.complaint_id, self.version,
                                                    self.note.toPlainText())


class FindingsDialog(StepDialog):
    """调查 → 处理: what the investigation found."""

    def __init__(self, services: Services, actor: Actor, case: ComplaintCase,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, case, self.tr("Findings (F6)"), parent)
        self.setObjectName("complaintFindings")
        self.findings = text_box("complaintFindingsText",
                                 self.tr("What happened, who was asked, what was checked"))
        self.findings.setPlainText(case.findings)
        self.errors.add_row(self.form, self.tr("Findings"), "findings", self.findings)
        self.finish()
        self.findings.setFocus()

    def save(self) -> ComplaintCase:
        return self.services.complaints.investigate(self.actor, self.complaint_id, self.version,
                                                    self.findings.toPlainText())


class FeedbackDialog(StepDialog):
    """反馈: is the client satisfied? Close the case, or reopen it (back to investigation)."""

    def __init__(self, services: Services, actor: Actor, case: ComplaintCase,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, case, self.tr("Client's feedback (F8)"), parent)
        self.setObjectName("complaintFeedback")
        self.satisfied = QComboBox(objectName="complaintSatisfied")
        self.satisfied.addItem(self.tr("Satisfied"), True)
        self.satisfied.addItem(self.tr("Not satisfied"), False)
        self.note = text_box("complaintFeedbackNote", self.tr("What the client said"))
        self.errors.add_row(self.form, self.tr("The client is"), "satisfied", self.satisfied)
        self.errors.add_row(self.form, self.tr("Note"), "note", self.note)
        ok = self.buttons.buttons()[0]
        ok.setText(self.tr("Close the case (Ctrl+Enter)"))
        self.reopen_button = QPushButton(self.tr("Reopen instead"),
                                         objectName="complaintFeedbackReopen")
        self.buttons.addButton(self.reopen_button, self.buttons.ButtonRole.ActionRole)
        self.reopen_button.clicked.connect(self.reopen)
        self.finish()
        self.satisfied.setFocus()

    def save(self) -> ComplaintCase:
        return self.services.complaints.close(self.actor, self.complaint_id, self.version,
                                              satisfied=bool(self.satisfied.currentData()),
                                              note=self.note.toPlainText())

    @Slot()
    def reopen(self) -> None:
        """Not resolved for the client: back to investigation, the note as the reason."""
        self.errors.clear()
        try:
            if not self.note.toPlainText().strip():
                raise ValidationError("Give the reason.", field="note")
            case = self.services.complaints.reopen(self.actor, self.complaint_id, self.version,
                                                   self.note.toPlainText())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.saved.emit(case)
        self.accept()


class ReopenDialog(StepDialog):
    """反馈 or closed → 调查, with the reason."""

    def __init__(self, services: Services, actor: Actor, case: ComplaintCase,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, case, self.tr("Reopen (F9)"), parent)
        self.setObjectName("complaintReopen")
        self.reason = text_box("complaintReopenReason", self.tr("e.g. the redness came back"))
        self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)
        self.finish()
        self.reason.setFocus()

    def save(self) -> ComplaintCase:
        return self.services.complaints.reopen(self.actor, self.complaint_id, self.version,
                                               self.reason.toPlainText())


class AssignDialog(StepDialog):
    """Give the case to another owner (a complaint handler or a manager)."""

    def __init__(self, services: Services, actor: Actor, case: ComplaintCase,
                 owners: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(services, actor, case, self.tr("Assign (Ctrl+R)"), parent)
        self.setObjectName("complaintAssign")
        self.owner = QComboBox(objectName="complaintAssignOwner")
        for staff_id, name in owners:
            self.owner.addItem(name, staff_id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(case.row.owner_id)))
        self.errors.add_row(self.form, self.tr("Owner"), "owner_id", self.owner)
        self.finish()
        self.owner.setFocus()

    def save(self) -> ComplaintCase:
        owner = self.owner.currentData()
        if owner is None:
            raise ValidationError("Choose the owner.", field="owner_id")
        return self.services.complaints.assign(self.actor, self.complaint_id, self.version,
                                               int(owner))
