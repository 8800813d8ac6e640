"""A card's history: its operations newest first, filtered by kind and dates, loaded in pages.

Each page comes from ``CardService.history`` off the UI thread (keyset paging: the next
page starts below the smallest operation id shown); scrolling to the end, or "Older"
(PgDn at the last row), loads the next. Each row shows what moved (paid, bonus,
sessions, points) and the balances after it, the money handed over and how, who did
it and why. Ctrl+P prints the chosen operation's receipt.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor, local_day_bounds, local_today
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.card import OperationKind
from frontdesk.services.cards.views import HistoryRow
from frontdesk.services.exports.kinds import ExportKind, LedgerFilter, Period
from frontdesk.services.registry import Services
from frontdesk.ui.cards.card_labels import operation_name
from frontdesk.ui.clients.common import pydate, qdate
from frontdesk.ui.dates import date_text, day_text, time_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.exports.excel_button import ExcelExport
from frontdesk.ui.labels import payment_method_name
from frontdesk.ui.views import RowsModel, WrappingColumn
from frontdesk.ui.worker import DbWorker

PAGE = 50
WHAT_WIDTH = 96
EXPORT_KEY = "Ctrl+Shift+E"
"""Ctrl+E extends a card on this page: the ledger's export takes Ctrl+Shift+E."""
Index = QModelIndex | QPersistentModelIndex


def _signed(fen: int) -> str:
    return "" if not fen else ("+" if fen > 0 else "") + format_fen(fen)


def _count(n: int) -> str:
    return "" if not n else f"+{n}" if n > 0 else str(n)


class HistoryModel(RowsModel[HistoryRow]):
    """Five columns, so a card's history fits beside the card at 1366×768: when, what, the
    change (paid, bonus, sessions, points, a line each), the balance after, and the money at
    the desk, who and why (wrapping)."""

    WHAT, CHANGE, DETAILS = 1, 2, 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self.today = dt.date.today()
        """Times of this year are written without their year (the page sets the store's day)."""
        self._headers = [self.tr("When"), self.tr("Operation"), self.tr("Change"),
                         self.tr("Balance after"), self.tr("Details")]

    def _change(self, r: HistoryRow) -> str:
        lines = []
        if r.paid_fen:
            lines.append(self.tr("paid {amount}").format(amount=_signed(r.paid_fen)))
        if r.bonus_fen:
            lines.append(self.tr("bonus {amount}").format(amount=_signed(r.bonus_fen)))
        if r.sessions:
            lines.append(self.tr("{n} sessions").format(n=_count(r.sessions)))
        if r.points:
            lines.append(self.tr("{n} points").format(n=_count(r.points)))
        return "\n".join(lines)

    def _details(self, r: HistoryRow) -> str:
        parts = []
        if r.money_fen:
            method = payment_method_name(r.method) if r.method else ""
            parts.append(f"{_signed(r.money_fen)} {method}".strip())
        parts += [p for p in (r.staff_name, r.reason) if p]
        return " · ".join(parts)

    def cells(self, r: HistoryRow) -> tuple[str, ...]:
        after = format_fen(r.paid_after + r.bonus_after)
        if r.sessions_after or r.sessions:
            after += "\n" + self.tr("{n} sessions").format(n=r.sessions_after)
        return (short_datetime(r.at, self.today), operation_name(r.kind), self._change(r), after,
                self._details(r))


def short_datetime(at: dt.datetime, today: dt.date) -> str:
    """``11月23日 10:30`` this year, the date alone before: short enough for a narrow column."""
    local = at.astimezone() if at.tzinfo else at
    if local.year == today.year:
        return f"{day_text(local.month, local.day)} {time_text(local)}"
    return date_text(local.date())


class HistoryPanel(QWidget):
    receipt_requested = Signal(int)  # an operation id

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._worker = worker
        self._card_id: int | None = None
        self._seq = 0
        self._done = True
        self._loading = False
        self.model = HistoryModel(self)
        self.model.today = local_today(services.clock)
        self.kind = QComboBox(objectName="historyKind")
        self.kind.addItem(self.tr("All operations"), None)
        for kind in OperationKind:
            self.kind.addItem(operation_name(kind), kind)
        self.dated = QCheckBox(self.tr("From"), objectName="historyDated")
        self.since = QDateEdit(objectName="historySince")
        self.until = QDateEdit(objectName="historyUntil")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
        today = qdate(local_today(services.clock))
        self.since.setDate(today.addMonths(-1))
        self.until.setDate(today)
        self.table = self._build_table()
        self.status = QLabel(objectName="historyStatus")
        self.more = QPushButton(self.tr("Older"), objectName="historyMore")
        self.more.clicked.connect(self.load_more)
        self.excel = ExcelExport(self, services, actor, worker, ExportKind.CARD_LEDGER,
                                 self.export_filter, self.status.setText, key=EXPORT_KEY)
        self._layout()
        for signal in (self.kind.currentIndexChanged, self.dated.toggled,
                       self.since.dateChanged, self.until.dateChanged):
            signal.connect(self.reload)

    def _build_table(self) -> QTreeView:
        table = QTreeView(objectName="historyTable")
        table.setModel(self.model)
        table.setRootIsDecorated(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.WHAT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(HistoryModel.WHAT, WHAT_WIDTH)
        for column in (HistoryModel.CHANGE, HistoryModel.DETAILS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (HistoryModel.WHAT, HistoryModel.CHANGE, HistoryModel.DETAILS):
            WrappingColumn.install(table, column)  # "Family member added" wraps, never cut
        table.verticalScrollBar().valueChanged.connect(self._scrolled)
        table.doubleClicked.connect(lambda _i: self.request_receipt())
        return table

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.dated)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        foot = QHBoxLayout()
        foot.addWidget(self.status, 1)
        foot.addWidget(self.more)
        foot.addWidget(self.excel.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)

    def focus_table(self) -> None:
        self.table.setFocus()
        if self.model.rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def show_card(self, card_id: int | None) -> None:
        self._card_id = card_id
        self.reload()

    def selected_operation(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row].operation_id if 0 <= row < len(self.model.rows) else None

    @Slot()
    def request_receipt(self) -> None:
        op = self.selected_operation()
        if op is not None:
            self.receipt_requested.emit(op)

    def export_filter(self) -> LedgerFilter:
        """The operations shown: this card's (every card's when none is open), of the kind
        chosen, in the days chosen."""
        kind = self.kind.currentData()
        period = Period(pydate(self.since.date()), pydate(self.until.date())) \
            if self.dated.isChecked() else Period()
        return LedgerFilter(card_id=self._card_id, kinds=frozenset({kind}) if kind else None,
                            period=period)

    def _bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        if not self.dated.isChecked():
            return None, None
        since = local_day_bounds(pydate(self.since.date()))[0]
        until = local_day_bounds(pydate(self.until.date()))[1]
        return since, until

    @Slot()
    def reload(self) -> None:
        self._seq += 1
        self.model.reset([])
        self._done = self._card_id is None
        self._loading = False
        self.status.clear()
        if self._card_id is not None:
            self._load(None)

    @Slot()
    def load_more(self) -> None:
        if not self._done and not self._loading and self.model.rows:
            self._load(self.model.rows[-1].operation_id)

    @Slot(int)
    def _scrolled(self, value: int) -> None:
        if value == self.table.verticalScrollBar().maximum():
            self.load_more()

    def _load(self, before_id: int | None) -> None:
        kind = self.kind.currentData()
        since, until = self._bounds()
        history, actor, card_id = self._services.cards.history, self._actor, self._card_id
        self._loading = True
        self.status.setText(self.tr("Loading…"))
        assert card_id is not None
        self._worker.submit(
            lambda: history(actor, card_id, kinds=(kind,) if kind else (), since=since,
                            until=until, before_id=before_id, limit=PAGE),
            partial(self._loaded, seq=self._seq), self._failed)

    def _loaded(self, rows: list[HistoryRow], seq: int) -> None:
        if seq != self._seq:
            return
        self._loading = False
        self._done = len(rows) < PAGE
        self.model.extend(rows)
        self.more.setEnabled(not self._done)
        self.status.setText(self.tr("{n} operation(s) shown").format(n=len(self.model.rows))
                            if self.model.rows else self.tr("No operations."))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        if isinstance(exc, DomainError):
            self.status.setText(error_text(exc))
        elif isinstance(exc, StorageError):
            self.status.setText(self.tr("The database is busy; try again in a moment."))
        else:
            raise exc
