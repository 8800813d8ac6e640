"""A set-up tab: a list on the left (read on the worker thread), the chosen row's form on the
right. Ctrl+S saves the form, Esc puts back what the row has (the edits are dropped); Tab
goes from the list through every field to the buttons. A refusal is shown under the field
it names, and nothing is saved.

A tab says what it lists (:meth:`ListFormTab.fetch`, :meth:`row_texts`), fills its form
from a row (:meth:`show_row`) and saves it (:meth:`store`, on the UI thread: one quick
write).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import ConflictError, DomainError
from frontdesk.services.registry import Services
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.worker import DbWorker


class ListFormTab(QWidget):
    loaded = Signal()
    saved = Signal()
    list_name = "rows"

    def __init__(self, services: Services, actor: Actor, worker: DbWorker, may_change: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor, self._worker = services, actor, worker
        self.may_change = may_change
        self.rows: list[Any] = []
        self.refusal: DomainError | None = None
        """Said again once the list is read afresh (another terminal changed it)."""
        self.wanted: object | None = None
        """The key (:meth:`key_of`) of the row to choose when the list arrives next."""
        self.tree = QTreeWidget(objectName=self.list_name)
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(self.headers())
        self.tree.currentItemChanged.connect(self._show_chosen)
        general = QLabel()
        self.errors = FormErrors(general)
        self.note = QLabel(objectName="setupNote", wordWrap=True)
        self.note.hide()
        self.save_button = QPushButton(
            QCoreApplication.translate("CareSetupTab", "Save (Ctrl+S)"), objectName="save")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(
            QCoreApplication.translate("CareSetupTab", "Cancel (Esc)"), objectName="cancel")
        self.cancel_button.clicked.connect(self.cancel)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Esc"), self, self.cancel)
        self.form = QFormLayout()
        self.build_form(self.form)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.save_button)
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addStretch(1)
        extras = QHBoxLayout()
        for button in self.extra_buttons():
            extras.addWidget(button)
        extras.addStretch(1)
        side = QVBoxLayout()
        side.addLayout(self.form)
        side.addWidget(general)
        side.addWidget(self.note)
        side.addLayout(self.buttons)
        side.addLayout(extras)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.tree, 3)
        layout.addLayout(side, 2)
        for widget in self.fields():
            widget.setEnabled(may_change)
        self.save_button.setEnabled(may_change)

    # what a tab says
    def headers(self) -> list[str]:
        raise NotImplementedError

    def build_form(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def fields(self) -> Sequence[QWidget]:
        """The form's inputs (switched off for a person who may not change them)."""
        raise NotImplementedError

    def extra_buttons(self) -> Sequence[QPushButton]:
        """Buttons after Save and Cancel."""
        return ()

    def fetch(self) -> Sequence[Any]:
        """The rows (runs on the worker thread)."""
        raise NotImplementedError

    def row_texts(self, row: Any) -> list[str]:
        raise NotImplementedError

    def show_row(self, row: Any) -> None:
        raise NotImplementedError

    def key_of(self, row: Any) -> object:
        """What tells a row apart across loads (a code, an id)."""
        return None

    def store(self, row: Any) -> None:
        """Save the form over ``row``; DomainError when refused."""
        raise NotImplementedError

    # the list and the form
    @Slot()
    def load(self) -> None:
        self._worker.submit(self.fetch, self._arrived, self._failed)

    def _arrived(self, rows: Sequence[Any]) -> None:
        at = max(0, self.tree.currentIndex().row())
        self.rows = list(rows)
        self.tree.blockSignals(True)
        self.tree.clear()
        items = [QTreeWidgetItem(self.tree, self.row_texts(row)) for row in self.rows]
        self.tree.blockSignals(False)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        keys = [self.key_of(row) for row in self.rows]
        if self.wanted is not None and self.wanted in keys:
            at = keys.index(self.wanted)
        self.wanted = None
        if items:
            self.tree.setCurrentItem(items[min(at, len(items) - 1)])
        self._show_chosen()
        if self.refusal is not None:
            self.errors.show(self.refusal)
            self.refusal = None
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.errors.show(exc)

    def chosen(self) -> Any | None:
        index = self.tree.currentIndex().row()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    @Slot()
    def _show_chosen(self) -> None:
        row = self.chosen()
        self.errors.clear()
        if row is not None:
            self.show_row(row)

    @Slot()
    def cancel(self) -> None:
        """Drop the edits: the form shows the chosen row again."""
        self._show_chosen()

    @Slot()
    def save(self) -> None:
        row = self.chosen()
        if not self.may_change or row is None:
            return
        try:
            self.store(row)
        except ConflictError as exc:  # another terminal changed it: show theirs, and why
            self.refusal = exc
            self.load()
            return
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.load()
        self.saved.emit()

    def say(self, text: str) -> None:
        """A line under the form (what the save started, a warning…); '' hides it."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
