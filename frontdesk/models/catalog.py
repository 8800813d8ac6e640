"""What the store sells and where it works: service items, products and rooms (包厢)."""

from __future__ import annotations

import enum

from sqlalchemy import BigInteger, ForeignKey, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, IntPk, str_enum


class ServiceItem(Base):
    """A service the store sells; the days its follow-up calls (回访) fall after a visit are
    :class:`~frontdesk.models.care.FollowUpDay` rows (day 1, 3 and 7, or none)."""

    __tablename__ = "service_item"

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(40), default="")
    price_fen: Mapped[int] = mapped_column(BigInteger)
    duration_min: Mapped[int] = mapped_column(SmallInteger, default=60)
    active: Mapped[bool] = mapped_column(default=True)


class Product(Base):
    """A retail product sold at check-out (home-care creams, masks, …)."""

    __tablename__ = "product"

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    category: Mapped[str] = mapped_column(String(40), default="")
    price_fen: Mapped[int] = mapped_column(BigInteger)
    active: Mapped[bool] = mapped_column(default=True)


class RoomState(enum.StrEnum):
    READY = "ready"
    CLEANING = "cleaning"
    OUT_OF_SERVICE = "out_of_service"


class Room(Base):
    """A treatment room. Whether it is occupied follows from the visits in service."""

    __tablename__ = "room"

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    state: Mapped[RoomState] = mapped_column(str_enum(RoomState), default=RoomState.READY)
    active: Mapped[bool] = mapped_column(default=True)
