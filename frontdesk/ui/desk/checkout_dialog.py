"""Check-out (F8): the visit's lines from the catalog, discounts, payments, a receipt.

Lines start from the services planned at check-in. Amounts are typed in yuan and
held as integer fen. Payments may be split; whatever is left unpaid when the
desk confirms is paid by the method chosen below. The idempotency key is made
when the dialog opens, so a double press books once.

A check-out that needs a manager's approval (a discount over the store's limit,
nothing to pay) opens the approval panel in place; the manager's user name,
password and reason go with the next confirmation.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen, parse_yuan
from frontdesk.errors import AuthError, DomainError, ValidationError
from frontdesk.models import LineKind, PaymentMethod
from frontdesk.services.desk.approval import ApprovalMissing
from frontdesk.services.desk.checkout import LineInput, PaymentInput, Receipt
from frontdesk.services.registry import Services
from frontdesk.ui.desk.approval_panel import ApprovalPanel
from frontdesk.ui.desk.receipt_dialog import ReceiptDialog
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.labels import payment_method_name


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

    @property
    def amount_fen(self) -> int:
        return self.entry.price_fen * self.quantity - self.discount_fen


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
        self.payments: list[PaymentInput] = []
        self.receipt: Receipt | None = None
        self._entries = self._catalog()
        self._build()
        for item in services.checkout.planned_services(actor, visit_id):
            self._add(CatalogEntry(LineKind.SERVICE, item.id, item.name, item.price_fen), 1, 0)
        self.item.setFocus()

    def _catalog(self) -> list[CatalogEntry]:
        branch = self._actor.branch_id
        services = [CatalogEntry(LineKind.SERVICE, s.id, s.name, s.price_fen)
                    for s in self._services.catalog.service_items(branch)]
        products = [CatalogEntry(LineKind.PRODUCT, p.id, p.name, p.price_fen)
                    for p in self._services.catalog.products(branch)]
        return services + products

    def _build(self) -> None:
        self.item = QComboBox(objectName="lineItem")
        for entry in self._entries:
            tag = self.tr("Service") if entry.kind is LineKind.SERVICE else self.tr("Product")
            self.item.addItem(f"[{tag}] {entry.name}  {format_fen(entry.price_fen)}", entry)
        self.quantity = QSpinBox(objectName="lineQuantity", minimum=1, maximum=99)
        self.discount = QLineEdit("0", objectName="lineDiscount")
        add = QPushButton(self.tr("Add line"), objectName="addLine")
        add.clicked.connect(self._add_current)
        for widget in (self.item, self.quantity, self.discount):
            widget.installEventFilter(self)
        self.table = QTableWidget(0, 5, objectName="lines")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"),
                                              self.tr("Unit price"), self.tr("Discount"),
                                              self.tr("Amount")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(150)  # four lines stay in sight when the approval opens
        self.table.installEventFilter(self)
        self.total = QLabel(objectName="total")
        self._build_payments()
        self._layout(add)

    def _build_payments(self) -> None:
        self.method = QComboBox(objectName="paymentMethod")
        for method in PaymentMethod:
            self.method.addItem(payment_method_name(method), method)
        self.pay_amount = QLineEdit(objectName="paymentAmount")
        self.pay_amount.setPlaceholderText(self.tr("amount, e.g. 200"))
        self.pay_amount.installEventFilter(self)  # Enter adds the payment, never checks out
        self.paid = QLabel(objectName="paid")

    def _layout(self, add: QPushButton) -> None:
        picker = QHBoxLayout()
        picker.addWidget(self.item, 1)
        picker.addWidget(QLabel(self.tr("Qty")))
        picker.addWidget(self.quantity)
        picker.addWidget(QLabel(self.tr("Discount ¥")))
        picker.addWidget(self.discount)
        picker.addWidget(add)
        pay = QFormLayout()
        pay.addRow(self.tr("Method"), self.method)
        pay.addRow(self.tr("Part payment"), self.pay_amount)
        pay.addRow("", self.paid)
        general = QLabel()
        self.errors = FormErrors(general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Check out (Ctrl+Enter)"))
        for button in buttons.buttons():  # Enter adds lines and payments; Ctrl+Enter confirms
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addLayout(pay)
        self.approval = ApprovalPanel(self)
        self.approval.submitted.connect(self.confirm)
        self.approval.cancelled.connect(self.item.setFocus)
        layout.addWidget(self.approval)
        layout.addWidget(general)
        layout.addWidget(buttons)
        self._refresh()

    @property
    def total_fen(self) -> int:
        return sum(line.amount_fen for line in self.lines)

    @Slot()
    def _add_current(self) -> None:
        discount = parse_yuan(self.discount.text() or "0")
        if discount is None:
            self.errors.show(ValidationError("Type the discount in yuan, e.g. 20 or 20.50."))
            return
        self._add(self.item.currentData(), self.quantity.value(), discount)
        self.quantity.setValue(1)
        self.discount.setText("0")

    def _add(self, entry: CatalogEntry, quantity: int, discount_fen: int) -> None:
        self.errors.clear()
        self.lines.append(DraftLine(entry, quantity, discount_fen))
        self._refresh()

    def _refresh(self) -> None:
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            cells = [line.entry.name, str(line.quantity), format_fen(line.entry.price_fen),
                     format_fen(line.discount_fen), format_fen(line.amount_fen)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.total.setText(self.tr("Total: {amount}").format(amount=format_fen(self.total_fen)))
        paid = sum(p.amount_fen for p in self.payments)
        parts = [f"{payment_method_name(PaymentMethod(p.method))} {format_fen(p.amount_fen)}"
                 for p in self.payments]
        rest = self.tr("the rest, {amount}, by the method above").format(
            amount=format_fen(self.total_fen - paid))
        self.paid.setText("; ".join([*parts, rest]) if parts else rest)

    @Slot()
    def _add_payment(self) -> None:
        amount = parse_yuan(self.pay_amount.text())
        if amount is None or amount <= 0:
            self.errors.show(ValidationError("Type the amount in yuan, e.g. 200 or 199.50."))
            return
        self.payments.append(PaymentInput(self.method.currentData(), amount))
        self.pay_amount.clear()
        self.errors.clear()
        self._refresh()

    def _all_payments(self) -> list[PaymentInput]:
        rest = self.total_fen - sum(p.amount_fen for p in self.payments)
        extra = [PaymentInput(self.method.currentData(), rest)] if rest > 0 else []
        return [*self.payments, *extra]

    @Slot()
    def confirm(self) -> None:
        lines = [LineInput(kind=line.entry.kind, item_id=line.entry.item_id,
                           quantity=line.quantity, unit_price_fen=line.entry.price_fen,
                           discount_fen=line.discount_fen) for line in self.lines]
        try:
            self.receipt = self._services.checkout.check_out(
                self._actor, self._visit_id, lines, self._all_payments(), self._key,
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
        ReceiptDialog(self.receipt, self.parentWidget()).open()

    def _make_room(self) -> None:
        """Grow to show the approval panel without squeezing the lines, within the screen."""
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

        Plain Enter adds a line or a payment, or submits the approval panel; whatever else
        it reaches stops here, before QDialog would press the button box's default button
        (which QDialogButtonBox makes its OK button when shown).
        """
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.confirm()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if watched is self.table and event.key() == Qt.Key.Key_Delete:
            row = self.table.currentRow()
            if 0 <= row < len(self.lines):
                del self.lines[row]
                self._refresh()
            return True
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False  # Ctrl+Enter reaches keyPressEvent: confirm
        plain_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched in (self.item, self.quantity, self.discount) and plain_enter:
            self._add_current()
            return True
        if watched is self.pay_amount and plain_enter:
            self._add_payment()
            return True
        return False
