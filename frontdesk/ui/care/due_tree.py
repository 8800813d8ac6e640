"""The due list itself: the day's tasks in the day's order, under a heading per stage with
its count (greetings → warnings → star clients → second sales).

As on the desk's board, the headings are disabled rows in one flat list, so the arrow
keys pass over them and a chosen row is always a task. Several tasks can be chosen
(Shift / Ctrl, or Shift+arrows) to mark their messages sent or export them in a batch.
A reload keeps the place: the chosen task, or the row where it was when it left the
list (the next task), and the scroll position. Tab leaves the list.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from frontdesk.models.care import CareChannel
from frontdesk.services.care.settings import CareStage
from frontdesk.services.care.views import DueList, DueTask
from frontdesk.ui.care.labels import kind_name, stage_name
from frontdesk.ui.dates import date_text
from frontdesk.ui.views import ITEM_PADDING, WrappingColumn

ROLE_ID = Qt.ItemDataRole.UserRole
CLIENT, KIND, DUE, STAFF = range(4)


class DueTree(QTreeWidget):
    """``activated`` carries the task id of the row Enter or a double-click acted on."""

    task_activated = Signal(int)
    CLIENT_WIDTH_MAX = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careList")
        self.setHeaderLabels([self.tr("Client"), self.tr("Task"), self.tr("Due"),
                              self.tr("Looked after by")])
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)
        WrappingColumn.install(self, CLIENT)
        WrappingColumn.install(self, STAFF)
        self.installEventFilter(self)
        self.itemActivated.connect(self._activated)
        self.tasks: dict[int, DueTask] = {}

    def show_list(self, due: DueList) -> None:
        """Show ``due``, keeping the chosen task (or its row) and the scroll position."""
        current = self.current_task()
        old_row = self._row_of(current.task_id) if current else -1
        chosen = {t.task_id for t in self.chosen_tasks()}
        scroll = self.verticalScrollBar().value()
        self.clear()
        self.tasks = {t.task_id: t for t in due.tasks}
        for stage in CareStage:
            tasks = [t for t in due.tasks if t.stage is stage]
            count = due.by_stage.get(stage, len(tasks))
            if tasks or count:
                self._heading(f"{stage_name(stage)} ({count})")
            for task in tasks:
                self.addTopLevelItem(self._item(task))
        self._fit_columns()
        self._restore(current.task_id if current else None, old_row, chosen)
        self.verticalScrollBar().setValue(scroll)

    def _heading(self, title: str) -> None:
        head = QTreeWidgetItem([title])
        head.setFlags(Qt.ItemFlag.NoItemFlags)
        head.setForeground(0, self.palette().text())
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        self.addTopLevelItem(head)
        head.setFirstColumnSpanned(True)

    def _item(self, task: DueTask) -> QTreeWidgetItem:
        name = task.client_name
        if task.is_batch:
            name = self.tr("{name} ({n} clients)").format(name=name, n=task.recipients)
        if task.channel is CareChannel.GIFT:
            name += " " + self.tr("(gift)")
        staff = self.tr("Service centre") if task.central else (
            task.assigned_to_name or self.tr("Pool"))
        item = QTreeWidgetItem([name, kind_name(task.kind), date_text(task.due_on), staff])
        item.setData(0, ROLE_ID, task.task_id)
        return item

    def _fit_columns(self) -> None:
        metrics = self.fontMetrics()
        texts = [self.headerItem().text(0), *(item.text(0) for item in self._rows())]
        wanted = max(metrics.horizontalAdvance(text) for text in texts) + 2 * ITEM_PADDING + 4
        heading = self.header().sectionSizeHint(CLIENT)  # the title, with the header's padding
        self.setColumnWidth(CLIENT, max(min(wanted, self.CLIENT_WIDTH_MAX), heading))
        for column in (KIND, DUE):
            self.resizeColumnToContents(column)

    def _rows(self) -> Iterator[QTreeWidgetItem]:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None and item.data(0, ROLE_ID) is not None:
                yield item

    def _row_of(self, task_id: int) -> int:
        for i, item in enumerate(self._rows()):
            if item.data(0, ROLE_ID) == task_id:
                return i
        return -1

    def _restore(self, current: int | None, old_row: int, chosen: set[int]) -> None:
        rows = list(self._rows())
        if not rows or current is None:
            return
        target = next((r for r in rows if r.data(0, ROLE_ID) == current), None)
        if target is None and old_row >= 0:  # it left the list: the task that took its row
            target = rows[min(old_row, len(rows) - 1)]
        if target is not None:
            self.setCurrentItem(target)
        for row in rows:
            if row.data(0, ROLE_ID) in chosen and row is not target:
                row.setSelected(True)

    def current_task(self) -> DueTask | None:
        item = self.currentItem()
        if item is None or item.data(0, ROLE_ID) is None:
            return None
        return self.tasks.get(int(item.data(0, ROLE_ID)))

    def chosen_tasks(self) -> list[DueTask]:
        """The chosen tasks in the list's order (the current one when none is chosen)."""
        chosen = [self.tasks[int(i.data(0, ROLE_ID))] for i in self._rows() if i.isSelected()]
        if not chosen and (current := self.current_task()) is not None:
            chosen = [current]
        return chosen

    def select_task(self, task_id: int) -> bool:
        for item in self._rows():
            if item.data(0, ROLE_ID) == task_id:
                self.setCurrentItem(item)
                return True
        return False

    def choose_first(self) -> None:
        """Choose the first task (none chosen yet): its card shows beside the list."""
        first = next(self._rows(), None)
        if first is not None:
            self.setCurrentItem(first)

    def focus_list(self) -> None:
        if self.current_task() is None:
            self.choose_first()
        self.setFocus()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ROLE_ID) is not None:
            self.task_activated.emit(int(item.data(0, ROLE_ID)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            item = self.currentItem()
            if item is not None:
                self._activated(item, 0)
            return True
        return False
