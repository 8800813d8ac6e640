"""The due list's dialogs: log a call (F3 or Enter), snooze to a date (F7), skip with a
reason (F8), and a manager's reassign to a client manager or the pool (Ctrl+R).

Each names the task (client, kind, why), writes once (a call carries an idempotency
key made when the dialog opens: a double Enter logs one call), says a refusal under
its field and stays open; it closes on success, and ``saved`` tells the page.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError, ValidationError
from frontdesk.models.care import CallOutcome, CareChannel
from frontdesk.services.care.views import DueTask
from frontdesk.services.registry import Services
from frontdesk.ui.care.labels import CALL_OUTCOMES, kind_name, outcome_name
from frontdesk.ui.care.reasons import reason_text
from frontdesk.ui.clients.common import pydate, qdate
from frontdesk.ui.dates import date_text, set_edit_format
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import at_least_wide, column, dialog_buttons

NOTE_MAX = 500


class TaskDialog(QDialog):
    """Subclasses fill ``form`` through ``errors.add_row`` and implement :meth:`save`."""

    saved = Signal()

    def __init__(self, services: Services, actor: Actor, task: DueTask, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.services = services
        self.actor = actor
        self.task = task
        self.key = uuid.uuid4().hex
        heading = QLabel(f"{task.client_name} · {kind_name(task.kind)} · {reason_text(task)}",
                         objectName="careDialogHeading")
        heading.setWordWrap(True)
        self.form = QFormLayout()
        general = QLabel()
        self.errors = FormErrors(general)
        self.buttons = dialog_buttons(self, self.go)
        column(self, heading, self.form, general, self.buttons)

    def finish(self, width: int = 440) -> None:
        at_least_wide(self, width)

    def save(self) -> None:
        """Call the service (raises DomainError to stay open)."""
        raise NotImplementedError

    def done_text(self) -> str:
        """What the page says once it is saved."""
        return self.tr("Done.")

    @Slot()
    def go(self) -> None:
        self.errors.clear()
        try:
            self.save()
        except DomainError as exc:
            self.errors.show(exc)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.saved.emit()
        self.accept()


class CallDialog(TaskDialog):
    """What came of the call: reached, no answer (tried again tomorrow), wrong number,
    booked an appointment, raised a complaint (and, for a gift task, first: the gift
    given); and a note."""

    def __init__(self, services: Services, actor: Actor, task: DueTask,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, task, self.tr("Log a call (F3)"), parent)
        self.setObjectName("careCallDialog")
        self.outcome = QComboBox(objectName="careOutcome")
        gift = (CallOutcome.GIFT_GIVEN,) if task.channel is CareChannel.GIFT else ()
        for outcome in (*gift, *CALL_OUTCOMES):
            self.outcome.addItem(outcome_name(outcome), outcome)
        self.note = QPlainTextEdit(objectName="careNote")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What was said, what to do next"))
        self.note.setFixedHeight(90)
        self.errors.add_row(self.form, self.tr("Outcome"), "outcome", self.outcome)
        self.errors.add_row(self.form, self.tr("Note"), "note", self.note)
        self.finish()
        self.outcome.setFocus()

    def choose(self, outcome: CallOutcome) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData(outcome))

    def save(self) -> None:
        note = self.note.toPlainText().strip()
        if len(note) > NOTE_MAX:
            raise ValidationError("The note is too long: at most {n} characters.",
                                  field="note", n=NOTE_MAX)
        self.services.care.log_call(self.actor, self.task.task_id, self.task.version,
                                    CallOutcome(self.outcome.currentData()), note,
                                    key=self.key)

    def done_text(self) -> str:
        if self.outcome.currentData() == CallOutcome.NO_ANSWER:
            return self.tr("No answer: the task comes back tomorrow (closed after three "
                           "tries).")
        return self.tr("The call is logged.")


class SnoozeDialog(TaskDialog):
    """Put the task off to a day (tomorrow by default); it comes back on that day."""

    def __init__(self, services: Services, actor: Actor, task: DueTask, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, task, self.tr("Snooze (F7)"), parent)
        self.setObjectName("careSnoozeDialog")
        self.until = QDateEdit(objectName="careSnoozeUntil")
        self.until.setCalendarPopup(True)
        set_edit_format(self.until)
        tomorrow = today + dt.timedelta(days=1)
        self.until.setMinimumDate(qdate(tomorrow))
        self.until.setDate(qdate(tomorrow))
        self.errors.add_row(self.form, self.tr("Until"), "until", self.until)
        self.finish()
        self.until.setFocus()

    def set_until(self, day: dt.date) -> None:
        self.until.setDate(QDate(day.year, day.month, day.day))

    def save(self) -> None:
        self.services.care.snooze(self.actor, self.task.task_id, self.task.version,
                                  pydate(self.until.date()))

    def done_text(self) -> str:
        return self.tr("Snoozed: the task comes back on {day}.").format(
            day=date_text(pydate(self.until.date())))


class SkipDialog(TaskDialog):
    """Not done, and why (required): the client moved away, was called yesterday…"""

    def __init__(self, services: Services, actor: Actor, task: DueTask,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, task, self.tr("Skip (F8)"), parent)
        self.setObjectName("careSkipDialog")
        self.reason = QLineEdit(objectName="careSkipReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. called yesterday at the desk"))
        self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)
        self.finish()
        self.reason.setFocus()

    def save(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            raise ValidationError("Say why the task is skipped.", field="reason")
        self.services.care.skip(self.actor, self.task.task_id, self.task.version, reason)


class ReassignDialog(TaskDialog):
    """A manager gives the task to a client manager, or to the store's pool."""

    def __init__(self, services: Services, actor: Actor, task: DueTask,
                 staff: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(services, actor, task, self.tr("Reassign (Ctrl+R)"), parent)
        self.setObjectName("careReassignDialog")
        self.staff = QComboBox(objectName="careReassignTo")
        self.staff.addItem(self.tr("The store's pool"), None)
        for staff_id, name in staff:
            self.staff.addItem(name, staff_id)
        self.staff.setCurrentIndex(max(0, self.staff.findData(task.assigned_to_id)))
        self.errors.add_row(self.form, self.tr("Looked after by"), "staff_id", self.staff)
        self.finish()
        self.staff.setFocus()

    def choose(self, staff_id: int | None) -> None:
        self.staff.setCurrentIndex(self.staff.findData(staff_id))

    def save(self) -> None:
        staff_id = self.staff.currentData()
        self.services.care.reassign(self.actor, self.task.task_id,
                                    int(staff_id) if staff_id is not None else None)

    def done_text(self) -> str:
        return self.tr("Reassigned to {name}.").format(name=self.staff.currentText())
