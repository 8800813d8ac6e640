"""The profile's history: the last 12 months at a glance, consumption lines and the visits timeline,
and Ctrl+E "Export to Excel…" of this client's visits and consumption.

Both tables page lazily: scrolling to the bottom fetches the next keyset page. Their
columns are fitted to the rows when the tab comes into sight, not when the profile opens:
measuring every cell costs more than the rest of opening a profile.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.clients.history import YearSummary
from frontdesk.services.exports.kinds import ExportKind, VisitFilter
from frontdesk.services.registry import Services
from frontdesk.ui.clients.history_models import ConsumptionModel, KeysetModel, VisitsModel
from frontdesk.ui.errors import error_text
from frontdesk.ui.exports.excel_button import ExcelExport
from frontdesk.ui.worker import DbWorker


def _table(name: str, model: KeysetModel) -> QTableView:  # type: ignore[type-arg]
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


class HistoryTab(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker | None = None,
                 parent: QWidget | None = None) -> None:
        """``worker``: for the visits' "Export to Excel…" (none without one)."""
        super().__init__(parent)
        self.setObjectName("historyTab")
        self._services = services
        self._actor = actor
        self.client_id: int | None = None
        self._fitted = True
        """The columns fit the rows on show (else they are fitted when the tab is shown)."""
        self.summary = QLabel(objectName="yearSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel(objectName="fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.consumption = ConsumptionModel(parent=self)
        self.visits = VisitsModel(parent=self)
        for model in (self.consumption, self.visits):
            model.failed.connect(self._failed)
        self.consumption_table = _table("consumptionTable", self.consumption)
        self.visits_table = _table("visitsTable", self.visits)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._titled(self.tr("Consumption history"), self.consumption_table))
        splitter.addWidget(self._titled(self.tr("Visits"), self.visits_table))
        self.export_status = QLabel(objectName="historyExportStatus")
        self.export_status.setWordWrap(True)
        self.excel = None if worker is None else ExcelExport(
            self, services, actor, worker, ExportKind.VISITS, self.export_filter,
            self.export_status.setText)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        if self.excel is not None:
            top.addWidget(self.excel.button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.export_status)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    @staticmethod
    def _titled(title: str, table: QTableView) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(f"<b>{title}</b>"))
        column.addWidget(table, 1)
        return box

    def show_client(self, client_id: int, summary: YearSummary) -> None:
        profile, actor = self._services.profile, self._actor
        self.client_id = client_id
        self.export_status.clear()
        self.message.hide()
        self.summary.setText(self._summary_text(summary))
        self.consumption.reset(lambda before, n: profile.consumption(actor, client_id, before, n))
        self.visits.reset(lambda before, n: profile.visits(actor, client_id, before, n))
        for model in (self.consumption, self.visits):
            if model.canFetchMore():
                model.fetchMore()
        self._fitted = False
        if self.isVisible():
            self._fit_columns()

    def export_filter(self) -> VisitFilter:
        """This client's visits and what was consumed at them."""
        return VisitFilter(client_id=self.client_id)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._fitted:
            self._fit_columns()

    def _fit_columns(self) -> None:
        self._fitted = True
        for table in (self.consumption_table, self.visits_table):
            table.resizeColumnsToContents()

    def _summary_text(self, summary: YearSummary) -> str:
        sep = self.tr(", ")
        top = sep.join(self.tr("{service} ×{times}").format(service=name, times=n)
                       for name, n in summary.top_services) or "—"
        return self.tr("Last 12 months: {visits} visits, spent {spend}; most often: {top}").format(
            visits=summary.visits, spend=format_fen(summary.spend_fen), top=top)

    def _failed(self, exc: object) -> None:
        if isinstance(exc, DomainError):
            self.message.setText(error_text(exc))
        elif isinstance(exc, StorageError):
            self.message.setText(self.tr("The database is busy; the rest of the list could not "
                                         "be loaded. Open the client again to retry."))
        self.message.show()
