"""The store (branch) and its business settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, IntPk, utcnow


class Branch(Base):
    """A store. A single salon has one; a chain has one per branch."""

    __tablename__ = "branch"

    id: Mapped[IntPk]
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(255), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Setting(Base):
    """A business rule of one branch (idle-lock minutes, …), as a key and a text value."""

    __tablename__ = "setting"
    __table_args__ = (UniqueConstraint("branch_id", "key"),)

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text, default="")
