"""The card products: a list (read on the worker thread) and its keys.

Ctrl+N a new product, Enter or F2 edits the chosen one, Del takes it off sale (or back on),
"Show products off sale" lists those too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError
from frontdesk.models.card import CardKind
from frontdesk.services.cards.products import ProductRow
from frontdesk.services.registry import Services
from frontdesk.ui.cards_setup.product_dialog import ProductDialog
from frontdesk.ui.cards_setup.words import card_kind_name, offer_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.views import WrappingColumn
from frontdesk.ui.worker import DbWorker

NAME, KIND, PRICE, VALIDITY, WHAT = range(5)


class ProductsTab(QWidget):
    loaded = Signal()

    def __init__(self, services: Services, actor: Actor, worker: DbWorker, may_change: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor, self._worker = services, actor, worker
        self.rows: list[ProductRow] = []
        self.tree = QTreeWidget(objectName="products")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Price"),
                                   self.tr("Valid for"), self.tr("Offers / sessions")])
        WrappingColumn.install(self.tree, WHAT)
        self.tree.itemActivated.connect(self._edit)
        self.with_inactive = QCheckBox(self.tr("Show products off sale"),
                                       objectName="withInactive")
        self.with_inactive.toggled.connect(self.load)
        self.message = QLabel(objectName="fieldError", wordWrap=True)
        self.message.hide()
        buttons = QHBoxLayout()
        for text, name, slot, key in (
                (self.tr("New product (Ctrl+N)"), "newProduct", self._new, "Ctrl+N"),
                (self.tr("Edit (F2)"), "editProduct", self._edit, "F2"),
                (self.tr("Off sale / on sale (Delete)"), "toggleProduct", self._toggle, "Del")):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            button.setEnabled(may_change)
            buttons.addWidget(button)
            if may_change:
                QShortcut(QKeySequence(key), self, slot)
        buttons.addStretch(1)
        buttons.addWidget(self.with_inactive)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)

    @Slot()
    def load(self) -> None:
        """Read the products on the worker thread."""
        products, actor = self._services.card_products, self._actor
        with_inactive = self.with_inactive.isChecked()
        self._worker.submit(lambda: products.products(actor, with_inactive=with_inactive),
                            self._arrived, self._failed)

    def _arrived(self, rows: list[ProductRow]) -> None:
        chosen = self.chosen()
        self.rows = rows
        self.tree.clear()
        items = []
        for row in rows:
            item = QTreeWidgetItem(self.tree, self._texts(row))
            items.append(item)
            item.setData(NAME, Qt.ItemDataRole.UserRole, row.id)
            if not row.active:
                item.setDisabled(True)
            if chosen is not None and row.id == chosen.id:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and items:
            self.tree.setCurrentItem(items[0])
        for column in (NAME, KIND, PRICE, VALIDITY):
            self.tree.resizeColumnToContents(column)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self._say(error_text(exc))

    def _texts(self, row: ProductRow) -> list[str]:
        validity = self.tr("{n} days").format(n=row.validity_days) if row.validity_days \
            else self.tr("no expiry")
        if row.kind is CardKind.SESSION:
            what = self.tr("{n} sessions: {services}").format(
                n=row.sessions, services="、".join(name for _, name in row.services))
        else:
            what = "；".join(offer_text(o.pay_fen, o.bonus_fen) for o in row.offers)
        if row.complimentary:
            what = "；".join(t for t in (self.tr("staff card / complimentary"), what) if t)
        name = row.name if row.active else self.tr("{name} (off sale)").format(name=row.name)
        return [name, card_kind_name(row.kind), format_fen(row.price_fen), validity, what]

    def chosen(self) -> ProductRow | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        product_id = item.data(NAME, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == product_id), None)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot()
    def _new(self) -> None:
        self._open(None)

    @Slot()
    def _edit(self) -> None:
        product = self.chosen()
        if product is not None:
            self._open(product)

    def _open(self, product: ProductRow | None) -> None:
        dialog = ProductDialog(self._services, self._actor, product, self)
        if dialog.exec():
            self._say("")
            self.load()

    @Slot()
    def _toggle(self) -> None:
        product = self.chosen()
        if product is None:
            return
        try:
            self._services.card_products.set_active(self._actor, product.id, product.version,
                                                    not product.active)
        except DomainError as exc:
            self._say(error_text(exc))
            return
        self._say("")
        self.load()
