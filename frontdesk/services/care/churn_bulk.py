"""The churn rule's tasks written by the database itself, for the scan (not the preview).

A store's first scan finds every client who had lapsed already: tens of thousands of
tasks in a large store, which one ``INSERT … SELECT … ON CONFLICT DO NOTHING`` per
window of lapse days (:data:`BULK_DAYS`) writes without a row passing through Python.
The rows are the ones :meth:`~frontdesk.services.care.churn.ChurnSource.drafts` proposes
after the scan has addressed them (the same occasion, due day, detail, the client's
manager or the pool for a central tier, no task for a client without marketing consent
or anonymised): ``tests/unit/test_care_scan.py`` holds the two paths to each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Date, Integer, String, Text, case, cast, false, func, literal, select, true
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from frontdesk.models import Client
from frontdesk.models.care import (
    CareChannel,
    CareKind,
    CareStatus,
    CareTask,
    ClientBook,
    ClientStats,
)
from frontdesk.services.care.churn import REASON
from frontdesk.services.care.drafts import ScanContext

BULK_DAYS = 31
"""Lapse days written per statement (and transaction): a first scan's few thousand rows each."""
COLUMNS = ("branch_id", "client_id", "kind", "occasion", "due_on", "event_on", "priority",
           "channel", "marketing", "assigned_to_id", "central", "status", "reason", "detail",
           "gift_types", "note", "snoozes", "created_at", "version")


def lapse_windows(ctx: ScanContext, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The lapse days to write, in windows of :data:`BULK_DAYS`: ``first`` … ``last``, or on the
    first scan every day back to ``max_days`` before ``last`` (a lapse falls after the last
    visit, which must be within ``max_days``)."""
    low = last - dt.timedelta(days=ctx.rules[CareKind.CHURN].param("max_days")) \
        if ctx.first_scan else first
    windows = []
    while low <= last:
        high = min(low + dt.timedelta(days=BULK_DAYS - 1), last)
        windows.append((low, high))
        low = high + dt.timedelta(days=1)
    return windows


def insert_churn(s: Session, ctx: ScanContext, first: dt.date, last: dt.date,
                 window: tuple[dt.date, dt.date], now: dt.datetime) -> int:
    """Insert the churn tasks of clients lapsing in ``window``; how many were new."""
    postgres = s.get_bind().dialect.name == "postgresql"
    make: Any = pg_insert if postgres else sqlite_insert
    query = _select(ctx, first, last, window, now, postgres=postgres)
    stmt = make(CareTask.__table__).from_select(list(COLUMNS), query).on_conflict_do_nothing(
        index_elements=["branch_id", "occasion"])
    if postgres:  # counted by what it returns: psycopg reports no row count here
        return len(s.connection().execute(stmt.returning(CareTask.__table__.c.id)).all())
    return max(0, s.connection().execute(stmt).rowcount)


def _select(ctx: ScanContext, first: dt.date, last: dt.date, window: tuple[dt.date, dt.date],
            now: dt.datetime, *, postgres: bool) -> Any:
    rule = ctx.rules[CareKind.CHURN]
    stats = ClientStats
    due = case((stats.lapse_on > literal(first, Date), stats.lapse_on),
               else_=literal(first, Date))
    central_tiers = [p.tier_name for p in ctx.tier_plans.values() if p.central]
    is_central: Any = Client.tier.in_(central_tiers) if central_tiers else false()
    query = (select(
        literal(ctx.branch_id), stats.client_id, literal(CareKind.CHURN.value),
        literal("churn:") + cast(stats.client_id, String) + literal(":")
        + cast(stats.last_visit_on, String),
        due, stats.lapse_on, literal(rule.priority), literal(CareChannel.CALL.value), true(),
        case((is_central, None), else_=ClientBook.staff_id), case((is_central, true()),
                                                                  else_=false()),
        literal(CareStatus.OPEN.value), literal(REASON),
        _detail(due, rule.param("floor_days"), postgres=postgres), literal(""), literal(""),
        literal(0), literal(now, CareTask.__table__.c.created_at.type), literal(1))
        .select_from(stats)
        .join(Client, Client.id == stats.client_id)
        .outerjoin(ClientBook, ClientBook.client_id == stats.client_id)
        .where(stats.branch_id == ctx.branch_id, stats.lapse_on.between(*window),
               Client.anonymised_at.is_(None), Client.consent_marketing == true()))
    if ctx.first_scan:
        oldest = last - dt.timedelta(days=rule.param("max_days"))
        return query.where(stats.lapse_on <= last, stats.last_visit_on >= oldest)
    return query.where(stats.lapse_on.between(first, last))


def _detail(due: Any, floor_days: int, *, postgres: bool) -> Any:
    """The draft's ``detail`` as JSON text, made by the database."""
    stats = ClientStats
    if postgres:
        since: Any = due - stats.last_visit_on
        pairs: Sequence[Any] = _pairs(since, floor_days)
        return cast(func.json_build_object(*pairs), Text)
    since = cast(func.julianday(due) - func.julianday(stats.last_visit_on), Integer)
    return func.json_object(*_pairs(since, floor_days))


def _pairs(since: Any, floor_days: int) -> list[Any]:
    stats = ClientStats
    return [literal("days_since"), since, literal("floor_days"), literal(floor_days),
            literal("last_visit_on"), cast(stats.last_visit_on, String),
            literal("median_gap_days"), func.coalesce(stats.median_gap_days, 0),
            literal("visits"), stats.visits]
