"""The tiers' sweep, run by every open window: at start and every hour, on the worker thread,
it grades again the clients whose tier's period has ended (``TierService.reassess_expired``,
the only way down). Idempotent, so several terminals running it do no harm: the second finds
the tier renewed or lowered already.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from frontdesk.errors import StorageError
from frontdesk.services.cards.tiers import TierChange, TierService
from frontdesk.ui.worker import DbWorker

EVERY_MS = 60 * 60 * 1000
log = logging.getLogger(__name__)


class TierSweep(QObject):
    swept = Signal(int)
    """How many clients' tiers changed."""

    def __init__(self, tiers: TierService, worker: DbWorker, parent: QObject | None = None,
                 *, every_ms: int = EVERY_MS) -> None:
        super().__init__(parent)
        self._tiers, self._worker = tiers, worker
        self._busy = False
        self._timer = QTimer(self, interval=every_ms)
        self._timer.timeout.connect(self.run)

    def start(self) -> None:
        self._timer.start()
        self.run()

    @Slot()
    def run(self) -> None:
        if self._busy:
            return  # the last sweep is still going
        self._busy = True
        self._worker.submit(self._tiers.reassess_expired, self._done, self._failed)

    def _done(self, changes: list[TierChange]) -> None:
        self._busy = False
        self.swept.emit(len(changes))

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if not isinstance(exc, StorageError):
            raise exc  # a bug: the crash dialog and its log
        log.warning("tier sweep: %s; trying again at the next tick", exc.problem.value)
