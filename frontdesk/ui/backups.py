"""Backups while the program runs: the timer, the desk's warning, and the texts both show.

:class:`BackupScheduler` ticks every ten minutes (and once as the first window
opens); each tick asks the backup service, on a worker thread of its own, to
make the daily backup if it is due, and a tick that comes while a backup runs
is skipped (STYLE.md). Its own thread, not the desk's worker: a backup of a
large store takes seconds, and the desk's searches must not queue behind it.
Every finished job reports the backup status, which the desk's banner
(:class:`BackupBanner`) and the settings page show. At close,
:meth:`BackupScheduler.at_close` makes one more backup.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.backup.service import CLOSE, BackupService, BackupStatus, BackupWarning
from frontdesk.storage.state import Attempt
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.worker import DbWorker

log = logging.getLogger(__name__)

TICK_MS = 10 * 60_000
"""How often the scheduler asks whether the daily backup is due."""
Outcome = tuple[BackupStatus, DomainError | StorageError | None]
"""What a job on the backup thread reports: the status, and the refusal of "back up now"."""


class BackupScheduler(QObject):
    """The daily backup on a timer, "back up now", and the status both report."""

    status_changed = Signal(object)  # BackupStatus
    backed_up_now = Signal(object)  # "back up now" ended: None, or its DomainError/StorageError

    def __init__(self, service: BackupService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        # No Qt parent: the worker lives while its thread still has a job to report, even if
        # the window that made this scheduler is deleted first (a report from a thread to a
        # deleted object would crash); a report that finds this scheduler gone is dropped.
        self._worker = DbWorker()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.busy = False
        self.status: BackupStatus | None = None

    def start(self) -> None:
        """Tick now and then every :data:`TICK_MS`."""
        self._timer.start()
        QTimer.singleShot(0, self.tick)

    @Slot()
    def tick(self) -> None:
        self._run(self._daily)

    def back_up_now(self, actor: Actor) -> bool:
        """A manager's backup; False (nothing started) while another backup runs."""
        return self._run(lambda: self._now(actor), self._now_done)

    def refresh(self) -> None:
        """Report the status again (after a change of folder, say); queued behind a backup
        that is running, and never counted as one."""
        self._worker.submit(lambda: (self._service.status(), None), self._report, self._failed)

    def _run(self, job: Callable[[], Outcome],
              then: Callable[[Outcome], None] | None = None) -> bool:
        if self.busy:
            return False
        self.busy = True
        self._worker.submit(job, then or self._done, self._failed)
        return True

    def _daily(self) -> Outcome:
        try:
            self._service.run_if_due()
        except (DomainError, StorageError):  # recorded in the state: the settings page says why
            log.warning("the daily backup failed")
        return self._service.status(), None

    def _now(self, actor: Actor) -> Outcome:
        try:
            self._service.back_up_now(actor)
        except (DomainError, StorageError) as exc:
            return self._service.status(), exc
        return self._service.status(), None

    def _done(self, outcome: Outcome) -> None:
        if not isValid(self):
            return
        self.busy = False
        self._report(outcome)

    def _now_done(self, outcome: Outcome) -> None:
        self._done(outcome)
        if isValid(self):
            self.backed_up_now.emit(outcome[1])

    def _report(self, outcome: Outcome) -> None:
        if not isValid(self):
            return
        self.status = outcome[0]
        self.status_changed.emit(self.status)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        raise exc  # a bug: the crash dialog (see ui.errors.install_excepthook)

    def stop(self) -> None:
        """Stop ticking, let a running job finish, and take in its report now (a report still
        queued when the scheduler is deleted would arrive from a deleted sender)."""
        self._timer.stop()
        self._worker.shutdown()
        QCoreApplication.sendPostedEvents(self._worker, QEvent.Type.MetaCall)

    def at_close(self) -> None:
        """Stop, and make the backup at close (on this thread: the windows are gone)."""
        self.stop()
        if not self._service.status().available:
            return
        try:
            self._service.back_up(CLOSE)
        except (DomainError, StorageError):
            log.warning("the backup at close failed; the settings page says why")


def megabytes(size: int) -> str:
    """A file's size as people read it on both languages' screens (``12.3 MB``)."""
    return f"{QLocale().toString(size / 1_000_000, 'f', 1)} MB"


class BackupTexts(QObject):
    """The words for backups that the banner and the settings page share (one tr() context)."""

    @staticmethod
    def when(at: dt.datetime) -> str:
        """A moment in local time, as the storage dialog writes it too."""
        return datetime_text(at)

    def warning(self, status: BackupStatus) -> str:
        if status.warning is BackupWarning.FOLDER_MISSING:
            return self.tr("The backup folder {folder} cannot be found: plug in the backup disk, "
                           "or ask a manager to choose another folder in Settings."
                           ).format(folder=status.folder)
        if status.warning is BackupWarning.NEVER:
            return self.tr("No backup of this store has been made yet. A manager can make one "
                           "in Settings.")
        if status.warning is BackupWarning.OLD and status.last_good is not None:
            return self.tr("The last good backup is from {when}, more than two days ago. "
                           "Ask a manager to check the backups in Settings."
                           ).format(when=self.when(status.last_good.at))
        return ""

    def last_good(self, status: BackupStatus) -> str:
        good = status.last_good
        if good is None:
            return self.tr("none yet")
        return self.tr("{when}, {size}, in {path}").format(
            when=self.when(good.at), size=megabytes(good.size), path=good.path)

    def failure(self, attempt: Attempt | None) -> str:
        if attempt is None or attempt.ok:
            return ""
        reason = error_text(DomainError(attempt.template, **attempt.params))
        return self.tr("The last try, {when}, failed: {reason}").format(
            when=self.when(attempt.at), reason=reason)


class BackupBanner(QLabel):
    """The desk's warning about backups: hidden while the last good backup is recent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupWarning")
        self.setWordWrap(True)
        self.hide()

    @Slot(object)
    def show_status(self, status: BackupStatus) -> None:
        text = BackupTexts().warning(status)
        self.setText(text)
        self.setVisible(bool(text))
