"""The care scan (:class:`CareScanner`): the rules' drafts for the days not yet scanned become
care tasks, each once.

``care_scan_state.through_on`` says how far a store's scan has gone. A scan covers
the days after it up to ``through`` (today by default), so days the program was
closed are caught up; the first scan of a store covers today only, and its sources
look back (the churn rule finds who had lapsed already). Each source
(:data:`~frontdesk.services.care.occasions.CALENDAR_SOURCES`, then churn and spending
drops) proposes :class:`~frontdesk.services.care.drafts.TaskDraft` s; the scan
decides who each goes to (the client's manager from ``client_book``; the store's
pool, ``central``, when the client's tier plan is cared for centrally; the pool when
the client has no manager), leaves out marketing drafts of clients without marketing
consent and anonymised clients, and takes the rule's priority where the draft has none.

Writing is idempotent, so two terminals scanning at once both end right: each batch of
tasks is one ``INSERT … ON CONFLICT (branch_id, occasion) DO NOTHING`` (a task whose
occasion exists is not made again), and the state moves, once every task is in, with a
guarded UPDATE that only ever moves it forward. The churn and spending rules' tasks (a
first scan finds tens of thousands in a large store) are written by the database itself,
``INSERT … SELECT`` (:mod:`.churn_bulk`, one per window of lapse days;
:mod:`.spending_bulk`); the preview and the terminal's ``due`` read the same rows
through the sources' drafts. A scan that stops
half-way (a lost connection) leaves the state where it was; the next one inserts what
is missing. The scan is a
:func:`~frontdesk.db.unit_of_work`: run again whole when PostgreSQL undoes a batch.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.db import Database, unit_of_work
from frontdesk.models import Client, Visit, VisitStatus
from frontdesk.models.care import CareKind, CareScanState, CareTask, ClientBook
from frontdesk.services.care import stats
from frontdesk.services.care.churn import ChurnSource
from frontdesk.services.care.churn_bulk import insert_churn, lapse_windows
from frontdesk.services.care.drafts import OccasionSource, ScanContext, TaskDraft
from frontdesk.services.care.due_day import (
    DueLine,
    names_of,
    scanned_through,
    stored_lines,
    works,
)
from frontdesk.services.care.settings import (
    effective_festivals,
    effective_rules,
    effective_tier_plans,
    is_marketing,
)
from frontdesk.services.care.spending import SpendingDropSource
from frontdesk.services.care.spending_bulk import insert_drops
from frontdesk.services.care.views import ScanResult

INSERT_BATCH = 2_000
"""Tasks inserted per transaction (a terminal's writes wait at most one batch)."""
SMALL_SCAN_STEPS = 4
"""A scan with at most this many insert steps writes in one transaction (one commit)."""
BULK_SOURCES = (ChurnSource, SpendingDropSource)
"""Sources whose tasks the scan has the database write (the preview reads their drafts)."""
LOOKUP_BATCH = 900
"""Clients looked up per query (under SQLite's limit of bound parameters)."""
Progress = Callable[[str, int, int], None]


def default_sources() -> tuple[OccasionSource, ...]:
    """The calendar's and the cards' sources, the survey calls, then churn and spending
    drops."""
    from frontdesk.services.care.occasions import CALENDAR_SOURCES
    from frontdesk.services.surveys.source import SurveySource

    return (*CALENDAR_SOURCES, SurveySource(), ChurnSource(), SpendingDropSource())


@dataclass(frozen=True)
class _Recipient:
    """What the scan needs of a draft's client."""

    tier: str
    consent_marketing: bool
    manager_id: int | None


def _quiet(stage: str, done: int, total: int) -> None:
    """No progress report."""


class CareScanner:
    """Runs the care rules over the days not yet scanned; see the module's docstring."""

    def __init__(self, db: Database, clock: Clock,
                 sources: Sequence[OccasionSource] | None = None):
        self._db = db
        self._clock = clock
        self._sources = tuple(sources) if sources is not None else None

    @property
    def sources(self) -> tuple[OccasionSource, ...]:
        return self._sources if self._sources is not None else default_sources()

    @unit_of_work
    def scan(self, branch_id: int, *, through: dt.date | None = None,
             progress: Progress | None = None) -> ScanResult:
        """Scan the days after the last one scanned up to ``through`` (default today)."""
        started = time.perf_counter()
        report = progress or _quiet
        today = local_today(self._clock)
        through = through or today
        with self._db.read() as s:
            scanned = s.scalar(select(CareScanState.through_on)
                               .where(CareScanState.branch_id == branch_id))
            needs_stats = not stats.has_stats(s, branch_id) and _has_visits(s, branch_id)
        first = today if scanned is None else scanned + dt.timedelta(days=1)
        if first > through:
            return ScanResult(None, None, {}, time.perf_counter() - started)
        if needs_stats:
            stats.rebuild(self._db, branch_id, self._clock(), report)
        ctx, tasks = self._tasks(branch_id, first, through, today, scanned is None, report)
        made = self._write(ctx, tasks, first, through, report)
        return ScanResult(first, through, dict(made), time.perf_counter() - started)

    @unit_of_work
    def preview(self, branch_id: int, day: dt.date) -> list[TaskDraft]:
        """What a scan of ``day`` alone would propose (nothing is written; tasks that exist
        already are left out)."""
        with self._db.read() as s:
            return [d for d, _ in self._preview(s, branch_id, day)]

    @unit_of_work
    def due(self, actor: Actor, day: dt.date) -> list[DueLine]:
        """The tasks due on ``day`` that the actor works: those stored and, when ``day`` is
        not scanned yet, those its scan would make (``scanned`` False). Writes nothing."""
        with self._db.read() as s:
            lines = stored_lines(s, actor, day)
            through = scanned_through(s, actor.branch_id)
            if through is not None and day <= through:
                return lines
            new = [(d, row) for d, row in self._preview(s, actor.branch_id, day)
                   if d.due_on == day and works(actor, row["assigned_to_id"])]
            names = names_of(s, [d.client_id for d, _ in new if d.client_id is not None])
        return lines + [DueLine(d.kind, d.client_id, names.get(d.client_id or 0, ""), d.due_on,
                                d.reason, row["assigned_to_id"], False) for d, row in new]

    def _preview(self, s: Session, branch_id: int,
                 day: dt.date) -> list[tuple[TaskDraft, dict[str, Any]]]:
        """The drafts of a scan of ``day`` whose task does not exist, with the task's row."""
        ctx = self._context(s, branch_id, local_today(self._clock),
                            scanned_through(s, branch_id) is None)
        kept = _addressed(s, ctx, self._drafts(s, ctx, day, day, _quiet))
        existing = _existing(s, branch_id, [d.occasion for d, _ in kept])
        return [(d, _row(ctx, d, who)) for d, who in kept if d.occasion not in existing]

    def rebuild_stats(self, branch_id: int, progress: Progress | None = None) -> int:
        """Recompute every client's figures (after the churn or spending settings changed)."""
        return stats.rebuild(self._db, branch_id, self._clock(), progress)

    @unit_of_work
    def _tasks(self, branch_id: int, first: dt.date, last: dt.date, today: dt.date,
               first_scan: bool,
               report: Progress) -> tuple[ScanContext, list[dict[str, object]]]:
        """The scan's context, and the rows of the tasks the drafting sources propose (the
        churn and spending rules' are written by the database: :meth:`_write`)."""
        with self._db.read() as s:
            ctx = self._context(s, branch_id, today, first_scan)
            drafts = self._drafts(s, ctx, first, last, report, bulk=True)
            return ctx, [_row(ctx, d, r) for d, r in _addressed(s, ctx, drafts)]

    @unit_of_work
    def _write(self, ctx: ScanContext, rows: Sequence[dict[str, object]], first: dt.date,
               through: dt.date, report: Progress) -> Counter[CareKind]:
        """Insert the drafted rows in batches and the churn rule's tasks window by window
        (one transaction each), then move the state on in the last; a scan with little to
        write (a day's catch-up) does it all in one transaction."""
        steps = [partial(_insert_new, rows=rows[i:i + INSERT_BATCH])
                 for i in range(0, len(rows), INSERT_BATCH)]
        if self._has(ChurnSource) and ctx.rules[CareKind.CHURN].enabled:
            steps += [partial(_insert_churn, ctx=ctx, first=first, last=through,
                              window=w, now=self._clock())
                      for w in lapse_windows(ctx, first, through)]
        if self._has(SpendingDropSource) and ctx.rules[CareKind.SPENDING_DROP].enabled:
            steps.append(partial(_insert_drops, ctx=ctx, first=first, last=through,
                                 now=self._clock()))
        groups = [steps] if len(steps) <= SMALL_SCAN_STEPS else [[x] for x in steps] + [[]]
        made: Counter[CareKind] = Counter()
        for n, group in enumerate(groups):
            with self._db.write() as s:
                for step in group:
                    made.update(step(s))
                if n == len(groups) - 1:
                    _advance(s, ctx.branch_id, through, self._clock())
            report("tasks", n + 1, len(groups))
        return made

    def _has(self, kind: type[object]) -> bool:
        return any(isinstance(x, kind) for x in self.sources)

    def _context(self, s: Session, branch_id: int, today: dt.date,
                 first_scan: bool) -> ScanContext:
        return ScanContext(branch_id, today, effective_rules(s, branch_id),
                           effective_tier_plans(s, branch_id),
                           effective_festivals(s, branch_id), first_scan)

    def _drafts(self, s: Session, ctx: ScanContext, first: dt.date, last: dt.date,
                report: Progress, *, bulk: bool = False) -> list[TaskDraft]:
        """Every enabled source's drafts for ``first`` … ``last`` (``bulk``: but churn's)."""
        drafts: list[TaskDraft] = []
        sources = [x for x in self.sources if ctx.rules[x.kind].enabled
                   and not (bulk and isinstance(x, BULK_SOURCES))]
        for i, source in enumerate(sources):
            drafts.extend(source.drafts(s, ctx, first, last))
            report("rules", i + 1, len(sources))
        return drafts

def _has_visits(s: Session, branch_id: int) -> bool:
    return s.scalar(select(Visit.id).where(Visit.branch_id == branch_id,
                                           Visit.status == VisitStatus.CLOSED)
                    .limit(1)) is not None


def _recipients(s: Session, client_ids: Iterable[int]) -> dict[int, _Recipient]:
    """The clients' tier, consent and manager (anonymised clients are left out)."""
    ids = sorted(set(client_ids))
    found: dict[int, _Recipient] = {}
    for start in range(0, len(ids), LOOKUP_BATCH):
        batch = ids[start:start + LOOKUP_BATCH]
        rows = s.execute(select(Client.id, Client.tier, Client.consent_marketing,
                                ClientBook.staff_id)
                         .outerjoin(ClientBook, ClientBook.client_id == Client.id)
                         .where(Client.id.in_(batch), Client.anonymised_at.is_(None)))
        found.update((c, _Recipient(tier or "", bool(consent), manager))
                     for c, tier, consent, manager in rows)
    return found


def _addressed(s: Session, ctx: ScanContext,
               drafts: Sequence[TaskDraft]) -> list[tuple[TaskDraft, _Recipient | None]]:
    """The drafts to make, each with its client (None for a batch message): marketing drafts
    of clients without consent, and drafts of anonymised clients, are left out."""
    found = _recipients(s, (d.client_id for d in drafts if d.client_id is not None))
    kept: list[tuple[TaskDraft, _Recipient | None]] = []
    for draft in drafts:
        if draft.client_id is None:
            kept.append((draft, None))
            continue
        who = found.get(draft.client_id)
        if who is None or (is_marketing(draft.kind) and not who.consent_marketing):
            continue
        kept.append((draft, who))
    return kept


def _row(ctx: ScanContext, d: TaskDraft, who: _Recipient | None) -> dict[str, Any]:
    plan = ctx.plan_by_tier_name(who.tier) if who is not None and who.tier else None
    central = plan is not None and plan.central
    return {"branch_id": ctx.branch_id, "client_id": d.client_id, "kind": d.kind,
            "occasion": d.occasion[:96], "due_on": d.due_on, "event_on": d.event_on,
            "priority": d.priority if d.priority is not None else ctx.rules[d.kind].priority,
            "channel": d.channel, "marketing": is_marketing(d.kind),
            "assigned_to_id": None if central or who is None else who.manager_id,
            "central": central, "reason": d.reason[:255],
            "detail": json.dumps(dict(d.detail), ensure_ascii=False, sort_keys=True),
            "gift_types": ",".join(g.value for g in d.gift_types)}


def _dialect_insert(s: Session) -> Callable[[type[Any]], Any]:
    """The dialect's INSERT (the one with ON CONFLICT) of the session's database."""
    return pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert


def _insert_new(s: Session, *, rows: Sequence[dict[str, Any]]) -> Counter[CareKind]:
    """Insert the rows whose occasion is new to the branch; how many of each kind.

    PostgreSQL returns the kinds of the rows it inserted (its batched INSERT … RETURNING
    is fast); on SQLite one plain executemany per kind (the driver's own, no RETURNING,
    several times faster there) counts them by its row count.
    """
    if not rows:
        return Counter()
    table: Any = CareTask.__table__
    stmt = (_dialect_insert(s)(table)
            .on_conflict_do_nothing(index_elements=["branch_id", "occasion"]))
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        return Counter(CareKind(k) for k in
                       conn.execute(stmt.returning(table.c.kind), list(rows)).scalars())
    made: Counter[CareKind] = Counter()
    for kind in sorted({r["kind"] for r in rows}):
        of_kind = [r for r in rows if r["kind"] == kind]
        made[CareKind(kind)] += max(0, conn.execute(stmt, of_kind).rowcount)
    return +made


def _insert_churn(s: Session, *, ctx: ScanContext, first: dt.date, last: dt.date,
                  window: tuple[dt.date, dt.date], now: dt.datetime) -> Counter[CareKind]:
    made = insert_churn(s, ctx, first, last, window, now)
    return Counter({CareKind.CHURN: made}) if made else Counter()


def _insert_drops(s: Session, *, ctx: ScanContext, first: dt.date, last: dt.date,
                  now: dt.datetime) -> Counter[CareKind]:
    made = insert_drops(s, ctx, first, last, now)
    return Counter({CareKind.SPENDING_DROP: made}) if made else Counter()


def _advance(s: Session, branch_id: int, through: dt.date, now: dt.datetime) -> None:
    """Move the state forward to ``through`` (never back): a new row, or a guarded UPDATE."""
    s.execute(_dialect_insert(s)(CareScanState)
              .values(branch_id=branch_id, through_on=through, at=now)
              .on_conflict_do_nothing(index_elements=["branch_id"]))
    s.execute(update(CareScanState)
              .where(CareScanState.branch_id == branch_id, CareScanState.through_on < through)
              .values(through_on=through, at=now)
              .execution_options(synchronize_session=False))


def _existing(s: Session, branch_id: int, occasions: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(occasions), LOOKUP_BATCH):
        batch = occasions[start:start + LOOKUP_BATCH]
        found.update(s.scalars(select(CareTask.occasion).where(
            CareTask.branch_id == branch_id, CareTask.occasion.in_(batch))))
    return found
