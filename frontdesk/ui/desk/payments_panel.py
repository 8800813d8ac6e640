"""How a check-out is paid: the parts paid so far, what is left, and cash received with change.

A part payment (组合支付) is typed in the amount field and added with Enter; the parts
are listed, and Delete in the list removes the chosen one. Whatever is left when the
desk confirms is paid by the method chosen. For the cash of the check-out (the cash
parts, and the rest when it is paid in cash) the desk may type what the client
handed over: the change to give back (找零) is shown as it is typed, and confirming
with too little received is refused. Amounts are integer fen throughout.

Paying by member card (会员卡) shows the client's usable cards
(:mod:`~frontdesk.ui.desk.card_picker`); the chosen card's number goes with the payment
(its ``reference``). Choosing a session card puts what the services it covers cost in
the amount field (Enter adds it). ``cards_changed`` tells the dialog that the cards
paying changed, so it can show the member price they give.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QListWidget, QWidget

from frontdesk.core.money import format_fen, parse_yuan
from frontdesk.errors import DomainError, ValidationError
from frontdesk.models import PaymentMethod
from frontdesk.services.desk.card_payments import UsableCard
from frontdesk.services.desk.checkout import PaymentInput
from frontdesk.ui.desk.card_picker import CardPicker
from frontdesk.ui.errors import error_text
from frontdesk.ui.labels import payment_method_name

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_LIST_ROWS = 3
"""Rows of part payments in sight; more scroll."""


def _amount_error() -> ValidationError:
    return ValidationError("Type the amount in yuan, e.g. 200 or 199.50.")


class PaymentsPanel(QWidget):
    """``failed`` carries a refusal to show; ``changed``: a part was added or removed."""

    failed = Signal(object)
    changed = Signal()
    cards_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._total_fen = 0
        self.parts: list[PaymentInput] = []
        self.covered_fen: Callable[[UsableCard], int] = lambda card: 0
        """What the check-out's services a session card covers cost (set by the dialog)."""
        self.method = QComboBox(objectName="paymentMethod")
        for method in PaymentMethod:
            self.method.addItem(payment_method_name(method), method)
        self.method.currentIndexChanged.connect(self._method_chosen)
        self.cards = CardPicker()
        self.cards.failed.connect(self.failed)
        self.cards.picked.connect(self._card_picked)
        self.amount = QLineEdit(objectName="paymentAmount")
        self.amount.setPlaceholderText(self.tr("a part, e.g. 200; Enter adds it"))
        self.list = QListWidget(objectName="payments")
        self.remaining = QLabel(objectName="remaining")
        self.remaining.setWordWrap(True)
        self.received = QLineEdit(objectName="cashReceived")
        self.received.setPlaceholderText(self.tr("what the client hands over, e.g. 500"))
        self.received.textChanged.connect(self._show_change)
        self.change = QLabel(objectName="change")
        for watched in (self.amount, self.list):
            watched.installEventFilter(self)
        self._layout()
        self._refresh()

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Method"), self.method)
        form.addRow("", self.cards)
        form.addRow(self.tr("Part payment"), self.amount)
        form.addRow("", self.list)
        form.addRow("", self.remaining)
        form.addRow(self.tr("Cash received"), self.received)
        form.addRow("", self.change)
        rows = self.list.sizeHintForRow(0) if self.list.count() else \
            self.list.fontMetrics().height() + 6
        self.list.setMaximumHeight(rows * _LIST_ROWS + 2 * self.list.frameWidth())

    def set_cards(self, cards: list[UsableCard]) -> None:
        self.cards.set_cards(cards)
        self._refresh()

    def card_references(self) -> list[str]:
        """The numbers of the cards paying: the card parts', and the chosen card's when the
        rest is paid by card."""
        refs = [p.reference for p in self.parts if p.method is PaymentMethod.MEMBER_CARD]
        chosen = self.cards.chosen
        if self.chosen_method is PaymentMethod.MEMBER_CARD and chosen is not None:
            refs.append(chosen.card_no)
        return refs

    def _reference(self) -> str:
        """The chosen card's number when paying by card ("" otherwise)."""
        if self.chosen_method is not PaymentMethod.MEMBER_CARD:
            return ""
        chosen = self.cards.chosen
        if chosen is None:
            raise ValidationError("Choose the member card that pays (or swipe it).",
                                  field="payments.reference")
        return chosen.card_no

    @Slot()
    def _method_chosen(self) -> None:
        self._refresh()
        self.cards_changed.emit()

    @Slot()
    def _card_picked(self) -> None:
        self._refresh()
        self.cards_changed.emit()  # the dialog quotes the lines for the cards paying now
        chosen = self.cards.chosen
        if chosen is not None and not chosen.stored_value:
            covered = self.covered_fen(chosen)
            self.amount.setText(format_fen(covered, sign="") if covered else "")

    def set_total(self, total_fen: int) -> None:
        self._total_fen = total_fen
        self._refresh()

    @property
    def rest_fen(self) -> int:
        """What is left to pay after the parts (negative when they pay more than the total)."""
        return self._total_fen - sum(p.amount_fen for p in self.parts)

    @property
    def chosen_method(self) -> PaymentMethod:
        return PaymentMethod(self.method.currentData())  # Qt hands the enum back as a str

    def cash_due_fen(self) -> int:
        """The cash of this check-out: the cash parts, and the rest when paid in cash."""
        cash = sum(p.amount_fen for p in self.parts if p.method is PaymentMethod.CASH)
        if self.chosen_method is PaymentMethod.CASH and self.rest_fen > 0:
            cash += self.rest_fen
        return cash

    def payments(self) -> list[PaymentInput]:
        """The parts, and the rest by the chosen method; refused when too little cash came."""
        self._check_received()
        rest = self.rest_fen
        extra = [PaymentInput(self.chosen_method, rest, self._reference())] if rest > 0 else []
        return [*self.parts, *extra]

    def cash_handed(self) -> tuple[int, int] | None:
        """(received, change) in fen when cash received was typed; None otherwise."""
        received = self._received_fen()
        due = self.cash_due_fen()
        if received is None or not due or received < due:
            return None
        return received, received - due

    def _received_fen(self) -> int | None:
        text = self.received.text().strip()
        return parse_yuan(text) if text and self.received.isEnabled() else None

    def _check_received(self) -> None:
        text = self.received.text().strip()
        if not text or not self.received.isEnabled():
            return
        received, due = parse_yuan(text), self.cash_due_fen()
        if received is None:
            raise _amount_error()
        if received < due:
            raise ValidationError("The cash received, {received}, is less than the {due} "
                                  "to pay in cash.", field="cash_received",
                                  received=format_fen(received), due=format_fen(due))

    @Slot()
    def add_part(self) -> None:
        amount = parse_yuan(self.amount.text())
        if amount is None or amount <= 0:
            self.failed.emit(_amount_error())
            return
        if amount > self.rest_fen:
            self.failed.emit(ValidationError(
                "That is more than the {rest} left to pay; for change, type the cash "
                "received below.", field="payments", rest=format_fen(max(self.rest_fen, 0))))
            return
        try:
            reference = self._reference()
        except ValidationError as exc:
            self.failed.emit(exc)
            return
        self.parts.append(PaymentInput(self.chosen_method, amount, reference))
        self.amount.clear()
        self._refresh()
        self.changed.emit()
        if reference:
            self.cards_changed.emit()

    def remove_part(self, row: int) -> None:
        if 0 <= row < len(self.parts):
            by_card = self.parts[row].method is PaymentMethod.MEMBER_CARD
            del self.parts[row]
            self._refresh()
            self.changed.emit()
            if by_card:
                self.cards_changed.emit()
            if self.parts:
                self.list.setCurrentRow(min(row, len(self.parts) - 1))
            else:
                self.amount.setFocus()  # the list is hidden now

    @Slot()
    def _refresh(self) -> None:
        self.list.clear()
        for part in self.parts:
            method = payment_method_name(PaymentMethod(part.method))
            if part.reference:
                method += " " + self.cards.label_of(part.reference)
            self.list.addItem(self.tr("{method} {amount}").format(
                method=method, amount=format_fen(part.amount_fen)))
        self.list.setCurrentRow(len(self.parts) - 1)  # the newest: Delete takes it back
        self.list.setVisible(bool(self.parts))
        self.list.setToolTip(self.tr("Delete removes the chosen payment"))
        self.cards.setVisible(self.chosen_method is PaymentMethod.MEMBER_CARD)
        self.remaining.setText(self._remaining_text())
        self.received.setEnabled(self.cash_due_fen() > 0)
        self._show_change()

    def _remaining_text(self) -> str:
        rest = self.rest_fen
        if rest < 0:
            return self.tr("The payments are {amount} more than the total: remove one "
                           "(Delete in the list).").format(amount=format_fen(-rest))
        if rest == 0:
            return self.tr("Paid in full.") if self.parts else ""
        return self.tr("Still to pay: {amount}, by {method} when you check out.").format(
            amount=format_fen(rest), method=self.method.currentText())

    @Slot()
    def _show_change(self) -> None:
        due = self.cash_due_fen()
        if not self.received.text().strip() or not due:
            self.change.setText(self.tr("Cash to pay: {due}").format(due=format_fen(due))
                                if due else "")
            return
        try:
            self._check_received()
        except DomainError as exc:
            self.change.setText(error_text(exc))
            return
        received = self._received_fen() or 0
        self.change.setText(self.tr("Change to give: {change}").format(
            change=format_fen(received - due)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False  # Ctrl+Enter reaches the dialog: confirm
        if watched is self.amount and event.key() in _ENTER:
            self.add_part()
            return True
        if watched is self.list and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_part(self.list.currentRow())
            return True
        return False
