"""Several terminals at once: the same attempt from N threads, each with its own database.

Each thread opens its own :class:`~frontdesk.db.Database` (its own engine, so its own
connection) on the same URL, waits at a barrier, and then makes its attempt, so the
attempts overlap the way N terminals' would. Used by the tests that show a race is
closed and by the reliability probes that count what gets through.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from frontdesk.db import Database

T = TypeVar("T")


def at_once(url: str, n: int, attempt: Callable[[Database, int], T]) -> list[T | Exception]:
    """What ``attempt(db, i)`` returned or raised in each of ``n`` threads released together."""
    barrier = threading.Barrier(n, timeout=60)
    databases = [Database(url) for _ in range(n)]

    def one(i: int) -> T | Exception:
        barrier.wait()
        try:
            return attempt(databases[i], i)
        except Exception as exc:  # noqa: BLE001 - handed to the caller to count or assert on
            return exc

    try:
        with ThreadPoolExecutor(n) as pool:
            return list(pool.map(one, range(n)))
    finally:
        for db in databases:
            db.dispose()
