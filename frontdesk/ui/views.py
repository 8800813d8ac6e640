"""Item views under the theme: rows keep their tint, and a column's text wraps instead of being
cut off.

- The theme styles every item (qt-material's ``::item`` rule), and Qt then paints an item's
  background from the style sheet alone: the red tint of a special visitor's row on the board
  and in the search results (the model's BackgroundRole) was never seen.
  :class:`TintedRows` paints it first.
- A tree's rows are as high as one line, whatever the column's width, and a long text in the
  last column ("经络疏通、日式头疗、玫瑰精油全身护理") was cut off with "…" at 1366×768: QTreeView
  asks the delegate for a row's height without telling it the column's width.
  :class:`WrappingColumn` measures the text at the column's width, so the row grows to the
  lines it wraps onto.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Slot
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

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
