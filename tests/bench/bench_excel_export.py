"""Excel export (issue 14): 100,000 clients written as the client list, beside the floor.

The floor is openpyxl's write-only workbook (with lxml) writing the same number of rows ×
columns of plain values (text, whole numbers, a date) with no database, no masking and no
formats, measured in the same run. Each timing runs in a child process, which reports its
time and its own peak memory (VmHWM, else ``ru_maxrss``); the parent seeds the database once (a bulk
insert). Target: the export's p95 ≤ 1.2× the floor's, peak memory under 200 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.stats import Row, Timing, markdown_table

TARGET_RATIO = 1.2
MEMORY_LIMIT_MB = 200
PASSWORD = "bench-export-9"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--export-clients", type=int, default=100_000,
                        help="clients of the Excel export benchmark (default 100,000)")
    parser.add_argument("--export-runs", type=int, default=3,
                        help="timed runs of the export and of its floor (default 3)")


def seed(path: Path, clients: int) -> None:
    """A migrated SQLite file with a store and ``clients`` clients, bulk inserted."""
    from sqlalchemy import insert

    from frontdesk.db import Database
    from frontdesk.migrate import upgrade
    from frontdesk.models import Client
    from frontdesk.services.registry import Services

    db = Database(f"sqlite:///{path}")
    upgrade(db)
    admin = Services(db, photos_dir=path.parent).store.initialise("基准店", "admin", "管理员",
                                                                  PASSWORD)
    rng = random.Random(14)
    tiers = ("普通", "银卡", "金卡", "钻石卡")
    batch = []
    for i in range(clients):
        batch.append(dict(
            branch_id=admin.branch_id, name=f"客户{i:06d}", gender=rng.choice(("female", "male")),
            phone_e164=f"+86139{i:08d}", phone_last4=f"{i % 10_000:04d}", member_no=f"M{i:08d}",
            birthday_calendar="solar", birth_year=1960 + i % 40, birth_month=1 + i % 12,
            birth_day=1 + i % 28, tier=tiers[i % 4], note=f"老客户，喜欢{i % 7}号包厢",
            consent_marketing=i % 2 == 0, created_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC)))
        if len(batch) == 10_000:
            with db.write() as s:
                s.execute(insert(Client), batch)
            batch = []
    if batch:
        with db.write() as s:
            s.execute(insert(Client), batch)
    db.dispose()


def child_ours(db_path: str, out: str) -> tuple[int, float]:
    """The export as the person waits for it: from the click to the file in place (the
    services are built and the person signed in before)."""
    from frontdesk.db import Database
    from frontdesk.services.exports.kinds import ExportKind
    from frontdesk.services.registry import Services
    from frontdesk.ui.exports.words import export_words

    db = Database(f"sqlite:///{db_path}")
    services = Services(db, photos_dir=Path(out).parent)
    actor = services.auth.sign_in("admin", PASSWORD)
    words = export_words("zh_CN")
    start = time.perf_counter()
    rows = services.exports.export(actor, ExportKind.CLIENTS, Path(out), words).rows
    return rows, time.perf_counter() - start


def child_floor(rows: str, out: str) -> tuple[int, float]:
    start = time.perf_counter()
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    day = dt.datetime(1990, 5, 3)
    for i in range(int(rows)):
        sheet.append([f"M{i:08d}", f"客户{i:06d}", "139 **** 1234", "女", day, "公历", "金卡",
                      1234.5, 12, day, "", "老客户，喜欢3号包厢", "是", "否", day])
    book.save(out)
    return int(rows), time.perf_counter() - start


def _peak_mb() -> float:
    """This process's peak resident memory: VmHWM, which exec resets (``ru_maxrss`` keeps
    the parent's high-water mark across exec on Linux), else ``ru_maxrss``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(which: str, arg: str, out: str) -> None:
    rows, seconds = (child_ours if which == "ours" else child_floor)(arg, out)
    peak = _peak_mb()
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "rows": rows}))


def _timed(which: str, arg: str, folder: Path) -> dict[str, float]:
    out = folder / f"{which}.xlsx"
    done = subprocess.run([sys.executable, "-m", "tests.bench.bench_excel_export", which, arg,
                           str(out)], check=True, capture_output=True, text=True)
    out.unlink()
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(args: argparse.Namespace) -> str:
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        folder = Path(tmp)
        db_path = folder / "bench.sqlite3"
        seed(db_path, args.export_clients)
        ours, floor = [], []
        for _ in range(args.export_runs):  # interleaved, so drift hits both alike
            ours.append(_timed("ours", str(db_path), folder))
            floor.append(_timed("floor", str(args.export_clients), folder))
    row = Row("clients", Timing("export", tuple(r["seconds"] * 1000 for r in ours)),
              Timing("floor", tuple(r["seconds"] * 1000 for r in floor)))
    peak, floor_peak = max(r["peak_mb"] for r in ours), max(r["peak_mb"] for r in floor)
    verdict = "met" if row.ratio_p95 <= TARGET_RATIO and peak < MEMORY_LIMIT_MB else "MISSED"
    return "\n".join([
        markdown_table(f"Excel export: {args.export_clients:,} clients × 15 columns "
                       f"(openpyxl write_only floor)", [row]), "",
        f"peak memory (child VmHWM): export {peak:.0f} MB, floor {floor_peak:.0f} MB; "
        f"target ≤ {TARGET_RATIO}× the floor's p95 and < {MEMORY_LIMIT_MB} MB: {verdict}"])


if __name__ == "__main__":
    _child(*sys.argv[1:4])
