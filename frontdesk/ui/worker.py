"""Database work off the UI thread: one worker thread, jobs in order, results by queued signal.

Quick one-row writes may stay on the UI thread; searches, reports, exports,
batches and the demo fill go here so the window never freezes. Each job calls
services, which open their own sessions.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class DbWorker(QObject):
    """Runs callables on one background thread and delivers results on the UI thread."""

    _finished = Signal(object, object, object)  # on_done, on_error, result-or-exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frontdesk-db")
        self._finished.connect(self._deliver)

    def submit(self, job: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        def run() -> None:
            try:
                out: Any = job()
            except BaseException as exc:  # delivered to on_error on the UI thread
                out = exc
            self._finished.emit(on_done, on_error, out)

        self._pool.submit(run)

    @Slot(object, object, object)
    def _deliver(self, on_done: Done, on_error: Failed, out: Any) -> None:
        if isinstance(out, BaseException):
            on_error(out)
        else:
            on_done(out)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
