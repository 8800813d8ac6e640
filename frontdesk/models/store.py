"""The store (branch), its business settings, and the mark that the first-run set-up is done."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
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


class FirstRun(Base):
    """The first-run set-up of this database, done: at most one row, with id 1.

    Whoever creates the first store (the set-up wizard, ``frontdesk init``, a demo
    fill of an empty database) inserts it in the same transaction, so of several
    simultaneous set-ups the database lets exactly one commit: the others collide
    with its primary key (see :func:`frontdesk.services.store.setup.claim_first_run`).
    """

    __tablename__ = "first_run"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    done_at: Mapped[dt.datetime]
