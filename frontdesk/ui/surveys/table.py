"""Surveys as a table: when, the client (on the store's list), a column per dimension, the
recommendation, the comment, the complaint a low score opened (low rows in red)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from frontdesk.models.survey import SurveyDimension
from frontdesk.services.surveys.views import SurveyRow
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.surveys.words import dimension_name


class SurveyTable(QTableWidget):
    def __init__(self, name: str, *, with_client: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._with_client = with_client
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        names = [self.tr("Answered on"), *([self.tr("Client")] if with_client else []),
                 *(dimension_name(d) for d in SurveyDimension), self.tr("Recommend"),
                 self.tr("Comment"), self.tr("Complaint")]
        self.setColumnCount(len(names))
        self.setHorizontalHeaderLabels(names)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(names) - 2, QHeaderView.ResizeMode.Stretch)

    def show_rows(self, rows: tuple[SurveyRow, ...]) -> None:
        self.setRowCount(len(rows))
        for i, row in enumerate(rows):
            scores = dict(row.scores)
            cells = [datetime_text(row.answered_at),
                     *([row.client_name] if self._with_client else []),
                     *(str(scores.get(d, "")) for d in SurveyDimension),
                     "" if row.recommend is None else str(row.recommend), row.comment,
                     row.complaint_ref or ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.low:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.setItem(i, c, item)
