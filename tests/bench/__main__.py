"""Run the benchmarks: ``make bench``, or ``python -m tests.bench [BENCH…] [--clients N]``.

BENCH is any of search, typing, screens, sheet, startup, card_checkout, card_search, cards,
care, complaints, excel-import, excel-export, roundtrip and bundle (default: all of them).

Each benchmark module has ``add_arguments(parser)`` and ``run(args) -> str`` (a
markdown section); the sections are printed and written to bench-results.md.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

BENCHMARKS = ("search", "typing", "screens", "sheet", "startup", "card_checkout", "card_search",
              "cards", "care", "complaints", "excel-import", "excel-export",
              "roundtrip", "bundle")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("which", nargs="*", metavar="BENCH",
                        help=f"which to run: {', '.join(BENCHMARKS)} (default: all)")
    modules = {}
    for name in BENCHMARKS:
        try:
            modules[name] = importlib.import_module(f"tests.bench.bench_{name.replace('-', '_')}")
        except ModuleNotFoundError:
            continue
        modules[name].add_arguments(parser)
    args = parser.parse_args()
    unknown = set(args.which) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    sections = [modules[name].run(args) for name in (args.which or BENCHMARKS) if name in modules]
    report = "\n\n".join(sections)
    print(report)
    Path("bench-results.md").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
