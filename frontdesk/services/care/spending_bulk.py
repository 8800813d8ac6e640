"""The spending-drop rule's tasks written by the database itself, for the scan (not the preview).

One ``INSERT … SELECT … GROUP BY … ON CONFLICT DO NOTHING`` makes the tasks
:meth:`~frontdesk.services.care.spending.SpendingDropSource.drafts` proposes once the scan
has addressed them: the same occasion, due day and numbers (summed over the client's
lines by :func:`~frontdesk.services.care.spending.window_sums`), the client's manager or
the pool for a central tier, none for a client without marketing consent or anonymised.
A first scan's tens of thousands of drops never pass through Python (whose full garbage
collections, holding the interpreter lock, would stall the window).
``tests/unit/test_care_scan.py`` holds the two paths to each other.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, Date, Text, case, cast, false, func, literal, select, true
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from frontdesk.models import Client, ConsumptionLine
from frontdesk.models.care import (
    CareChannel,
    CareKind,
    CareStatus,
    CareTask,
    ClientBook,
    ClientStats,
)
from frontdesk.services.care.churn_bulk import COLUMNS
from frontdesk.services.care.drafts import ScanContext
from frontdesk.services.care.spending import REASON, since_of, window_sums
from frontdesk.services.care.stats import DropRule


def insert_drops(s: Session, ctx: ScanContext, first: dt.date, last: dt.date,
                 now: dt.datetime) -> int:
    """Insert the spending-drop tasks of the days scanned; how many were new."""
    postgres = s.get_bind().dialect.name == "postgresql"
    make: Any = pg_insert if postgres else sqlite_insert
    stmt = make(CareTask.__table__).from_select(
        list(COLUMNS), _select(ctx, first, last, now, postgres=postgres)).on_conflict_do_nothing(
        index_elements=["branch_id", "occasion"])
    if postgres:  # counted by what it returns: psycopg reports no row count here
        return len(s.connection().execute(stmt.returning(CareTask.__table__.c.id)).all())
    return max(0, s.connection().execute(stmt).rowcount)


def _select(ctx: ScanContext, first: dt.date, last: dt.date, now: dt.datetime, *,
            postgres: bool) -> Any:
    settings = ctx.rules[CareKind.SPENDING_DROP]
    rule = DropRule.of(settings)
    stats = ClientStats
    recent, usual = window_sums(ctx, rule, postgres=postgres)
    usual_per_window = cast(func.floor(usual * rule.window_days / rule.usual_days), BigInteger)
    due = case((stats.drop_on > literal(first, Date), stats.drop_on),
               else_=literal(first, Date))
    central_tiers = [p.tier_name for p in ctx.tier_plans.values() if p.central]
    is_central: Any = Client.tier.in_(central_tiers) if central_tiers else false()
    pairs = [literal("recent_fen"), cast(recent, BigInteger), literal("usual_fen"),
             usual_per_window, literal("ratio_percent"), literal(rule.ratio_percent),
             literal("window_days"), literal(rule.window_days)]
    detail = (cast(func.json_build_object(*pairs), Text) if postgres
              else func.json_object(*pairs))
    return (select(
        literal(ctx.branch_id), stats.client_id, literal(CareKind.SPENDING_DROP.value),
        literal("drop:") + cast(stats.client_id, Text) + literal(":")
        + cast(stats.drop_on, Text),
        due, stats.drop_on, literal(settings.priority), literal(CareChannel.CALL.value),
        true(), case((is_central, None), else_=ClientBook.staff_id),
        case((is_central, true()), else_=false()), literal(CareStatus.OPEN.value),
        literal(REASON), detail, literal(""), literal(""), literal(0),
        literal(now, CareTask.__table__.c.created_at.type), literal(1))
        .select_from(stats)
        .join(Client, Client.id == stats.client_id)
        .outerjoin(ClientBook, ClientBook.client_id == stats.client_id)
        .outerjoin(ConsumptionLine, ConsumptionLine.client_id == stats.client_id)
        .where(stats.branch_id == ctx.branch_id,
               stats.drop_on.between(since_of(ctx, rule, first), last),
               Client.anonymised_at.is_(None), Client.consent_marketing == true())
        .group_by(stats.client_id, stats.drop_on, ClientBook.staff_id, Client.tier))
