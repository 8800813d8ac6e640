"""Run the reliability probes: ``make reliability``, or
``python -m tests.reliability [NAME…] [--pg URL] [--readme]``.

Every probe runs on SQLite, and on PostgreSQL when ``--pg`` (or
``FRONTDESK_TEST_PG_URL``) gives a server whose database may be wiped. The table
is printed and written to reliability-results.md; ``--readme`` also puts it into
the README between the reliability markers.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

from tests.reliability.probe import PROBES, Backend, Outcome

ROOT = Path(__file__).resolve().parents[2]
BEGIN, END = "<!-- reliability:begin -->", "<!-- reliability:end -->"


def load_probes() -> None:
    package = Path(__file__).parent
    for module in sorted(m.name for m in pkgutil.iter_modules([str(package)])):
        if module.startswith("probes_"):
            importlib.import_module(f"tests.reliability.{module}")


def row(name: str, backend: Backend, out: Outcome, seconds: float) -> str:
    verdict = "ok" if out.ok else "**FAILED**"
    return (f"| {name} | {backend.name} | {out.attempts} | {out.accepted} | {out.lost} | "
            f"{out.errors} | {out.expected} | {verdict} | {seconds:.1f} |")


def report(backends: list[Backend], wanted: set[str]) -> tuple[str, bool]:
    lines = ["| probe | database | attempts | accepted | lost | raw errors | correct is | "
             "result | s |", "|---|---|---:|---:|---:|---:|---|---|---:|"]
    described, all_ok = [], True
    for p in PROBES:
        if wanted and p.name not in wanted:
            continue
        described.append(f"- **{p.name}**: {p.what}")
        for backend in backends:
            started = time.perf_counter()
            out = p.run(backend)
            lines.append(row(p.name, backend, out, time.perf_counter() - started))
            all_ok &= out.ok
            print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines) + "\n\n" + "\n".join(described), all_ok


def write_readme(table: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    readme.write_text(text[:start] + "\n" + table + "\n" + text[end:], encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability")
    parser.add_argument("which", nargs="*", metavar="NAME", help="probes to run (default: all)")
    parser.add_argument("--pg", default=os.environ.get("FRONTDESK_TEST_PG_URL", ""),
                        help="a PostgreSQL URL whose database the probes may wipe")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    load_probes()
    backends = [Backend("sqlite")] + ([Backend("postgresql", args.pg)] if args.pg else [])
    table, all_ok = report(backends, set(args.which))
    print(table)
    (ROOT / "reliability-results.md").write_text(table + "\n", encoding="utf-8")
    if args.readme:
        write_readme(table)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
