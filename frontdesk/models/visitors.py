"""What the visitor classes (访客类别) make happen: notices to staff, and a special visitor's notes.

domain/001 (访客管理制度): an important (重要级) or guest (来宾级) visitor is announced at once
to the person who receives them, who prepares the reception; a special visitor (特殊访客,
a known trouble-maker) is explained to and reported. So a check-in of such a client
leaves a :class:`StaffNotice` for each person who receives them, which they see on their
desk until they mark it seen; and a special visitor keeps :class:`VisitorNote` rows: why
they are one (the latest reason stands) and each incident, with who wrote it and when.
Both are append-only apart from a notice's ``seen_at``.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.core.visitors import VisitorClass
from frontdesk.models.base import Base, BigPk, str_enum

_BIG_FK = BigInteger().with_variant(Integer, "sqlite")


class StaffNotice(Base):
    """A client of a visitor class that asks for it has arrived: tell ``staff_id``."""

    __tablename__ = "staff_notice"
    __table_args__ = (Index("ix_staff_notice_staff_seen", "staff_id", "seen_at"),)

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    """Who is told."""
    at: Mapped[dt.datetime]
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(_BIG_FK, ForeignKey("visit.id"))
    visitor_class: Mapped[VisitorClass] = mapped_column(str_enum(VisitorClass))
    """The client's class when the notice was made."""
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    seen_at: Mapped[dt.datetime | None]


class VisitorNoteKind(enum.StrEnum):
    REASON = "reason"  # why the client is a special visitor; the latest one stands
    INCIDENT = "incident"  # what happened, on a given day


class VisitorNote(Base):
    """A special visitor's reason or an incident, with who wrote it and when."""

    __tablename__ = "visitor_note"
    __table_args__ = (Index("ix_visitor_note_client_at", "client_id", "at"),)

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    kind: Mapped[VisitorNoteKind] = mapped_column(str_enum(VisitorNoteKind))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime]
    by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
