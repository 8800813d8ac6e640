"""The services and the prep-room note of a visit after check-in (the board's menu key).

domain/001: the prep room (调配室) is told as soon as the consultation settles the
items. The dialog shows the plan as it is now, ticks the planned services, and saves
against what it showed, so a change made meanwhile on another terminal is said, not
overwritten. Space ticks a service, Tab goes to the note, Enter saves, Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError
from frontdesk.services.desk.visit_plan import VisitPlan
from frontdesk.services.registry import Services
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import column, dialog_buttons

ID_ROLE = Qt.ItemDataRole.UserRole


class PlanDialog(QDialog):
    changed = Signal(int)  # visit id

    def __init__(self, services: Services, actor: Actor, plan: VisitPlan,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowTitle(self.tr("Services and prep note: {name}").format(
            name=plan.client_name))
        self.setMinimumWidth(520)
        self._services = services
        self._actor = actor
        self._plan = plan
        self.services_list = self._service_list()
        self.prep_note = QLineEdit(plan.prep_note, objectName="planPrepNote")
        self.prep_note.setPlaceholderText(self.tr("What the prep room should get ready"))
        self._layout()
        self.services_list.setFocus()

    def _service_list(self) -> QListWidget:
        widget = QListWidget(objectName="planServices")
        widget.setMaximumHeight(180)
        planned = set(self._plan.service_item_ids)
        for item in self._services.catalog.service_items(self._actor.branch_id):
            row = QListWidgetItem(f"{item.name}  {format_fen(item.price_fen)}")
            row.setData(ID_ROLE, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.id in planned
                              else Qt.CheckState.Unchecked)
            widget.addItem(row)
        widget.setCurrentRow(0)
        return widget

    def _layout(self) -> None:
        form = QFormLayout()
        general = QLabel()
        general.setWordWrap(True)
        self.errors = FormErrors(general)
        self.errors.add_row(form, self.tr("Services"), "service_item_ids", self.services_list,
                            also=("service_item_id",))
        self.errors.add_row(form, self.tr("Note for the prep room"), "prep_note", self.prep_note)
        column(self, form, general,
               dialog_buttons(self, self._save, self.tr("Tell the prep room")))

    def checked_service_ids(self) -> tuple[int, ...]:
        """The planned services still ticked, in their order, then the newly ticked ones."""
        items = (self.services_list.item(i) for i in range(self.services_list.count()))
        ticked = [int(i.data(ID_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked]
        kept = [i for i in self._plan.service_item_ids if i in ticked]
        return (*kept, *(i for i in ticked if i not in kept))

    @Slot()
    def _save(self) -> None:
        try:
            self._services.visit_plan.change_plan(self._actor, self._plan,
                                                  self.checked_service_ids(),
                                                  self.prep_note.text())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.changed.emit(self._plan.visit_id)
        self.accept()
