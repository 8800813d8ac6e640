"""Each client's visiting figures (:class:`~frontdesk.models.care.ClientStats`), the row the
churn and spending rules select by instead of grouping every visit.

The figures of one client come from their closed visits (the day each arrived,
local time) and their consumption lines (what they spent, and on which day):

- ``median_gap_days``: the median of the days between consecutive visit days
  (rounded up); None below two visit days.
- ``lapse_on``: the first day the client counts as lapsed if they do not come
  again: the last visit + max(2 × the median gap, the churn rule's ``floor_days``);
  with one visit, the last visit + the floor.
- ``drop_on``: the first day after the last spend on which the spending-drop rule
  holds if they spend nothing more (:func:`drop_on`); None when it never does.

They are kept up to date at check-out, in its transaction (:class:`StatsKeeper`, the
desk's :class:`~frontdesk.services.desk.visit_closed.VisitClosed`), reading only the
client's own rows by their ``(client_id, …)`` indexes; :func:`rebuild` recomputes a
whole store in batches (a database that has visits but no figures yet, the demo, and
after the churn or spending settings changed).
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.db import Database, unit_of_work
from frontdesk.models import Client, ConsumptionLine, Visit, VisitStatus
from frontdesk.models.care import CareKind, ClientStats
from frontdesk.services.care.settings import RuleSettings, effective_rules

REBUILD_BATCH = 5_000
"""Clients (by id range) recomputed per transaction by :func:`rebuild`."""
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DropRule:
    """The spending-drop rule's numbers (see DEFAULT_RULES in settings)."""

    window_days: int
    usual_days: int
    ratio_percent: int
    min_usual_fen: int

    @classmethod
    def of(cls, rule: RuleSettings) -> DropRule:
        return cls(max(1, rule.param("window_days")), max(1, rule.param("usual_days")),
                   rule.param("ratio_percent"), rule.param("min_usual_fen"))


@dataclass(frozen=True)
class Figures:
    """One client's figures, before they are written."""

    client_id: int
    visits: int
    first_visit_on: dt.date | None
    last_visit_on: dt.date | None
    median_gap_days: int | None
    spend_total_fen: int
    lapse_on: dt.date | None
    drop_on: dt.date | None


@dataclass(frozen=True)
class Window:
    """The spending-drop rule's two sums on a day: the recent window and the usual per window."""

    recent_fen: int
    usual_per_window_fen: int

    def holds(self, rule: DropRule) -> bool:
        return (self.usual_per_window_fen >= rule.min_usual_fen
                and self.recent_fen * 100 < rule.ratio_percent * self.usual_per_window_fen)


def median_gap(days: Sequence[dt.date]) -> int | None:
    """The median number of days between consecutive distinct visit days, rounded up."""
    distinct = sorted(set(days))
    gaps = [(b - a).days for a, b in zip(distinct, distinct[1:], strict=False)]
    return math.ceil(statistics.median(gaps)) if gaps else None


def lapse_on(last: dt.date | None, gap: int | None, floor_days: int) -> dt.date | None:
    if last is None:
        return None
    return last + dt.timedelta(days=max(2 * gap if gap else 0, floor_days))


def window_on(day: dt.date, spends: Mapping[dt.date, int], rule: DropRule) -> Window:
    """The recent window's spend (the ``window_days`` ending on ``day``) and the usual spend
    per window (over the ``usual_days`` before it), in whole fen (rounded down)."""
    recent_from = day - dt.timedelta(days=rule.window_days)
    usual_from = recent_from - dt.timedelta(days=rule.usual_days)
    recent = sum(f for d, f in spends.items() if recent_from < d <= day)
    usual = sum(f for d, f in spends.items() if usual_from < d <= recent_from)
    return Window(recent, usual * rule.window_days // rule.usual_days)


def drop_on(spends: Mapping[dt.date, int], rule: DropRule) -> dt.date | None:
    """The first day after the last spend on which the rule holds if nothing more is spent.

    Between the days a spend leaves the recent window (its day + window) or the usual
    one (+ window + usual) the sums do not change, so those days (and the day after the
    last spend) are the only ones to try.
    """
    spent = {d: f for d, f in spends.items() if f > 0}
    if not spent:
        return None
    start = max(spent) + dt.timedelta(days=1)
    window, usual = dt.timedelta(days=rule.window_days), dt.timedelta(days=rule.usual_days)
    candidates = {start} | {d + window for d in spent} | {d + window + usual for d in spent}
    for day in sorted(c for c in candidates if c >= start):
        if window_on(day, spent, rule).holds(rule):
            return day
    return None


def figures(client_id: int, visit_days: Sequence[dt.date], spends: Mapping[dt.date, int],
            rules: Mapping[CareKind, RuleSettings]) -> Figures:
    """A client's figures from their visit days and their spend by day."""
    first = min(visit_days, default=None)
    last = max(visit_days, default=None)
    gap = median_gap(visit_days)
    churn_floor = rules[CareKind.CHURN].param("floor_days")
    return Figures(client_id, len(visit_days), first, last, gap, sum(spends.values()),
                   lapse_on(last, gap, churn_floor),
                   drop_on(spends, DropRule.of(rules[CareKind.SPENDING_DROP])))


def local_day(at: dt.datetime) -> dt.date:
    """The store's calendar day of a stored (UTC) time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone().date()


def _visit_days(s: Session, client_ids: Sequence[int]) -> dict[int, list[dt.date]]:
    days: dict[int, list[dt.date]] = defaultdict(list)
    rows = s.connection().execute(select(Visit.client_id, Visit.arrived_at)
                                  .where(Visit.client_id.in_(client_ids),
                                         Visit.status == VisitStatus.CLOSED))
    for client_id, arrived in rows:
        days[client_id].append(local_day(arrived))
    return days


def _spends(s: Session, client_ids: Sequence[int]) -> dict[int, dict[dt.date, int]]:
    spends: dict[int, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    rows = s.connection().execute(select(ConsumptionLine.client_id, ConsumptionLine.at,
                                         ConsumptionLine.amount_fen)
                                  .where(ConsumptionLine.client_id.in_(client_ids)))
    for client_id, at, amount in rows:
        spends[client_id][local_day(at)] += amount
    return spends


def client_figures(s: Session, client_ids: Sequence[int],
                   rules: Mapping[CareKind, RuleSettings]) -> list[Figures]:
    """The figures of these clients (those with a closed visit), read by their indexes."""
    days = _visit_days(s, client_ids)
    spends = _spends(s, client_ids)
    return [figures(c, days[c], spends.get(c, {}), rules) for c in client_ids if days.get(c)]


def client_spends(s: Session, client_ids: Sequence[int]) -> dict[int, dict[dt.date, int]]:
    """The clients' spend by day (the numbers behind spending-drop warnings), in batches."""
    found: dict[int, dict[dt.date, int]] = {}
    ids = sorted(set(client_ids))
    for start in range(0, len(ids), 900):
        found.update(_spends(s, ids[start:start + 900]))
    return found


def write_figures(s: Session, branch_id: int, rows: Iterable[Figures], now: dt.datetime) -> int:
    """Insert or replace the clients' rows (an upsert on both databases); how many."""
    values = [_row(branch_id, f, now) for f in rows]
    if not values:
        return 0
    make = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = make(ClientStats)
    changed = {k: stmt.excluded[k] for k in values[0] if k != "client_id"}
    s.connection().execute(
        stmt.on_conflict_do_update(index_elements=["client_id"], set_=changed), values)
    return len(values)


class StatsKeeper:
    """The desk's hook after a visit is closed: the client's figures, in the same transaction."""

    def closed(self, s: Session, actor: Actor, client_id: int, now: dt.datetime) -> None:
        rules = effective_rules(s, actor.branch_id)
        write_figures(s, actor.branch_id, client_figures(s, [client_id], rules), now)


def has_stats(s: Session, branch_id: int) -> bool:
    return s.scalar(select(ClientStats.client_id).where(ClientStats.branch_id == branch_id)
                    .limit(1)) is not None


@unit_of_work
def rebuild(db: Database, branch_id: int, now: dt.datetime,
            progress: Progress | None = None) -> int:
    """Recompute every client's figures of the store, :data:`REBUILD_BATCH` clients (an id
    range) per transaction; the number of clients with figures."""
    with db.read() as s:
        low: int | None = s.scalar(select(func.min(Client.id))
                                   .where(Client.branch_id == branch_id))
        high: int | None = s.scalar(select(func.max(Client.id))
                                    .where(Client.branch_id == branch_id))
        rules = effective_rules(s, branch_id)
    if low is None or high is None:
        return 0
    written = 0
    for start in range(low, high + 1, REBUILD_BATCH):
        end = min(start + REBUILD_BATCH - 1, high)
        with db.write() as s:
            written += _rebuild_range(s, branch_id, start, end, rules, now)
        if progress is not None:
            progress("stats", end - low + 1, high - low + 1)
    return written


def _rebuild_range(s: Session, branch_id: int, start: int, end: int,
                   rules: Mapping[CareKind, RuleSettings], now: dt.datetime) -> int:
    """The figures of the store's clients with ids ``start`` … ``end``: their visits and lines
    read by the ``(client_id, …)`` indexes (a filter on the rows' branch would tempt a
    planner to walk the branch's index instead)."""
    conn = s.connection()
    clients = set(conn.execute(select(Client.id).where(Client.id.between(start, end),
                                                       Client.branch_id == branch_id)).scalars())
    days: dict[int, list[dt.date]] = defaultdict(list)
    for client_id, arrived in conn.execute(
            select(Visit.client_id, Visit.arrived_at)
            .where(Visit.client_id.between(start, end), Visit.status == VisitStatus.CLOSED)):
        days[client_id].append(local_day(arrived))
    spends: dict[int, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for client_id, at, amount in conn.execute(
            select(ConsumptionLine.client_id, ConsumptionLine.at, ConsumptionLine.amount_fen)
            .where(ConsumptionLine.client_id.between(start, end))):
        spends[client_id][local_day(at)] += amount
    s.execute(delete(ClientStats).where(ClientStats.client_id.between(start, end),
                                        ClientStats.branch_id == branch_id))
    rows = [figures(c, d, spends.get(c, {}), rules) for c, d in sorted(days.items())
            if c in clients]
    return write_figures(s, branch_id, rows, now)  # an upsert: a check-out may have written one


def _row(branch_id: int, f: Figures, now: dt.datetime) -> dict[str, object]:
    return {"client_id": f.client_id, "branch_id": branch_id, "visits": f.visits,
            "first_visit_on": f.first_visit_on, "last_visit_on": f.last_visit_on,
            "median_gap_days": f.median_gap_days, "spend_total_fen": f.spend_total_fen,
            "lapse_on": f.lapse_on, "drop_on": f.drop_on, "refreshed_at": now}
