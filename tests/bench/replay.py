"""What a service sent to SQLite, and the same statements run bare: the floor of a screen's reads.

:func:`capture` records the statements (with their parameters) the engine sends
while a service call runs; :class:`Floor` runs them again with the :mod:`sqlite3`
module on the same file, in the same transactions (a health view's audit row is
written and committed as the service does), and reads each one's plan with
``EXPLAIN QUERY PLAN`` for the tables with many rows (a full scan is a ``SCAN``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from frontdesk.db import Database

Statement = tuple[str, tuple[Any, ...]]
LARGE_TABLE = 10_000
"""A full scan of a table with more rows than this is reported."""


@contextmanager
def capturing(db: Database) -> Iterator[list[Statement]]:
    """The statements the engine sends meanwhile, in order (``BEGIN`` included)."""
    seen: list[Statement] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
               executemany: bool) -> None:
        seen.append((statement, tuple(parameters or ())))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def capture(db: Database, call: Callable[[], object]) -> list[Statement]:
    with capturing(db) as seen:
        call()
    return seen


class Floor:
    """Captured statements run bare on one :mod:`sqlite3` connection to the same file."""

    def __init__(self, path: str) -> None:
        self.raw = sqlite3.connect(path, isolation_level=None)  # transactions as captured
        self.raw.execute("PRAGMA foreign_keys=ON")
        self._sizes: dict[str, int] = {}

    def run(self, statements: list[Statement]) -> None:
        for sql, parameters in statements:
            if sql.lstrip().upper().startswith("BEGIN") and self.raw.in_transaction:
                self.raw.execute("COMMIT")  # the driver ended the one before: not a statement
            self.raw.execute(sql, parameters).fetchall()
        if self.raw.in_transaction:
            self.raw.execute("COMMIT")

    def plans(self, statements: list[Statement]) -> list[str]:
        """How each SELECT reads the large tables: its ``EXPLAIN QUERY PLAN`` lines that
        name one (``SCAN visit`` is a full scan; ``SEARCH visit USING INDEX …`` is not)."""
        found: list[str] = []
        for sql, parameters in statements:
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            for row in self.raw.execute(f"EXPLAIN QUERY PLAN {sql}", parameters):
                words = str(row[-1]).split()
                if words[0] in ("SCAN", "SEARCH") and self._size(words[1]) > LARGE_TABLE \
                        and " ".join(words) not in found:
                    found.append(" ".join(words))
        return found

    def _size(self, table: str) -> int:
        if table not in self._sizes:
            known = self.raw.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                     "AND name = ?", (table,)).fetchone()
            self._sizes[table] = self.raw.execute(
                f'SELECT count(*) FROM "{table}"').fetchone()[0] if known else 0
        return self._sizes[table]

    def close(self) -> None:
        self.raw.close()
