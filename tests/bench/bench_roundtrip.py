"""Benchmark: the issue's round trip, "all my data" exported and restored into an empty database.

The demo store of ``--roundtrip-clients`` clients (default 200,000: bench-data/demo200k
when it is there, else made once into bench-data/roundtrip-N/) is copied aside, exported
whole (``Services.all_data``), and the workbook restored into a new, empty, migrated SQLite
file. Then every table's row count, every client row and every card's ledger sums and
cached balances are compared. Each phase runs in a new Python process of its own
(``python -m tests.bench.bench_roundtrip PHASE FILE FILE``), so its peak memory (the
process's maximum resident set) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from frontdesk.db import Database
from frontdesk.migrate import upgrade

BENCH_DATA = Path("bench-data")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--roundtrip-clients", type=int, default=200_000,
                        help="clients of the round-trip benchmark's demo store (default 200,000)")


def _in_child(phase: str, *paths: Path) -> tuple[Any, float, float]:
    """A phase in a new Python process: its result, seconds and peak resident memory (MB)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "tests.bench.bench_roundtrip", phase,
                              *map(str, paths)], stdout=subprocess.PIPE)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"the {phase} phase failed ({child.returncode})")
    return json.loads(output), time.perf_counter() - started, usage.ru_maxrss / 1024


def _store(clients: int) -> Path:
    """The demo store's SQLite file, made once."""
    if clients == 200_000 and (BENCH_DATA / "demo200k" / "frontdesk.sqlite3").exists():
        return BENCH_DATA / "demo200k" / "frontdesk.sqlite3"
    path = BENCH_DATA / f"roundtrip-{clients}" / "frontdesk.sqlite3"
    if not path.exists():
        from frontdesk.demo.fill import DemoOptions, fill_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(f"sqlite:///{path}")
        upgrade(db)
        fill_demo(db, DemoOptions(clients=clients, seed=1))
        db.dispose()
    return path


def _copy_sqlite(source: Path, target: Path) -> None:
    import sqlite3

    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _export(source: Path, workbook: Path) -> int:
    from frontdesk.core.context import system_clock
    from frontdesk.services.exports.everything import AllDataService
    from tests.unit.test_all_data import admin_of

    db = Database(f"sqlite:///{source}")
    try:
        return AllDataService(db, system_clock).export(admin_of(db), workbook).rows
    finally:
        db.dispose()


def _restore(workbook: Path, target: Path) -> int:
    from frontdesk.services.imports.restore import restore_all_data

    db = Database(f"sqlite:///{target}")
    try:
        return sum(restore_all_data(db, workbook).values())
    finally:
        db.dispose()


def _compare(source: Path, target: Path) -> str:
    from frontdesk.models import Base
    from tests.unit.test_all_data import counts, ledger, rows

    original, restored = Database(f"sqlite:///{source}"), Database(f"sqlite:///{target}")
    try:
        before, after = counts(original), counts(restored)
        tables_equal = before == after
        clients_equal = rows(original, Base.metadata.tables["client"]) == \
            rows(restored, Base.metadata.tables["client"])
        ledger_equal = ledger(original) == ledger(restored)
        cards = len(ledger(original)[1])
    finally:
        original.dispose()
        restored.dispose()
    return (f"tables' row counts equal: {tables_equal}; every client equal: {clients_equal} "
            f"({before['client']:,}); ledger sums and balances of {cards:,} cards equal: "
            f"{ledger_equal}")


def run(args: argparse.Namespace) -> str:
    clients = args.roundtrip_clients
    store = _store(clients)
    with tempfile.TemporaryDirectory(prefix="roundtrip-", dir=BENCH_DATA) as folder:
        work = Path(folder)
        source, workbook, target = work / "source.sqlite3", work / "all.xlsx", work / "new.sqlite3"
        _copy_sqlite(store, source)
        empty = Database(f"sqlite:///{target}")
        upgrade(empty)
        empty.dispose()
        rows, export_s, export_mb = _in_child("export", source, workbook)
        size_mb = workbook.stat().st_size / 2**20
        restored, restore_s, restore_mb = _in_child("restore", workbook, target)
        verdict, compare_s, _ = _in_child("compare", source, target)
        shutil.rmtree(work, ignore_errors=True)
    return "\n".join([
        f"## Round trip: all my data, {clients:,} demo clients ({rows:,} rows)", "",
        "| phase | seconds | rows/s | peak MB |", "| --- | ---: | ---: | ---: |",
        f"| export ({size_mb:,.0f} MB .xlsx) | {export_s:.1f} | {rows / export_s:,.0f} "
        f"| {export_mb:,.0f} |",
        f"| restore into empty SQLite | {restore_s:.1f} | {restored / restore_s:,.0f} "
        f"| {restore_mb:,.0f} |",
        f"| compare | {compare_s:.1f} | | |", "", verdict])


if __name__ == "__main__":  # one phase, in a process of its own (see _in_child)
    PHASES = {"export": _export, "restore": _restore, "compare": _compare}
    print(json.dumps(PHASES[sys.argv[1]](*map(Path, sys.argv[2:4]))))
