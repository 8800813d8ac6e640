"""The care page (关怀待办): the day's due list, the chosen task beside it, and its actions.

Keyboard first: F1 from any page comes here (the list chosen) · Enter or F3 log a call
(a complaint deadline's task: open the case on the complaints page) ·
F4 mark the chosen tasks' messages sent · F9 copy the chosen task's message · F6 export the
chosen tasks' messages for an SMS gateway (Excel or CSV) · F7 snooze · F8 skip · Ctrl+R a
manager reassigns the task · Ctrl+G give a gift task's gift (a voucher through the
card ledger; its button shows on gift tasks only) · Ctrl+U enter a survey call's
answers (its button shows on survey calls only) · F5 read the list again · F2 the
filters. Each key is shown on its button.

The list is read off the UI thread (when the page is shown, after each action, and when
the background scan found new tasks) and keeps its place. A manager filters by staff
member (or the pool) and sees each one's open and done counts for the day; everyone
filters by kind.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor, local_today
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.care import CareChannel, CareKind
from frontdesk.services.care.export import ExportResult
from frontdesk.services.care.views import DueList, DueTask, StaffDay
from frontdesk.services.exports.kinds import CareFilter, ExportKind, Period
from frontdesk.services.registry import Services
from frontdesk.ui.care.dialogs import (
    CallDialog,
    ReassignDialog,
    SkipDialog,
    SnoozeDialog,
    TaskDialog,
)
from frontdesk.ui.care.due_tree import DueTree
from frontdesk.ui.care.gift_dialog import GiftDialog
from frontdesk.ui.care.labels import kind_name
from frontdesk.ui.care.task_panel import TaskPanel
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.exports.excel_button import ExcelExport
from frontdesk.ui.surveys.dialog import SurveyDialog
from frontdesk.ui.worker import DbWorker

Button = tuple[str, str, str, Callable[[], None]]
BUTTONS_A_ROW = 2
SURVEY_KEY = "Ctrl+U"
"""Enter a survey call's answers (its button takes the gift's place on survey calls)."""
EVERYONE, POOL = -1, -2
"""The staff filter's first two choices (a staff member's is their id)."""
Loaded = tuple[DueList, tuple[StaffDay, ...], tuple[tuple[int, str], ...] | None]


class DuePage(QWidget):
    changed = Signal()
    """A task was worked (the badge counts again)."""
    complaint_requested = Signal(str)
    """A complaint deadline task's case (its reference number): open the complaints page."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carePage")
        self._services = services
        self._actor = actor
        self._worker = worker
        self._seq = 0
        self.manager = allowed(actor, Action.MANAGE_CARE)
        self.due: DueList | None = None
        self.dialog: QDialog | None = None
        """The dialog open last (for tests and the look-through)."""
        self.ask_path: Callable[[], str] = self._ask_export_path
        """Asks where to export (a test answers instead of the file dialog)."""
        self.exported: Path | None = None
        self.tree = DueTree()
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.task_activated.connect(lambda _id: self.log_call())
        self.panel = TaskPanel()
        self.panel.case_requested.connect(self.complaint_requested)
        self.staff_filter = QComboBox(objectName="careStaffFilter")
        self.kind_filter = QComboBox(objectName="careKindFilter")
        self.summary = QLabel(objectName="careSummary")
        self.summary.setWordWrap(True)
        self.staff_days = QLabel(objectName="careStaffDays")
        self.staff_days.setWordWrap(True)
        self.message = QLabel(objectName="careMessageLine")
        self.message.setWordWrap(True)
        self.excel = ExcelExport(self, services, actor, worker, ExportKind.CARE,
                                 self.export_filter, self.say)
        self._build()
        self._shortcuts()

    @property
    def today(self) -> dt.date:
        return local_today(self._services.clock)

    # -- building --------------------------------------------------------------------------------

    def _filters(self) -> QHBoxLayout:
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in CareKind:
            self.kind_filter.addItem(kind_name(kind), kind.value)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.staff_filter.addItem(self.tr("Everyone"), EVERYONE)
        self.staff_filter.addItem(self.tr("The pool"), POOL)
        self.staff_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.staff_filter.setVisible(self.manager)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Kind (F2)")))
        row.addWidget(self.kind_filter)
        if self.manager:
            row.addWidget(QLabel(self.tr("Staff")))
            row.addWidget(self.staff_filter)
        row.addStretch(1)
        row.addWidget(self.excel.button)
        return row

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._filters())
        column.addWidget(self.summary)
        column.addWidget(self.tree, 1)
        column.addWidget(self.staff_days)
        self.staff_days.setVisible(self.manager)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.panel, 1)
        side.addLayout(self._buttons())
        side.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 440])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _actions(self) -> list[Button]:
        return [
            ("F3", "careLogCall", self.tr("Log a call"), self.log_call),
            ("F4", "careMarkSent", self.tr("Message sent"), self.mark_sent),
            ("F9", "careCopy", self.tr("Copy message"), self.copy_message),
            ("F6", "careExport", self.tr("Export for SMS"), self.export),
            ("F7", "careSnooze", self.tr("Snooze"), self.snooze),
            ("F8", "careSkip", self.tr("Skip"), self.skip),
            *([("Ctrl+R", "careReassign", self.tr("Reassign"), self.reassign)]
              if self.manager else []),
            ("Ctrl+G", "careGiveGift", self.tr("Give the gift"), self.give_gift),
        ]

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        for i, (key, name, text, slot) in enumerate(self._actions()):
            button = QPushButton(f"{text} ({key})", objectName=name)
            button.setToolTip(f"{text} ({key})")
            button.clicked.connect(lambda _c=False, s=slot: s())
            grid.addWidget(button, i // BUTTONS_A_ROW, i % BUTTONS_A_ROW)
        self.gift_button = button  # the last: shown on gift tasks only
        self.survey_button = self._survey_button()  # in its place: on survey calls only
        grid.addWidget(self.survey_button, i // BUTTONS_A_ROW, i % BUTTONS_A_ROW)
        return grid

    def _survey_button(self) -> QPushButton:
        words = self.tr("Enter the survey")
        text = f"{words} ({SURVEY_KEY})"
        button = QPushButton(text, objectName="careEnterSurvey")
        button.setToolTip(text)
        button.clicked.connect(lambda _c=False: self.enter_survey())
        button.hide()
        return button

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WindowShortcut
        QShortcut(QKeySequence("F2"), self, self.kind_filter.setFocus, context=context)
        QShortcut(QKeySequence("F5"), self, self.refresh, context=context)
        for key, _name, _text, slot in self._actions():
            QShortcut(QKeySequence(key), self, slot, context=context)
        QShortcut(QKeySequence(SURVEY_KEY), self, self.enter_survey, context=context)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.reload()
        self.tree.focus_list()

    # -- loading ---------------------------------------------------------------------------------

    def export_filter(self) -> CareFilter:
        """The tasks the list shows: open, due by today, of the kind and staff chosen."""
        staff_id, pool, kinds = self._filter()
        return CareFilter(staff_id=staff_id, pool=pool, kinds=kinds, open_only=True,
                          period=Period(until=self.today))

    def _filter(self) -> tuple[int | None, bool, frozenset[CareKind] | None]:
        kind = self.kind_filter.currentData()
        kinds = frozenset({CareKind(kind)}) if kind else None
        staff = self.staff_filter.currentData() if self.manager else EVERYONE
        return (staff if staff not in (EVERYONE, POOL) else None), staff == POOL, kinds

    @Slot()
    def reload(self) -> None:
        """Read the list (and a manager's overview) off the UI thread."""
        self._seq += 1
        services, actor, day = self._services, self._actor, self.today
        staff_id, pool, kinds = self._filter()
        manager, want_staff = self.manager, self.manager and self.staff_filter.count() <= 2

        def load() -> Loaded:
            due = services.care.due_list(actor, day, staff_id=staff_id, pool=pool, kinds=kinds)
            days = services.care.staff_day(actor, day) if manager else ()
            staff = _managers(services, actor) if want_staff else None
            return due, days, staff

        self._worker.submit(load, partial(self._loaded, seq=self._seq), self._failed)

    def refresh(self) -> None:
        """F5: read the list again, and go to it."""
        self.reload()
        self.tree.focus_list()

    def _loaded(self, loaded: Loaded, seq: int) -> None:
        if seq != self._seq:
            return  # a later read is on its way
        due, days, staff = loaded
        if staff is not None and self.staff_filter.count() <= 2:  # once, if two reads crossed
            for staff_id, name in staff:
                self.staff_filter.addItem(name, staff_id)
        self.show_list(due, days)

    def show_list(self, due: DueList, days: tuple[StaffDay, ...] = ()) -> None:
        self.due = due
        self.tree.show_list(due)
        if self.tree.current_task() is None:
            self.tree.choose_first()
        self.summary.setText(self._summary(due))
        self.staff_days.setText(self._staff_days(days))
        self._show_current()

    def _summary(self, due: DueList) -> str:
        if not due.tasks and self._filter() != (None, False, None):
            return self.tr("Nothing due today matches the filters.")
        if not due.tasks:
            return self.tr("Nothing is due today.")
        text = self.tr("{n} tasks due").format(n=due.total or len(due.tasks))
        if due.more:
            text += " · " + self.tr("the first {shown} shown").format(shown=len(due.tasks))
        return text

    def _staff_days(self, days: tuple[StaffDay, ...]) -> str:
        if not days:
            return ""
        parts = [self.tr("{name}: {open} open, {done} done").format(
            name=d.name or self.tr("The pool"), open=d.open, done=d.done) for d in days]
        return self.tr("Today: ") + " · ".join(parts)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.say(error_text(exc))
        elif isinstance(exc, StorageError):
            show_storage_error(self, exc)
        else:
            raise exc

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _show_current(self) -> None:
        task = self.tree.current_task()
        self.panel.show_task(task)
        self.gift_button.setVisible(task is not None and task.channel is CareChannel.GIFT)
        self.survey_button.setVisible(task is not None and task.kind is CareKind.SURVEY)

    # -- actions ---------------------------------------------------------------------------------

    def _need_task(self) -> DueTask | None:
        task = self.tree.current_task()
        if task is None:
            self.say(self.tr("Choose a task in the list first (F5)."))
        return task

    def _open(self, dialog: TaskDialog) -> None:
        dialog.saved.connect(partial(self._worked, dialog))
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _worked(self, dialog: TaskDialog | SurveyDialog) -> None:
        self.say(dialog.done_text())
        self.reload()
        self.changed.emit()

    @Slot(int)
    def _dialog_closed(self, _result: int) -> None:
        """The window takes the keys again (a window manager does it; a kiosk has none)."""
        self.activateWindow()
        self.tree.setFocus()

    def log_call(self) -> None:
        """Enter or F3: log a call (a complaint deadline's task opens its case instead)."""
        task = self._need_task()
        if self.panel.complaint_ref() is not None:
            self.panel.open_case()
        elif task is not None and task.is_batch:
            self.say(self.tr("A batch message goes to many clients: export it (F6), send it, "
                             "then mark it sent (F4)."))
        elif task is not None:
            self._open(CallDialog(self._services, self._actor, task, self))

    def snooze(self) -> None:
        if (task := self._need_task()) is not None:
            self._open(SnoozeDialog(self._services, self._actor, task, self.today, self))

    def skip(self) -> None:
        if (task := self._need_task()) is not None:
            self._open(SkipDialog(self._services, self._actor, task, self))

    def reassign(self) -> None:
        if (task := self._need_task()) is not None:
            staff = [(self.staff_filter.itemData(i), self.staff_filter.itemText(i))
                     for i in range(2, self.staff_filter.count())]
            self._open(ReassignDialog(self._services, self._actor, task, staff, self))

    def give_gift(self) -> None:
        task = self._need_task()
        if task is not None and task.channel is not CareChannel.GIFT:
            self.say(self.tr("This task has no gift: log the call (F3)."))
        elif task is not None:
            self._open(GiftDialog(self._services, self._actor, task, self.today, self))

    def enter_survey(self) -> None:
        """A survey call's answers (the call is logged as reached and the task closed)."""
        task = self._need_task()
        if task is None:
            return
        if task.kind is not CareKind.SURVEY or task.client_id is None:
            self.say(self.tr("This task is not a survey call: log the call (F3)."))
        else:
            visit = task.detail.get("visit_id")
            dialog = SurveyDialog(self._services, self._actor, self._worker,
                                  client_id=task.client_id,
                                  visit_id=visit if isinstance(visit, int) else None,
                                  task_id=task.task_id, client_name=task.client_name,
                                  parent=self)
            dialog.saved.connect(lambda _r: self._worked(dialog))
            dialog.finished.connect(self._dialog_closed)
            self.dialog = dialog
            dialog.open()

    def copy_message(self) -> None:
        task = self._need_task()
        if task is None:
            return
        if not task.suggested_message:
            self.say(self.tr("This task has no message to copy: it is a call."))
            return
        QGuiApplication.clipboard().setText(task.suggested_message)
        self.say(self.tr("The message is copied: paste it into WeChat or an SMS, then mark "
                         "it sent (F4)."))

    def mark_sent(self) -> None:
        tasks = self.tree.chosen_tasks()
        if not tasks:
            self.say(self.tr("Choose a task in the list first (F5)."))
            return
        ids = [t.task_id for t in tasks]
        try:
            count = self._services.care.mark_sent(self._actor, ids, key=uuid.uuid4().hex)
        except DomainError as exc:
            self.say(error_text(exc))
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.say(self.tr("{n} messages marked sent.").format(n=count))
        self.reload()
        self.changed.emit()

    # -- export ----------------------------------------------------------------------------------

    def _ask_export_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export messages for the SMS gateway"),
            str(Path.home() / _file_name(self.today)),
            self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        return path

    def export(self) -> None:
        tasks = self.tree.chosen_tasks()
        if not tasks:
            self.say(self.tr("Choose the tasks to export first (Shift+arrows or Ctrl+click)."))
            return
        path = self.ask_path()
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_suffix(".xlsx")
        services, actor, ids = self._services, self._actor, [t.task_id for t in tasks]
        self.say(self.tr("Exporting…"))
        self._worker.submit(lambda: services.care.export_messages(actor, ids, target),
                            partial(self._exported, path=target), self._failed)

    def _exported(self, result: ExportResult, path: Path) -> None:
        text = self.tr("{n} messages written to {file}; send them, then mark them sent "
                       "(F4).").format(n=result.rows, file=path.name)
        if result.left_out:
            text += " " + self.tr("{n} clients without consent were left out.").format(
                n=result.left_out)
        self.say(text)
        self.exported = path


def _file_name(day: dt.date) -> str:
    return f"care-{day.year}{day.month:02}{day.day:02}.xlsx"


def _managers(services: Services, actor: Actor) -> tuple[tuple[int, str], ...]:
    """The staff a manager can filter by: the client managers (id, name)."""
    return tuple((r.staff_id, r.name) for r in services.care_books.client_managers(actor))
