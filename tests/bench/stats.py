"""Timing helpers shared by the benchmarks: repeat a call, report p50/p95 and ratios."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    name: str
    samples_ms: tuple[float, ...]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_each(name: str, call: Callable[[object], object], inputs: Iterable[object],
              warmup: int = 3) -> Timing:
    """Time ``call(x)`` for each input (after a few warm-up calls), in milliseconds."""
    items = list(inputs)
    for x in items[:warmup]:
        call(x)
    samples = []
    for x in items:
        start = time.perf_counter()
        call(x)
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(name, tuple(samples))


@dataclass(frozen=True)
class Row:
    """One line of a result table: what FrontDesk did beside its floor."""

    kind: str
    ours: Timing
    floor: Timing

    @property
    def ratio_p95(self) -> float:
        return self.ours.p95 / self.floor.p95 if self.floor.p95 else float("inf")


def markdown_table(title: str, rows: list[Row]) -> str:
    lines = [f"### {title}", "",
             "| kind | n | FrontDesk p50 ms | p95 ms | floor p50 ms | floor p95 ms | p95 ratio |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.kind} | {len(r.ours.samples_ms)} | {r.ours.p50:.3f} | {r.ours.p95:.3f} "
                     f"| {r.floor.p50:.3f} | {r.floor.p95:.3f} | {r.ratio_p95:.2f}× |")
    return "\n".join(lines)
