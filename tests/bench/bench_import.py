"""Benchmark ``excel-import``: a store's client list of 100,000 rows × 12 columns into FrontDesk.

Each round, each part in a process of its own (so its peak memory is its own):

- the write floor: openpyxl ``write_only`` writing the workbook (with lxml, as installed);
- the read floor: openpyxl ``read_only`` reading every cell's value of the same file;
- FrontDesk: ``ImportService.open`` (python-calamine, headings, every row normalised and
  checked, compared with the database) and ``.commit`` (one transaction: the clients, their
  search keys, tiers and an opening balance each) into a fresh, migrated SQLite file.

Reported: p50/p95 over the rounds, FrontDesk's ratio to each floor (the issue's target:
the import ≤ 1.0× the read floor) and each part's peak memory (of its own process; target
under 200 MB; ``VmHWM`` on Linux, see :func:`_peak`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from tests.bench.stats import Row, Timing, markdown_table

HEADINGS = ("姓名", "手机", "性别", "生日", "会员等级", "卡内余额", "备注", "会员号", "过敏史",
            "地址", "职业", "来源")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅琳雪婷"
TIERS = ("普通", "银卡", "金卡", "钻石卡")
PASSWORD = "bench-import-7"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--import-rows", type=int, default=100_000,
                        help="rows of the excel-import benchmark's sheet (100,000)")
    parser.add_argument("--import-rounds", type=int, default=3,
                        help="rounds of the excel-import benchmark (default 3)")


def sheet_rows(count: int) -> Iterator[tuple[object, ...]]:
    """The list as a store keeps it: phones as numbers, dates as date cells, amounts."""
    for i in range(count):
        name = SURNAMES[i % 20] + GIVEN[i % 31] + (GIVEN[(i // 31) % 31] if i % 3 else "")
        yield (name, 13_000_000_000 + i * 7, "女" if i % 5 else "男",
               dt.date(1960 + i % 45, 1 + i % 12, 1 + i % 28), TIERS[i % 4],
               round((i % 5_000) * 10.5, 2), "老客户" if i % 7 == 0 else None, f"M{i:07d}",
               "芒果" if i % 50 == 0 else None, f"幸福路{i % 999}号", "教师", "朋友介绍")


def write_floor(path: Path, count: int) -> tuple[float, int]:
    from openpyxl import Workbook

    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("会员")
    sheet.append(HEADINGS)
    for row in sheet_rows(count):
        sheet.append(row)
    book.save(path)
    return time.perf_counter() - started, _peak()


def read_floor(path: Path) -> tuple[float, int]:
    from openpyxl import load_workbook

    started = time.perf_counter()
    book = load_workbook(path, read_only=True)
    cells = sum(len(row) for row in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert cells > 0
    return time.perf_counter() - started, _peak()


def frontdesk_import(path: Path, template: Path, work: Path) -> tuple[float, int]:
    from frontdesk.db import Database
    from frontdesk.services.registry import Services

    database = work / "import.sqlite3"
    shutil.copy(template, database)
    db = Database(f"sqlite:///{database}")
    services = Services(db, photos_dir=work / "photos")
    actor = services.auth.sign_in("admin", PASSWORD)
    started = time.perf_counter()
    preview = services.imports.open(actor, path)
    result = services.imports.commit(actor, preview)
    elapsed = time.perf_counter() - started
    assert result.rejected == 0 and result.created == len(preview.rows), preview.counts
    db.dispose()
    return elapsed, _peak()


def _peak() -> int:
    """This process's peak resident memory, in MB: ``VmHWM`` of its own memory map on Linux
    (``ru_maxrss`` keeps the high-water mark of the process it was forked from, the bench's
    runner with every other benchmark imported), else ``ru_maxrss``."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _in_child(call: Callable[..., tuple[float, int]], *args: object) -> tuple[float, int]:
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(call, *args).result()


def _template(work: Path) -> Path:
    from frontdesk.db import Database
    from frontdesk.migrate import upgrade
    from frontdesk.services.registry import Services

    path = work / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    Services(db, photos_dir=work / "photos").store.initialise("基准美容会所", "admin", "管理员",
                                                              PASSWORD)
    db.dispose()
    return path


def run(args: argparse.Namespace) -> str:
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    template = _template(work)
    path = work / "clients.xlsx"
    parts: dict[str, list[tuple[float, int]]] = {"write": [], "read": [], "import": []}
    for _ in range(args.import_rounds):
        parts["write"].append(_in_child(write_floor, path, args.import_rows))
        parts["read"].append(_in_child(read_floor, path))
        parts["import"].append(_in_child(frontdesk_import, path, template, work))
    timing = {name: Timing(name, tuple(s * 1000 for s, _ in runs)) for name, runs in parts.items()}
    title = (f"Excel import, {args.import_rows:,} rows × {len(HEADINGS)} columns "
             f"({path.stat().st_size / 2**20:.1f} MB .xlsx), SQLite, {args.import_rounds} rounds")
    table = markdown_table(title, [
        Row("import (open + commit) vs openpyxl read_only", timing["import"], timing["read"]),
        Row("import (open + commit) vs openpyxl write_only", timing["import"], timing["write"])])
    memory = ["", "| part | peak memory MB (max over rounds) |", "|---|---:|"]
    memory += [f"| {name} | {max(m for _, m in runs)} |" for name, runs in parts.items()]
    shutil.rmtree(work, ignore_errors=True)
    return table + "\n" + "\n".join(memory)
