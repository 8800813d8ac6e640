"""The handover (交接) of a visit to its beauticians, and who serves in a visit.

domain/001: once the consultation settles what is done today, the consultant
introduces the beautician (美容师) or therapist (经络师) and briefs them in front of
the client, and coordinates when several serve one client. The handover is that
brief, one per visit: the items of this session with their purpose (目的) and
price, the products and amounts to use, and the operation notes (操作注意事项).
It is a person's edit, so it carries a ``version`` for the optimistic check.

A visit's staff are its lead beautician (``visit.therapist_id``, which check-in,
the board and the reports read as before) plus the others in :class:`VisitHelper`;
each consumption line names who did it in ``consumption_line.staff_id``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, BigPk, str_enum
from frontdesk.models.visit import LineKind


class VisitHandover(Base):
    __tablename__ = "visit_handover"

    visit_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("visit.id"), primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    """The operation notes (操作注意事项)."""
    written_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    written_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


class HandoverLine(Base):
    """One item of the session (a service with its purpose and price) or a product to use."""

    __tablename__ = "handover_line"

    id: Mapped[BigPk]
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit_handover.visit_id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    kind: Mapped[LineKind] = mapped_column(str_enum(LineKind))
    service_item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    name: Mapped[str] = mapped_column(String(120))
    purpose: Mapped[str] = mapped_column(String(255), default="")
    """目的: what this item is for, for this client today."""
    amount: Mapped[str] = mapped_column(String(40), default="")
    """How much of a product to use (e.g. "2 ml", "半支"), as the consultant writes it."""
    price_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class VisitHelper(Base):
    """A beautician who serves in a visit beside its lead (``visit.therapist_id``)."""

    __tablename__ = "visit_helper"

    visit_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("visit.id"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True, index=True)
