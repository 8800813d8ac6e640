"""A long job (an import, an export) on the worker thread, behind a modal progress dialog.

:class:`JobDialog` runs one callable on :class:`~frontdesk.ui.worker.DbWorker`, passing it a
fresh :class:`threading.Event` (its Cancel) and a progress callback the job may call from the
worker thread as often as it likes: the callback throttles itself to about ten updates a
second and reaches the dialog by a queued signal, so the window never freezes. Cancel (or
Esc) sets the event; the job raises :class:`~frontdesk.core.jobs.Cancelled`, its transaction
rolls back, and the dialog closes and says so through :attr:`JobDialog.cancelled`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.jobs import Cancelled, Progress
from frontdesk.ui.errors import error_text
from frontdesk.ui.worker import DbWorker

Job = Callable[[threading.Event, Progress], Any]
"""``job(cancel, progress)``: the work, run on the worker thread."""
UPDATE_EVERY_S = 0.1
"""At most about ten progress updates a second reach the screen."""


STAGES = {
    "read": ("reading", "read", "open"),
    "check": ("checking", "normalising", "validating", "rows"),
    "compare": ("classifying", "matching", "comparing"),
    "save": ("saving", "importing", "committing", "import", "commit", "clients"),
    "write": ("writing", "exporting", "export"),
    "report": ("report",),
}
"""The stage words jobs report (see core/jobs.py), grouped by what the screen says."""


def stage_text(stage: str) -> str:
    """A job's stage (a short English word, see core/jobs.py) in the screens' language."""
    translate = QCoreApplication.translate
    says = {
        "read": translate("JobStage", "Reading the file…"),
        "check": translate("JobStage", "Checking the rows…"),
        "compare": translate("JobStage", "Comparing with the clients already here…"),
        "save": translate("JobStage", "Saving…"),
        "write": translate("JobStage", "Writing the file…"),
        "report": translate("JobStage", "Writing the report…"),
    }
    for group, words in STAGES.items():
        if stage.lower() in words:
            return says[group]
    return translate("JobStage", "Working…")


class ThrottledProgress:
    """A thread-safe progress callback: at most one update per :data:`UPDATE_EVERY_S`
    (the first, a change of stage and the last always pass), sent by ``emit``."""

    def __init__(self, emit: Callable[[str, int, int], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._emit, self._clock = emit, clock
        self._last = -1e9
        self._stage = ""
        self._lock = threading.Lock()

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            now = self._clock()
            final = total > 0 and done >= total
            if stage == self._stage and not final and now - self._last < UPDATE_EVERY_S:
                return
            self._last, self._stage = now, stage
        self._emit(stage, done, total)


class JobDialog(QDialog):
    """A bar, the stage in words and Cancel; one job per dialog.

    Exactly one of :attr:`succeeded` (the job's result), :attr:`failed` (its exception, not a
    cancel) or :attr:`cancelled` is emitted, once the job has ended and the dialog closed.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    _progressed = Signal(str, int, int)

    def __init__(self, worker: DbWorker, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self._worker = worker
        self.cancel_event = threading.Event()
        self.running = False
        self.stage = QLabel(stage_text(""), objectName="jobStage")
        self.stage.setMinimumWidth(360)
        self.bar = QProgressBar(objectName="jobProgress")
        self.bar.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="jobCancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self._progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    def start(self, job: Job) -> None:
        """Show the dialog and run ``job(cancel, progress)`` on the worker."""
        assert not self.running, "one job per dialog"
        self.running = True
        cancel, progress = self.cancel_event, ThrottledProgress(self._progressed.emit)
        self._worker.submit(lambda: job(cancel, progress), self._finished, self._failed)
        self.open()
        self.cancel_button.setFocus()

    @Slot(str, int, int)
    def _show_progress(self, stage: str, done: int, total: int) -> None:
        if self.cancel_event.is_set():
            return
        self.stage.setText(stage_text(stage))
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, done * 1000 // total))
        else:
            self.bar.setRange(0, 0)

    def cancel(self) -> None:
        """Ask the job to stop; the dialog closes when it has (and rolled back)."""
        if not self.running:
            return
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.stage.setText(self.tr("Cancelling…"))

    def reject(self) -> None:  # Esc: the same as Cancel; the dialog waits for the job
        self.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def _end(self) -> None:
        self.running = False
        self.done(QDialog.DialogCode.Accepted.value)

    def _finished(self, result: object) -> None:
        self._end()
        self.succeeded.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(exc)


def run_job(worker: DbWorker, title: str, parent: QWidget, job: Job,
            on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None],
            on_cancelled: Callable[[], None]) -> JobDialog:
    """Run ``job`` behind a :class:`JobDialog` over ``parent``; the dialog deletes itself."""
    dialog = JobDialog(worker, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.succeeded.connect(on_done)
    dialog.failed.connect(on_failed)
    dialog.cancelled.connect(on_cancelled)
    dialog.start(job)
    return dialog


def cancelled_text() -> str:
    """What a screen says after a cancelled job."""
    return error_text(Cancelled())
