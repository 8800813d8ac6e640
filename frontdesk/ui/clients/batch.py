"""Sheets for several clients (today's visitors, or the search results) written into a folder.

The batch runs on the worker thread: each sheet's data is read just before it
is rendered (a lazy sequence handed to ``render_batch``), progress comes back by
queued signal to a QProgressDialog showing n/total, and Cancel stops the batch
after the sheet being written. The window stays usable throughout.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import overload

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.services.registry import Services
from frontdesk.services.sheet.data import SheetData
from frontdesk.services.sheet.words import SheetWords

MAX_BATCH = 100


class LazySheets(Sequence[SheetData]):
    """The sheets of ``client_ids`` in ``words``, each read from the database when reached."""

    def __init__(self, services: Services, actor: Actor, client_ids: Sequence[int],
                 words: SheetWords) -> None:
        self._services, self._actor = services, actor
        self._ids, self._words = list(client_ids), words

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> SheetData: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[SheetData]: ...

    def __getitem__(self, index: int | slice) -> SheetData | Sequence[SheetData]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._services.sheet.sheet_data(self._actor, self._ids[index], self._words,
                                               via="batch")


class BatchJob(QObject):
    """One batch: ``run`` on the worker thread; ``progressed`` reaches the UI thread queued."""

    progressed = Signal(int, int)  # sheets written, total

    def __init__(self, services: Services, actor: Actor, client_ids: Sequence[int],
                 folder: str, words: SheetWords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items = LazySheets(services, actor, client_ids[:MAX_BATCH], words)
        self.folder = folder
        self._cancelled = threading.Event()

    @property
    def total(self) -> int:
        return len(self.items)

    @Slot()
    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> list[Path]:
        """Write the sheets (worker thread); returns the files written."""
        # The renderer brings reportlab (~0.1 s): loaded by the first batch, not with the window.
        from frontdesk.services.sheet.pdf import render_batch

        return render_batch(self.items, self.folder, progress=self.progressed.emit,
                            cancelled=self._cancelled.is_set)


class BatchProgress(QProgressDialog):
    """n/total while a batch writes; Cancel asks the job to stop after the current sheet."""

    def __init__(self, job: BatchJob, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("batchProgress")
        self.setMinimumWidth(420)
        self.setWindowTitle(self.tr("Client analysis sheets"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setRange(0, job.total)
        self.setMinimumDuration(0)
        self.setAutoClose(False)  # the page closes it when the job has ended
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.show_progress(0, job.total)
        job.progressed.connect(self.show_progress)  # queued: the job emits on the worker
        self.canceled.connect(job.cancel)

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        self.setValue(done)
        self.setLabelText(self.tr("Writing sheets: {done}/{total}").format(done=done,
                                                                           total=total))


class BatchDialog(QDialog):
    """Whose sheets (today's visitors or the search results) and into which folder."""

    def __init__(self, today: Sequence[int], found: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setWindowTitle(self.tr("Sheets for several clients"))
        self.setMinimumWidth(560)
        self._sets = {"today": list(today), "found": list(found)}
        self.today = QRadioButton(self.tr("Today's visitors ({n})").format(n=len(today)),
                                  objectName="batchToday")
        self.found = QRadioButton(self.tr("The current search results ({n})")
                                  .format(n=len(found)), objectName="batchFound")
        self.today.setEnabled(bool(today))
        self.found.setEnabled(bool(found))
        (self.today if today else self.found).setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Clients"), self.today)
        form.addRow("", self.found)
        form.addRow(self.tr("Folder"), self._folder_row())
        form.addRow(self._buttons())

    def _folder_row(self) -> QHBoxLayout:
        self.folder = QLineEdit(str(Path.home()), objectName="batchFolder")
        choose = QPushButton(self.tr("Choose…"), objectName="batchChooseFolder")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        return row

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write the sheets"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    @Slot()
    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the sheets"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def client_ids(self) -> list[int]:
        return self._sets["today" if self.today.isChecked() else "found"][:MAX_BATCH]
