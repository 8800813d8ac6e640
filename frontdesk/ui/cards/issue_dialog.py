"""Issue a card (开卡, F3): to a client found with the desk's search, of a product, paid by a
method.

The client is the open card's owner when there is one, else the one picked in the search
(the desk's search panel: phone tail, phone, name, pinyin). A stored-value card takes a
first top-up (an offer of its product, or an amount typed; none is allowed), a session
card or a membership its price. A pre-printed card's number can be swiped into the card
number field; left empty, the card gets a new number.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import ValidationError
from frontdesk.models.card import CardKind
from frontdesk.services.cards.products import ProductRow
from frontdesk.services.registry import Services
from frontdesk.ui.cards.card_labels import card_kind_name
from frontdesk.ui.cards.money_dialogs import method_combo, offer_text
from frontdesk.ui.cards.op_dialog import CardOpDialog, amount_field, read_fen
from frontdesk.ui.desk.search_panel import SearchPanel
from frontdesk.ui.labels import payment_method_name
from frontdesk.ui.worker import DbWorker


class IssueDialog(CardOpDialog):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 client: tuple[int, str] | None = None, parent: QWidget | None = None) -> None:
        """``client``: (id, name) of the client to issue to, when one is known."""
        super().__init__(services, actor, None, self.tr("Issue a card (F3)"), parent)
        self.setObjectName("issueDialog")
        self.client = client
        self.products = services.card_products.products(actor)
        self.search = SearchPanel(services, actor, worker)
        self.search.client_picked.connect(self._picked)
        self.who = QLabel(objectName="issueClient")
        self.product = QComboBox(objectName="issueProduct")
        for p in self.products:
            self.product.addItem(f"{p.name} · {card_kind_name(p.kind)}", p.id)
        self.offer = QComboBox(objectName="issueOffer")
        self.amount = amount_field("issueAmount", self.tr("yuan; empty: no top-up now"))
        self.method = method_combo("issueMethod")
        self.card_no = QLineEdit(objectName="issueCardNo")
        self.card_no.setPlaceholderText(self.tr("swipe a pre-printed card, or leave empty"))
        self._rows()
        self.product.currentIndexChanged.connect(self._product_chosen)
        self.offer.currentIndexChanged.connect(self._offer_chosen)
        self._product_chosen()
        self.finish_layout()
        self._show_client()

    def _rows(self) -> None:
        self.form.addRow(self.search)
        self.errors.add_row(self.form, self.tr("Client"), "client_id", self.who)
        self.errors.add_row(self.form, self.tr("Product"), "product_id", self.product)
        self.errors.add_row(self.form, self.tr("Offer"), "offer_id", self.offer)
        self.errors.add_row(self.form, self.tr("Amount paid"), "amount_fen", self.amount)
        self.errors.add_row(self.form, self.tr("Method"), "method", self.method)
        self.errors.add_row(self.form, self.tr("Card number"), "card_no", self.card_no)

    def _show_client(self) -> None:
        if self.client is None:
            self.who.setText(self.tr("Find the client above (Enter picks)"))
            self.search.focus_search()
        else:
            self.who.setText(self.client[1])
            self.product.setFocus()

    @Slot(int)
    def _picked(self, client_id: int) -> None:
        picked = self.client_named(client_id)
        if picked is not None:
            self.client = picked
            self._show_client()

    def _product(self) -> ProductRow | None:
        product_id = self.product.currentData()
        return next((p for p in self.products if p.id == product_id), None)

    @Slot()
    def _product_chosen(self) -> None:
        product = self._product()
        stored = product is not None and product.kind is CardKind.STORED_VALUE
        self.offer.clear()
        self.offer.addItem(self.tr("No offer: type the amount"), None)
        for o in product.offers if product is not None and stored else ():
            self.offer.addItem(offer_text(o.pay_fen, o.bonus_fen), o.id)
        self.offer.setEnabled(stored)
        self.amount.setEnabled(stored)
        price = product.price_fen if product is not None and not stored else 0
        self.amount.setText(f"{price // 100}.{price % 100:02d}" if price else "")

    @Slot()
    def _offer_chosen(self) -> None:
        product, offer_id = self._product(), self.offer.currentData()
        offer = next((o for o in product.offers if o.id == offer_id), None) if product else None
        if offer is not None:
            self.amount.setText(f"{offer.pay_fen // 100}.{offer.pay_fen % 100:02d}")
        self.amount.setEnabled(offer is None and product is not None
                               and product.kind is CardKind.STORED_VALUE)

    def _paid_bonus(self) -> tuple[int, int]:
        product = self._product()
        if product is None:
            raise ValidationError("Choose the card product.", field="product_id")
        if product.kind is not CardKind.STORED_VALUE:
            return product.price_fen, 0
        offer = next((o for o in product.offers if o.id == self.offer.currentData()), None)
        if offer is not None:
            return offer.pay_fen, offer.bonus_fen
        return read_fen(self.amount, "amount_fen", required=False), 0

    def check(self) -> str:
        if self.client is None:
            raise ValidationError("Find and pick the client first.", field="client_id")
        paid, bonus = self._paid_bonus()
        product = self._product()
        assert product is not None
        text = self.tr("Issue {product} to {name}").format(product=product.name,
                                                           name=self.client[1])
        if paid:
            text += self.tr(": pays {paid} by {method}").format(
                paid=format_fen(paid), method=payment_method_name(self.method.currentData()))
        if bonus:
            text += self.tr(", bonus {bonus}").format(bonus=format_fen(bonus))
        if product.kind is CardKind.SESSION:
            text += self.tr(", {n} sessions").format(n=product.sessions)
        return text

    def book(self) -> object:
        assert self.client is not None
        product = self._product()
        assert product is not None
        paid, _bonus = self._paid_bonus()
        offer_id = self.offer.currentData() if product.kind is CardKind.STORED_VALUE else None
        stored = product.kind is CardKind.STORED_VALUE
        return self.services.cards.issue(
            self.actor, client_id=self.client[0], product_id=product.id, key=self.key,
            card_no=self.card_no.text().strip(),
            method=self.method.currentData() if paid else None,
            amount_fen=paid if stored and not offer_id else 0, offer_id=offer_id)
