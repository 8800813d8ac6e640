"""A client's history for the profile and the sheet: paged consumption and visits, 12-month summary.

Session-level queries (the caller owns the transaction and checks permissions).
Pages are keyset pages, newest first, on the ``(client_id, at)`` and
``(client_id, arrived_at)`` indexes: the next page starts after the last row
shown (``before_id``), so page 100 costs what page 1 costs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from frontdesk.models import ConsumptionLine, LineKind, Room, Staff, Visit, VisitKind, VisitStatus

MAX_PAGE = 500


@dataclass(frozen=True)
class YearSummary:
    """The last 12 months: visits (not cancelled), spend in fen, the top 3 services."""

    visits: int = 0
    spend_fen: int = 0
    top_services: tuple[tuple[str, int], ...] = ()  # (service, times), most frequent first


@dataclass(frozen=True)
class ConsumptionRow:
    id: int
    at: dt.datetime
    visit_id: int
    kind: LineKind
    description: str
    quantity: int
    unit_price_fen: int
    discount_fen: int
    amount_fen: int
    staff_name: str


@dataclass(frozen=True)
class VisitRow:
    id: int
    arrived_at: dt.datetime
    status: VisitStatus
    kind: VisitKind
    purpose: str
    total_fen: int
    consultant_name: str
    therapist_name: str
    room_name: str


def year_summary(s: Session, client_id: int, since: dt.datetime) -> YearSummary:
    """Visits, spend and the three most frequent services since ``since``."""
    visits = s.scalar(select(func.count(Visit.id)).where(
        Visit.client_id == client_id, Visit.arrived_at >= since,
        Visit.status != VisitStatus.CANCELLED)) or 0
    line = ConsumptionLine
    spend = s.scalar(select(func.coalesce(func.sum(line.amount_fen), 0)).where(
        line.client_id == client_id, line.at >= since)) or 0
    times = func.count(line.id)
    top = s.execute(select(line.description, times)
                    .where(line.client_id == client_id, line.at >= since,
                           line.kind == LineKind.SERVICE)
                    .group_by(line.description).order_by(times.desc(), line.description)
                    .limit(3))
    return YearSummary(int(visits), int(spend), tuple((d, int(n)) for d, n in top))


def _before(s: Session, at_col: Any, id_col: Any, before_id: int) -> Any:
    """The keyset condition "older than row ``before_id``" (None if that row is gone)."""
    cursor_at = s.scalar(select(at_col).where(id_col == before_id))
    if cursor_at is None:
        return None
    return or_(at_col < cursor_at, and_(at_col == cursor_at, id_col < before_id))


def consumption_page(s: Session, client_id: int, before_id: int | None,
                     limit: int) -> list[ConsumptionRow]:
    """Up to ``limit`` (1…500) consumption lines older than ``before_id``, newest first."""
    line = ConsumptionLine
    query = (select(line, Staff.display_name).outerjoin(Staff, Staff.id == line.staff_id)
             .where(line.client_id == client_id)
             .order_by(line.at.desc(), line.id.desc()).limit(max(1, min(limit, MAX_PAGE))))
    if before_id is not None:
        older = _before(s, line.at, line.id, before_id)
        if older is None:
            return []
        query = query.where(older)
    return [ConsumptionRow(r.id, r.at, r.visit_id, r.kind, r.description, r.quantity,
                           r.unit_price_fen, r.discount_fen, r.amount_fen, name or "")
            for r, name in s.execute(query)]


def visit_page(s: Session, client_id: int, before_id: int | None, limit: int) -> list[VisitRow]:
    """Up to ``limit`` (1…500) visits older than ``before_id``, newest first."""
    consultant, therapist = aliased(Staff), aliased(Staff)
    query = (select(Visit, consultant.display_name, therapist.display_name, Room.name)
             .outerjoin(consultant, consultant.id == Visit.consultant_id)
             .outerjoin(therapist, therapist.id == Visit.therapist_id)
             .outerjoin(Room, Room.id == Visit.room_id)
             .where(Visit.client_id == client_id)
             .order_by(Visit.arrived_at.desc(), Visit.id.desc())
             .limit(max(1, min(limit, MAX_PAGE))))
    if before_id is not None:
        older = _before(s, Visit.arrived_at, Visit.id, before_id)
        if older is None:
            return []
        query = query.where(older)
    return [VisitRow(v.id, v.arrived_at, v.status, v.kind, v.purpose, v.total_fen,
                     c or "", t or "", room or "")
            for v, c, t, room in s.execute(query)]
