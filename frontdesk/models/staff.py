"""Staff accounts, their roles, and failed sign-ins (for lock-out)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.core.context import Role
from frontdesk.models.base import Base, IntPk, str_enum, utcnow


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    """None for staff who work in the store but never sign in (most therapists)."""
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class LoginFailure(Base):
    """One failed sign-in; lock-out counts those in a sliding window."""

    __tablename__ = "login_failure"

    id: Mapped[IntPk]
    username: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
