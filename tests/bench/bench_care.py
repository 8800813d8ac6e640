"""The care scan over the benchmark database: ``python -m tests.bench care [--clients N]``.

On a copy of the search benchmark's database (the demo store: N clients, about ten
visits each; the original is never written) it times

- the client figures' rebuild (once: what a store upgraded to migration 0011 pays once);
- the first scan (it finds everyone who had lapsed already: thousands of tasks) and a
  one-day catch-up, each p50/p95 over ``--care-rounds`` runs (the tasks and the state
  are removed between runs), beside the floor: the same work as raw SQL with the bare
  sqlite3 driver, in the same run (the churn selection fetched, then inserted with
  INSERT … SELECT … ON CONFLICT DO NOTHING, and the spending drops with their sums
  likewise, committed; the state and the rules' reading are not in the floor);
- the window while a scan (the first, and a one-day catch-up) runs in the GUI's worker
  (:class:`~frontdesk.ui.worker.DbWorker`): a QTimer ticking every 10 ms on the UI thread,
  and the longest gap between its ticks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontdesk.db import Database
from frontdesk.services.care.scan import CareScanner
from frontdesk.services.care.stats import rebuild
from tests.bench.bench_search import BENCH_NOW, DATA_DIR, ensure_database
from tests.bench.stats import Timing

TARGET_S = 2.0
TARGET_RATIO = 2.0
TARGET_GAP_MS = 50.0
TODAY = BENCH_NOW.astimezone().date()

FLOOR_SELECT = """
SELECT s.client_id, s.visits, s.last_visit_on, s.median_gap_days, s.lapse_on, c.tier,
       c.consent_marketing, b.staff_id
FROM client_stats s JOIN client c ON c.id = s.client_id
LEFT JOIN client_book b ON b.client_id = s.client_id
WHERE s.branch_id = :branch AND {days} AND c.anonymised_at IS NULL AND c.consent_marketing
"""
FIRST_DAYS = "s.lapse_on <= :last AND s.last_visit_on >= :oldest"
ONE_DAY = "s.lapse_on BETWEEN :first AND :last"
FLOOR_INSERT = """
INSERT INTO care_task (branch_id, client_id, kind, occasion, due_on, event_on, priority, channel,
                       marketing, assigned_to_id, central, status, reason, detail, gift_types,
                       note, snoozes, created_at, version)
SELECT :branch, client_id, 'churn', 'churn:' || client_id || ':' || last_visit_on,
       max(lapse_on, :first), lapse_on, 2, 'call', 1, staff_id, 0, 'open', 'lapsed',
       json_object('visits', visits, 'median_gap_days', coalesce(median_gap_days, 0),
                   'last_visit_on', last_visit_on, 'floor_days', 60), '', '', 0, :now, 1
FROM ({select}) WHERE true ON CONFLICT (branch_id, occasion) DO NOTHING
"""
FLOOR_DROPS = """
INSERT INTO care_task (branch_id, client_id, kind, occasion, due_on, event_on, priority, channel,
                       marketing, assigned_to_id, central, status, reason, detail, gift_types,
                       note, snoozes, created_at, version)
SELECT :branch, s.client_id, 'spending_drop', 'drop:' || s.client_id || ':' || s.drop_on,
       max(s.drop_on, :first), s.drop_on, 3, 'call', 1, b.staff_id, 0, 'open', 'spending_drop',
       json_object(
         'recent_fen', sum(CASE WHEN l.d > date(s.drop_on, '-90 days') AND l.d <= s.drop_on
                           THEN l.amount_fen ELSE 0 END),
         'usual_fen', sum(CASE WHEN l.d > date(s.drop_on, '-455 days')
                          AND l.d <= date(s.drop_on, '-90 days') THEN l.amount_fen ELSE 0 END)
                      * 90 / 365,
         'ratio_percent', 50, 'window_days', 90), '', '', 0, :now, 1
FROM client_stats s JOIN client c ON c.id = s.client_id
LEFT JOIN client_book b ON b.client_id = s.client_id
LEFT JOIN (SELECT client_id, amount_fen, date(at, :shift) AS d FROM consumption_line) l
  ON l.client_id = s.client_id
WHERE s.branch_id = :branch AND s.drop_on BETWEEN :since AND :last
  AND c.anonymised_at IS NULL AND c.consent_marketing
GROUP BY s.client_id, s.drop_on, b.staff_id
ON CONFLICT (branch_id, occasion) DO NOTHING
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--care-rounds", type=int, default=5,
                        help="runs of each scan in the care benchmark (default 5)")
    parser.add_argument("--care-source", metavar="FILE", default="",
                        help="the SQLite database to copy (default: the search benchmark's)")


def run(args: argparse.Namespace) -> str:
    source = Path(args.care_source) if args.care_source else ensure_database(args.clients,
                                                                             args.seed)
    copy = _copy(source)
    db = Database(f"sqlite:///{copy}")
    try:
        return _measure(db, copy, args.care_rounds, args.clients)
    finally:
        db.dispose()
        for path in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
            path.unlink(missing_ok=True)


def _copy(source: Path) -> Path:
    """A copy of the database (its WAL too) to write on; the original stays as it is."""
    copy = DATA_DIR / f"care-bench-{os.getpid()}.sqlite3"
    DATA_DIR.mkdir(exist_ok=True)
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{copy}{suffix}")
    return copy


def _clock() -> dt.datetime:
    return BENCH_NOW


def _measure(db: Database, path: Path, rounds: int, clients: int) -> str:
    started = time.perf_counter()
    figures = rebuild(db, 1, BENCH_NOW)
    rebuild_s = time.perf_counter() - started
    scanner = CareScanner(db, _clock)
    first = _rounds(rounds, lambda: _reset(path, None), lambda: scanner.scan(1))
    _reset(path, None)
    made = scanner.scan(1).total
    first_floor = _rounds(rounds, lambda: _reset(path, None),
                          lambda: _floor(path, first_scan=True))
    catch = _rounds(rounds, lambda: _reset(path, TODAY),
                    lambda: scanner.scan(1, through=TODAY + dt.timedelta(days=1)))
    catch_floor = _rounds(rounds, lambda: _reset(path, TODAY),
                          lambda: _floor(path, first_scan=False))
    _reset(path, None)
    gaps = {"the first scan": _window_gap(lambda: scanner.scan(1))}
    _reset(path, TODAY)
    gaps["a one-day catch-up"] = _window_gap(
        lambda: scanner.scan(1, through=TODAY + dt.timedelta(days=1)))
    return _report(clients, figures, rebuild_s, made, [
        ("first scan (everyone lapsed already)", first, first_floor),
        ("one-day catch-up", catch, catch_floor)], gaps)


def _rounds(n: int, before: Callable[[], object], timed: Callable[[], object]) -> Timing:
    samples = []
    for _ in range(n):
        before()
        start = time.perf_counter()
        timed()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing("", tuple(samples))


def _reset(path: Path, scanned: dt.date | None) -> None:
    """No tasks; the scan state through ``scanned`` (None: never scanned)."""
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM care_task")
        conn.execute("DELETE FROM care_scan_state")
        if scanned is not None:
            conn.execute("INSERT INTO care_scan_state (branch_id, through_on, at) "
                         "VALUES (1, ?, ?)", (scanned.isoformat(), BENCH_NOW.isoformat()))
    conn.close()


def _floor(path: Path, *, first_scan: bool) -> None:
    """The same work as raw SQL: the selection, fetched; then inserted and committed."""
    day = TODAY if first_scan else TODAY + dt.timedelta(days=1)
    select = FLOOR_SELECT.format(days=FIRST_DAYS if first_scan else ONE_DAY)
    offset = dt.datetime.combine(day, dt.time()).astimezone().utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    since = day - dt.timedelta(days=90) if first_scan else day
    params = {"branch": 1, "first": day.isoformat(), "last": day.isoformat(),
              "oldest": (day - dt.timedelta(days=730)).isoformat(),
              "now": BENCH_NOW.isoformat(), "since": since.isoformat(),
              "shift": f"{minutes:+d} minutes"}
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(select, params).fetchall()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(FLOOR_INSERT.format(select=select), params)
        conn.execute(FLOOR_DROPS, params)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _window_gap(scan: Callable[[], object]) -> float:
    """The longest gap (ms) between a 10 ms QTimer's ticks while the worker runs ``scan``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from frontdesk.ui.worker import DbWorker

    app: Any = QApplication.instance() or QApplication([])
    ticks: list[float] = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    worker = DbWorker()
    done = threading.Event()
    timer.start()
    worker.submit(scan, lambda _r: done.set(), lambda _e: done.set())
    while not done.is_set():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    worker.shutdown()
    ticks.append(time.perf_counter())  # the wait after the last tick counts too
    return max((b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False))


def _report(clients: int, figures: int, rebuild_s: float, made: int,
            rows: list[tuple[str, Timing, Timing]], gaps: dict[str, float]) -> str:
    lines = [f"## Care scan ({clients:,} clients, SQLite)", "",
             f"Client figures rebuilt for {figures:,} clients in {rebuild_s:.1f} s (once).",
             f"The first scan makes {made:,} tasks.", "",
             "| scan | runs | FrontDesk p50 ms | p95 ms | floor p50 ms | floor p95 ms "
             "| p95 ratio | verdict |", "|---|---:|---:|---:|---:|---:|---:|---|"]
    for name, ours, floor in rows:
        ratio = ours.p95 / floor.p95 if floor.p95 else float("inf")
        ok = ours.p95 <= TARGET_S * 1000 and ratio <= TARGET_RATIO
        lines.append(f"| {name} | {len(ours.samples_ms)} | {ours.p50:.1f} | {ours.p95:.1f} "
                     f"| {floor.p50:.1f} | {floor.p95:.1f} | {ratio:.2f}× "
                     f"| {'ok' if ok else 'over target'} |")
    lines.append("")
    for name, gap_ms in gaps.items():
        verdict = "ok" if gap_ms < TARGET_GAP_MS else "over target"
        lines.append(f"Window while the worker runs {name}: longest gap between 10 ms ticks "
                     f"{gap_ms:.1f} ms (target < {TARGET_GAP_MS:.0f} ms): {verdict}.")
    return "\n".join(lines)
