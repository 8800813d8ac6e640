"""The chosen task beside the due list: the client's card, why the task is due (with the
numbers behind it), the gifts to choose from, and the suggested message.

The phone is shown as the service gives it: masked (138****5678) unless the person
may see it (a manager, or the client's own client manager). Allergies are shown in red:
a gift or an invitation must not ignore them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.models.care import CareKind
from frontdesk.services.care.views import DueTask
from frontdesk.ui.care.labels import gift_name
from frontdesk.ui.care.reasons import detail_lines, reason_text
from frontdesk.ui.dates import date_text
from frontdesk.ui.widgets import scrolled


def _value(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    return label


class TaskPanel(QWidget):
    case_requested = Signal(str)
    """A complaint deadline's case, by its reference number: open it on the complaints page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careTaskPanel")
        self.task: DueTask | None = None
        self.name = _value("careClientName")
        font = self.name.font()
        font.setBold(True)
        if font.pixelSize() > 0:  # the theme sizes type in pixels
            font.setPixelSize(round(font.pixelSize() * 1.2))
        self.name.setFont(font)
        self.phone = _value("careClientPhone")
        self.visits = _value("careClientVisits")
        self.allergies = _value("careClientAllergies")
        self.assigned = _value("careAssigned")
        self.why = _value("careWhy")
        self.numbers = _value("careNumbers")
        self.gifts = _value("careGifts")
        self.message = QPlainTextEdit(objectName="careMessage")
        self.message.setReadOnly(True)
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(80)
        self.case_button = QPushButton(self.tr("Open the case (Enter)"), objectName="careOpenCase")
        self.case_button.clicked.connect(self.open_case)
        self._build()
        self.show_task(None)

    def _build(self) -> None:
        form = self._form = QFormLayout()
        form.addRow(self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Visits"), self.visits)
        form.addRow(self.tr("Allergies"), self.allergies)
        form.addRow(self.tr("Looked after by"), self.assigned)
        form.addRow(self.tr("Why"), self.why)
        form.addRow("", self.numbers)
        form.addRow("", self.gifts)
        cards = QWidget(objectName="careTaskCard")
        column = QVBoxLayout(cards)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(form)
        column.addWidget(self.case_button)
        column.addStretch(1)
        self.message_title = QLabel(self.tr("Suggested message (F9 copies it)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(cards, "careTaskScroll"), 3)
        layout.addWidget(self.message_title)
        layout.addWidget(self.message, 2)

    def show_task(self, task: DueTask | None) -> None:
        self.task = task
        if task is None:
            for label in (self.phone, self.visits, self.allergies, self.assigned,
                          self.why, self.numbers, self.gifts):
                label.clear()
            self.name.setText(self.tr("Choose a task in the list."))
            self._rows_shown(False)
            self.message.clear()
            self._show_message(False)
            self.case_button.hide()
            return
        self._rows_shown(True)
        self._client(task)
        self.why.setText(reason_text(task))
        self.numbers.setText("\n".join(detail_lines(task.detail, task.kind)))
        self._form.setRowVisible(self.numbers, bool(task.detail))
        gifts = "、".join(gift_name(g) for g in task.gift_types)
        self.gifts.setText(self.tr("Gift: {gifts}").format(gifts=gifts) if gifts else "")
        self._form.setRowVisible(self.gifts, bool(gifts))
        self.message.setPlainText(task.suggested_message)
        self._show_message(bool(task.suggested_message))
        self.case_button.setVisible(self.complaint_ref() is not None)

    def complaint_ref(self) -> str | None:
        """The reference number of a complaint deadline task's case; None for other tasks."""
        task = self.task
        if task is None or task.kind is not CareKind.COMPLAINT_DEADLINE:
            return None
        return str(task.detail.get("ref", "")) or None

    @Slot()
    def open_case(self) -> None:
        ref = self.complaint_ref()
        if ref is not None:
            self.case_requested.emit(ref)

    def _rows_shown(self, shown: bool) -> None:
        """The card's rows (empty ones only confuse while no task is chosen)."""
        for row in range(1, self._form.rowCount()):
            self._form.setRowVisible(row, shown)

    def _show_message(self, shown: bool) -> None:
        self.message_title.setVisible(shown)
        self.message.setVisible(shown)

    def _client(self, task: DueTask) -> None:
        if task.is_batch:
            self.name.setText(self.tr("Batch message to {n} clients").format(n=task.recipients))
        else:
            self.name.setText(task.client_name)
        self.phone.setText(" · ".join(t for t in (task.phone, task.tier) if t))
        if task.last_visit_on is None:
            self.visits.setText(str(task.visits))
        else:
            self.visits.setText(self.tr("{n}, the last on {day}").format(
                n=task.visits, day=date_text(task.last_visit_on)))
        self.allergies.setText(task.allergies or self.tr("none known"))
        self.allergies.setStyleSheet("color: #c62828;" if task.allergies else "")
        if task.central:
            self.assigned.setText(self.tr("The service centre (cared for centrally)"))
        else:
            self.assigned.setText(task.assigned_to_name or self.tr("The store's pool"))
