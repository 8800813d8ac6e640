"""Two terminals at once, for the race tests and the reliability probes.

- :func:`at_once` starts calls at the same moment, each in its own thread.
- :class:`PauseBefore` holds one terminal's transaction just before it sends a
  chosen statement (so it holds whatever it locked so far), until released.
- :class:`Background` runs a call in a thread and hands back its result or error.
- :func:`wait_until_blocked` waits until a PostgreSQL session waits for a row lock.
- :class:`BackendKiller` ends a terminal's connection from another connection
  (``pg_terminate_backend``), the way a server restart does.

The tests interleave terminals with events, never with sleeps: a timeout here
(:data:`HUNG_S`) only stops a test that hangs, and fails it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, event, text

from frontdesk.db import Database

HUNG_S = 60.0
"""How long anything here waits before it declares the test hung."""


def at_once(*calls: Callable[[], object]) -> list[object]:
    """Start every call at the same moment; each one's result or exception, in order."""
    barrier = threading.Barrier(len(calls), timeout=HUNG_S)
    results: list[object] = [None] * len(calls)

    def run(i: int, call: Callable[[], object]) -> None:
        barrier.wait()
        try:
            results[i] = call()
        except Exception as exc:  # noqa: BLE001 - handed back to the caller
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


class Background:
    """``call`` running in its own thread; :meth:`result` waits and returns what it gave."""

    def __init__(self, call: Callable[[], object]):
        self._out: list[object] = []
        self.started = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(call,), daemon=True)
        self._thread.start()

    def _run(self, call: Callable[[], object]) -> None:
        self.started.set()
        try:
            self._out.append(call())
        except Exception as exc:  # noqa: BLE001 - handed back by result()
            self._out.append(exc)

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def result(self) -> object:
        """What the call returned, or the exception it raised."""
        self._thread.join(HUNG_S)
        if self._thread.is_alive():
            raise TimeoutError("the call never finished (a deadlock in the test?)")
        return self._out[0]


class PauseBefore:
    """Holds a terminal's transaction just before its first statement starting with
    ``sql`` is sent, until :meth:`release`; ``reached`` is set while it waits."""

    def __init__(self, db: Database, sql: str):
        self.reached = threading.Event()
        self._go = threading.Event()
        self._sql = sql
        self._done = False
        event.listen(db.engine, "before_cursor_execute", self._before)

    def _before(self, _conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if self._done or not statement.lstrip().startswith(self._sql):
            return
        self._done = True
        self.reached.set()
        if not self._go.wait(HUNG_S):
            raise TimeoutError("the paused terminal was never released")

    def wait(self) -> None:
        if not self.reached.wait(HUNG_S):
            raise TimeoutError(f"the terminal never sent {self._sql!r}")

    def release(self) -> None:
        self._go.set()


def waiting_for_locks(observer: Database) -> int:
    """How many sessions of this PostgreSQL database wait for a lock right now."""
    with observer.engine.connect() as conn:
        return int(conn.execute(text(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'")).scalar_one())


def wait_until_blocked(observer: Database, call: Background) -> None:
    """Return once ``call`` waits for a lock (PostgreSQL) or has finished without waiting.

    On SQLite a second writer waits inside SQLite's busy handler, which no query can
    see, so this returns once the call has started: the outcome cannot differ there,
    as writers run one after the other.
    """
    if not call.started.wait(HUNG_S):
        raise TimeoutError("the call never started")
    if observer.is_sqlite:
        return
    deadline = time.monotonic() + HUNG_S
    while not call.done and waiting_for_locks(observer) == 0:
        if time.monotonic() > deadline:
            raise TimeoutError("the call neither waited for a lock nor finished")
        time.sleep(0.005)


class BackendKiller:
    """Ends ``victim``'s PostgreSQL connection from ``admin``'s, the way a server restart
    does: just before ``victim`` sends a statement ``trigger`` picks, or just before its
    COMMIT when ``at_commit``. Armed for one kill at a time (``armed``); ``kills`` counts."""

    def __init__(self, victim: Database, admin: Database):
        self.armed = False
        self.at_commit = False
        self.kills = 0
        self._left = 0
        self.trigger: Callable[[str], bool] = lambda _sql: False
        self._admin = admin
        event.listen(victim.engine, "before_cursor_execute", self._before_execute)
        event.listen(victim.engine, "commit", self._before_commit)

    def arm(self, *, sql: str = "", at_commit: bool = False, times: int = 1) -> None:
        """Kill the connection before the next statement starting with ``sql`` (or COMMIT)."""
        self.trigger = lambda statement: bool(sql) and statement.lstrip().startswith(sql)
        self.at_commit = at_commit
        self.armed = True
        self._left = times

    def _before_execute(self, conn: Connection, _cursor: Any, statement: str,
                        *_args: Any) -> None:
        if self.armed and not self.at_commit and self.trigger(statement):
            self._kill(conn)

    def _before_commit(self, conn: Connection) -> None:
        if self.armed and self.at_commit:
            self._kill(conn)

    def _kill(self, conn: Connection) -> None:
        self._left -= 1
        self.armed = self._left > 0
        self.kills += 1
        dbapi = conn.connection.dbapi_connection
        pid = dbapi.info.backend_pid  # type: ignore[union-attr]
        with self._admin.engine.connect() as admin:
            admin.execute(text("SELECT pg_terminate_backend(:pid, :ms)"),
                          {"pid": pid, "ms": int(HUNG_S * 1000)})
