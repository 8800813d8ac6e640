"""Item views under the theme: rows keep their tint, and a column's text wraps instead of being
cut off.

- The theme styles every item (qt-material's ``::item`` rule), and Qt then paints an item's
  background from the style sheet alone: the red tint of a special visitor's row on the board
  and in the search results (the model's BackgroundRole) was never seen.
  :class:`TintedRows` paints it first.
- :class:`RowsModel` shows a list of rows (frozen dataclasses) as a table or tree's model.
- A tree's rows are as high as one line, whatever the column's width, and a long text in the
  last column ("经络疏通、日式头疗、玫瑰精油全身护理") was cut off with "…" at 1366×768: QTreeView
  asks the delegate for a row's height without telling it the column's width.
  :class:`WrappingColumn` measures the text at the column's width, so the row grows to the
  lines it wraps onto.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ITEM_PADDING = 10
"""The theme's padding of an item (4 px a side) and a pixel each side for rounding."""


class TintedRows(QStyledItemDelegate):
    """Paints an item's own background (a warning tint) under what the theme draws."""

    @classmethod
    def install(cls, view: QAbstractItemView) -> TintedRows:
        delegate = cls(view)
        view.setItemDelegate(delegate)
        return delegate

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        tint = index.data(Qt.ItemDataRole.BackgroundRole)
        selected = QStyle.StateFlag.State_Selected in option.state
        if isinstance(tint, QBrush) and not selected:
            painter.fillRect(option.rect, tint)
        super().paint(painter, option, index)


class WrappingColumn(TintedRows):
    """The delegate of one column of a tree, whose text wraps at the column's width."""

    def __init__(self, view: QTreeView, column: int) -> None:
        super().__init__(view)
        self._view = view
        self._column = column

    @classmethod
    def install(cls, view: QTreeView, column: int) -> WrappingColumn:  # type: ignore[override]
        delegate = cls(view, column)
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.setItemDelegateForColumn(column, delegate)
        view.header().sectionResized.connect(delegate._column_resized)
        return delegate

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self._view.header().sectionSize(index.column()) - ITEM_PADDING
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(0, 0, max(width, 1), 1)  # a valid rect: the style wraps in it
        return super().sizeHint(measured, index)

    @Slot(int, int, int)
    def _column_resized(self, logical: int, old: int, new: int) -> None:
        if logical == self._column and old != new:
            self._view.doItemsLayout()  # the rows' heights follow the new width


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of one frozen dataclass as a table: a subclass gives the column titles and
    :meth:`cells` (a row's texts); :meth:`reset` and :meth:`extend` load them (a page more)."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[R] = []
        self._headers = headers

    def cells(self, row: R) -> tuple[str, ...]:
        raise NotImplementedError

    def reset(self, rows: list[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def extend(self, rows: list[R]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.cells(self.rows[index.row()])[index.column()]
