"""The spot checks tab (质检) of the complaints page: the store's checks, a new one started,
the chosen one judged and finished (:class:`~.check_panel.CheckPanel`).

Starting a check: the month (this one or one of the eleven before), how many calls to
sample (1–200) and, if wanted, one client manager's calls only; the month's calls are
counted as it is chosen. Ctrl+N starts it. The lists are read on the worker thread;
``loaded`` and ``check_loaded`` say when they arrived (for tests and screen readers).
Tab goes from the list of checks through the start form to the sampled calls, the note,
the summary and Finish.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor, local_today
from frontdesk.errors import DomainError
from frontdesk.services.quality.checks import SAMPLE_MAX
from frontdesk.services.quality.views import CheckDetail, CheckView, MonthCalls
from frontdesk.services.registry import Services
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.quality.check_panel import CheckPanel
from frontdesk.ui.quality.labels import month_text
from frontdesk.ui.worker import DbWorker

MONTHS_OFFERED = 12
DEFAULT_SAMPLE = 10


def tab_title() -> str:
    """The tab's title on the complaints page."""
    return QCoreApplication.translate("SpotChecksTab", "Spot checks")


class SpotChecksTab(QWidget):
    loaded = Signal()
    check_loaded = Signal()
    calls_loaded = Signal()

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spotChecksTab")
        self._services, self._actor, self._worker = services, actor, worker
        self.rows: list[CheckView] = []
        self.wanted: int | None = None
        """The check to choose when the list arrives next."""
        self.checks = QTreeWidget(objectName="spotChecks")
        self.checks.setRootIsDecorated(False)
        self.checks.setHeaderLabels([self.tr("Month"), self.tr("Inspector"), self.tr("Passed"),
                                     self.tr("Status")])
        self.checks.currentItemChanged.connect(self._load_chosen)
        self.panel = CheckPanel(services, actor)
        self.panel.changed.connect(self._changed)
        self.panel.stale.connect(self._changed)
        self._build_start()
        self._lay_out()
        QShortcut(QKeySequence("Ctrl+N"), self, self.start)
        self.load()
        self._load_calls()

    def _build_start(self) -> None:
        self.month = QComboBox(objectName="startMonth")
        month = local_today(self._services.clock).replace(day=1)
        for _ in range(MONTHS_OFFERED):
            self.month.addItem(month_text(month), month)
            month = (month - dt.timedelta(days=1)).replace(day=1)
        self.month.setCurrentIndex(1)  # the month just ended: 月底汇总
        self.month.currentIndexChanged.connect(self._load_calls)
        self.sample = QSpinBox(objectName="sampleSize", minimum=1, maximum=SAMPLE_MAX)
        self.sample.setValue(DEFAULT_SAMPLE)
        self.staff = QComboBox(objectName="startStaff")
        self.month_calls = QLabel(objectName="monthCalls")
        self.start_button = QPushButton(self.tr("Start a check (Ctrl+N)"), objectName="startCheck")
        self.start_button.clicked.connect(self.start)
        self.start_error = QLabel(objectName="startError")
        self.start_errors = FormErrors(self.start_error)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month)
        form.addRow(self.tr("Calls to sample"), self.sample)
        form.addRow(self.tr("Client manager"), self.staff)
        form.addRow("", self.month_calls)
        start = QGroupBox(self.tr("New spot check"))
        box = QVBoxLayout(start)
        box.addLayout(form)
        box.addWidget(self.start_error)
        box.addWidget(self.start_button)
        side = QVBoxLayout()
        side.addWidget(self.checks, 1)
        side.addWidget(start)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 1)
        layout.addWidget(self.panel, 2)
        for first, second in ((self.checks, self.month), (self.month, self.sample),
                              (self.sample, self.staff), (self.staff, self.start_button),
                              (self.start_button, self.panel.items)):
            QWidget.setTabOrder(first, second)

    # -- the list of checks --------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        self._worker.submit(partial(self._services.quality.checks, self._actor),
                            self._arrived, self._failed)

    def _arrived(self, rows: list[CheckView]) -> None:
        chosen = self.chosen()
        wanted = self.wanted if self.wanted is not None else chosen.check_id if chosen else None
        self.wanted = None
        self.rows = list(rows)
        self.checks.blockSignals(True)
        self.checks.clear()
        items = [QTreeWidgetItem(self.checks, self._cells(row)) for row in self.rows]
        self.checks.blockSignals(False)
        for column in range(self.checks.columnCount()):
            self.checks.resizeColumnToContents(column)
        ids = [row.check_id for row in self.rows]
        if items:
            self.checks.setCurrentItem(items[ids.index(wanted) if wanted in ids else 0])
        else:
            self.panel.show_detail(None)
        self.loaded.emit()

    def _cells(self, row: CheckView) -> list[str]:
        status = self.tr("Finished") if row.finished else self.tr("In progress")
        return [month_text(row.month), row.inspector_name, f"{row.passed}/{row.sampled}", status]

    def chosen(self) -> CheckView | None:
        at = self.checks.currentIndex().row()
        return self.rows[at] if 0 <= at < len(self.rows) else None

    @Slot()
    def _load_chosen(self) -> None:
        row = self.chosen()
        if row is not None:
            self._worker.submit(partial(self._services.quality.check, self._actor, row.check_id),
                                self._check_arrived, self._failed)

    def _check_arrived(self, detail: CheckDetail) -> None:
        chosen = self.chosen()
        if chosen is not None and chosen.check_id == detail.check.check_id:
            self.panel.show_detail(detail)
        self.check_loaded.emit()

    @Slot(int)
    def _changed(self, check_id: int) -> None:
        self.wanted = check_id
        self.load()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.panel.errors.show(exc)

    # -- starting a check ----------------------------------------------------------------------

    @Slot()
    def _load_calls(self) -> None:
        month: dt.date = self.month.currentData()
        self._worker.submit(partial(self._services.quality.calls_of_month, self._actor, month),
                            self._calls_arrived, self._start_failed)

    def _calls_arrived(self, calls: MonthCalls) -> None:
        if calls.month != self.month.currentData():
            return  # another month was chosen meanwhile
        wanted = self.staff.currentData()
        self.staff.clear()
        self.staff.addItem(self.tr("Everyone's calls"), None)
        for person in calls.staff:
            self.staff.addItem(self.tr("{name} ({n} calls)").format(name=person.name,
                                                                    n=person.calls),
                               person.staff_id)
        at = self.staff.findData(wanted)
        self.staff.setCurrentIndex(max(at, 0))
        self.month_calls.setText(self.tr("{n} care calls in {month}").format(
            n=calls.calls, month=month_text(calls.month)))
        self.calls_loaded.emit()

    @Slot()
    def start(self) -> None:
        self.start_errors.clear()
        job = partial(self._services.quality.start, self._actor, self.month.currentData(),
                      self.sample.value(), self.staff.currentData())
        self.start_button.setEnabled(False)
        self._worker.submit(job, self._started, self._start_failed)

    def _started(self, check: CheckView) -> None:
        self.start_button.setEnabled(True)
        self.wanted = check.check_id
        self.load()
        self.panel.items.setFocus()

    def _start_failed(self, exc: BaseException) -> None:
        self.start_button.setEnabled(True)
        if not isinstance(exc, DomainError):
            raise exc
        self.start_errors.show(exc)
