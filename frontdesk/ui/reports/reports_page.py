"""The reports page (统计报表): the month's complaints, satisfaction and spot checks.

A month picker (the arrow keys change the month; PgUp / PgDn the month before or after;
F5 reads it again),
the month's figures beside the month before's, the charts (:mod:`.charts`, painted with
QPainter) with the targets marked, and Ctrl+E "Export to Excel…": the same figures and the
month's complaints, surveys and spot checks as a workbook in the screens' language. The
report is read and the workbook written on the worker thread, never on the UI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor, local_today
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.complaints.report_views import (
    ComplaintFigures,
    MonthReport,
    SatisfactionFigures,
    percent_text,
    tenths_text,
)
from frontdesk.services.registry import Services
from frontdesk.ui.dates import month_text, set_month_format
from frontdesk.ui.errors import error_text
from frontdesk.ui.reports.charts import ReportCharts
from frontdesk.ui.reports.words import dimension_names, words_of
from frontdesk.ui.widgets import scrolled
from frontdesk.ui.worker import DbWorker

Row = tuple[str, str, str]


class ReportsPage(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self._services, self._actor, self._worker = services, actor, worker
        self._seq = 0
        self.report: MonthReport | None = None
        self.exported: Path | None = None
        self.ask_path: Callable[[], str] = self._ask_path
        today = local_today(services.clock)
        self.month = QDateEdit(QDate(today.year, today.month, 1), objectName="reportMonth")
        set_month_format(self.month)
        self.month.setMaximumDate(QDate(today.year, today.month, 1))
        self.month.setCurrentSection(QDateEdit.Section.MonthSection)
        self.month.dateChanged.connect(self.load)
        self.status = QLabel(objectName="reportStatus")
        self.status.setWordWrap(True)
        self.table = self._figures_table()
        self.charts = ReportCharts()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Complaints and satisfaction"), objectName="pageTitle"))
        layout.addLayout(self._top())
        layout.addWidget(self.status)
        body = QHBoxLayout()
        body.addWidget(self.table)
        body.addWidget(scrolled(self.charts, "reportChartsScroll"), 1)
        layout.addLayout(body, 1)
        self._fit_table()

    def _top(self) -> QHBoxLayout:
        month_label = QLabel(self.tr("&Month"))
        month_label.setBuddy(self.month)
        top = QHBoxLayout()
        top.addWidget(month_label)
        top.addWidget(self.month)
        for text, name, key, action in (
                (self.tr("Month before (PgUp)"), "reportEarlier", "PgUp", partial(self.step, -1)),
                (self.tr("Month after (PgDn)"), "reportLater", "PgDown", partial(self.step, 1)),
                (self.tr("Read again (F5)"), "reportReload", "F5", self.load),
                (self.tr("Export to Excel… (Ctrl+E)"), "reportExport", "Ctrl+E", self.export)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(action)
            QShortcut(QKeySequence(key), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            top.addWidget(button)
        top.addStretch(1)
        return top

    def _figures_table(self) -> QTableWidget:
        table = QTableWidget(0, 3, objectName="reportFigures")
        table.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("This month"),
                                         self.tr("Month before")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    # -- reading -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None and not self._seq:
            self.load()

    def chosen_month(self) -> dt.date:
        day = self.month.date()
        return dt.date(day.year(), day.month(), 1)

    def step(self, months: int) -> None:
        self.month.setDate(self.month.date().addMonths(months))

    def load(self) -> None:
        self._seq += 1
        month, actor, read = self.chosen_month(), self._actor, self._services.complaint_report
        self.status.setText(self.tr("Loading…"))
        self._worker.submit(lambda: read.month(actor, month),
                            partial(self.show_report, seq=self._seq), self._failed)

    def show_report(self, report: MonthReport, seq: int | None = None) -> None:
        if seq is not None and seq != self._seq:
            return
        self.report = report
        rows = self.rows(report)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self._fit_table()
        self.charts.show_report(report)
        self.status.setText(self.tr("{month}: {n} complaints received, {s} surveys answered.")
                            .format(month=month_text(report.month), n=report.complaints.received,
                                    s=report.satisfaction.surveys))

    def _fit_table(self) -> None:
        """As wide as its columns need: nothing cut off, no scrolling sideways."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        width = sum(header.sectionSize(i) for i in range(3))
        self.table.setFixedWidth(width + self.table.verticalScrollBar().sizeHint().width()
                                 + 2 * self.table.frameWidth() + 4)

    def _complaint_rows(self, c: ComplaintFigures, b: ComplaintFigures) -> list[Row]:
        def hours(value: object) -> str:
            return tenths_text(value)  # type: ignore[arg-type]

        return [
            (self.tr("Complaints received"), str(c.received), str(b.received)),
            (self.tr("Resolved in the month"), str(c.resolved), str(b.resolved)),
            (self.tr("Median time to resolve (hours)"), hours(c.median_resolve_hours),
             hours(b.median_resolve_hours)),
            (self.tr("Deadlines missed"), str(c.escalations), str(b.escalations)),
            (self.tr("Cases escalated"), str(c.escalated_cases), str(b.escalated_cases)),
            (self.tr("Reopened in the month"), str(c.reopens), str(b.reopens)),
            (self.tr("Reopen rate"), percent_text(c.reopen_rate), percent_text(b.reopen_rate)),
            (self.tr("Compensation"), format_fen(c.compensation_fen),
             format_fen(b.compensation_fen))]

    def _survey_rows(self, s: SatisfactionFigures, b: SatisfactionFigures) -> list[Row]:
        names = dimension_names(QCoreApplication.translate)
        rows = [(self.tr("Surveys answered"), str(s.surveys), str(b.surveys)),
                (self.tr("Surveys with a low score"), str(s.low), str(b.low))]
        rows += [(self.tr("Satisfied: {dimension}").format(dimension=names[d.dimension]),
                  percent_text(d.satisfied_share), percent_text(e.satisfied_share))
                 for d, e in zip(s.dimensions, b.dimensions, strict=True)]
        return rows + [
            (self.tr("Loyal (target 70%)"), percent_text(s.loyalty), percent_text(b.loyalty)),
            (self.tr("NPS"), tenths_text(s.nps), tenths_text(b.nps))]

    def rows(self, r: MonthReport) -> list[Row]:
        """The figures as (label, this month, the month before) rows."""
        checks = r.spot_checks
        return (self._complaint_rows(r.complaints, r.previous.complaints)
                + self._survey_rows(r.satisfaction, r.previous.satisfaction)
                + [(self.tr("Spot checks: calls checked"), str(checks.sampled), ""),
                   (self.tr("Spot checks: passed / failed"),
                    f"{checks.passed} / {checks.failed}", "")])

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.status.setText(error_text(exc))
        elif isinstance(exc, StorageError):
            self.status.setText(self.tr("The database is busy; try again in a moment."))
        else:
            raise exc

    # -- export --------------------------------------------------------------------------------

    def _ask_path(self) -> str:
        month = self.chosen_month()
        name = f"complaints-{month.year}{month.month:02}.xlsx"  # a file name, not shown
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the month's report"),
                                              str(Path.home() / name), self.tr("Excel (*.xlsx)"))
        return path

    def export(self) -> None:
        path = self.ask_path()
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        month, actor, report = self.chosen_month(), self._actor, self._services.complaint_report
        words = words_of(QCoreApplication.translate)  # the screens' language, read here
        self.status.setText(self.tr("Exporting…"))
        self._worker.submit(lambda: report.export(actor, month, target, words),
                            self._exported, self._failed)

    def _exported(self, path: Path) -> None:
        self.exported = path
        self.status.setText(self.tr("The report was written to {file}.").format(file=path.name))
