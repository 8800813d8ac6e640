"""Visits (到店), what was consumed in them, and how it was paid.

A visit moves WAITING → IN_SERVICE → FINISHED → CLOSED (checked out); it may be
CANCELLED before it is closed. Status changes only through :meth:`Visit.move_to`
so a visit cannot, say, be closed twice. Consumption lines and payments are the
records every report reads: amounts are integer fen and a closed visit's lines
are never edited.

The open visits (waiting, in service, awaiting check-out) are the few the desk
reads every few seconds among millions of closed ones: the partial index
``ix_visit_open`` holds only them, and :func:`is_open` is the condition that
lets SQLite and PostgreSQL use it.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    bindparam,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, str_enum


class VisitStatus(enum.StrEnum):
    WAITING = "waiting"
    IN_SERVICE = "in_service"
    FINISHED = "finished"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class VisitKind(enum.StrEnum):
    WALK_IN = "walk_in"
    APPOINTMENT = "appointment"


ALLOWED_VISIT_MOVES: dict[VisitStatus, frozenset[VisitStatus]] = {
    VisitStatus.WAITING: frozenset({VisitStatus.IN_SERVICE, VisitStatus.CANCELLED,
                                    VisitStatus.FINISHED}),
    VisitStatus.IN_SERVICE: frozenset({VisitStatus.FINISHED, VisitStatus.CANCELLED}),
    VisitStatus.FINISHED: frozenset({VisitStatus.CLOSED, VisitStatus.IN_SERVICE}),
    VisitStatus.CLOSED: frozenset(),
    VisitStatus.CANCELLED: frozenset(),
}


OPEN_STATUSES = (VisitStatus.WAITING, VisitStatus.IN_SERVICE, VisitStatus.FINISHED)
"""A visit in one of these is open: the client is in the store."""
_OPEN_SQL = text("status IN ({})".format(", ".join(f"'{s.value}'" for s in OPEN_STATUSES)))
"""The partial index's condition, as both databases store it."""


class Visit(Base):
    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_client_arrived", "client_id", "arrived_at"),
        Index("ix_visit_branch_status", "branch_id", "status"),
        Index("ix_visit_branch_arrived", "branch_id", "arrived_at"),
        Index("ix_visit_open", "branch_id", "arrived_at",
              sqlite_where=_OPEN_SQL, postgresql_where=_OPEN_SQL),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    kind: Mapped[VisitKind] = mapped_column(str_enum(VisitKind), default=VisitKind.WALK_IN)
    status: Mapped[VisitStatus] = mapped_column(str_enum(VisitStatus),
                                                default=VisitStatus.WAITING)
    arrived_at: Mapped[dt.datetime]
    started_at: Mapped[dt.datetime | None]
    finished_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    purpose: Mapped[str] = mapped_column(String(255), default="")
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    therapist_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"), index=True)
    prep_note: Mapped[str] = mapped_column(Text, default="")
    """A note for the prep room (调配室): what to prepare for this client."""
    total_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    def can_move_to(self, status: VisitStatus) -> bool:
        return status in ALLOWED_VISIT_MOVES[self.status]

    def move_to(self, status: VisitStatus, at: dt.datetime) -> None:
        """Change the status, stamping the matching time; refuses moves the flow forbids."""
        if not self.can_move_to(status):
            raise ValueError(f"visit {self.id}: {self.status} -> {status} is not allowed")
        self.status = status
        if status is VisitStatus.IN_SERVICE:
            self.started_at = at
        elif status is VisitStatus.FINISHED:
            self.finished_at = at
        elif status in (VisitStatus.CLOSED, VisitStatus.CANCELLED):
            self.closed_at = at


def is_open() -> ColumnElement[bool]:
    """``visit.status IN ('waiting', 'in_service', 'finished')``, the values written out.

    A planner uses a partial index only when the query's condition implies the
    index's, and neither SQLite nor PostgreSQL (with a generic plan) can tell that
    from bound parameters; so the statuses go into the SQL text as literals.
    """
    return Visit.status.in_(bindparam("open_statuses", list(OPEN_STATUSES), expanding=True,
                                      literal_execute=True, unique=True))


class LineKind(enum.StrEnum):
    SERVICE = "service"
    PRODUCT = "product"


class ConsumptionLine(Base):
    """One thing consumed in a visit: amount = quantity × unit price − discount, in fen."""

    __tablename__ = "consumption_line"
    __table_args__ = (Index("ix_consumption_line_client_at", "client_id", "at"),
                      Index("ix_consumption_line_branch_at", "branch_id", "at"))

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    at: Mapped[dt.datetime]
    kind: Mapped[LineKind] = mapped_column(str_enum(LineKind))
    service_item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    description: Mapped[str] = mapped_column(String(120))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    unit_price_fen: Mapped[int] = mapped_column(BigInteger)
    discount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    BANK_CARD = "bank_card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    MEMBER_CARD = "member_card"


class Payment(Base):
    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    method: Mapped[PaymentMethod] = mapped_column(str_enum(PaymentMethod))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[dt.datetime]
    reference: Mapped[str] = mapped_column(String(64), default="")
