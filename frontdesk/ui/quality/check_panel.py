"""One spot check: its sampled calls, each judged by a key, and the month's summary.

In the calls' list P (or 1) passes the chosen call and F (or 2) fails it, with the note
typed below (a fail needs one: the cursor goes there; Enter in the note fails the call
with it); the next call still to judge is chosen. Ctrl+Enter finishes the check with its
summary once every call is judged. The verdicts and the finish are quick one-row
writes, made on the UI thread; a call someone else judged meanwhile is refused, and the
list shows the check afresh.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import ConflictError, DomainError
from frontdesk.models.survey import Verdict
from frontdesk.services.quality.views import CheckDetail, ItemView
from frontdesk.services.registry import Services
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.quality.labels import call_text, month_text, verdict_text
from frontdesk.ui.views import WrappingColumn

KEYS = {Qt.Key.Key_P: Verdict.PASS, Qt.Key.Key_1: Verdict.PASS,
        Qt.Key.Key_F: Verdict.FAIL, Qt.Key.Key_2: Verdict.FAIL}
CALL_COLUMN, VERDICT_COLUMN = 3, 4


class CallsTree(QTreeWidget):
    """The sampled calls; P or 1, F or 2 ask for the chosen call's verdict (``verdict``)."""

    verdict = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.verdict.emit(KEYS[key])
            return
        super().keyPressEvent(event)


class CheckPanel(QWidget):
    """The chosen check (see the module docstring); ``changed`` after a verdict or the finish."""

    changed = Signal(int)
    """The check's id: its counts changed (the list of checks reads them again)."""
    stale = Signal(int)
    """The check changed on another terminal: read it again."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor = services, actor
        self.detail: CheckDetail | None = None
        self._rows: list[QTreeWidgetItem] = []
        self._counted = ""
        self.refusal: ConflictError | None = None
        """Said again once the check is read afresh (another terminal changed it)."""
        """The results the counts said last (replaced as they change, unless edited)."""
        self.title = QLabel(objectName="checkTitle", wordWrap=True)
        self.items = self._items_tree()
        self.note = QLineEdit(objectName="verdictNote")
        self.note.setPlaceholderText(self.tr("Note on the call (Enter: fail it with this note)"))
        self.note.returnPressed.connect(self._fail_with_note)
        self.pass_button = QPushButton(self.tr("Pass (P)"), objectName="passCall")
        self.pass_button.clicked.connect(self._pass)
        self.fail_button = QPushButton(self.tr("Fail (F)"), objectName="failCall")
        self.fail_button.clicked.connect(self._fail_with_note)
        self.summary = {name: QPlainTextEdit(objectName=f"summary_{name}")
                        for name in ("content", "results", "problems", "fixes")}
        for edit in self.summary.values():
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 16)
        self.finish_button = QPushButton(self.tr("Finish the check (Ctrl+Enter)"),
                                         objectName="finishCheck")
        self.finish_button.clicked.connect(self.finish)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.finish)
        self.error_line = QLabel(objectName="checkError")
        self.errors = FormErrors(self.error_line)
        """Every refusal shows in one line above the finish (the cursor goes to its field)."""
        self._lay_out()
        self.show_detail(None)

    def _items_tree(self) -> QTreeWidget:
        tree = CallsTree()
        tree.setObjectName("sampledCalls")
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels([self.tr("When"), self.tr("Client"), self.tr("Client manager"),
                              self.tr("Call"), self.tr("Verdict")])
        WrappingColumn.install(tree, CALL_COLUMN)
        WrappingColumn.install(tree, VERDICT_COLUMN)
        header = tree.header()
        header.setStretchLastSection(False)
        for column in (CALL_COLUMN, VERDICT_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        tree.verdict.connect(self.judge)
        return tree

    def _lay_out(self) -> None:
        verdict = QHBoxLayout()
        verdict.addWidget(self.note, 1)
        verdict.addWidget(self.pass_button)
        verdict.addWidget(self.fail_button)
        grid = QGridLayout()
        words = {"content": self.tr("What was checked"), "results": self.tr("Results"),
                 "problems": self.tr("Problems found"), "fixes": self.tr("Fixes and suggestions")}
        for n, (name, edit) in enumerate(self.summary.items()):
            label = QLabel(words[name])
            label.setBuddy(edit)
            grid.addWidget(label, (n // 2) * 2, n % 2)
            grid.addWidget(edit, (n // 2) * 2 + 1, n % 2)
        foot = QHBoxLayout()
        foot.addWidget(self.finish_button)
        foot.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.items, 1)
        layout.addLayout(verdict)
        layout.addLayout(grid)
        layout.addWidget(self.error_line)
        layout.addLayout(foot)

    # -- showing -------------------------------------------------------------------------------

    def show_detail(self, detail: CheckDetail | None) -> None:
        """Show ``detail``; the same check read afresh keeps the summary being typed."""
        chosen = self.chosen()
        same = detail is not None and self.detail is not None \
            and detail.check.check_id == self.detail.check.check_id
        self.detail = detail
        self.items.clear()
        self._rows = []
        self.errors.clear()
        open_ = detail is not None and not detail.check.finished
        for widget in (self.note, self.pass_button, self.fail_button, self.finish_button,
                       *self.summary.values()):
            widget.setEnabled(open_)
        if detail is None:
            self.title.setText(self.tr("Choose a spot check, or start one."))
            for edit in self.summary.values():
                edit.clear()
            return
        check = detail.check
        self.title.setText(self.tr("Spot check of {month} by {name}: {sampled} calls, {passed} "
                                   "passed, {failed} failed, {pending} to judge").format(
            month=month_text(check.month), name=check.inspector_name, sampled=check.sampled,
            passed=check.passed, failed=check.failed, pending=check.pending))
        self._rows = [QTreeWidgetItem(self.items, self._cells(item)) for item in detail.items]
        for column in range(CALL_COLUMN):
            self.items.resizeColumnToContents(column)
        self._fill_summary(keep_typed=same and not check.finished)
        self._choose(chosen.item_id if chosen else None)
        if self.refusal is not None:
            self.errors.show(self.refusal)
            self.refusal = None

    def _cells(self, item: ItemView) -> list[str]:
        return [datetime_text(item.at), f"{item.client_name}\n{item.phone}", item.staff_name,
                call_text(item), verdict_text(item)]

    def _fill_summary(self, keep_typed: bool) -> None:
        """The check's summary; an unfinished one's results say its counts until the
        inspector writes their own."""
        assert self.detail is not None
        check = self.detail.check
        results = self.summary["results"]
        counted = results.toPlainText() in ("", self._counted)
        if not keep_typed:
            for name, edit in self.summary.items():
                edit.setPlainText(getattr(check, name))
            counted = not check.results
        self._counted = self.tr("{sampled} calls checked: {passed} passed, {failed} "
                                "failed").format(sampled=check.sampled, passed=check.passed,
                                                 failed=check.failed)
        if not check.finished and counted:
            results.setPlainText(self._counted)

    def _choose(self, item_id: int | None) -> None:
        """The call ``item_id`` if given, else the first still to judge, else the first."""
        if self.detail is None or not self.detail.items:
            return
        items = self.detail.items
        ids = [i.item_id for i in items]
        at = ids.index(item_id) if item_id in ids else next(
            (n for n, i in enumerate(items) if i.verdict is Verdict.PENDING), 0)
        self.items.setCurrentItem(self._rows[at])

    def chosen(self) -> ItemView | None:
        row = self.items.currentIndex().row()
        if self.detail is None or not 0 <= row < len(self.detail.items):
            return None
        return self.detail.items[row]

    # -- judging and finishing -----------------------------------------------------------------

    @Slot()
    def _pass(self) -> None:
        self.judge(Verdict.PASS)

    @Slot()
    def _fail_with_note(self) -> None:
        self.judge(Verdict.FAIL)

    @Slot(object)
    def judge(self, verdict: Verdict) -> None:
        item = self.chosen()
        if item is None or self.detail is None or self.detail.check.finished:
            return
        try:
            judged = self._services.quality.judge(self._actor, item.item_id, verdict,
                                                  self.note.text(), was=item.verdict)
        except ConflictError as exc:
            self.refusal = exc
            self.stale.emit(self.detail.check.check_id)
            return
        except DomainError as exc:
            self.errors.show(exc)
            if exc.field == "note":
                self.note.setFocus()
            return
        self.note.clear()
        self.items.setFocus()
        self._after_judging(judged)

    def _after_judging(self, judged: ItemView) -> None:
        assert self.detail is not None
        self.errors.clear()
        row = next(n for n, i in enumerate(self.detail.items) if i.item_id == judged.item_id)
        self._rows[row].setText(VERDICT_COLUMN, verdict_text(judged))
        self.detail = CheckDetail(self.detail.check, tuple(
            judged if i.item_id == judged.item_id else i for i in self.detail.items))
        following = [n for n, i in enumerate(self.detail.items)
                     if i.verdict is Verdict.PENDING and n > row] or \
            [n for n, i in enumerate(self.detail.items) if i.verdict is Verdict.PENDING]
        if following:
            self.items.setCurrentItem(self._rows[following[0]])
        self.changed.emit(self.detail.check.check_id)

    @Slot()
    def finish(self) -> None:
        if self.detail is None or self.detail.check.finished:
            return
        check = self.detail.check
        texts = {name: edit.toPlainText() for name, edit in self.summary.items()}
        try:
            self._services.quality.finish(self._actor, check.check_id, check.version, **texts)
        except ConflictError as exc:
            self.refusal = exc
            self.stale.emit(check.check_id)
            return
        except DomainError as exc:
            self.errors.show(exc)
            if exc.field in self.summary:
                self.summary[exc.field].setFocus()
            return
        self.changed.emit(check.check_id)
