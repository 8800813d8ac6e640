"""Benchmark: the installed FrontDesk's start-up, beside the source checkout's and a bare window.

``python -m tests.bench bundle [--runs R]`` (part of ``make bench``). Uses the bundle
``make package`` built in ``dist/FrontDesk``, and builds it first when there is none (about
two minutes; needs the ``package`` extra, which ``make bench`` installs).

Three start-ups, each a new process timed until its first window has painted (the start-up
probe, :mod:`frontdesk.ui.startup_probe`), ``R`` times each, alternating, after warm-ups, on a
small store the bundle itself set up (``init``), with the data and log folders in a temporary
directory — as a store's PC starts the program on a normal day (the store's name remembered):

- the bundle's ``frontdesk`` (``frontdesk-cli`` on Windows) to its sign-in dialog;
- the source checkout's ``frontdesk`` (this venv) to the same dialog;
- the floor: ``tests/bench/bare_window.py``, a bare PySide6 + qt-material dialog.

Target: the bundle's p95 ≤ 1.3× the bare window's. The bundle's size is reported too (target:
under 250 MB unpacked), with its archive's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from frontdesk import __version__
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.ui.startup_probe import ENV as PROBE_ENV
from tests.bench.bench_startup import (
    BARE_WINDOW,
    Probe,
    bench_environment,
    frontdesk_command,
    time_alternating,
    until_painted,
)
from tests.bench.stats import Row, Timing, markdown_table
from tests.packaging_scripts import PACKAGING, packaging_script

TARGET_RATIO = 1.3
SIZE_TARGET_MB = 250


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # --runs is the start-up benchmark's (default 20)


def run(args: argparse.Namespace) -> str:
    build = packaging_script("build")
    if not build.BUNDLE.is_dir():
        subprocess.run([sys.executable, str(PACKAGING / "build.py")], check=True)
    program = build.platforms.current().command(build.BUNDLE)
    with tempfile.TemporaryDirectory(prefix="frontdesk-bundle-") as tmp:
        env = bench_environment(Path(tmp))
        subprocess.run([str(program), "init", "--store", "基准测试店"], check=True,
                       env={**env, "FRONTDESK_ADMIN_PASSWORD": DEMO_PASSWORD},
                       stdout=subprocess.DEVNULL)
        timings = _start_ups(program, env, args.runs)
    title = f"The installed FrontDesk's start-up to its sign-in dialog, {args.runs} runs each"
    rows = [Row("bundle / bare window", timings["bundle"], timings["bare"]),
            Row("source checkout / bare window", timings["source"], timings["bare"])]
    return "\n".join([markdown_table(title, rows), "", _verdict(timings),
                      _sizes(build)])


def _start_ups(program: Path, env: dict[str, str], runs: int) -> dict[str, Timing]:
    probed = {**env, PROBE_ENV: "1"}

    def start(command: list[str], window: str) -> Probe:
        return lambda: until_painted(command, probed, window)

    return time_alternating({"bundle": start([str(program)], "loginDialog"),
                             "source": start(frontdesk_command(), "loginDialog"),
                             "bare": start([sys.executable, str(BARE_WINDOW)], "bareDialog")},
                            runs)


def _verdict(timings: dict[str, Timing]) -> str:
    bundle, bare = timings["bundle"], timings["bare"]
    ratio = bundle.p95 / bare.p95
    met = "met" if ratio <= TARGET_RATIO else "MISSED"
    return (f"- the bundle to its sign-in dialog: p50 {bundle.p50:.0f} ms, p95 {bundle.p95:.0f} "
            f"ms; {ratio:.2f}× the bare window at p95 ({bundle.p50 / bare.p50:.2f}× at p50), "
            f"target ≤ {TARGET_RATIO}×: {met}; the source checkout "
            f"{timings['source'].p95 / bare.p95:.2f}× at p95")


def _sizes(build: ModuleType) -> str:
    unpacked = build.folder_size(build.BUNDLE) / 2**20
    path = build.platforms.current().archive_file(build.DIST, __version__)
    archive = f", archive {path.name} {path.stat().st_size / 2**20:.0f} MB" \
        if path.is_file() else ""
    met = "met" if unpacked < SIZE_TARGET_MB else "MISSED"
    return (f"- size: {unpacked:.0f} MB unpacked (target under {SIZE_TARGET_MB} MB: {met})"
            f"{archive}; {os.cpu_count()} CPUs")
