"""A new consultation record (客情分析表): the whole form, saved as one dated record.

Sections in the order the consultant works (顾客接待流程): skin test, the five
special conditions before and after cleansing, body test, the recommended
courses and home-care products, the next visit, the client type, notes. Save
refuses inline beside the field the service names; a client without health
consent gets the service's message.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor, local_today
from frontdesk.errors import DomainError, StorageError
from frontdesk.models import LineKind
from frontdesk.services.health.consultation import ConsultationForm
from frontdesk.services.registry import Services
from frontdesk.ui.clients.common import FieldErrors, pydate, qdate
from frontdesk.ui.clients.consult_sections import (
    BodySection,
    ClientTypeSection,
    ConditionsSection,
    InputError,
    SkinSection,
)
from frontdesk.ui.clients.plan_editor import PlanEditor
from frontdesk.ui.dates import set_edit_format
from frontdesk.ui.errors import show_storage_error


class ConsultationEditor(QWidget):
    saved = Signal(int)  # the new record's id

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consultationEditor")
        self._services = services
        self._actor = actor
        self.client_id: int | None = None
        self.general = QLabel()
        self.errors = FieldErrors(self.general)
        self._build()

    def _catalog(self) -> tuple[list[tuple[int, str, int]], list[tuple[int, str, int]]]:
        catalog, branch = self._services.catalog, self._actor.branch_id
        try:
            services = [(i.id, i.name, i.price_fen) for i in catalog.service_items(branch)]
            products = [(p.id, p.name, p.price_fen) for p in catalog.products(branch)]
        except (DomainError, StorageError):
            return [], []  # the lines still take free text
        return services, products

    def _build(self) -> None:
        self.title = QLabel(objectName="editorTitle")
        self.skin = SkinSection(self.errors)
        self.conditions = ConditionsSection(self.errors)
        self.body = BodySection(self.errors)
        services, products = self._catalog()
        self.courses = PlanEditor(LineKind.SERVICE, services, self.errors)
        self.products = PlanEditor(LineKind.PRODUCT, products, self.errors)
        self.client_type = ClientTypeSection(self.errors)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.title)
        column.addLayout(self._date_row())
        for widget in (self.skin, self.conditions, self.body, self._plan_box(),
                       self.client_type, self._notes_box()):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll_area = QScrollArea(objectName="editorScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.general)
        layout.addLayout(self._buttons())

    def _date_row(self) -> QFormLayout:
        self.taken_on = QDateEdit(objectName="takenOn")
        self.taken_on.setCalendarPopup(True)
        set_edit_format(self.taken_on)
        self.taken_on.setMaximumWidth(200)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Consultation date"), "taken_on", self.taken_on)
        return form

    def _plan_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Recommended plan"))
        self.next_visit_set = QCheckBox(self.tr("Next visit on"), objectName="nextVisitSet")
        self.next_visit = QDateEdit(objectName="nextVisit")
        self.next_visit.setCalendarPopup(True)
        set_edit_format(self.next_visit)
        self.next_visit_set.toggled.connect(self.next_visit.setEnabled)
        self.plan_notes = QLineEdit(objectName="planNotes")
        form = QFormLayout(box)
        courses, products = self.tr("Courses (service × sessions)"), self.tr("Home-care products")
        form.addRow(QLabel(f"<b>{courses}</b>"))
        form.addRow(self.courses)
        form.addRow(QLabel(f"<b>{products}</b>"))
        form.addRow(self.products)
        row = QHBoxLayout()
        row.addWidget(self.next_visit_set)
        row.addWidget(self.next_visit)
        row.addStretch(1)
        form.addRow(row)
        form.addRow("", self.errors.attach("next_visit_on", self.next_visit))
        self.errors.attach("plan", self.courses, self.general)
        self.errors.add_row(form, self.tr("Plan notes"), "plan_notes", self.plan_notes)
        return box

    def _notes_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Notes"))
        self.notes = QLineEdit(objectName="consultationNotes")
        form = QFormLayout(box)
        self.errors.add_row(form, self.tr("Notes"), "notes", self.notes)
        return box

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save consultation"), objectName="saveConsultation")
        self.save_button.clicked.connect(self.save)
        clear = QPushButton(self.tr("Clear the form"), objectName="clearConsultation")
        clear.clicked.connect(self.reset)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(clear)
        row.addStretch(1)
        return row

    def start(self, client_id: int, client_name: str) -> None:
        """A fresh form for ``client_id`` (kept as typed when it is the same client)."""
        if client_id != self.client_id:
            self.client_id = client_id
            self.reset()
        self.title.setText(self.tr("New consultation for {name}").format(name=client_name))

    @Slot()
    def reset(self) -> None:
        today = local_today(self._services.clock)
        self.errors.clear()
        sections = (self.skin, self.conditions, self.body, self.client_type)
        for section in sections:
            for edit in section.findChildren(QLineEdit):
                edit.clear()
            for combo in section.findChildren(QComboBox):
                combo.setCurrentIndex(0)
            for box in section.findChildren(QCheckBox):
                box.setChecked(False)
        self.plan_notes.clear()
        self.notes.clear()
        self.next_visit_set.setChecked(False)
        self.courses.clear()
        self.products.clear()
        self.taken_on.setMaximumDate(qdate(today))
        self.taken_on.setDate(qdate(today))
        self.next_visit.setDate(qdate(today + dt.timedelta(days=14)))
        self.next_visit.setEnabled(False)

    def value(self) -> ConsultationForm:
        """The form as the service takes it; InputError for a number it cannot read."""
        courses = self.courses.lines(0)
        plan = courses + self.products.lines(len(courses))
        return ConsultationForm(
            skin=self.skin.value(), conditions=self.conditions.value(), body=self.body.value(),
            plan=tuple(plan),
            next_visit_on=pydate(self.next_visit.date()) if self.next_visit_set.isChecked()
            else None,
            plan_notes=self.plan_notes.text(), client_type=self.client_type.value(),
            notes=self.notes.text(), taken_on=pydate(self.taken_on.date()))

    @Slot()
    def save(self) -> int | None:
        if self.client_id is None:
            return None
        self.errors.clear()
        try:
            record_id = self._services.consultation.save(self._actor, self.client_id,
                                                         self.value())
        except InputError as exc:
            self.errors.show_text(exc.field, exc.text)
            self.errors.reveal(self.scroll_area, exc.field)
            return None
        except DomainError as exc:
            self.errors.show(exc)
            self.errors.reveal(self.scroll_area, exc.field)
            return None
        except StorageError as exc:
            show_storage_error(self, exc)
            return None
        self.reset()
        self.saved.emit(record_id)
        return record_id
