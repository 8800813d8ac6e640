"""Database work off the UI thread: one worker thread, jobs in order, results by queued signal.

Quick one-row writes may stay on the UI thread; searches, reports, exports,
batches and the demo fill go here so the window never freezes. Each job calls
services, which open their own sessions.

A worker has no Qt parent, on purpose: a parent deleted while a job runs would
delete the worker with it, and the job's thread would then report to a deleted
object (a crash). Unparented, the worker lives as long as a job holds it. A
result whose receiver (the screen that asked) was deleted meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class DbWorker(QObject):
    """Runs callables on one background thread and delivers results on the UI thread."""

    _finished = Signal(object, object, object)  # on_done, on_error, result-or-exception

    def __init__(self) -> None:
        super().__init__()  # no parent: see the module docstring
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
        callback: Callable[[Any], None] = on_error if isinstance(out, BaseException) else on_done
        if _receiver_gone(callback):
            return
        callback(out)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _receiver_gone(callback: Callable[..., object]) -> bool:
    """True when ``callback`` (or the method a ``partial`` wraps) belongs to a deleted Qt object.

    Screens pass bound methods or ``functools.partial``s of them, never lambdas, so
    this can tell.
    """
    while isinstance(callback, partial):
        callback = callback.func
    receiver = getattr(callback, "__self__", None)
    return isinstance(receiver, QObject) and not shiboken6.isValid(receiver)
