"""The preview's tables as item models: a 100,000-row sheet scrolls smoothly because a row's
words are made only when the view paints it (no item per cell), and kept once made."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from frontdesk.services.imports.fields import CandidateRow

Index = QModelIndex | QPersistentModelIndex
CACHE_LIMIT = 5_000
"""Rows whose words are kept; past this the cache starts again (a long scroll)."""


class RowsModel(QAbstractTableModel):
    """Candidate rows, each shown by ``cells(row)``; the first column (the sheet's row
    number) and the money column are right-aligned."""

    def __init__(self, headings: Sequence[str], cells: Callable[[CandidateRow], tuple[str, ...]],
                 right_aligned: Sequence[int] = (0,)) -> None:
        super().__init__()
        self._headings = list(headings)
        self._cells = cells
        self._right = set(right_aligned)
        self.rows: list[CandidateRow] = []
        self._cache: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: list[CandidateRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._cache = {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._headings)

    def texts(self, row: int) -> tuple[str, ...]:
        """Row ``row``'s words, as the table shows them."""
        words = self._cache.get(row)
        if words is None:
            if len(self._cache) >= CACHE_LIMIT:
                self._cache = {}
            words = self._cache[row] = self._cells(self.rows[row])
        return words

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headings[section]
        return None
