"""The client's consumption history and visits timeline as lazily paged table models.

Both load newest first in keyset pages (STYLE.md, "Long lists load in pages"):
``fetchMore`` asks the service for the rows older than the last one shown, so a
client with ten years of visits opens as fast as a new one. A refused or failed
page stops the paging and is reported through ``failed`` for the screen to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.clients.history import ConsumptionRow, VisitRow
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.labels import line_kind_name, visit_kind_name, visit_status_name

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
Row = TypeVar("Row", ConsumptionRow, VisitRow)
PageLoader = Callable[[int | None, int], Sequence[Any]]
"""(before_id, limit) → rows older than ``before_id``, newest first."""


def _local(at: dt.datetime) -> str:
    return datetime_text(at)


class KeysetModel(QAbstractTableModel, Generic[Row]):
    """Rows in pages of PAGE, fetched on demand; subclasses name the columns and cells."""

    PAGE = 50
    failed = Signal(object)  # the DomainError or StorageError that stopped the paging

    def __init__(self, load_page: PageLoader | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_page = load_page
        self._rows: list[Row] = []
        self._done = load_page is None
        self._changing = False
        """Rows are going in, or a reset is being announced: no fetching meanwhile."""
        self._headers: list[str] = []
        """The translated headers, made once: views ask for them hundreds of times."""
        self._texts: list[list[str]] = []
        """Each row's cells as shown, made as the row comes in: a view sizing its columns
        asks for every cell many times."""

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def reset(self, load_page: PageLoader | None) -> None:
        """Start over with another client's rows (None: empty)."""
        self.beginResetModel()
        self._load_page = load_page
        self._rows = []
        self._texts = []
        self._done = load_page is None
        # A listener of modelReset (a proxy, the model tester) may ask for rows before the
        # other listeners have heard of the reset: it gets them later, not in the middle.
        self._changing = True
        try:
            self.endResetModel()
        finally:
            self._changing = False

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def _header_texts(self) -> list[str]:
        if not self._headers:
            self._headers = self.headers()
        return self._headers

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._header_texts())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._header_texts()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self._texts[index.row()][index.column()]

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self._done and not self._changing

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or not self.canFetchMore() or self._load_page is None:
            return
        after = self._rows[-1].id if self._rows else None  # keyset paging
        try:
            batch = list(self._load_page(after, self.PAGE))
        except (DomainError, StorageError) as exc:
            self._done = True
            self.failed.emit(exc)
            return
        self._done = len(batch) < self.PAGE
        if batch:
            n = len(self._rows)
            self._changing = True  # views may ask for more while the rows go in
            try:
                self.beginInsertRows(QModelIndex(), n, n + len(batch) - 1)
                self._rows.extend(batch)
                columns = range(self.columnCount())
                self._texts.extend([self.cell(row, c) for c in columns] for row in batch)
                self.endInsertRows()
            finally:
                self._changing = False


class ConsumptionModel(KeysetModel[ConsumptionRow]):
    """What the client bought: date, item, quantity, price, discount, amount, staff."""

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Kind"), self.tr("Item"), self.tr("Qty"),
                self.tr("Unit price"), self.tr("Discount"), self.tr("Amount"), self.tr("Staff")]

    def cell(self, row: ConsumptionRow, column: int) -> str:
        cells: list[Callable[[], str]] = [
            lambda: _local(row.at), lambda: line_kind_name(row.kind), lambda: row.description,
            lambda: str(row.quantity), lambda: format_fen(row.unit_price_fen),
            lambda: format_fen(row.discount_fen) if row.discount_fen else "",
            lambda: format_fen(row.amount_fen), lambda: row.staff_name]
        return cells[column]()


class VisitsModel(KeysetModel[VisitRow]):
    """The visits timeline: arrival, status, kind, purpose, total, consultant, therapist, room."""

    def headers(self) -> list[str]:
        return [self.tr("Arrived"), self.tr("Status"), self.tr("Kind"), self.tr("Purpose"),
                self.tr("Total"), self.tr("Consultant"), self.tr("Therapist"), self.tr("Room")]

    def cell(self, row: VisitRow, column: int) -> str:
        cells: list[Callable[[], str]] = [
            lambda: _local(row.arrived_at), lambda: visit_status_name(row.status),
            lambda: visit_kind_name(row.kind), lambda: row.purpose,
            lambda: format_fen(row.total_fen), lambda: row.consultant_name,
            lambda: row.therapist_name, lambda: row.room_name]
        return cells[column]()
