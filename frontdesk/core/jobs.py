"""Long jobs (an import, an export): how they report progress and how a person cancels them.

A job runs off the UI thread (:mod:`frontdesk.ui.worker`) and calls ``progress(stage,
done, total)`` now and then; the screen shows a bar. A person's Cancel sets the job's
:class:`threading.Event`; the job checks it between steps with :func:`check_cancelled`,
which raises :class:`Cancelled`, so its transaction rolls back and nothing is left
half-done (an export's half-written file is removed).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from frontdesk.errors import DomainError

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: ``stage`` is a short English word a screen translates."""


class Cancelled(DomainError):
    """The person cancelled the job; nothing was changed."""

    template = "Cancelled: nothing was changed."


def no_progress(stage: str, done: int, total: int) -> None:
    """For a job nobody watches."""


def check_cancelled(cancel: threading.Event | None) -> None:
    """Raise :class:`Cancelled` when ``cancel`` is set."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()
