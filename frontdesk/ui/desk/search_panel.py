"""The desk's search box and its ranked results, driven from the keyboard.

F2 focuses the box from anywhere (the desk page installs the shortcut). Typing
searches after a short pause, off the UI thread, and only the newest query's
results are shown. Down moves into the results, Enter picks, Esc clears. A
barcode scanner types the card number and Enter: the search then runs at once
and an exact card or phone match is picked.

The highlighted result is announced (``client_highlighted``): the desk's card
follows it, so F4, F6 and F11 act on the client the receptionist sees
highlighted, and a new query moves the card with its first result (or empties
it). At most :data:`SHOWN` results are listed; the service is asked for one more,
so the status line can say when more clients match than are shown.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.clients.search import ClientHit, MatchKind
from frontdesk.services.registry import Services
from frontdesk.ui.dates import date_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.views import TintedRows
from frontdesk.ui.worker import DbWorker

DEBOUNCE_MS = 90
SHOWN = 20
"""Results listed at most; one more is asked for, to know whether more match."""
_EXACT = {MatchKind.PHONE, MatchKind.CARD}
_WARN = QBrush(QColor("#ffebee"))

Index = QModelIndex | QPersistentModelIndex


class HitsModel(QAbstractTableModel):
    """Search hits as table rows; a special visitor's row is tinted red."""

    BALANCE_COLUMN = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[ClientHit] = []
        self._headers = [self.tr("Name"), self.tr("Tier"), self.tr("Phone"),
                         self.tr("Last visit"), self.tr("Card balance"), self.tr("Notes")]

    def set_hits(self, hits: list[ClientHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(hit, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and hit.special_visitor:
            return _WARN
        return None

    def _cell(self, hit: ClientHit, column: int) -> str:
        if column == 0:
            return hit.name
        if column == 1:
            return hit.tier
        if column == 2:
            return hit.phone
        if column == 3:
            return date_text(hit.last_visit) if hit.last_visit else "—"
        if column == self.BALANCE_COLUMN:
            return format_fen(hit.card_balance_fen) if hit.card_balance_fen is not None else "—"
        return "  ".join(self.flag_texts(hit))

    def flag_texts(self, hit: ClientHit) -> list[str]:
        texts = {
            "special_visitor": self.tr("⚠ Special visitor"),
            "has_allergy": self.tr("Allergy"),
            "birthday_today": self.tr("Birthday today"),
            "birthday_this_week": self.tr("Birthday this week"),
            "open_complaint": self.tr("Open complaint"),
            "follow_up_due": self.tr("Follow-up due"),
        }
        flags = hit.flags
        if "birthday_today" in flags:
            flags = tuple(f for f in flags if f != "birthday_this_week")
        return [texts[f] for f in flags]


class SearchPanel(QWidget):
    client_picked = Signal(int)
    client_highlighted = Signal(object)
    """The client id of the highlighted result, or None when no result is highlighted."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._worker = worker
        self._seq = 0
        self._shown_query = ""
        self._announced: int | None = None
        self.box = QLineEdit(objectName="deskSearch")
        self.box.setPlaceholderText(self.tr("Phone tail, phone, name, pinyin or card number (F2)"))
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.box.textEdited.connect(self._schedule)
        self.model = HitsModel(self)
        self.table = self._build_table()
        self.status = QLabel(objectName="searchStatus")
        self.status.setWordWrap(True)  # a long line wraps; it must not widen the column
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_async)

    def _build_table(self) -> QTableView:
        table = QTableView(objectName="searchResults")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnHidden(HitsModel.BALANCE_COLUMN, True)  # until a hit has a card
        TintedRows.install(table)  # a special visitor's row stays red under the theme
        table.installEventFilter(self)
        table.doubleClicked.connect(lambda index: self._pick_row(index.row()))
        table.selectionModel().currentRowChanged.connect(self._announce)
        return table

    def focus_search(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def clear(self) -> None:
        self._seq += 1
        self._timer.stop()
        self.box.clear()
        self.model.set_hits([])
        self._announce()
        self.status.clear()
        self.box.setFocus()

    def highlighted_client(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.hits[row].client_id if 0 <= row < len(self.model.hits) else None

    def hit_of(self, client_id: int) -> ClientHit | None:
        """The shown result for this client (with their card balance), if any."""
        return next((hit for hit in self.model.hits if hit.client_id == client_id), None)

    def release(self) -> None:
        """Highlight no result, quietly: a client was picked elsewhere (registered, from the
        board), and the results no longer say who the desk is serving."""
        with QSignalBlocker(self.table.selectionModel()):
            self.table.selectionModel().clear()
        self._announced = None

    @Slot()
    def _announce(self) -> None:
        client_id = self.highlighted_client()
        if client_id != self._announced:
            self._announced = client_id
            self.client_highlighted.emit(client_id)

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    @Slot()
    def _search_async(self) -> None:
        query = self.box.text().strip()
        self._seq += 1
        seq = self._seq
        if not query:
            self._show([], "", seq)
            return
        search, actor = self._services.search.search, self._actor
        self._worker.submit(lambda: search(actor, query, SHOWN + 1),
                            partial(self._show, query=query, seq=seq), self._failed)

    def search_now(self) -> None:
        """Search on this thread (Enter, or a scanner): one indexed query of a few ms."""
        self._timer.stop()
        self._seq += 1
        query = self.box.text().strip()
        try:
            hits = self._services.search.search(self._actor, query, SHOWN + 1) if query else []
        except (DomainError, StorageError) as exc:
            self._failed(exc)
            return
        self._show(hits, query, self._seq)

    def _show(self, hits: list[ClientHit], query: str, seq: int) -> None:
        if seq != self._seq:
            return  # a newer query is on its way
        self._shown_query = query
        more = len(hits) > SHOWN
        hits = hits[:SHOWN]
        self.model.set_hits(hits)
        no_cards = all(hit.card_balance_fen is None for hit in hits)
        self.table.setColumnHidden(HitsModel.BALANCE_COLUMN, no_cards)
        if hits:
            self.table.selectRow(0)
        self._announce()
        self.status.setText(self._status_text(len(hits), more, bool(query)))

    def _status_text(self, shown: int, more: bool, searched: bool) -> str:
        if more:
            return self.tr("The first {n} shown, more match — type more to narrow; ↓ to "
                           "choose, Enter to pick, Esc to clear").format(n=shown)
        if shown:
            return self.tr("{n} found — ↓ to choose, Enter to pick, Esc to clear").format(
                n=shown)
        return self.tr("No client found. F3 registers a new client.") if searched else ""

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.status.setText(error_text(exc))
        elif isinstance(exc, StorageError):
            self.status.setText(self.tr("The database is busy; try again in a moment."))
        else:
            raise exc

    def _pick_row(self, row: int) -> None:
        if 0 <= row < len(self.model.hits):
            self.client_picked.emit(self.model.hits[row].client_id)

    def _enter_in_box(self) -> None:
        if self._timer.isActive() or self._shown_query != self.box.text().strip():
            self.search_now()
        hits = self.model.hits
        if len(hits) == 1 or (hits and hits[0].matched_by in _EXACT):
            self._pick_row(0)
        elif hits:
            self.table.setFocus()
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.clear()
            return True
        if watched is self.box:
            return self._box_key(key)
        if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick_row(self.table.currentIndex().row())
            return True
        return False

    def _box_key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter_in_box()
            return True
        if key == Qt.Key.Key_Down and self.model.hits:
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        return False
