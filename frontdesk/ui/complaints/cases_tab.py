"""The complaint cases: the list (:mod:`.case_list`: open, mine, overdue or all; a reference
number, name or phone tail finds one), the chosen case beside it, and its stage actions.

Keyboard first: F2 the search · F5 read the list again and go to it · Enter in the list
takes the case's next step · F3 take a new complaint · F4 acknowledge · F6 the findings ·
F7 resolve (with a compensation) · F8 the client's feedback (close, or reopen) · F9 reopen ·
Ctrl+R assign. Only the moves the case allows now are offered (the others' buttons are
greyed); a move the service refuses anyway (another terminal moved the case) is said in
the message line and the case is read again. Overdue and escalated rows are marked in red.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
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
from frontdesk.models.complaint import ComplaintStage as Stage
from frontdesk.services.complaints.views import ComplaintCase, ComplaintRow
from frontdesk.services.exports.kinds import ComplaintExportFilter, ExportKind
from frontdesk.services.registry import Services
from frontdesk.ui.complaints.case_list import CaseList
from frontdesk.ui.complaints.case_panel import CasePanel
from frontdesk.ui.complaints.intake_dialog import HANDLERS, IntakeDialog
from frontdesk.ui.complaints.resolve_dialog import ResolveDialog
from frontdesk.ui.complaints.step_dialogs import (
    AcknowledgeDialog,
    AssignDialog,
    FeedbackDialog,
    FindingsDialog,
    ReopenDialog,
    StepDialog,
)
from frontdesk.ui.complaints.words import stage_name
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.exports.excel_button import ExcelExport
from frontdesk.ui.worker import DbWorker

Button = tuple[str, str, str, Callable[[], None]]
STEP_FROM = {"ack": Stage.INTAKE, "findings": Stage.INVESTIGATION, "resolve": Stage.RESOLUTION,
             "feedback": Stage.FEEDBACK}
"""The stage each step action is taken from."""


class CasesTab(QWidget):
    changed = Signal()
    """A case was taken or moved (the care badge counts again)."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintCases")
        self._services, self._actor, self._worker = services, actor, worker
        self.handler = allowed(actor, Action.HANDLE_COMPLAINTS)
        self.dialog: QWidget | None = None
        """The dialog open last (for tests and the look-through)."""
        self.list = CaseList(services, actor, worker)
        self.list.chosen.connect(self._load_case)
        self.list.activated.connect(self.next_step)
        self.list.failed.connect(self._failed)
        self.table = self.list.table
        self.panel = CasePanel()
        self.message = QLabel(objectName="complaintMessage")
        self.message.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        self.excel = ExcelExport(self, services, actor, worker, ExportKind.COMPLAINTS,
                                 self.export_filter, self.message.setText)
        self.list.top.addWidget(self.excel.button)
        self._build()
        self._shortcuts()

    # -- building --------------------------------------------------------------------------------

    def _actions(self) -> list[Button]:
        handle = [
            ("F4", "ack", self.tr("Acknowledge"), self.acknowledge),
            ("F6", "findings", self.tr("Findings"), self.findings),
            ("F7", "resolve", self.tr("Resolve"), self.resolve),
            ("F8", "feedback", self.tr("Feedback"), self.feedback),
            ("F9", "reopen", self.tr("Reopen"), self.reopen),
            ("Ctrl+R", "assign", self.tr("Assign"), self.assign),
        ]
        take = [("F3", "new", self.tr("New complaint"), self.new_complaint)] \
            if allowed(self._actor, Action.TAKE_COMPLAINTS) else []
        return [*take, *(handle if self.handler else [])]

    def _build(self) -> None:
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.panel, 1)
        grid = QGridLayout()
        for i, (key, name, text, slot) in enumerate(self._actions()):
            button = QPushButton(f"{text} ({key})", objectName=f"complaint_{name}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[name] = button
        side.addLayout(grid)
        side.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 460])
        QHBoxLayout(self).addWidget(splitter)
        self._offer(None)

    def export_filter(self) -> ComplaintExportFilter:
        """The cases the list shows: the filter and the text chosen."""
        shown = self.list.flt()
        return ComplaintExportFilter(open_only=shown.open_only, mine=shown.mine,
                                     overdue_only=shown.overdue_only, text=shown.text)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WindowShortcut
        QShortcut(QKeySequence("F2"), self, self.list.focus_search, context=context)
        QShortcut(QKeySequence("F5"), self, self.refresh, context=context)
        for key, _name, _text, slot in self._actions():
            QShortcut(QKeySequence(key), self, slot, context=context)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.reload()
        self.table.setFocus()

    # -- the list --------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the list again (the chosen case stays chosen)."""
        if not allowed(self._actor, Action.TAKE_COMPLAINTS):
            self.say(self.tr("Complaints are taken and handled by the desk, the complaint "
                             "handlers and the managers."))
            return
        self.list.reload()

    def refresh(self) -> None:
        self.reload()
        self.table.setFocus()

    def open_case(self, complaint_id: int | None, ref_no: str = "") -> None:
        self.list.open_case(complaint_id, ref_no)

    @property
    def rows(self) -> list[ComplaintRow]:
        return self.list.rows

    def current_row(self) -> ComplaintRow | None:
        return self.list.current_row()

    def _load_case(self) -> None:
        row = self.current_row()
        if row is None:
            self.show_case(None)
            return
        services, actor = self._services, self._actor
        self._worker.submit(lambda: services.complaints.case(actor, row.complaint_id),
                            self._case_loaded, self._failed)

    def _case_loaded(self, case: ComplaintCase) -> None:
        row, shown = self.current_row(), self.panel.case
        if row is None or row.complaint_id != case.row.complaint_id:
            return  # another case was chosen meanwhile
        if shown is not None and shown.row.complaint_id == case.row.complaint_id \
                and shown.row.version > case.row.version:
            return  # a read from before the last move: the panel is newer
        self.show_case(case)

    def show_case(self, case: ComplaintCase | None) -> None:
        self.panel.show_case(case)
        self._offer(case)

    def _offer(self, case: ComplaintCase | None) -> None:
        """Grey the moves the case does not allow now."""
        for name, button in self.buttons.items():
            button.setEnabled(name == "new" or self._can(name, case))

    @staticmethod
    def _can(name: str, case: ComplaintCase | None) -> bool:
        if case is None:
            return False
        stage, moves = case.row.stage, case.allowed_moves
        if name == "reopen":
            return stage in (Stage.FEEDBACK, Stage.CLOSED) and Stage.INVESTIGATION in moves
        if name == "assign":
            return stage is not Stage.CLOSED
        return STEP_FROM.get(name) is stage and bool(moves)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.say(error_text(exc))
        elif isinstance(exc, StorageError):
            show_storage_error(self, exc)
        else:
            raise exc

    def say(self, text: str) -> None:
        self.message.setText(text)

    # -- actions ---------------------------------------------------------------------------------

    def new_complaint(self, client_id: int | None = None) -> None:
        dialog = IntakeDialog(self._services, self._actor, self._worker, client_id=client_id,
                              parent=self)
        dialog.taken.connect(self._taken)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _taken(self, row: ComplaintRow) -> None:
        self.say(self.tr("Complaint {ref} taken.").format(ref=row.ref_no))
        self.list.want = row.complaint_id
        self.reload()
        self.changed.emit()

    def _step(self, name: str, make: Callable[[ComplaintCase], StepDialog]) -> None:
        case = self.panel.case
        if case is None:
            self.say(self.tr("Choose a complaint in the list first (F5)."))
            return
        if not self._can(name, case):
            self.say(self.tr("This case at {stage} cannot take that step now.").format(
                stage=stage_name(case.row.stage)))
            return
        self.open_step(make(case))

    def open_step(self, dialog: StepDialog) -> None:
        dialog.saved.connect(self._moved)
        dialog.finished.connect(self._dialog_closed)
        dialog.rejected.connect(self._load_case)  # a refused move: the case as it is now
        self.dialog = dialog
        dialog.open()

    def _moved(self, case: ComplaintCase) -> None:
        self.say(self.tr("{ref} is now at {stage}.").format(ref=case.row.ref_no,
                                                            stage=stage_name(case.row.stage)))
        self.show_case(case)
        self.list.want = case.row.complaint_id
        self.reload()
        self.table.setFocus()
        self.changed.emit()

    @Slot(int)
    def _dialog_closed(self, _result: int) -> None:
        """The window takes the keys again (a window manager does it; a kiosk has none)."""
        self.activateWindow()
        self.table.setFocus()

    def next_step(self) -> None:
        """Enter in the list: the case's next step."""
        case = self.panel.case
        if case is None:
            return
        step = {Stage.INTAKE: self.acknowledge, Stage.INVESTIGATION: self.findings,
                Stage.RESOLUTION: self.resolve, Stage.FEEDBACK: self.feedback}.get(case.row.stage)
        if step is not None and self.handler:
            step()

    def acknowledge(self) -> None:
        self._step("ack", lambda c: AcknowledgeDialog(self._services, self._actor, c, self))

    def findings(self) -> None:
        self._step("findings", lambda c: FindingsDialog(self._services, self._actor, c, self))

    def resolve(self) -> None:
        today = local_today(self._services.clock)
        self._step("resolve", lambda c: ResolveDialog(self._services, self._actor, c, today,
                                                      self))

    def feedback(self) -> None:
        self._step("feedback", lambda c: FeedbackDialog(self._services, self._actor, c, self))

    def reopen(self) -> None:
        self._step("reopen", lambda c: ReopenDialog(self._services, self._actor, c, self))

    def assign(self) -> None:
        owners = [(s.id, s.display_name) for s in
                  self._services.staff.active_staff(self._actor.branch_id, HANDLERS)]
        self._step("assign", lambda c: AssignDialog(self._services, self._actor, c, owners,
                                                    self))
