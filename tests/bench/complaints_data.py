"""A store with two years of complaints, surveys and spot checks, for the report's benchmark.

A migrated SQLite database in ``bench-data/`` (its admin ``admin``): ``clients`` clients,
20 therapists, ``complaints`` complaint cases spread evenly over the 24 months before
:data:`END` (every stage; a resolution time of 1–120 hours for the cases past
investigation, a compensation for one in five, one in ten escalated, one in twenty
reopened; four to six steps each), as many surveys (one in eight low), and each month's
spot check of 20 care calls. Deterministic (``random.Random(1)``), made once and reused
while its name (complaints, clients, :data:`VERSION`) matches.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from frontdesk.db import Database
from frontdesk.migrate import upgrade
from frontdesk.models import Client, Staff
from frontdesk.models.care import CareCall
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStage,
    ComplaintStep,
    StepKind,
)
from frontdesk.models.survey import QualityCheck, QualityCheckItem, Survey, SurveyTemplate
from frontdesk.services.registry import Services

VERSION = 1
END = dt.datetime(2026, 11, 30, 16, 0, tzinfo=dt.UTC)
"""Midnight in Shanghai starting 1 December 2026: the data's last month is November 2026."""
MONTHS = 24
PASSWORD = "bench-complaints-2026"
BATCH = 5_000


def bench_path(complaints: int, clients: int) -> Path:
    return Path("bench-data") / f"complaints-{complaints}-{clients}-v{VERSION}.sqlite3"


def _batches(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i:i + BATCH]


def _insert(db: Database, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    for batch in _batches(rows):
        with db.write() as s:
            s.execute(insert(model), batch)


def _case(rng: random.Random, n: int, at: dt.datetime, staff: list[int],
          clients: int) -> dict[str, Any]:
    stage = rng.choice(list(ComplaintStage))
    resolved = stage in (ComplaintStage.FEEDBACK, ComplaintStage.CLOSED)
    return {"branch_id": 1, "ref_no": f"TS{n:08d}", "received_at": at,
            "client_id": rng.randint(1, clients), "staff_id": rng.choice([*staff, None]),
            "owner_id": 1, "category": rng.choice(list(ComplaintCategory)),
            "severity": rng.choice(list(ComplaintSeverity)),
            "channel": rng.choice(list(ComplaintChannel)), "stage": stage,
            "resolved_at": at + dt.timedelta(hours=rng.randint(1, 120)) if resolved else None,
            "compensation_fen": rng.randint(1, 500) * 100 if resolved and n % 5 == 0 else 0,
            "reopen_count": int(n % 20 == 0), "words": "等了很久", "version": 1}


def _steps(case_id: int, case: dict[str, Any]) -> list[dict[str, Any]]:
    at: dt.datetime = case["received_at"]
    kinds = [StepKind.TAKEN, StepKind.MOVED, StepKind.MOVED, StepKind.NOTE]
    if case_id % 10 == 0:
        kinds.append(StepKind.ESCALATED)
    if case["reopen_count"]:
        kinds.append(StepKind.REOPENED)
    return [{"complaint_id": case_id, "kind": k, "at": at + dt.timedelta(hours=6 * i),
             "note": ""} for i, k in enumerate(kinds)]


def _survey(rng: random.Random, n: int, at: dt.datetime, clients: int) -> dict[str, Any]:
    low = n % 8 == 0
    scores = {d: rng.randint(1, 3) if low else rng.randint(3, 5)
              for d in ("attitude", "efficiency", "product_quality", "environment", "price")}
    return {"branch_id": 1, "template_id": 1, "client_id": rng.randint(1, clients),
            "entered_by_id": 1, "answered_at": at, "recommend": rng.randint(0, 10),
            "low": low, "comment": "=很满意" if n % 50 == 0 else "", **scores}


def _when(rng: random.Random) -> dt.datetime:
    return END - dt.timedelta(seconds=rng.randint(1, MONTHS * 30 * 86_400))


def _checks(db: Database, staff: list[int]) -> None:
    calls = [{"branch_id": 1, "client_id": 1 + i % 50, "staff_id": 1, "channel": "call",
              "outcome": "reached", "at": END - dt.timedelta(days=i * 1.5)}
             for i in range(MONTHS * 20)]
    _insert(db, CareCall, calls)
    month = END.astimezone().date().replace(day=1)
    for m in range(MONTHS):
        with db.write() as s:
            check = QualityCheck(branch_id=1, month=month, inspector_id=staff[0],
                                 content="问候语、话术", results="基本合格", problems="-未报店名",
                                 fixes="培训")
            s.add(check)
            s.flush()
            s.execute(insert(QualityCheckItem), [
                {"check_id": check.id, "call_id": 1 + m * 20 + i,
                 "verdict": ("pass", "fail", "pending")[i % 3]} for i in range(20)])
        month = (month - dt.timedelta(days=1)).replace(day=1)


def generate(db: Database, complaints: int, clients: int,
             say: Callable[[str], None] = print) -> None:
    rng = random.Random(1)
    services = Services(db, photos_dir=Path("/nonexistent"))
    services.store.initialise("水沐莲清美容会所", "admin", "管理员", PASSWORD)
    _insert(db, Client, [{"branch_id": 1, "name": f"客户{i}",
                          "phone_e164": f"+86139{i:08d}", "phone_last4": f"{i % 10_000:04d}"}
                         for i in range(clients)])
    _insert(db, Staff, [{"branch_id": 1, "username": f"t{i}", "display_name": f"美容师{i}",
                         "role": "therapist"} for i in range(20)])
    with db.read() as s:
        staff = list(s.scalars(select(Staff.id).where(Staff.role == "therapist")))
    say(f"{complaints:,} complaints…")
    cases = [_case(rng, n, _when(rng), staff, clients) for n in range(complaints)]
    _insert(db, Complaint, cases)
    _insert(db, ComplaintStep, [step for i, case in enumerate(cases, 1)
                                for step in _steps(i, case)])
    with db.write() as s:
        s.add(SurveyTemplate(branch_id=1, name="默认"))
    _insert(db, Survey, [_survey(rng, n, _when(rng), clients) for n in range(complaints)])
    _checks(db, staff)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def open_bench(complaints: int, clients: int, url: str = "",
               say: Callable[[str], None] = print) -> Database:
    """The benchmark database in bench-data/ (or at ``url``, a PostgreSQL database that is
    wiped and filled unless it holds as many complaints already), made when missing."""
    if url:
        return _open_pg(url, complaints, clients, say)
    path = bench_path(complaints, clients)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        building = path.with_name("building-" + path.name)
        for leftover in building.parent.glob(building.name + "*"):
            leftover.unlink()
        db = Database(f"sqlite:///{building}")
        upgrade(db)
        generate(db, complaints, clients, say)
        db.dispose()
        building.rename(path)
    return Database(f"sqlite:///{path}")


def _open_pg(url: str, complaints: int, clients: int, say: Callable[[str], None]) -> Database:
    db = Database(url)
    with db.engine.connect() as conn:
        made = conn.execute(text("SELECT to_regclass('complaint') IS NOT NULL")).scalar()
    if made:
        with db.read() as s:
            if s.scalar(select(func.count()).select_from(Complaint)) == complaints:
                return db
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade(db)
    generate(db, complaints, clients, say)
    return db
