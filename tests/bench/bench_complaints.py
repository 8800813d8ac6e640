"""Benchmark: the month's complaints report and its workbook, over two years of complaints.

The database (:mod:`tests.bench.complaints_data`): 20,000 complaints with their steps,
20,000 surveys and the monthly spot checks, made once and kept in bench-data/. FrontDesk:
``Services.complaint_report.month()`` and ``.export()`` as the program calls them (audited),
as the store's admin, for each of the data's last twelve months. The floors, in the same
run: the very SELECT statements the service sent for that month (captured from the engine)
run bare with ``sqlite3``, without SQLAlchemy, Python objects or the audit row; for the
export, those statements and bare openpyxl (write-only) writing the same cells' values
(read back from FrontDesk's workbook) without formats or escaping.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import event

from frontdesk.db import Database, sqlite_path
from frontdesk.services.registry import Services
from tests.bench.complaints_data import END, MONTHS, PASSWORD, open_bench
from tests.bench.stats import Row, Timing, markdown_table

Statement = tuple[str, Any]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--complaints", type=int, default=20_000,
                        help="complaints (and surveys) of the complaints benchmark (20,000)")
    parser.add_argument("--complaint-clients", type=int, default=2_000)
    parser.add_argument("--complaint-runs", type=int, default=5,
                        help="rounds over the last twelve months (default 5)")
    parser.add_argument("--complaints-pg", metavar="URL", default="",
                        help="also on this PostgreSQL database (wiped and filled)")


@contextmanager
def _captured(db: Database) -> Iterator[list[Statement]]:
    seen: list[Statement] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
               executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _months() -> list[dt.date]:
    month = END.astimezone().date().replace(day=1) - dt.timedelta(days=1)
    found = []
    for _ in range(min(12, MONTHS - 1)):
        found.append(month.replace(day=1))
        month = month.replace(day=1) - dt.timedelta(days=1)
    return found


def _times(name: str, call: Callable[[dt.date], object], months: list[dt.date],
           runs: int) -> Timing:
    call(months[0])
    samples = []
    for _ in range(runs):
        for month in months:
            started = time.perf_counter()
            call(month)
            samples.append((time.perf_counter() - started) * 1000)
    return Timing(name, tuple(samples))


def _bare_sql(conn: Any, statements: list[Statement]) -> None:
    """The statements through the bare driver (sqlite3, or psycopg's cursor)."""
    for sql, parameters in statements:
        conn.execute(sql, parameters).fetchall()


def _bare_connection(db: Database) -> Any:
    if db.is_sqlite:
        file = sqlite_path(db.url)
        assert file is not None
        return sqlite3.connect(file)
    import psycopg

    return psycopg.connect(db.engine.url.set(drivername="postgresql").render_as_string(
        hide_password=False), autocommit=True)


def _bare_xlsx(sheets: list[tuple[str, list[tuple[Any, ...]]]], path: Path) -> None:
    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title=title)
        for row in rows:
            sheet.append(row)
    book.save(path)


def _measure(db: Database, runs: int, title: str) -> str:
    services = Services(db, lambda: END, photos_dir=Path("/nonexistent"))
    actor = services.auth.sign_in("admin", PASSWORD)
    report = services.complaint_report
    months = _months()
    out = Path(tempfile.mkdtemp(prefix="bench-complaints-"))
    month_sql: dict[dt.date, list[Statement]] = {}
    export_sql: dict[dt.date, list[Statement]] = {}
    cells: dict[dt.date, list[tuple[str, list[tuple[Any, ...]]]]] = {}
    for month in months:
        with _captured(db) as seen:
            report.month(actor, month)
        month_sql[month] = seen
        with _captured(db) as seen:
            path = report.export(actor, month, out / f"{month:%Y%m}.xlsx")
        export_sql[month] = seen
        book = load_workbook(path, read_only=True)
        cells[month] = [(s.title, [tuple(r) for r in s.iter_rows(values_only=True)])
                        for s in book.worksheets]
        book.close()
    raw = _bare_connection(db)
    rows = [
        Row("month(): the report", _times("month", lambda m: report.month(actor, m), months,
                                          runs),
            _times("floor", lambda m: _bare_sql(raw, month_sql[m]), months, runs)),
        Row("export(): the workbook", _times(
            "export", lambda m: report.export(actor, m, out / f"{m:%Y%m}.xlsx"), months, runs),
            _times("floor", lambda m: (_bare_sql(raw, export_sql[m]),
                                       _bare_xlsx(cells[m], out / f"bare-{m:%Y%m}.xlsx")),
                   months, runs)),
    ]
    raw.close()
    return markdown_table(title, rows)


def run(args: argparse.Namespace) -> str:
    per_month = args.complaints // MONTHS
    title = (f"Complaints report, {args.complaints:,} complaints and surveys over {MONTHS} "
             f"months (~{per_month:,} a month), {{db}}, each of the last 12 months")
    sections = [_measure(open_bench(args.complaints, args.complaint_clients),
                         args.complaint_runs, title.format(db="SQLite"))]
    if args.complaints_pg:
        db = open_bench(args.complaints, args.complaint_clients, args.complaints_pg)
        sections.append(_measure(db, args.complaint_runs, title.format(db="PostgreSQL")))
        db.dispose()
    else:
        sections.append("(PostgreSQL skipped: give --complaints-pg URL.)")
    return "\n\n".join(sections)
