"""The log file, without personal data: what went wrong where, never whose phone or name.

A traceback is the most useful thing support can get, and the most dangerous
thing to write down: an SQL error's text carries the statement's parameters
(full phones, names, notes), a DomainError's carries its ``params``, and a
ValueError may quote the value it choked on. So the log file's formatter
rewrites every exception it writes (:func:`redacted_traceback`):

- the frames (file, line, function, source line) as Python prints them;
- each exception's type, and of its message only what cannot hold a person's data:
  a DomainError's template (not its params), a StorageError's problem, a database
  error's SQL statement (with placeholders; the engine hides the parameters too,
  ``hide_parameters=True``) and its database's own first line (not a PostgreSQL
  data error's, which quotes the value), and the messages of exception types that
  speak about the code (AttributeError, TypeError…); any other message is withheld;
- long runs of digits left in what is kept are masked, as a last guard for phones.

The file and its folder are the owner's only (0600 / 0700), rotated copies too.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from frontdesk.errors import DomainError, StorageError
from frontdesk.storage.private import make_private, private_dir

CODE_MESSAGES: tuple[type[BaseException], ...] = (
    AttributeError, NameError, ImportError, TypeError, NotImplementedError, RecursionError,
    AssertionError, ZeroDivisionError, IndexError, StopIteration, RuntimeError)
"""Exception types whose messages speak about the code, not about data: kept."""
WITHHELD = "(message withheld: it may hold personal data)"
_DIGITS = re.compile(r"\d{5,}")
_PG_DATA_ERROR = "22"
"""PostgreSQL's SQLSTATE class of data exceptions, whose messages quote the bad value."""
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _mask(text: str) -> str:
    return _DIGITS.sub("…", text)


def _database_message(exc: Any) -> str:
    """A database error: the driver's error name, its first line, the SQL without values."""
    orig = getattr(exc, "orig", None)
    sqlstate = str(getattr(orig, "sqlstate", "") or "")
    code = sqlstate or str(getattr(orig, "sqlite_errorname", "") or "")
    first = str(orig).splitlines()[0] if orig is not None and str(orig) else ""
    if sqlstate.startswith(_PG_DATA_ERROR):
        first = WITHHELD
    name = type(orig).__qualname__ if orig is not None else ""
    statement = " ".join(str(getattr(exc, "statement", "") or "").split())
    return _mask(f"{name} {code}: {first} [SQL: {statement}]")


def describe(exc: BaseException) -> str:
    """An exception's type and what of its message may be written down."""
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
    if isinstance(exc, DomainError):
        text = f"{exc.template} (params withheld)"
    elif isinstance(exc, StorageError):
        text = exc.problem.value
    elif hasattr(exc, "statement") and hasattr(exc, "orig"):
        text = _database_message(exc)
    elif isinstance(exc, CODE_MESSAGES):
        text = _mask(str(exc))
    elif isinstance(exc, OSError):  # the error, not the file name (which may name a person)
        text = f"[Errno {exc.errno}] {exc.strerror}"
    else:
        text = WITHHELD
    return f"{kind}: {text}"


def redacted_traceback(exc: BaseException) -> str:
    """The traceback Python would print, with each exception's message as :func:`describe`."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "The above exception was the direct cause of:"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "During handling of the above exception:"
        else:
            current = None
    parts = []
    for item, how in reversed(chain):
        frames = "".join(traceback.format_tb(item.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{describe(item)}")
        if how:
            parts.append(how)
    return "\n".join(parts)


class PrivateFormatter(logging.Formatter):
    """Writes exceptions as :func:`redacted_traceback` does."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached its own (full) traceback on the record: never reuse it.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        exc = ei[1] if isinstance(ei, tuple) else ei
        return redacted_traceback(exc) if isinstance(exc, BaseException) else ""


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that is 0600 from the moment it is opened (rotated ones too)."""

    def _open(self) -> Any:
        stream = super()._open()
        make_private(Path(self.baseFilename))
        return stream


def log_to_file(log_file: Path) -> logging.Handler:
    """Send the program's log to ``log_file`` (made private), with exceptions redacted."""
    private_dir(log_file.parent)
    handler = PrivateFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(PrivateFormatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def log_unexpected(logger: logging.Logger, kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
    """The crash handler's log line: the exception's type and its redacted traceback."""
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    logger.error("unexpected error (%s)", kind.__qualname__, exc_info=(kind, exc, tb))
