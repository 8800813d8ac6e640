"""Finding a member card from the keyboard or a card reader.

F2 (the cards page installs it; F10 from any page) puts the cursor in the box. A card
reader types the card number and Enter: the search runs at once and the card whose
number it is opens. Typed text (card number, phone tail, phone, name or pinyin)
searches after a short pause, off the UI thread, and only the newest query's cards
are listed (owner, masked phone, product, balance, status). Down moves into the list,
Enter opens the chosen card, Esc clears.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.card import CardKind, CardStatus
from frontdesk.services.cards.views import CardView
from frontdesk.services.registry import Services
from frontdesk.ui.cards.card_labels import card_status_name, sessions_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.views import RowsModel, WrappingColumn
from frontdesk.ui.worker import DbWorker

DEBOUNCE_MS = 150
OWNER_COLUMN, CARD_COLUMN = 1, 2
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
Index = QModelIndex | QPersistentModelIndex


def balance_text(card: CardView) -> str:
    """Money for a stored-value card or a membership, sessions for a session card."""
    if card.kind is CardKind.SESSION:
        return sessions_text(card.sessions)
    return format_fen(card.balance_fen)


class CardsModel(RowsModel[CardView]):
    """Found cards as rows: number, owner and phone, product, balance (and a state that stops
    the card being charged)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Card no."), self.tr("Owner"), self.tr("Card"),
                         self.tr("Balance")]

    def cells(self, card: CardView) -> tuple[str, ...]:
        return (card.card_no, f"{card.owner_name}\n{card.phone}".strip(), card.product_name,
                self._balance(card))

    def _balance(self, card: CardView) -> str:
        """The balance, and under it the state of a card that cannot be charged."""
        if card.expired and card.status is CardStatus.ACTIVE:
            return f"{balance_text(card)}\n{self.tr('Expired')}"
        if card.status is not CardStatus.ACTIVE:
            return f"{balance_text(card)}\n{card_status_name(card.status)}"
        return balance_text(card)


class FindPanel(QWidget):
    card_opened = Signal(int)
    """The id of the card to show."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._worker = worker
        self._seq = 0
        self._shown_query = ""
        self.box = QLineEdit(objectName="cardSearch")
        self.box.setPlaceholderText(self.tr("Swipe a card, or type its number, a phone tail, "
                                            "phone, name or pinyin (F2)"))
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.box.textEdited.connect(self._schedule)
        self.model = CardsModel(self)
        self.table = self._build_table()
        self.status = QLabel(objectName="cardSearchStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_async)

    def _build_table(self) -> QTreeView:
        table = QTreeView(objectName="cardResults")
        table.setModel(self.model)
        table.setRootIsDecorated(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (OWNER_COLUMN, CARD_COLUMN):  # a long name wraps, never scrolls sideways
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            WrappingColumn.install(table, column)
        header.setStretchLastSection(False)
        table.installEventFilter(self)
        table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        return table

    def focus_search(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def clear(self) -> None:
        self._seq += 1
        self._timer.stop()
        self.box.clear()
        self.model.reset([])
        self.status.clear()
        self.box.setFocus()

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    @Slot()
    def _search_async(self) -> None:
        query = self.box.text().strip()
        self._seq += 1
        if not query:
            self._show([], "", self._seq)
            return
        find, actor = self._services.cards.find_cards, self._actor
        self._worker.submit(lambda: find(actor, query), partial(self._show, query=query,
                                                                seq=self._seq), self._failed)

    def search_now(self) -> None:
        """Search on this thread (Enter, or a card reader): an indexed lookup of a few ms."""
        self._timer.stop()
        self._seq += 1
        query = self.box.text().strip()
        try:
            cards = self._services.cards.find_cards(self._actor, query) if query else []
        except (DomainError, StorageError) as exc:
            self._failed(exc)
            return
        self._show(cards, query, self._seq)

    def _show(self, cards: list[CardView], query: str, seq: int) -> None:
        if seq != self._seq:
            return  # a newer query is on its way
        self._shown_query = query
        self.model.reset(list(cards))
        if cards:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.status.setText(self._status_text(len(cards), bool(query)))

    def _status_text(self, shown: int, searched: bool) -> str:
        if shown:
            return self.tr("{n} card(s) found — ↓ to choose, Enter to open, Esc to clear"
                           ).format(n=shown)
        return self.tr("No card found. F3 issues a new card to a client.") if searched else ""

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.status.setText(error_text(exc))
        elif isinstance(exc, StorageError):
            self.status.setText(self.tr("The database is busy; try again in a moment."))
        else:
            raise exc

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.card_opened.emit(self.model.rows[row].id)

    def _enter_in_box(self) -> None:
        query = self.box.text().strip()
        if self._timer.isActive() or self._shown_query != query:
            self.search_now()
        cards = self.model.rows
        exact = [c for c in cards if c.card_no.upper() == query.upper()]
        if exact or len(cards) == 1:
            self.card_opened.emit((exact or cards)[0].id)
        elif cards:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape and watched is self.box:
            self.clear()
            return True
        if watched is self.box and key in _ENTER:
            self._enter_in_box()
            return True
        if watched is self.box and key == Qt.Key.Key_Down and self.model.rows:
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, 0))
            return True
        if watched is self.table and key in _ENTER:
            self._open_row(self.table.currentIndex().row())
            return True
        return False
