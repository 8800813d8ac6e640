"""The handover (交接) of a visit (F12 on the board's chosen visit).

A beautician sees the handover of a visit she serves in, read-only: who serves,
what the visit's consultation says she must know, the items of this session with
their purpose and price, the products and amounts to use, the operation notes.
A consultant or manager writes it here too: the items (picked from the catalog,
their purpose, amount and price typed into the table), the other beauticians
serving beside the lead, and the notes; Ctrl+Enter saves. A handover another
terminal saved meanwhile is refused and said inline; nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen, parse_yuan
from frontdesk.core.permissions import SERVING_ROLES, Action, allowed
from frontdesk.errors import DomainError, ValidationError
from frontdesk.models import LineKind
from frontdesk.services.desk.handover import (
    Handover,
    HandoverForm,
    HandoverLineInput,
    HandoverLineView,
)
from frontdesk.services.registry import Services
from frontdesk.ui.desk.handover_brief import HandoverBrief
from frontdesk.ui.forms import FormErrors

PURPOSE, AMOUNT, PRICE = 1, 2, 3


class HandoverDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, handover: Handover,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Handover for {name} (F12)").format(
            name=handover.client_name))
        self.setMinimumSize(640, 520)
        self.resize(900, 700)  # within a 1366×768 desk screen
        self._services = services
        self._actor = actor
        self.handover = handover
        self.brief = HandoverBrief()
        self.can_write = allowed(actor, Action.WRITE_HANDOVER)
        self.brief.show_handover(handover, with_lines=not self.can_write)
        self._build()

    def _build(self) -> None:
        scroll = QScrollArea(objectName="handoverScroll", widgetResizable=True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.brief)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        general = QLabel()
        self.errors = FormErrors(general)
        if self.can_write:
            layout.addLayout(self._editor(), 2)
            self.item.installEventFilter(self)
            self.table.installEventFilter(self)
            self.item.setFocus()
        layout.addWidget(general)
        layout.addWidget(self._buttons())

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if self.can_write:
            self.save = buttons.addButton(self.tr("Save (Ctrl+Enter)"),
                                          QDialogButtonBox.ButtonRole.AcceptRole)
            self.save.setObjectName("saveHandover")
            buttons.accepted.connect(self.confirm)
            for key in ("Ctrl+Return", "Ctrl+Enter"):
                QShortcut(QKeySequence(key), self, self.confirm)
        return buttons

    def _editor(self) -> QFormLayout:
        self.item = QComboBox(objectName="handoverItem")
        branch = self._actor.branch_id
        service, product = self.tr("Service"), self.tr("Product")
        for s in self._services.catalog.service_items(branch):
            self.item.addItem(f"[{service}] {s.name}", (LineKind.SERVICE, s.id, s.name,
                                                        s.price_fen))
        for p in self._services.catalog.products(branch):
            self.item.addItem(f"[{product}] {p.name}", (LineKind.PRODUCT, p.id, p.name, 0))
        self.add_item = QPushButton(self.tr("Add item"), objectName="addHandoverItem")
        self.add_item.clicked.connect(self._add_current)
        picker = QHBoxLayout()
        picker.addWidget(self.item, 1)
        picker.addWidget(self.add_item)
        self.table = self._table()
        self.helpers = self._helpers()
        self.notes = QPlainTextEdit(self.handover.notes, objectName="handoverNotes")
        self.notes.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Add"), picker)
        self.errors.add_row(form, self.tr("This session"), "lines", self.table)
        self.errors.add_row(form, self.tr("Also serving"), "helper_ids", self.helpers)
        self.errors.add_row(form, self.tr("Operation notes"), "notes", self.notes)
        return form

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 4, objectName="handoverLines")
        table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Purpose"),
                                         self.tr("Amount to use"), self.tr("Price")])
        table.horizontalHeader().setStretchLastSection(True)
        table.setTabKeyNavigation(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setToolTip(self.tr("Type over a purpose, amount or price; Delete removes the item"))
        for line in self.handover.lines:
            self._append(table, line)
        table.resizeColumnsToContents()
        table.setMinimumHeight(150)  # three items in sight
        return table

    def _helpers(self) -> QListWidget:
        widget = QListWidget(objectName="helpers")
        chosen = {ref.id for ref in self.handover.staff}
        for row in self._services.staff.active_staff(self._actor.branch_id, SERVING_ROLES):
            if row.id == self.handover.lead_id:
                continue
            item = QListWidgetItem(row.display_name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in chosen
                               else Qt.CheckState.Unchecked)
            widget.addItem(item)
        widget.setMaximumHeight(120)
        return widget

    def _append(self, table: QTableWidget, line: HandoverLineView) -> None:
        row = table.rowCount()
        table.insertRow(row)
        name = QTableWidgetItem(line.name)
        name.setData(Qt.ItemDataRole.UserRole, (line.kind, line.item_id))
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        table.setItem(row, 0, name)
        price = format_fen(line.price_fen) if line.kind is LineKind.SERVICE or line.price_fen \
            else ""
        for column, text in ((PURPOSE, line.purpose), (AMOUNT, line.amount), (PRICE, price)):
            table.setItem(row, column, QTableWidgetItem(text))

    @Slot()
    def _add_current(self) -> None:
        kind, item_id, name, price = self.item.currentData()
        self._append(self.table, HandoverLineView(kind, item_id, name, "", "", price))
        self.table.setCurrentCell(self.table.rowCount() - 1, PURPOSE)
        self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the item picker adds it; Delete on the table removes the item chosen."""
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress \
                or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        if watched is self.item and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._add_current()
            return True
        if watched is self.table and event.key() == Qt.Key.Key_Delete:
            self.table.removeRow(self.table.currentRow())
            return True
        return False

    def form(self) -> HandoverForm:
        """The handover as typed; ValidationError naming the line of a price not in yuan."""
        lines = []
        for row in range(self.table.rowCount()):
            kind, item_id = self._cell(row, 0).data(Qt.ItemDataRole.UserRole)
            text = self._cell(row, PRICE).text().strip()
            price = parse_yuan(text) if text else 0
            if price is None:
                raise ValidationError("Item {n}: type the price in yuan, e.g. 380 or 380.50.",
                                      field="lines", n=row + 1)
            lines.append(HandoverLineInput(kind, item_id, self._cell(row, PURPOSE).text(),
                                           self._cell(row, AMOUNT).text(), price))
        helpers = [self.helpers.item(i).data(Qt.ItemDataRole.UserRole)
                   for i in range(self.helpers.count())
                   if self.helpers.item(i).checkState() == Qt.CheckState.Checked]
        return HandoverForm(tuple(lines), self.notes.toPlainText(), tuple(helpers))

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        cell = self.table.item(row, column)
        assert cell is not None  # every cell is made with its row
        return cell

    @Slot()
    def confirm(self) -> None:
        try:
            self.handover = self._services.handover.write(
                self._actor, self.handover.visit_id, self.handover.version, self.form())
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()
