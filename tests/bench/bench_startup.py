"""Benchmark: how long FrontDesk takes to start, the way a person starts it: a new process.

``python -m tests.bench startup [--clients N] [--runs R]`` (uses the search benchmark's database)

Each start-up is timed from just before its process is spawned until the moment
it counts as done, ``R`` times, alternating with its floors (same interpreter,
same run, so a busy machine slows both alike):

- ``frontdesk --database … find 1234 --as reception1`` on the 1,000,000-client
  SQLite file (the password in ``FRONTDESK_PASSWORD``: a real sign-in, ~50 ms of
  argon2), until the process has printed its hits and exited. Floors: ``python -c pass`` (the
  interpreter alone) and a ``python -c`` script that opens the same file with
  :mod:`sqlite3` and runs the same phone-tail lookup as plain SQL
  (``TAIL_LOOKUP_SQL`` of the search benchmark's floor). Target: p95 ≤ 500 ms.
- ``frontdesk --database …`` (the GUI) on the same file, offscreen, with
  ``FRONTDESK_STARTUP_PROBE=1``: until the sign-in dialog has painted (see
  :mod:`frontdesk.ui.startup_probe`; the process then quits, untimed). Floor:
  ``tests/bench/bare_window.py``, a themed bare dialog with the same probe.
  Target: p95 within 1.3× the floor's p95. This is a PC's everyday start: the
  dialog shows under the store name the PC remembers while the database opens
  behind it. The first start on a PC (nothing remembered: the database decides
  between the sign-in and the set-up wizard) is timed too, beside a second
  floor: the same dialog after reading the store's name through SQLAlchemy's
  ORM (one mapped table, one query), which that start cannot avoid.

Data and log folders point at a temporary directory, so nothing is written
beside the user's own files. Untimed warm-up runs of each command first fill the
page cache and compile byte code, so "cold" means a new process, not a cold disk.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.ui.startup_probe import ENV as PROBE_ENV
from frontdesk.ui.startup_probe import MARKER
from tests.bench.bench_search import DESK_USER, LIMIT, ensure_database
from tests.bench.search_floor import TAIL_LOOKUP_SQL
from tests.bench.stats import Row, Timing, markdown_table

FIND_TARGET_MS = 500.0
GUI_TARGET_RATIO = 1.3
QUERY = "1234"
WARMUP = 2
BARE_WINDOW = Path(__file__).with_name("bare_window.py")

_SQLITE_FLOOR = ("import sqlite3, sys\n"
                 "q = sys.argv[3]\n"
                 "rows = sqlite3.connect(sys.argv[1]).execute(sys.argv[2], "
                 "{'card': q, 'tail': q, 'n': int(sys.argv[4])})\n"
                 "print('\\n'.join(row[3] for row in rows))\n")
"""Opens the file, runs the phone-tail lookup, prints the names: the least ``find`` can do."""

Probe = Callable[[], float]
"""One run of a command: its time in milliseconds."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=20,
                        help="start-ups timed per command in the startup benchmark (default 20)")


def run(args: argparse.Namespace) -> str:
    path = ensure_database(args.clients, args.seed).resolve()
    with tempfile.TemporaryDirectory(prefix="frontdesk-startup-") as tmp:
        env = bench_environment(Path(tmp))
        find = time_alternating(_find_commands(path, env), args.runs)
        gui = time_alternating(_gui_commands(path, env), args.runs)
    title = (f"Start-up as a new process, {args.clients:,} clients (SQLite), "
             f"{args.runs} runs each, alternating")
    rows = [Row("find 1234 / python -c pass", find["find"], find["pass"]),
            Row("find 1234 / sqlite3 script", find["find"], find["sqlite3"]),
            Row("GUI to sign-in / bare window", gui["gui"], gui["bare"]),
            Row("GUI, first start on a PC / bare window + ORM query", gui["first"],
                gui["bare+orm"])]
    return markdown_table(title, rows) + "\n\n" + "\n".join(_verdicts(find, gui))


def bench_environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")}
    env.update(FRONTDESK_DATA_DIR=str(tmp / "data"), FRONTDESK_LOG_DIR=str(tmp / "log"),
               QT_QPA_PLATFORM="offscreen")
    return env


def frontdesk_command() -> list[str]:
    """The installed ``frontdesk`` command beside this interpreter (as users run it)."""
    script = Path(sys.executable).with_name("frontdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "frontdesk"]


def _find_commands(path: Path, env: Mapping[str, str]) -> dict[str, Probe]:
    find = [*frontdesk_command(), "--database", f"sqlite:///{path}", "find", QUERY,
            "--as", DESK_USER]
    floor = [sys.executable, "-c", _SQLITE_FLOOR, str(path), TAIL_LOOKUP_SQL, QUERY, str(LIMIT)]
    signed = {**env, "FRONTDESK_PASSWORD": DEMO_PASSWORD}
    return {"find": lambda: _until_exit(find, signed),
            "pass": lambda: _until_exit([sys.executable, "-c", "pass"], env),
            "sqlite3": lambda: _until_exit(floor, env)}


def _gui_commands(path: Path, env: Mapping[str, str]) -> dict[str, Probe]:
    probed = {**env, PROBE_ENV: "1"}
    gui = [*frontdesk_command(), "--database", f"sqlite:///{path}"]
    bare = [sys.executable, str(BARE_WINDOW)]
    orm = [*bare, "--database", f"sqlite:///{path}"]
    ini = Path(env["FRONTDESK_DATA_DIR"]) / "frontdesk.ini"

    def first_start() -> float:
        ini.unlink(missing_ok=True)  # forget the store's name: as on a new PC
        return until_painted(gui, probed, "loginDialog")

    def later_start() -> float:
        if not ini.exists():
            until_painted(gui, probed, "loginDialog")  # untimed: the PC learns the name
        return until_painted(gui, probed, "loginDialog")

    return {"gui": later_start, "first": first_start,
            "bare": lambda: until_painted(bare, probed, "bareDialog"),
            "bare+orm": lambda: until_painted(orm, probed, "bareDialog")}


def _until_exit(command: list[str], env: Mapping[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=False)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{command[:4]} exited with {done.returncode}: {done.stderr[-500:]}")
    return elapsed


def until_painted(command: list[str], env: Mapping[str, str], window: str) -> float:
    """Milliseconds until the probe's line naming ``window``; the process then quits itself."""
    start = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True) as proc:
        assert proc.stderr is not None
        lines = []
        for line in proc.stderr:
            if line.startswith(MARKER):
                elapsed = (time.perf_counter() - start) * 1000
                break
            lines.append(line)
        else:
            raise RuntimeError(f"{command[:3]} painted no window: {''.join(lines)[-500:]}")
        proc.communicate(timeout=60)
    if line.split()[1:] != [window]:
        raise RuntimeError(f"{command[:3]} showed {line.strip()!r}, not {window}")
    return elapsed


def time_alternating(probes: Mapping[str, Probe], runs: int) -> dict[str, Timing]:
    """``runs`` timings of each probe, after warm-ups; each round starts with another one."""
    names = list(probes)
    for _ in range(WARMUP):
        for name in names:
            probes[name]()
    samples: dict[str, list[float]] = {name: [] for name in names}
    for i in range(runs):
        for name in names[i % len(names):] + names[:i % len(names)]:
            samples[name].append(probes[name]())
    return {name: Timing(name, tuple(ms)) for name, ms in samples.items()}


def _verdicts(find: Mapping[str, Timing], gui: Mapping[str, Timing]) -> list[str]:
    return [_find_verdict(find["find"], find["sqlite3"]), _gui_verdict(gui["gui"], gui["bare"]),
            _first_start_note(gui["first"], gui["bare"], gui["bare+orm"])]


def _find_verdict(ours: Timing, floor: Timing) -> str:
    met = "met" if ours.p95 <= FIND_TARGET_MS else "MISSED"
    return (f"- `frontdesk find {QUERY}`: p50 {ours.p50:.0f} ms, p95 {ours.p95:.0f} ms, target "
            f"p95 ≤ {FIND_TARGET_MS:.0f} ms: {met}; {ours.p50 - floor.p50:+.0f} ms (p50) over "
            "the sqlite3 script")


def _gui_verdict(ours: Timing, floor: Timing) -> str:
    ratio = ours.p95 / floor.p95
    met = "met" if ratio <= GUI_TARGET_RATIO else "MISSED"
    return (f"- GUI to the sign-in dialog: p50 {ours.p50:.0f} ms, p95 {ours.p95:.0f} ms; "
            f"{ratio:.2f}× the bare window at p95 ({ours.p50 / floor.p50:.2f}× at p50, "
            f"{ours.p50 - floor.p50:+.0f} ms), target ≤ {GUI_TARGET_RATIO}×: {met}")


def _first_start_note(first: Timing, bare: Timing, orm: Timing) -> str:
    return (f"- the first start on a PC (the database opens before the dialog): p50 "
            f"{first.p50:.0f} ms, p95 {first.p95:.0f} ms, {first.p95 / bare.p95:.2f}× the bare "
            f"window; the database layer alone (SQLAlchemy's ORM reading the store's name) "
            f"costs {orm.p50 - bare.p50:+.0f} ms of it, and FrontDesk is "
            f"{first.p95 / orm.p95:.2f}× that floor at p95")
