"""A card product's editor: kind, name, price, sessions and validity on the left; the services
a session card covers and a stored-value card's top-up offers (充X送Y) on the right.

Only the parts of the chosen kind are enabled. Saving sends the version the dialog was
opened with: another terminal's change meanwhile is refused and said so, nothing written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import parse_yuan
from frontdesk.errors import DomainError, ValidationError
from frontdesk.models.card import CardKind
from frontdesk.services.cards.product_checks import MAX_SESSIONS, MAX_VALIDITY_DAYS
from frontdesk.services.cards.products import OfferDraft, ProductDraft, ProductRow
from frontdesk.services.registry import Services
from frontdesk.ui.cards_setup.words import card_kind_name, fen_of, money_edit
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import at_least_wide, dialog_buttons, enum_combo


class ProductDialog(QDialog):
    """New product (``product`` None) or an edit of ``product``."""

    def __init__(self, services: Services, actor: Actor, product: ProductRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("productDialog")
        self.setWindowTitle(self.tr("Card product") if product is None
                            else self.tr("Card product: {name}").format(name=product.name))
        self._services, self._actor, self._product = services, actor, product
        self.saved: ProductRow | None = None
        draft = product.draft() if product else ProductDraft(CardKind.STORED_VALUE, "")
        general = QLabel()
        self.errors = FormErrors(general)
        parts = QHBoxLayout()
        parts.addLayout(self._basics(draft), 1)
        parts.addLayout(self._lists(draft), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(parts)
        layout.addWidget(general)
        layout.addWidget(dialog_buttons(self, self._save, save=True))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        at_least_wide(self, 900)

    def _basics(self, draft: ProductDraft) -> QFormLayout:
        self.kind = enum_combo("kind", CardKind, card_kind_name)
        self.kind.setCurrentIndex(self.kind.findData(draft.kind))
        self.name = QLineEdit(draft.name, objectName="name")
        self.price = money_edit("price", draft.price_fen)
        self.sessions = QSpinBox(objectName="sessions", minimum=0, maximum=MAX_SESSIONS)
        self.sessions.setValue(draft.sessions)
        self.validity = QSpinBox(objectName="validityDays", minimum=0,
                                 maximum=MAX_VALIDITY_DAYS)
        self.validity.setSpecialValueText(self.tr("no expiry"))
        self.validity.setSuffix(self.tr(" days"))
        self.validity.setValue(draft.validity_days or 0)
        self.complimentary = QCheckBox(self.tr("Staff card / complimentary (not graded, "
                                               "spend not counted)"),
                                       objectName="complimentary")
        self.complimentary.setChecked(draft.complimentary)
        self.note = QLineEdit(draft.note, objectName="note")
        form = QFormLayout()
        add = self.errors.add_row
        add(form, self.tr("Kind"), "kind", self.kind)
        add(form, self.tr("Name"), "name", self.name)
        add(form, self.tr("Price"), "price_fen", self.price)
        add(form, self.tr("Sessions"), "sessions", self.sessions)
        add(form, self.tr("Valid for"), "validity_days", self.validity)
        add(form, "", "complimentary", self.complimentary)
        add(form, self.tr("Note"), "note", self.note)
        return form

    def _lists(self, draft: ProductDraft) -> QFormLayout:
        self.services_list = QListWidget(objectName="productServices")
        chosen = set(draft.service_item_ids)
        for item in self._services.catalog.service_items(self._actor.branch_id):
            row = QListWidgetItem(item.name, self.services_list)
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setCheckState(Qt.CheckState.Checked if item.id in chosen
                              else Qt.CheckState.Unchecked)
        self.offers = QTableWidget(0, 2, objectName="offers")
        self.offers.setHorizontalHeaderLabels([self.tr("Pays (¥)"),
                                               self.tr("Bonus (¥)")])
        self.offers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.offers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for offer in draft.offers:
            self._add_offer_row(offer.pay_fen, offer.bonus_fen)
        self.add_offer = QPushButton(self.tr("Add offer"), objectName="addOffer")
        self.add_offer.clicked.connect(self._new_offer)
        self.remove_offer = QPushButton(self.tr("Remove offer"), objectName="removeOffer")
        self.remove_offer.clicked.connect(self._drop_offer)
        QShortcut(QKeySequence("Ctrl+Shift+O"), self, self._new_offer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_offer)
        buttons.addWidget(self.remove_offer)
        buttons.addStretch(1)
        offers = QVBoxLayout()
        offers.addWidget(self.offers)
        offers.addLayout(buttons)
        box = QWidget()
        box.setLayout(offers)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Services covered"), "service_item_ids",
                            self.services_list)
        self.errors.add_row(form, self.tr("Top-up offers"), "offers", box)
        return form

    def _add_offer_row(self, pay_fen: int | None = None, bonus_fen: int | None = None) -> None:
        row = self.offers.rowCount()
        self.offers.insertRow(row)
        for column, fen in enumerate((pay_fen, bonus_fen)):
            text = "" if fen is None else f"{fen // 100}.{fen % 100:02d}"
            self.offers.setItem(row, column, QTableWidgetItem(text))

    @Slot()
    def _new_offer(self) -> None:
        if self.offers.isEnabled():
            self._add_offer_row()
            row = self.offers.rowCount() - 1
            self.offers.setCurrentCell(row, 0)
            self.offers.setFocus()
            self.offers.edit(self.offers.model().index(row, 0))

    @Slot()
    def _drop_offer(self) -> None:
        row = self.offers.currentRow()
        if row >= 0:
            self.offers.removeRow(row)

    @Slot()
    def _kind_changed(self) -> None:
        kind = CardKind(self.kind.currentData())
        session, stored = kind is CardKind.SESSION, kind is CardKind.STORED_VALUE
        for part in (self.sessions, self.services_list):
            part.setEnabled(session)
        for widget in (self.offers, self.add_offer, self.remove_offer):
            widget.setEnabled(stored)

    def _offer_drafts(self) -> tuple[OfferDraft, ...]:
        offers = []
        for row in range(self.offers.rowCount()):
            texts = [(self.offers.item(row, c) or QTableWidgetItem()).text().strip()
                     for c in (0, 1)]
            if not any(texts):
                continue
            pay, bonus = parse_yuan(texts[0]), parse_yuan(texts[1] or "0")
            if pay is None or bonus is None:
                raise ValidationError("Type the amount in yuan, e.g. 200 or 199.50.",
                                      field="offers")
            offers.append(OfferDraft(pay, bonus))
        return tuple(offers)

    def draft(self) -> ProductDraft:
        """What the form says, as the service takes it (ValidationError for an amount that
        is not one)."""
        kind = CardKind(self.kind.currentData())
        services = tuple(int(self.services_list.item(i).data(Qt.ItemDataRole.UserRole))
                         for i in range(self.services_list.count())
                         if self.services_list.item(i).checkState() == Qt.CheckState.Checked)
        return ProductDraft(
            kind=kind, name=self.name.text(), price_fen=fen_of(self.price, "price_fen") or 0,
            sessions=self.sessions.value() if kind is CardKind.SESSION else 0,
            validity_days=self.validity.value() or None,
            complimentary=self.complimentary.isChecked(), note=self.note.text(),
            service_item_ids=services if kind is CardKind.SESSION else (),
            offers=self._offer_drafts() if kind is CardKind.STORED_VALUE else ())

    @Slot()
    def _save(self) -> None:
        products = self._services.card_products
        try:
            draft = self.draft()
            if self._product is None:
                self.saved = products.create(self._actor, draft)
            else:
                self.saved = products.edit(self._actor, self._product.id,
                                           self._product.version, draft)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()
