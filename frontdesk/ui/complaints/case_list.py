"""The complaint list: open, mine, overdue or all; a reference number, name or phone tail
finds one (Enter in the search). Read off the UI thread; the chosen case stays chosen when
the list is read again. Overdue and escalated rows are marked (⚠ ↑, in red, with a legend
above the list); the row's tooltip gives the severity and the owner. Tab leaves the list."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.services.complaints.views import ComplaintFilter, ComplaintRow
from frontdesk.services.registry import Services
from frontdesk.ui.complaints.case_panel import LATE
from frontdesk.ui.complaints.words import category_name, marks, severity_name, stage_name
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.worker import DbWorker

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CaseList(QWidget):
    chosen = Signal()
    """Another case is chosen, or the list was read again."""
    activated = Signal()
    """Enter on a case."""
    failed = Signal(object)
    """The read was refused (the exception)."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor, self._worker = services, actor, worker
        self._seq = 0
        self.want: int | str | None = None
        """The case to choose once the list is read: its id, or its reference number."""
        self.rows: list[ComplaintRow] = []
        self.search = QLineEdit(objectName="complaintSearch")
        self.search.setPlaceholderText(self.tr("Reference number, name or phone tail (F2)"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.reload)
        self.filter = QComboBox(objectName="complaintFilter")
        for text, value in ((self.tr("Open"), "open"), (self.tr("Mine"), "mine"),
                            (self.tr("Overdue"), "overdue"), (self.tr("All"), "all")):
            self.filter.addItem(text, value)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.count = QLabel(objectName="complaintCount")
        self.table = self._build_table()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)
        self.top = top
        """The search row (the cases tab adds its export there)."""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.count)
        column.addWidget(self.table, 1)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 5, objectName="complaintList")
        table.setHorizontalHeaderLabels([self.tr("Ref no"), self.tr("Client"),
                                         self.tr("Category"), self.tr("Stage"), self.tr("Due")])
        table.setTabKeyNavigation(False)  # Tab leaves the list
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.currentCellChanged.connect(lambda *_: self.chosen.emit())
        table.installEventFilter(self)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in _ENTER:
            self.activated.emit()
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def flt(self) -> ComplaintFilter:
        chosen = self.filter.currentData()
        return ComplaintFilter(open_only=chosen in ("open", "mine", "overdue"),
                               mine=chosen == "mine", overdue_only=chosen == "overdue",
                               text=self.search.text().strip())

    @Slot()
    def reload(self) -> None:
        """Read the list off the UI thread; the chosen case stays chosen."""
        self._seq += 1
        if self.want is None and (row := self.current_row()) is not None:
            self.want = row.complaint_id
        services, actor, flt = self._services, self._actor, self.flt()
        self._worker.submit(lambda: services.complaints.list(actor, flt),
                            partial(self._loaded, seq=self._seq), self._failed)

    def open_case(self, complaint_id: int | None, ref_no: str = "") -> None:
        """Show this case (the due list gives its number, the profile its id): every case."""
        self.want = complaint_id if complaint_id is not None else ref_no
        self.search.setText(ref_no)
        self.filter.blockSignals(True)
        self.filter.setCurrentIndex(self.filter.findData("all"))
        self.filter.blockSignals(False)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(exc)

    def _loaded(self, rows: list[ComplaintRow], seq: int) -> None:
        if seq != self._seq:
            return  # a later read is on its way
        self.rows = rows
        want, self.want = self.want, None
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self._fill(i, row)
        legend = marks(any(r.overdue for r in rows), any(r.escalated for r in rows))
        self.count.setText(" · ".join(t for t in (self.tr("{n} complaints").format(
            n=len(rows)), legend) if t) if rows else self.tr("No complaint matches."))
        keys = [r.ref_no if isinstance(want, str) else r.complaint_id for r in rows]
        self.table.setCurrentCell(keys.index(want) if want in keys else 0 if rows else -1, 0)
        self.table.blockSignals(False)
        self.chosen.emit()

    def _fill(self, i: int, row: ComplaintRow) -> None:
        due = datetime_text(row.due_at) if row.due_at else "—"
        late = marks(row.overdue, row.escalated)
        signs = ("⚠" if row.overdue else "") + ("↑" if row.escalated else "")
        cells = (row.ref_no, row.client_name, category_name(row.category, short=True),
                 stage_name(row.stage), f"{due} {signs}".strip())
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(" · ".join(t for t in (severity_name(row.severity), row.owner_name,
                                                   late) if t))
            if late:
                item.setForeground(QBrush(QColor(LATE)))
            self.table.setItem(i, column, item)

    def current_row(self) -> ComplaintRow | None:
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None
