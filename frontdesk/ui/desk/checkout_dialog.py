"""Check-out (F8): the visit's lines from the catalog, discounts, payments, a receipt.

Lines start from the services planned at check-in. Each line is credited to who
did it: the "By" picker for a new line, and the lines' "By" column (F2 or a key
opens its list) for one already there, both starting at the visit's lead
beautician and offering the others serving in the visit first, then the store's
other beauticians. Amounts are typed in yuan and
held as integer fen. In the lines table the quantity, unit price and discount of
a line can be changed (type over the cell, or F2); the amount and the total follow,
and a price below the catalogue's is approved by a manager like a big discount.
Tab moves through the dialog and out of the table, never from cell to cell.
Payments may be split (:mod:`~frontdesk.ui.desk.payments_panel`): whatever is
left unpaid when the desk confirms is paid by the method chosen. The idempotency
key is made when the dialog opens, so a double press books once.

Paying by member card lists the client's cards (own and shared) in the payments; when
a stored-value card pays, the lines show the member price its tier gives (asked of the
check-out service's quote, so it is what will be booked), in the Amount column and the
total. That discount is the member's right: it never asks for approval.

A check-out that needs a manager's approval (a discount over the store's limit,
a price below the catalogue, nothing to pay) opens the approval panel in place;
the manager's user name, password and reason go with the next confirmation.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen, parse_yuan
from frontdesk.core.permissions import SERVING_ROLES
from frontdesk.errors import AuthError, DomainError, ValidationError
from frontdesk.models import LineKind
from frontdesk.services.desk.approval import ApprovalMissing
from frontdesk.services.desk.card_payments import UsableCard
from frontdesk.services.desk.checkout import MAX_QUANTITY, LineInput, PaymentInput, Receipt
from frontdesk.services.registry import Services
from frontdesk.ui.desk.approval_panel import ApprovalPanel
from frontdesk.ui.desk.payments_panel import PaymentsPanel
from frontdesk.ui.desk.receipt_dialog import ReceiptDialog
from frontdesk.ui.forms import FormErrors

QTY, PRICE, DISCOUNT, BY = 1, 2, 3, 5
"""The columns of the lines table that can be changed."""
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class CatalogEntry:
    kind: LineKind
    item_id: int
    name: str
    price_fen: int


@dataclass(frozen=True)
class DraftLine:
    entry: CatalogEntry
    quantity: int
    discount_fen: int
    unit_price_fen: int | None = None
    """None: the catalogue's price."""
    staff_id: int | None = None
    """Who did it (None: nobody chosen; the service credits a service to the visit's lead)."""
    member_discount_fen: int = 0
    """The member's tier discount when a stored-value card pays (the service's quote)."""

    @property
    def price_fen(self) -> int:
        return self.entry.price_fen if self.unit_price_fen is None else self.unit_price_fen

    @property
    def amount_fen(self) -> int:
        return self.price_fen * self.quantity - self.discount_fen - self.member_discount_fen


def _edited(line: DraftLine, column: int, text: str) -> DraftLine | None:
    """The line with one cell changed to what was typed; None when it is not a valid value."""
    if column == QTY:
        qty = int(text) if text.strip().isdigit() else 0
        return replace(line, quantity=qty) if 1 <= qty <= MAX_QUANTITY else None
    fen = parse_yuan(text)
    if fen is None:
        return None
    return replace(line, unit_price_fen=fen) if column == PRICE else replace(line, discount_fen=fen)


class _ByDelegate(QStyledItemDelegate):
    """The lines' "By" column: a list of who may be credited, opened by F2 or a key."""

    def __init__(self, dialog: CheckoutDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        return self._dialog.staff_combo("lineByEditor", parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox) and 0 <= index.row() < len(self._dialog.lines):
            found = editor.findData(self._dialog.lines[index.row()].staff_id)
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            self._dialog.credit(index.row(), editor.currentData())


class CheckoutDialog(QDialog):
    checked_out = Signal(object)  # the Receipt

    def __init__(self, services: Services, actor: Actor, visit_id: int, client_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkoutDialog")
        self.setWindowTitle(self.tr("Check out {name} (F8)").format(name=client_name))
        self.setMinimumSize(720, 560)
        self._services = services
        self._actor = actor
        self._visit_id = visit_id
        self._key = uuid.uuid4().hex
        self.lines: list[DraftLine] = []
        self.receipt: Receipt | None = None
        self._entries = self._catalog()
        self.staff_choices = self._staff_choices()
        self._build()
        self.pay.set_cards(list(services.checkout.usable_cards(actor, visit_id)))
        for item in services.checkout.planned_services(actor, visit_id):
            self._add(CatalogEntry(LineKind.SERVICE, item.id, item.name, item.price_fen), 1, 0,
                      self.by.currentData())
        self.item.setFocus()

    def _catalog(self) -> list[CatalogEntry]:
        branch = self._actor.branch_id
        services = [CatalogEntry(LineKind.SERVICE, s.id, s.name, s.price_fen)
                    for s in self._services.catalog.service_items(branch)]
        products = [CatalogEntry(LineKind.PRODUCT, p.id, p.name, p.price_fen)
                    for p in self._services.catalog.products(branch)]
        return services + products

    def _staff_choices(self) -> list[tuple[int, str]]:
        """(id, name) of who may be credited: the visit's staff, its lead first, then the
        store's other beauticians."""
        serving = [(ref.id, ref.name)
                   for ref in self._services.checkout.visit_staff(self._actor, self._visit_id)]
        ids = {staff_id for staff_id, _ in serving}
        return serving + [(row.id, row.display_name) for row in self._services.staff.active_staff(
            self._actor.branch_id, SERVING_ROLES) if row.id not in ids]

    def staff_combo(self, name: str, parent: QWidget | None = None) -> QComboBox:
        """A list of who may be credited, the visit's lead first."""
        combo = QComboBox(parent, objectName=name)
        for staff_id, display_name in self.staff_choices:
            combo.addItem(display_name, staff_id)
        return combo

    def staff_name(self, staff_id: int | None) -> str:
        return next((name for i, name in self.staff_choices if i == staff_id), "")

    def credit(self, row: int, staff_id: int | None) -> None:
        """Line ``row`` is credited to ``staff_id``."""
        if 0 <= row < len(self.lines):
            self.lines[row] = replace(self.lines[row], staff_id=staff_id)
            self._refresh()

    @property
    def payments(self) -> list[PaymentInput]:
        """The part payments added so far (the rest is paid on confirming)."""
        return self.pay.parts

    def _build(self) -> None:
        self.item = QComboBox(objectName="lineItem")
        for entry in self._entries:
            tag = self.tr("Service") if entry.kind is LineKind.SERVICE else self.tr("Product")
            self.item.addItem(f"[{tag}] {entry.name}  {format_fen(entry.price_fen)}", entry)
        self.quantity = QSpinBox(objectName="lineQuantity", minimum=1, maximum=MAX_QUANTITY)
        self.discount = QLineEdit("0", objectName="lineDiscount")
        self.by = self.staff_combo("lineStaff")
        self.add_line = QPushButton(self.tr("Add line"), objectName="addLine")
        self.add_line.clicked.connect(self._add_current)
        for widget in (self.item, self.quantity, self.discount, self.by):
            widget.installEventFilter(self)
        self.table = self._build_table()
        self.total = QLabel(objectName="total")
        self.pay = PaymentsPanel()
        self.pay.failed.connect(self._show_error)
        self.pay.covered_fen = self.covered_fen
        self.pay.cards_changed.connect(self._refresh)
        self.pay.cards_changed.connect(self._make_room)  # the card list opened
        self.method, self.pay_amount = self.pay.method, self.pay.amount
        self._layout()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 6, objectName="lines")
        table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Unit price"),
                                         self.tr("Discount"), self.tr("Amount"), self.tr("By")])
        table.setItemDelegateForColumn(BY, _ByDelegate(self))
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(150)  # four lines stay in sight when the approval opens
        table.setTabKeyNavigation(False)  # Tab leaves the table for the payments
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.setToolTip(self.tr("Type over a quantity, price or discount to change it; "
                                 "F2 on By chooses who did it; Delete removes the line"))
        table.itemChanged.connect(self._cell_edited)
        table.installEventFilter(self)
        return table

    def _layout(self) -> None:
        picker = QHBoxLayout()
        picker.addWidget(self.item, 1)
        picker.addWidget(QLabel(self.tr("Qty")))
        picker.addWidget(self.quantity)
        picker.addWidget(QLabel(self.tr("Discount ¥")))
        picker.addWidget(self.discount)
        picker.addWidget(QLabel(self.tr("By")))
        picker.addWidget(self.by)
        picker.addWidget(self.add_line)
        general = QLabel()
        self.errors = FormErrors(general)
        self.pay.changed.connect(self.errors.clear)
        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.pay)
        self.approval = ApprovalPanel(self)
        self.approval.submitted.connect(self.confirm)
        self.approval.cancelled.connect(self.item.setFocus)
        layout.addWidget(self.approval)
        layout.addWidget(general)
        layout.addWidget(buttons)
        self._tab_order(buttons)
        self._refresh()

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Check out (Ctrl+Enter)"))
        for button in (*buttons.buttons(), self.add_line):
            if isinstance(button, QPushButton):  # Enter presses the button that has the focus
                button.setAutoDefault(True)
                button.setDefault(False)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        return buttons

    def _tab_order(self, buttons: QDialogButtonBox) -> None:
        """Top to bottom, as the dialog reads: the line picker, the lines, the payments,
        the approval (when open), then Check out and Cancel."""
        panel = self.approval
        chain: list[QWidget] = [
            self.item, self.quantity, self.discount, self.by, self.add_line, self.table,
            self.pay.method, self.pay.cards.swipe, self.pay.cards.list, self.pay.amount,
            self.pay.list, self.pay.received,
            panel.username, panel.password, panel.reason, *panel.findChildren(QPushButton),
            *buttons.buttons()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @Slot()
    def _add_current(self) -> None:
        discount = parse_yuan(self.discount.text() or "0")
        if discount is None:
            self.errors.show(ValidationError("Type the discount in yuan, e.g. 20 or 20.50."))
            return
        self._add(self.item.currentData(), self.quantity.value(), discount,
                  self.by.currentData())
        self.quantity.setValue(1)
        self.discount.setText("0")

    def _add(self, entry: CatalogEntry, quantity: int, discount_fen: int,
             staff_id: int | None) -> None:
        self.errors.clear()
        self.lines.append(DraftLine(entry, quantity, discount_fen, staff_id=staff_id))
        self._refresh()

    def _line_inputs(self) -> list[LineInput]:
        return [LineInput(kind=line.entry.kind, item_id=line.entry.item_id,
                          quantity=line.quantity, unit_price_fen=line.price_fen,
                          discount_fen=line.discount_fen, staff_id=line.staff_id)
                for line in self.lines]

    def covered_fen(self, card: UsableCard) -> int:
        """What the services a session card covers cost in this check-out."""
        return sum(line.amount_fen for line in self.lines
                   if line.entry.kind is LineKind.SERVICE
                   and line.entry.item_id in card.covered_service_ids)

    def _quote(self) -> None:
        """The member price on the lines, as the service quotes it for the cards paying."""
        references = self.pay.card_references()
        discounts = [0] * len(self.lines)
        if references and self.lines:
            try:
                quote = self._services.checkout.quote(self._actor, self._visit_id,
                                                      self._line_inputs(), references)
                discounts = [q.member_discount_fen for q in quote.lines]
            except DomainError as exc:
                self.errors.show(exc)
        self.lines = [replace(line, member_discount_fen=off)
                      for line, off in zip(self.lines, discounts, strict=True)]

    def _amount_text(self, line: DraftLine) -> str:
        amount = format_fen(line.amount_fen)
        if not line.member_discount_fen:
            return amount
        return self.tr("{amount} (member −{off})").format(
            amount=amount, off=format_fen(line.member_discount_fen))

    def _total_text(self) -> str:
        total = self.tr("Total: {amount}").format(amount=format_fen(self.total_fen))
        off = sum(line.member_discount_fen for line in self.lines)
        if off:
            total += "  " + self.tr("(member price: {off} off)").format(off=format_fen(off))
        return total

    def _refresh(self) -> None:
        self._quote()
        self.table.blockSignals(True)
        if self.table.rowCount() != len(self.lines):
            self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            cells = [line.entry.name, str(line.quantity), format_fen(line.price_fen),
                     format_fen(line.discount_fen), self._amount_text(line),
                     self.staff_name(line.staff_id)]
            for column, text in enumerate(cells):
                self._set_cell(row, column, text)
        self.table.blockSignals(False)
        if self.lines and self.table.currentRow() < 0:  # the arrows start from the first line
            self.table.setCurrentCell(0, 0)
        self.table.resizeColumnsToContents()
        self.total.setText(self._total_text())
        self.pay.set_total(self.total_fen)

    def _set_cell(self, row: int, column: int, text: str) -> None:
        """Change a cell's text in place (an open cell editor stays valid), or make it."""
        cell = self.table.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            if column not in (QTY, PRICE, DISCOUNT, BY):
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, cell)
        cell.setText(text)

    @Slot(QTableWidgetItem)
    def _cell_edited(self, cell: QTableWidgetItem) -> None:
        """A typed quantity, price or discount: the line, its amount and the total follow."""
        row, column = cell.row(), cell.column()
        if not 0 <= row < len(self.lines) or column == BY:  # the delegate credits the line
            return
        changed = _edited(self.lines[row], column, cell.text())
        if changed is None:
            self.errors.show(ValidationError(
                "Line {line}: type a quantity from 1 to {n}, or an amount in yuan such as "
                "20 or 20.50.", field="lines", line=row + 1, n=MAX_QUANTITY))
        else:
            self.errors.clear()
            self.lines[row] = changed
        self._refresh()

    @Slot()
    def confirm(self) -> None:
        lines = self._line_inputs()
        try:
            payments = self.pay.payments()
            self.receipt = self._services.checkout.check_out(
                self._actor, self._visit_id, lines, payments, self._key,
                approval=self.approval.approval())
        except ApprovalMissing as exc:
            self.errors.clear()
            self.approval.ask(exc.needs, exc.limit_percent)
            self._make_room()
            return
        except DomainError as exc:
            self._show_error(exc)
            return
        self.checked_out.emit(self.receipt)
        self.accept()
        ReceiptDialog(self.receipt, self.parentWidget(), cash=self.pay.cash_handed()).open()

    def _make_room(self) -> None:
        """Grow to show the approval panel or the card list without squeezing the lines,
        within the screen."""
        screen = self.screen().availableGeometry()
        height = min(max(self.height(), self.sizeHint().height()), screen.height())
        if height > self.height():
            self.resize(self.width(), height)
            self.move(self.x(), max(screen.top(), min(self.y(), screen.bottom() - height)))

    def _show_error(self, exc: DomainError) -> None:
        about_approval = isinstance(exc, AuthError) or (exc.field or "").startswith("approval")
        if about_approval and self.approval.isVisible():
            self.errors.clear()
            self.approval.show_error(exc)
        else:
            self.errors.show(exc)

    def reject(self) -> None:
        """Esc closes the approval panel first, then the dialog."""
        if self.approval.isVisible():
            self.approval.cancel()
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter confirms from any field; plain Enter never does.

        Plain Enter adds a line or a payment, submits the approval panel, or presses the
        button that has the focus; whatever else it reaches stops here, before QDialog
        would press the button box's default button.
        """
        if event.key() in _ENTER:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.confirm()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if watched is self.table and event.key() == Qt.Key.Key_Delete:
            self._remove_line(self.table.currentRow())
            return True
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False  # Ctrl+Enter reaches keyPressEvent: confirm
        if watched in (self.item, self.quantity, self.discount, self.by) \
                and event.key() in _ENTER:
            self._add_current()
            return True
        return False

    def _remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._refresh()
            if self.lines:
                self.table.setCurrentCell(min(row, len(self.lines) - 1), 0)
