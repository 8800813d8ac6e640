"""Item views at a small screen's width: a column whose text wraps instead of being cut off.

A tree's rows are as high as one line, whatever the column's width, and a long text in the
last column ("经络疏通、日式头疗、玫瑰精油全身护理") was cut off with "…" at 1366×768: QTreeView
asks the delegate for a row's height without telling it the column's width. This delegate
measures the text at the column's width, so the row grows to the lines it wraps onto.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Slot
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

ITEM_PADDING = 10
"""The theme's padding of an item (4 px a side) and a pixel each side for rounding."""


class WrappingColumn(QStyledItemDelegate):
    """The delegate of one column of a tree, whose text wraps at the column's width."""

    def __init__(self, view: QTreeView, column: int) -> None:
        super().__init__(view)
        self._view = view
        self._column = column

    @classmethod
    def install(cls, view: QTreeView, column: int) -> WrappingColumn:
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
