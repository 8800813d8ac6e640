"""The spot checks' reads: the month's calls, the checks with their counts, the items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import local_day_bounds
from frontdesk.core.phones import mask_phone
from frontdesk.models import Client, Staff
from frontdesk.models.care import CareCall, CareTask
from frontdesk.models.survey import QualityCheck, QualityCheckItem, Verdict
from frontdesk.services.quality.views import (
    CheckView,
    ItemView,
    MonthCalls,
    StaffCalls,
)

LIST_MAX = 200


def next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC start and end of a local calendar month."""
    return local_day_bounds(month)[0], local_day_bounds(next_month(month))[0]


def calls_where(branch_id: int, month: dt.date,
                staff_id: int | None) -> list[ColumnElement[bool]]:
    start, end = month_bounds(month)
    where = [CareCall.branch_id == branch_id, CareCall.at >= start, CareCall.at < end]
    if staff_id is not None:
        where.append(CareCall.staff_id == staff_id)
    return where


def month_calls(s: Session, branch_id: int, month: dt.date, staff_id: int | None) -> MonthCalls:
    n = func.count(CareCall.id)
    rows = s.execute(select(CareCall.staff_id, Staff.display_name, n)
                     .join(Staff, Staff.id == CareCall.staff_id)
                     .where(*calls_where(branch_id, month, staff_id))
                     .group_by(CareCall.staff_id, Staff.display_name)
                     .order_by(n.desc(), CareCall.staff_id)).all()
    staff = tuple(StaffCalls(i, name, int(calls)) for i, name, calls in rows)
    return MonthCalls(month, sum(x.calls for x in staff), staff)


def call_ids(s: Session, branch_id: int, month: dt.date, staff_id: int | None) -> list[int]:
    return list(s.scalars(select(CareCall.id).where(*calls_where(branch_id, month, staff_id))
                          .order_by(CareCall.id)))


def check_views(s: Session, branch_id: int, *, month: dt.date | None = None,
                check_ids: Sequence[int] | None = None) -> list[CheckView]:
    """The store's checks (of ``month``, or these ids), newest first, with their counts."""
    counts = (select(QualityCheckItem.check_id,
                     func.count().label("sampled"),
                     func.sum(case((QualityCheckItem.verdict == Verdict.PASS, 1), else_=0))
                     .label("passed"),
                     func.sum(case((QualityCheckItem.verdict == Verdict.FAIL, 1), else_=0))
                     .label("failed"))
              .group_by(QualityCheckItem.check_id).subquery())
    query = (select(QualityCheck, Staff.display_name, counts.c.sampled, counts.c.passed,
                    counts.c.failed)
             .join(Staff, Staff.id == QualityCheck.inspector_id)
             .outerjoin(counts, counts.c.check_id == QualityCheck.id)
             .where(QualityCheck.branch_id == branch_id)
             .order_by(QualityCheck.month.desc(), QualityCheck.id.desc()).limit(LIST_MAX))
    if month is not None:
        query = query.where(QualityCheck.month == month)
    if check_ids is not None:
        query = query.where(QualityCheck.id.in_(check_ids))
    return [CheckView(c.id, c.month, c.inspector_id, name, c.created_at, c.finished_at,
                      int(sampled or 0), int(passed or 0), int(failed or 0), c.content,
                      c.results, c.problems, c.fixes, c.version)
            for c, name, sampled, passed, failed in s.execute(query)]


def items_of(s: Session, check_id: int) -> tuple[ItemView, ...]:
    rows = s.execute(
        select(QualityCheckItem, CareCall, Client.name, Client.phone_e164, Staff.display_name,
               CareTask.kind)
        .join(CareCall, CareCall.id == QualityCheckItem.call_id)
        .join(Client, Client.id == CareCall.client_id)
        .join(Staff, Staff.id == CareCall.staff_id)
        .outerjoin(CareTask, CareTask.id == CareCall.task_id)
        .where(QualityCheckItem.check_id == check_id)
        .order_by(CareCall.at, QualityCheckItem.id))
    return tuple(ItemView(item.id, call.id, call.client_id, client, mask_phone(phone), staff,
                          call.at, call.channel, call.outcome, call.note, kind, item.verdict,
                          item.note)
                 for item, call, client, phone, staff, kind in rows)
