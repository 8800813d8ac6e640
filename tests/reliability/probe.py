"""What a reliability probe is, and the databases it runs against.

A probe attacks one behaviour the way two (or sixteen) terminals would: real
threads or processes, each with its own connection, through the real services.
It returns an :class:`Outcome`: how many attempts it made, how many the program
accepted, how many acknowledged writes were lost, how many raw errors (anything
but a DomainError or StorageError a person can read) reached the caller, and a
note on what "right" means for it. Probes are functions decorated with
:func:`probe` in any ``probes_*.py`` module of this package; the runner finds
them all.

Probes are measurements, not tests: the tests that guard the same behaviours
live in ``tests/unit`` and assert; probes count, and the README's reliability
table is their output.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from frontdesk.db import Database
from frontdesk.migrate import upgrade
from frontdesk.models import Base


@dataclass(frozen=True)
class Outcome:
    attempts: int
    accepted: int
    lost: int
    """Acknowledged writes that are not in the database afterwards."""
    errors: int
    """Raw errors reaching the caller (tracebacks a person would see)."""
    expected: str
    """What a correct program gives, in words (e.g. "accepted = 1")."""
    ok: bool
    """Whether the outcome is what a correct program gives."""


@dataclass(frozen=True)
class Probe:
    name: str
    what: str
    run: Callable[[Backend], Outcome]


PROBES: list[Probe] = []


def probe(name: str, what: str) -> Callable[[Callable[[Backend], Outcome]],
                                             Callable[[Backend], Outcome]]:
    """Register a probe: ``name`` is short (a table row), ``what`` says what it does."""
    def register(run: Callable[[Backend], Outcome]) -> Callable[[Backend], Outcome]:
        PROBES.append(Probe(name, what, run))
        return run
    return register


@dataclass
class Backend:
    """One kind of database; :meth:`fresh` gives an empty, migrated database of it."""

    name: str  # "sqlite" or "postgresql"
    pg_url: str = ""

    @contextmanager
    def fresh(self) -> Iterator[Database]:
        if self.name == "sqlite":
            folder = Path(tempfile.mkdtemp(prefix="frontdesk-probe-"))
            db = Database(f"sqlite:///{folder / 'frontdesk.sqlite3'}")
            upgrade(db)
            try:
                yield db
            finally:
                db.dispose()
                shutil.rmtree(folder, ignore_errors=True)
            return
        db = Database(self.pg_url)
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        upgrade(db)
        try:
            yield db
        finally:
            db.dispose()

    @property
    def url_note(self) -> str:
        return "SQLite file" if self.name == "sqlite" else "PostgreSQL"


def tables() -> list[str]:
    """Every table of the schema, for probes that compare a before and an after."""
    return [t.name for t in Base.metadata.sorted_tables]
