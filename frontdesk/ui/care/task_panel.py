"""The chosen task beside the due list: the client's card, why the task is due (with the
numbers behind it), the gifts to choose from, and the suggested message.

The phone is shown as the service gives it: masked (138****5678) unless the person
may see it (a manager, or the client's own client manager). Allergies are shown in red:
a gift or an invitation must not ignore them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from frontdesk.services.care.views import DueTask
from frontdesk.ui.care.labels import detail_lines, gift_name, kind_name, reason_text
from frontdesk.ui.dates import date_text


def _value(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    return label


class TaskPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careTaskPanel")
        self.task: DueTask | None = None
        self.name = _value("careClientName")
        font = self.name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name.setFont(font)
        self.phone = _value("careClientPhone")
        self.tier = _value("careClientTier")
        self.visits = _value("careClientVisits")
        self.allergies = _value("careClientAllergies")
        self.assigned = _value("careAssigned")
        self.why = _value("careWhy")
        self.numbers = _value("careNumbers")
        self.gifts = _value("careGifts")
        self.message = QPlainTextEdit(objectName="careMessage")
        self.message.setReadOnly(True)
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(70)
        self._build()
        self.show_task(None)

    def _build(self) -> None:
        card = QGroupBox(self.tr("Client"))
        form = QFormLayout(card)
        form.addRow(self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Tier"), self.tier)
        form.addRow(self.tr("Visits"), self.visits)
        form.addRow(self.tr("Allergies"), self.allergies)
        form.addRow(self.tr("Looked after by"), self.assigned)
        why = QGroupBox(self.tr("Why"))
        why_form = QVBoxLayout(why)
        for widget in (self.why, self.numbers, self.gifts):
            why_form.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        layout.addWidget(why)
        layout.addWidget(QLabel(self.tr("Suggested message (F9 copies it)")))
        layout.addWidget(self.message, 1)

    def show_task(self, task: DueTask | None) -> None:
        self.task = task
        if task is None:
            for label in (self.phone, self.tier, self.visits, self.allergies, self.assigned,
                          self.why, self.numbers, self.gifts):
                label.clear()
            self.name.setText(self.tr("Choose a task in the list."))
            self.message.clear()
            return
        self._client(task)
        self.why.setText(f"{kind_name(task.kind)}: {reason_text(task)}")
        self.numbers.setText("\n".join(detail_lines(task.detail)))
        self.numbers.setVisible(bool(task.detail))
        gifts = "、".join(gift_name(g) for g in task.gift_types)
        self.gifts.setText(self.tr("Gift: {gifts}").format(gifts=gifts) if gifts else "")
        self.gifts.setVisible(bool(gifts))
        self.message.setPlainText(task.suggested_message)

    def _client(self, task: DueTask) -> None:
        if task.is_batch:
            self.name.setText(self.tr("Batch message to {n} clients").format(n=task.recipients))
        else:
            self.name.setText(task.client_name)
        self.phone.setText(task.phone)
        self.tier.setText(task.tier or self.tr("none"))
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
