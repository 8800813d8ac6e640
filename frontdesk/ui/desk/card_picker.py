"""Which member card pays: the client's usable cards (own and shared), and a card swiped in.

Shown in the check-out's payments when the method is 会员卡. Each row says the card's
number, product, what is on it (money, or sessions left) and the member price it
gives (its tier's discount); a family card says whose it is. ↑/↓ choose; a card reader
types the number and Enter into the swipe field (or the desk types it), which picks
that card. ``picked`` is emitted whenever the chosen card changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from frontdesk.core.money import format_fen
from frontdesk.errors import ValidationError
from frontdesk.services.desk.card_payments import UsableCard

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ROWS = 3
"""Cards in sight; more scroll."""


class CardPicker(QWidget):
    """``picked``: the chosen card changed; ``failed``: a swiped number is not usable here."""

    picked = Signal()
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[UsableCard] = []
        self.swipe = QLineEdit(objectName="cardNumber")
        self.swipe.setPlaceholderText(self.tr("Swipe the card, or type its number and Enter"))
        self.swipe.installEventFilter(self)
        self.list = QListWidget(objectName="memberCards")
        self.list.currentRowChanged.connect(lambda _row: self.picked.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.swipe)
        layout.addWidget(self.list)

    def set_cards(self, cards: list[UsableCard]) -> None:
        self.cards = list(cards)
        self.list.clear()
        for card in self.cards:
            item = QListWidgetItem(self.describe(card))
            item.setData(Qt.ItemDataRole.UserRole, card.card_no)
            self.list.addItem(item)
        if not self.cards:
            self.list.addItem(self.tr("This client has no card to pay with."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.list.setCurrentRow(0)
        self._fit()

    def _fit(self) -> None:
        """Up to :data:`_ROWS` cards in sight, as the theme draws a row."""
        rows = min(max(self.list.count(), 1), _ROWS)
        chrome = 2 * self.list.frameWidth()
        if self.list.isVisible():  # the theme's padding around the rows, once laid out
            chrome = max(chrome, self.list.height() - self.list.viewport().height())
        self.list.setFixedHeight(rows * max(self.list.sizeHintForRow(0), 1) + chrome)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # the style's row height is known once shown

    def describe(self, card: UsableCard) -> str:
        if card.stored_value:
            text = self.tr("{no}  {product}  balance {amount}").format(
                no=card.card_no, product=card.product_name, amount=format_fen(card.balance_fen))
            if card.discount_percent < 100:
                text += "  " + self.tr("{tier} member price {percent}%").format(
                    tier=card.tier_name, percent=card.discount_percent)
        else:
            text = self.tr("{no}  {product}  {n} sessions left").format(
                no=card.card_no, product=card.product_name, n=card.sessions)
        if card.shared:
            text += "  " + self.tr("(family card of {owner})").format(owner=card.owner_name)
        return text

    @property
    def chosen(self) -> UsableCard | None:
        row = self.list.currentRow()
        return self.cards[row] if 0 <= row < len(self.cards) else None

    def label_of(self, card_no: str) -> str:
        """How a payment by this card reads in the list of parts."""
        return next((f"{c.card_no} {c.product_name}" for c in self.cards
                     if c.card_no == card_no), card_no)

    @Slot()
    def swiped(self) -> None:
        """Pick the card whose number was swiped or typed."""
        number = self.swipe.text().strip()
        if not number:
            return
        row = next((i for i, c in enumerate(self.cards)
                    if c.card_no.upper() == number.upper()), None)
        if row is None:
            self.failed.emit(ValidationError(
                "Card {card_no} cannot pay for this client: it is not theirs, not shared with "
                "them, or not usable now.", field="payments.reference", card_no=number))
            self.swipe.selectAll()
            return
        self.swipe.clear()
        self.list.setCurrentRow(row)
        self.list.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and watched is self.swipe and event.key() in _ENTER \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.swiped()
            return True
        return False
