"""The desk's bookings and its check-in/check-out bookkeeping.

- :class:`Appointment` (预约): a client booked for a time, optionally with a
  therapist, a room and a service. It moves BOOKED → ARRIVED (checked in), or
  BOOKED → CANCELLED / NO_SHOW, only through :meth:`Appointment.move_to`.
  Overlap checks read the ``(staff_id, starts_at)`` and ``(room_id, starts_at)``
  indexes; the day list and the board read ``(branch_id, starts_at)``.
- :class:`PlannedService`: the services planned for a visit at check-in, so the
  board can show them and check-out can offer them as lines.
- :class:`CheckoutKey`: one row per checked-out visit carrying the idempotency
  key of the check-out, so a double-click or a retry books once.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, BigPk, str_enum, utcnow

MAX_APPOINTMENT_MINUTES = 720
"""The longest appointment; overlap checks rely on it to bound their index ranges."""

_BIG_FK = BigInteger().with_variant(Integer, "sqlite")


class AppointmentStatus(enum.StrEnum):
    BOOKED = "booked"
    ARRIVED = "arrived"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


ALLOWED_APPOINTMENT_MOVES: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    AppointmentStatus.BOOKED: frozenset({AppointmentStatus.ARRIVED, AppointmentStatus.CANCELLED,
                                         AppointmentStatus.NO_SHOW}),
    AppointmentStatus.ARRIVED: frozenset(),
    AppointmentStatus.CANCELLED: frozenset(),
    AppointmentStatus.NO_SHOW: frozenset(),
}

ACTIVE_APPOINTMENT = (AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED)
"""Statuses that hold their slot (a therapist or room cannot be double-booked against them)."""


class Appointment(Base):
    __tablename__ = "appointment"
    __table_args__ = (
        Index("ix_appointment_branch_starts", "branch_id", "starts_at"),
        Index("ix_appointment_staff_starts", "staff_id", "starts_at"),
        Index("ix_appointment_room_starts", "room_id", "starts_at"),
        Index("ix_appointment_client_starts", "client_id", "starts_at"),
    )

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    service_item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    """The therapist / beautician booked, if any."""
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"))
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]
    status: Mapped[AppointmentStatus] = mapped_column(str_enum(AppointmentStatus),
                                                      default=AppointmentStatus.BOOKED)
    note: Mapped[str] = mapped_column(Text, default="")
    overlap_overridden: Mapped[bool] = mapped_column(default=False)
    """Booked over a clash on purpose (the desk confirmed it); audited."""
    visit_id: Mapped[int | None] = mapped_column(_BIG_FK, ForeignKey("visit.id"))
    """The visit the client checked in with, once arrived."""
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    def can_move_to(self, status: AppointmentStatus) -> bool:
        return status in ALLOWED_APPOINTMENT_MOVES[self.status]

    def move_to(self, status: AppointmentStatus) -> None:
        """Change the status; refuses moves the flow forbids (e.g. cancelling an arrival)."""
        if not self.can_move_to(status):
            raise ValueError(f"appointment {self.id}: {self.status} -> {status} is not allowed")
        self.status = status


class PlannedService(Base):
    """A service planned for a visit at check-in (what the client came for)."""

    __tablename__ = "planned_service"

    visit_id: Mapped[int] = mapped_column(_BIG_FK, ForeignKey("visit.id", ondelete="CASCADE"),
                                          primary_key=True)
    service_item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"), primary_key=True)
    position: Mapped[int] = mapped_column(SmallInteger, default=0)


class CheckoutKey(Base):
    """The idempotency key of a visit's check-out: unique, so the same key books once."""

    __tablename__ = "checkout_key"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    visit_id: Mapped[int] = mapped_column(_BIG_FK, ForeignKey("visit.id"), unique=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    """Who checked the visit out (the cashier on the receipt)."""
    at: Mapped[dt.datetime]
