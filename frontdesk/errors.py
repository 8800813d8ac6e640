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
from collections.abc import Sequence
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
        words = {key: param_word(value) if isinstance(value, enum.Enum) else value
                 for key, value in self.params.items()}
        try:
            return self.template.format(**words)
        except (KeyError, IndexError):
            return self.template


def param_word(value: enum.Enum) -> str:
    """An enum value as a word in a message ("in service" for VisitStatus.IN_SERVICE).

    A service puts the enum itself in a DomainError's params, never its stored value; the UI
    translates the word in the "DomainParam" context (tools/extract_messages.py lists them).
    """
    return str(value.value).replace("_", " ")


class ValidationError(DomainError):
    """Bad input; ``field`` names the input that is wrong."""

    template = "This value is not valid."


class FieldErrors(ValidationError):
    """Several inputs of one form are wrong: ``errors`` holds each one's refusal, in the
    form's order, so a screen can show them all at once beside their fields. Its own
    field, message and params are the first one's (for a screen or a command line that
    shows one)."""

    def __init__(self, errors: Sequence[DomainError]):
        first = errors[0]
        super().__init__(first.template, field=first.field, **first.params)
        self.errors = tuple(errors)


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
    """Refused unchecked: the name is locked out (``until``: HH:MM, ``until_at``: when)."""

    template = "Too many failed sign-ins. Try again after {until}."


class LockedOut(AuthError):
    """A wrong password that used up the last try: the name is locked from now on, until
    ``until`` (HH:MM; ``until_at``: when). It was checked, so it is no AccountLocked."""

    template = "Wrong user name or password, and too many failed sign-ins: try again after {until}."


class StorageProblem(enum.Enum):
    LOCKED = "locked"
    BUSY = "busy"  # PostgreSQL: deadlocks or serialization failures, still after retries
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    UNREACHABLE = "unreachable"
    NETWORK_SHARE = "network_share"
    OTHER = "other"
    DAMAGED = "damaged"
    NOT_A_DATABASE = "not_a_database"
    EMPTY_FILE = "empty_file"
    NEWER_SCHEMA = "newer_schema"
    ACCESS_DENIED = "access_denied"
    UPGRADE_FAILED = "upgrade_failed"


RESTORE_FROM_BACKUP = frozenset({StorageProblem.DAMAGED, StorageProblem.NOT_A_DATABASE,
                                 StorageProblem.EMPTY_FILE})
"""The problems whose fix is a backup: the message lists the backups with their dates."""

STORAGE_ADVICE: dict[StorageProblem, str] = {
    StorageProblem.LOCKED:
        "Another terminal is busy writing to the database. Wait a moment and try again. "
        "If this keeps happening, close FrontDesk on the other computers.",
    StorageProblem.BUSY:
        "Other terminals were changing the same records at the same moment, and FrontDesk's "
        "tries again did not get through. Nothing was saved. Wait a moment and try again.",
    StorageProblem.DISK_FULL:
        "The disk is full. Free some space (empty the recycle bin, move old backups "
        "elsewhere), then try again. Nothing was saved.",
    StorageProblem.READ_ONLY:
        "The database cannot be written to. Check that the disk is not write-protected "
        "and that this user may write to the data folder.",
    StorageProblem.UNREACHABLE:
        "The database cannot be reached. Check the network cable and that the database "
        "server is running, then try again.",
    StorageProblem.NETWORK_SHARE:
        "The database file is on a network share, where it can be damaged. Keep it on this "
        "computer's disk, or let several terminals share a PostgreSQL server.",
    StorageProblem.OTHER:
        "The database reported a problem. Try again; if it persists, call support.",
    StorageProblem.DAMAGED:
        "The database file is damaged, so FrontDesk cannot read it safely. FrontDesk left "
        "it as it is. Restore the newest good backup (frontdesk restore FILE, with FrontDesk "
        "closed on this computer); if there is none, keep the damaged file and call support.",
    StorageProblem.NOT_A_DATABASE:
        "The database file is not a FrontDesk database: it was overwritten or replaced by "
        "another file. FrontDesk left it as it is. Restore the newest good backup "
        "(frontdesk restore FILE, with FrontDesk closed on this computer).",
    StorageProblem.EMPTY_FILE:
        "The database file is empty (0 bytes): its contents were lost, for example in a crash "
        "or a disk fault. FrontDesk did not make a new, empty store over it. Restore the "
        "newest good backup (frontdesk restore FILE). Only if this computer never held a "
        "store, delete the empty file and start FrontDesk again.",
    StorageProblem.NEWER_SCHEMA:
        "This database was last used by a newer version of FrontDesk than this one. "
        "Upgrade FrontDesk on this computer to the version the other computers run; "
        "nothing was changed in the database.",
    StorageProblem.ACCESS_DENIED:
        "The database refused access. For a database server, check the user name, the "
        "password and the database's name in the database address with its administrator; "
        "for a file, check that this user may read and write it.",
    StorageProblem.UPGRADE_FAILED:
        "The database could not be brought to this version of FrontDesk; nothing in it was "
        "changed, and a copy from before the attempt is in the backups folder. Call "
        "support and send them the log file.",
}
"""What happened and what to do, per problem: English, translated by the UI (like a
DomainError's template) and printed as it is by the command line."""


class StorageError(Exception):
    """The database cannot be used right now; the person must do something about it.

    ``rolled_back`` is True when the database certainly kept nothing of the transaction
    (it failed before COMMIT was sent, or the server rolled it back), so running the
    whole action again is safe; False when that is not known. ``path`` names the
    database file when the problem is an SQLite file's (so the message can list that
    file's backups); empty when unknown or a server's.
    """

    def __init__(self, problem: StorageProblem, detail: str = "", *, rolled_back: bool = False,
                 path: str = ""):
        self.problem = problem
        self.detail = detail
        self.rolled_back = rolled_back
        self.path = path
        super().__init__(f"{problem.value}: {detail}")

    @property
    def advice(self) -> str:
        """What happened and what to do, in English."""
        return STORAGE_ADVICE[self.problem]


_PATTERNS: tuple[tuple[tuple[str, ...], StorageProblem], ...] = (
    (("deadlock detected", "could not serialize access"), StorageProblem.BUSY),
    (("database disk image is malformed", "malformed database schema",
      "database corruption"), StorageProblem.DAMAGED),
    (("file is not a database", "file is encrypted or is not a database"),
     StorageProblem.NOT_A_DATABASE),
    (("password authentication failed", "no pg_hba.conf entry", "pg_hba.conf rejects",
      'fatal:  database "'), StorageProblem.ACCESS_DENIED),
    (("database is locked", "database table is locked", "busy"), StorageProblem.LOCKED),
    (("disk is full", "database or disk is full", "no space left"), StorageProblem.DISK_FULL),
    (("readonly database", "read-only", "read only"), StorageProblem.READ_ONLY),
    (("unable to open database", "connection refused", "could not connect", "connection failed",
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
