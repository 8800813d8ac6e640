"""The recommended plan's lines: courses (疗程, a service × sessions) or home-care products.

A line names a catalogue item (picked from the list, which fills in its price)
or free text; the price is the quoted total in yuan as typed, kept in fen.
Errors name the line (``plan.2.price_fen``) and show under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.money import format_fen, parse_yuan
from frontdesk.models import LineKind
from frontdesk.services.health.consultation import PlanLine
from frontdesk.ui.clients.common import FieldErrors
from frontdesk.ui.clients.consult_sections import InputError

CatalogItem = tuple[int, str, int]
"""(catalogue id, name, unit price in fen)."""


class PlanRow(QWidget):
    remove_requested = Signal(object)

    def __init__(self, kind: LineKind, catalog: Sequence[CatalogItem],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.item = self._item_combo(catalog)
        self.quantity = QSpinBox(objectName="planQuantity", minimum=1, maximum=999)
        self.quantity.setSuffix(self.tr(" sessions") if kind is LineKind.SERVICE
                                else self.tr(" pcs"))
        self.price = QLineEdit(objectName="planPrice")
        self.price.setPlaceholderText(self.tr("Price, yuan"))
        self.price.setMaximumWidth(140)
        remove = QPushButton(self.tr("Remove"), objectName="removePlanLine")
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.item, 3)
        row.addWidget(self.quantity)
        row.addWidget(self.price, 1)
        row.addWidget(remove)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.error)

    def _item_combo(self, catalog: Sequence[CatalogItem]) -> QComboBox:
        """Catalogue items to pick (with their price), or free text typed in."""
        combo = QComboBox(objectName="planItem")
        combo.setEditable(True)
        combo.addItem("", None)
        for ident, name, price in catalog:
            combo.addItem(name, (ident, price))
        line_edit = combo.lineEdit()
        assert line_edit is not None  # an editable combo has one
        line_edit.setPlaceholderText(
            self.tr("Service") if self.kind is LineKind.SERVICE else self.tr("Product"))
        combo.currentIndexChanged.connect(self._picked)
        return combo

    @Slot()
    def _picked(self) -> None:
        data = self.item.currentData()
        if data is not None and not self.price.text().strip():
            self.price.setText(format_fen(data[1] * self.quantity.value()))

    def catalog_id(self) -> int | None:
        data = self.item.currentData()
        same = self.item.currentText() == self.item.itemText(self.item.currentIndex())
        return data[0] if data is not None and same else None

    def value(self, field: str) -> PlanLine:
        price = parse_yuan(self.price.text()) if self.price.text().strip() else 0
        if price is None:
            raise InputError(f"{field}.price_fen",
                             self.tr("Type the price in yuan, such as 2980 or 2980.50."))
        ident = self.catalog_id()
        service = ident if self.kind is LineKind.SERVICE else None
        product = ident if self.kind is LineKind.PRODUCT else None
        return PlanLine(self.kind, self.item.currentText().strip(), self.quantity.value(), price,
                        service, product)


class PlanEditor(QWidget):
    """Lines of one kind; :meth:`lines` numbers them from ``offset`` in the whole plan."""

    def __init__(self, kind: LineKind, catalog: Sequence[CatalogItem], errors: FieldErrors,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._catalog = list(catalog)
        self._errors = errors
        self.rows: list[PlanRow] = []
        self._column = QVBoxLayout()
        add = QPushButton(self.tr("Add a course") if kind is LineKind.SERVICE
                          else self.tr("Add a product"), objectName=f"add_{kind.value}")
        add.clicked.connect(self.add_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._column)
        layout.addLayout(buttons)

    @Slot()
    def add_row(self) -> PlanRow:
        row = PlanRow(self.kind, self._catalog)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._column.addWidget(row)
        row.item.setFocus()
        return row

    def _remove(self, row: PlanRow) -> None:
        self.rows.remove(row)
        self._errors.detach("plan.")
        row.deleteLater()

    def clear(self) -> None:
        self._errors.detach("plan.")
        for row in self.rows:
            row.deleteLater()
        self.rows = []

    def lines(self, offset: int) -> list[PlanLine]:
        """The filled-in lines (blank ones skipped), their errors registered as plan.N.*."""
        out: list[PlanLine] = []
        for row in self.rows:
            if not row.item.currentText().strip() and not row.price.text().strip():
                continue
            field = f"plan.{offset + len(out)}"
            widgets = {"name": row.item, "quantity": row.quantity, "price_fen": row.price,
                       "service_item_id": row.item, "product_id": row.item}
            for part, widget in widgets.items():
                self._errors.attach(f"{field}.{part}", widget, row.error)
            out.append(row.value(field))
        return out
