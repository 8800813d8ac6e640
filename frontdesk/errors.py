"""The error tiers every layer agrees on.

- :class:`DomainError` and its subclasses: the person can act on it (a wrong
  field, a refused action). Shown inline where they are working, no modal box.
- :class:`StorageError`: the database cannot be used right now (locked, busy,
  disk full, read-only, unreachable). Shown in a dialog that says what to do.
- Anything else is a bug: logged to the log file and shown in a crash dialog.

Messages are plain English with ``{named}`` fields kept apart in ``params``, so
the UI can translate the template and fill it in; services never translate.
"""

from __future__ import annotations

import enum
from typing import Any


class DomainError(Exception):
    """A refusal the person at the desk can understand and act on."""

    template: str = "The action was refused."

    def __init__(self, template: str | None = None, *, field: str | None = None, **params: Any):
        self.template = template or self.template
        self.field = field
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English message with its fields filled in."""
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError):
            return self.template


class ValidationError(DomainError):
    """Bad input; ``field`` names the input that is wrong."""

    template = "This value is not valid."


class NotFound(DomainError):
    template = "Not found."


class PermissionDenied(DomainError):
    template = "Your role ({role}) may not {action}."


class ConflictError(DomainError):
    """Someone else changed the same record meanwhile, or the slot is taken."""

    template = "Someone else changed this record meanwhile."


class AuthError(DomainError):
    template = "Wrong user name or password."


class AccountLocked(AuthError):
    template = "Too many failed sign-ins. Try again after {until}."


class StorageProblem(enum.Enum):
    LOCKED = "locked"
    BUSY = "busy"  # PostgreSQL: deadlocks or serialization failures, still after retries
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    UNREACHABLE = "unreachable"
    NETWORK_SHARE = "network_share"
    OTHER = "other"


class StorageError(Exception):
    """The database cannot be used right now; the person must do something about it.

    ``rolled_back`` is True when the database certainly kept nothing of the transaction
    (it failed before COMMIT was sent, or the server rolled it back), so running the
    whole action again is safe; False when that is not known.
    """

    def __init__(self, problem: StorageProblem, detail: str = "", *, rolled_back: bool = False):
        self.problem = problem
        self.detail = detail
        self.rolled_back = rolled_back
        super().__init__(f"{problem.value}: {detail}")


_PATTERNS: tuple[tuple[tuple[str, ...], StorageProblem], ...] = (
    (("deadlock detected", "could not serialize access"), StorageProblem.BUSY),
    (("database is locked", "database table is locked", "busy"), StorageProblem.LOCKED),
    (("disk is full", "database or disk is full", "no space left"), StorageProblem.DISK_FULL),
    (("readonly database", "read-only", "read only"), StorageProblem.READ_ONLY),
    (("unable to open database", "connection refused", "could not connect",
      "server closed the connection", "connection timed out", "disk i/o error",
      "terminating connection due to administrator command"),
     StorageProblem.UNREACHABLE),
)


def classify_storage_error(message: str) -> StorageProblem | None:
    """The storage problem a database error message describes, or None if it is not one."""
    text = message.lower()
    for needles, problem in _PATTERNS:
        if any(needle in text for needle in needles):
            return problem
    return None
