"""The care engine's background timers: the scan at start, every few minutes, and when the
date rolls over at local midnight; then the badge's count and, for new due tasks, a
notification.

Everything runs on the worker thread (:class:`~frontdesk.ui.worker.DbWorker`), never two
scans at once: a tick that comes while a scan runs is remembered and runs once after it
(the midnight one must not be lost). The day is the services' clock's, read on every tick:
a machine that slept through midnight (a timer's interval does not count the sleep)
catches up at its next tick, and the midnight timer is set again from the new day. The
scan itself catches up the days the program was closed. After each scan the complaints past
their deadline are escalated to the manager (``escalate_overdue``), before the badge counts.

"New" is the rise of the open count the person sees: the count before the first scan, then
the count shown last (the page tells the timers when a task was worked, so working the
list is not mistaken for anything new).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from frontdesk.core.context import Actor, local_today
from frontdesk.services.care.views import DueCounts, ScanResult
from frontdesk.services.registry import Services
from frontdesk.ui.worker import DbWorker

log = logging.getLogger(__name__)
SCAN_MINUTES = 15
MIDNIGHT_SLACK_S = 5
"""Fire a few seconds after midnight, so the clock reads the new day."""
Scanned = tuple[ScanResult | None, DueCounts | None, DueCounts]


def ms_to_next_midnight(now: dt.datetime) -> int:
    """Milliseconds from ``now`` to a few seconds past the next local midnight."""
    local = now.astimezone()
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time()).astimezone()
    seconds = (midnight - local).total_seconds() + MIDNIGHT_SLACK_S
    return max(1000, int(seconds * 1000))


class CareTimers(QObject):
    counts_changed = Signal(object)
    """The badge's new :class:`DueCounts`."""
    new_tasks = Signal(int)
    """How many tasks became due for the person since the last count (more than none)."""
    scanned = Signal(object)
    """A scan finished: its :class:`ScanResult`."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QObject | None = None, *, minutes: int = SCAN_MINUTES) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._worker = worker
        self.busy = False
        self._again = False
        self.counts: DueCounts | None = None
        self.day: dt.date | None = None
        """The day the last tick ran on."""
        self.periodic = QTimer(self, interval=minutes * 60_000)
        self.periodic.timeout.connect(self.tick)
        self.midnight = QTimer(self, singleShot=True)
        self.midnight.timeout.connect(self.tick)
        self.starter = QTimer(self, singleShot=True)
        self.starter.timeout.connect(self.start)

    def start_in(self, ms: int) -> None:
        """Start a little later (the window shows first)."""
        self.starter.start(ms)

    def start(self) -> None:
        """Scan now, then every few minutes and at midnight."""
        self.periodic.start()
        self.tick()

    def stop(self) -> None:
        self.starter.stop()
        self.periodic.stop()
        self.midnight.stop()

    @property
    def today(self) -> dt.date:
        return local_today(self._services.clock)

    @Slot()
    def tick(self) -> None:
        """Scan on the worker (or, while one runs, once after it), then count."""
        if self.busy:
            self._again = True
            return
        if not self._window_open():
            self.stop()  # the window closed (signed out, rebuilt): its timers end with it
            return
        today = self.today
        if today != self.day or not self.midnight.isActive():
            self.day = today
            self.midnight.start(ms_to_next_midnight(self._services.clock()))
        self.busy = True
        services, actor, first = self._services, self._actor, self.counts is None

        def job() -> Scanned:
            before = services.care.counts(actor, today) if first else None
            result = services.care_scan.scan(actor.branch_id)
            services.complaints.escalate_overdue(actor.branch_id)  # the badge counts after
            return result, before, services.care.counts(actor, today)

        self._worker.submit(job, self._scanned, self._failed)

    def _scanned(self, out: Scanned) -> None:
        result, before, after = out
        self.busy = False
        if result is not None:
            self.scanned.emit(result)
        self._counted(after, before)
        self._run_again()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        log.warning("the care scan failed; the next tick tries again", exc_info=exc)
        self._run_again()

    def _run_again(self) -> None:
        if self._again:
            self._again = False
            self.tick()

    def _window_open(self) -> bool:
        parent = self.parent()
        return not isinstance(parent, QWidget) or parent.isVisible()

    @Slot()
    def refresh_counts(self) -> None:
        """Count again without a scan (a task was worked): the badge follows, no notice."""
        if not self._window_open():
            return
        services, actor, today = self._services, self._actor, self.today
        self._worker.submit(lambda: services.care.counts(actor, today),
                            self._recounted, self._count_failed)

    def _recounted(self, counts: DueCounts) -> None:
        self.counts = counts
        self.counts_changed.emit(counts)

    def _count_failed(self, exc: BaseException) -> None:
        log.warning("counting the care tasks failed", exc_info=exc)

    def _counted(self, after: DueCounts, before: DueCounts | None) -> None:
        base = before if before is not None else self.counts
        self.counts = after
        self.counts_changed.emit(after)
        new = after.open - base.open if base is not None else 0
        if new > 0:
            self.new_tasks.emit(new)
