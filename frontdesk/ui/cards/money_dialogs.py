"""Money in and out of a card at the desk: top up (充值, with the product's offers) and refund
(退款, the unused paid money only, with a manager's approval on the spot).

Each states the amounts before it books (:mod:`~frontdesk.ui.cards.op_dialog`): "Top up
¥1,000.00, bonus ¥100.00, balance after ¥2,350.00".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import AuthError, DomainError, ValidationError
from frontdesk.models import PaymentMethod
from frontdesk.services.cards.views import CardView
from frontdesk.services.registry import Services
from frontdesk.ui.cards.op_dialog import CardOpDialog, amount_field, read_fen
from frontdesk.ui.desk.approval_panel import ApprovalPanel
from frontdesk.ui.labels import payment_method_name

DESK_METHODS = tuple(m for m in PaymentMethod if m is not PaymentMethod.MEMBER_CARD)
"""How money is handed over at the desk for a card (a card is not paid with a card)."""


def method_combo(name: str = "opMethod") -> QComboBox:
    combo = QComboBox(objectName=name)
    for method in DESK_METHODS:
        combo.addItem(payment_method_name(method), method)
    return combo


def offer_text(pay_fen: int, bonus_fen: int) -> str:
    """充X送Y, as the offer lists read."""
    return QCoreApplication.translate("CardLabels", "Pay {pay}, get {bonus} bonus").format(
        pay=format_fen(pay_fen), bonus=format_fen(bonus_fen))


class TopUpDialog(CardOpDialog):
    """充值: an offer of the card's product, or an amount typed; the method."""

    def __init__(self, services: Services, actor: Actor, card: CardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, card, self.tr("Top up (F4)"), parent)
        self.setObjectName("topUpDialog")
        self.offers = [(o.id, o.pay_fen, o.bonus_fen) for o in
                       services.card_products.product(actor, card.product_id).offers]
        self.offer = QComboBox(objectName="topUpOffer")
        self.offer.addItem(self.tr("No offer: type the amount"), None)
        for offer_id, pay, bonus in self.offers:
            self.offer.addItem(offer_text(pay, bonus), offer_id)
        self.amount = amount_field("topUpAmount", self.tr("yuan, e.g. 1000"))
        self.method = method_combo("topUpMethod")
        self.errors.add_row(self.form, self.tr("Offer"), "offer_id", self.offer)
        self.errors.add_row(self.form, self.tr("Amount paid"), "amount_fen", self.amount)
        self.errors.add_row(self.form, self.tr("Method"), "method", self.method)
        self.offer.currentIndexChanged.connect(self._offer_chosen)
        self.finish_layout()
        (self.offer if self.offers else self.amount).setFocus()

    @Slot()
    def _offer_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.amount.setText(f"{chosen[1] // 100}.{chosen[1] % 100:02d}")
        self.amount.setEnabled(chosen is None)

    def _chosen(self) -> tuple[int, int, int] | None:
        offer_id = self.offer.currentData()
        return next((o for o in self.offers if o[0] == offer_id), None)

    def amounts(self) -> tuple[int, int]:
        """(paid, bonus) the top-up puts on the card."""
        chosen = self._chosen()
        if chosen is not None:
            return chosen[1], chosen[2]
        paid = read_fen(self.amount, "amount_fen")
        if paid <= 0:
            raise ValidationError("Type the amount to top up.", field="amount_fen")
        return paid, 0

    def check(self) -> str:
        assert self.card is not None
        paid, bonus = self.amounts()
        after = self.card.balance_fen + paid + bonus
        text = self.tr("Top up {paid} ({method})").format(
            paid=format_fen(paid), method=payment_method_name(self.method.currentData()))
        if bonus:
            text += self.tr(", bonus {bonus}").format(bonus=format_fen(bonus))
        return text + self.tr(", balance after {after}").format(after=format_fen(after))

    def book(self) -> object:
        assert self.card is not None
        offer_id = self.offer.currentData()
        paid, _bonus = self.amounts()
        return self.services.cards.top_up(
            self.actor, card_id=self.card.id, amount_fen=0 if offer_id else paid,
            method=self.method.currentData(), offer_id=offer_id, key=self.key)


class RefundDialog(CardOpDialog):
    """退款: up to the unused paid money, by a method, for a reason, approved by a manager."""

    def __init__(self, services: Services, actor: Actor, card: CardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, card, self.tr("Refund (F6)"), parent)
        self.setObjectName("refundDialog")
        self.refundable = QLabel(format_fen(card.paid_fen), objectName="refundable")
        self.amount = amount_field("refundAmount")
        self.amount.setText(f"{card.paid_fen // 100}.{card.paid_fen % 100:02d}")
        self.method = method_combo("refundMethod")
        self.form.addRow(self.tr("Refundable paid money"), self.refundable)
        self.errors.add_row(self.form, self.tr("Amount to refund"), "amount_fen", self.amount)
        self.errors.add_row(self.form, self.tr("Method"), "method", self.method)
        self.approval = ApprovalPanel(self, approve_text=self.tr("Approve the refund (Enter)"))
        self.approval.reason.setPlaceholderText(self.tr("the client's reason, e.g. moving away"))
        cancel = self.approval.findChild(QPushButton, "approvalCancel")
        if cancel is not None:
            cancel.hide()  # the refund needs the approval: Esc cancels the dialog instead
        self.approval.submitted.connect(self.go)
        self.approval.ask_for(self.tr("A refund gives money back: a manager signs it here. "
                                      "Bonus money is not refunded."))
        self.finish_layout(self.approval)
        self.amount.setFocus()
        self.amount.selectAll()

    def check(self) -> str:
        assert self.card is not None
        fen = read_fen(self.amount, "amount_fen")
        if not 0 < fen <= self.card.paid_fen:
            raise ValidationError("A refund is between ¥0.01 and the paid money, {paid}.",
                                  field="amount_fen", paid=format_fen(self.card.paid_fen))
        method = payment_method_name(self.method.currentData())
        left = self.card.paid_fen - fen
        text = self.tr("Refund {amount} by {method}; paid money left {left}").format(
            amount=format_fen(fen), method=method, left=format_fen(left))
        if left == 0:
            text += self.tr("; the card is closed")
        return text

    def book(self) -> object:
        assert self.card is not None
        approval = self.approval.approval()
        return self.services.cards.refund(
            self.actor, card_id=self.card.id, amount_fen=read_fen(self.amount, "amount_fen"),
            method=self.method.currentData(), reason=approval.reason if approval else "",
            approval=approval, key=self.key)

    def refused(self, exc: DomainError) -> None:
        if isinstance(exc, AuthError) or (exc.field or "").startswith("approval") \
                or exc.field == "reason":
            self.back()
            self.approval.show_error(exc)
            return
        super().refused(exc)
