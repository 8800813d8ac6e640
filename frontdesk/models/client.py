"""The client (客户): identity, contact, birthday, source, visitor class and consent.

Search columns are kept beside the data they derive from, written by the client
service in the same transaction: ``phone_last4`` (手机尾号), and one
:class:`ClientSearchKey` row per key the name is found by (its prefixes and the
runs inside it, every prefix of each of its readings and of their initials: see
:func:`frontdesk.core.names.search_keys`), so every name lookup is one indexed
equality that reads its hits already ranked.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.core.calendar import Calendar
from frontdesk.core.visitors import VisitorClass
from frontdesk.models.base import Base, IntPk, str_enum, utcnow

ASCII_KEY = String(64).with_variant(String(64, collation="C"), "postgresql")
"""An ASCII key (a member number), compared in byte order on PostgreSQL."""
SEARCH_KEY = String(100).with_variant(String(100, collation="C"), "postgresql")
"""A name's search key (Chinese characters or letters), compared in byte order."""
NAME_KEY = String(80).with_variant(String(80, collation="C"), "postgresql")
"""A name, compared in byte order on PostgreSQL too, so a name-prefix range uses the index."""


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class SourceChannel(enum.StrEnum):
    WALK_IN = "walk_in"
    REFERRAL = "referral"
    APPOINTMENT = "appointment"
    ONLINE = "online"
    OTHER = "other"


class Client(Base):
    __tablename__ = "client"
    __table_args__ = (
        Index("ix_client_branch_created", "branch_id", "created_at"),
        Index("ix_client_birthday", "birth_month", "birth_day"),
        Index("ix_client_tier", "tier"),
        Index("ix_client_basics_confirmed", "basics_confirmed_at"),
    )

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    name: Mapped[str] = mapped_column(NAME_KEY, index=True)
    gender: Mapped[Gender] = mapped_column(str_enum(Gender), default=Gender.UNKNOWN)

    phone_e164: Mapped[str | None] = mapped_column(String(20), unique=True)
    phone_last4: Mapped[str | None] = mapped_column(String(4), index=True)
    member_no: Mapped[str | None] = mapped_column(ASCII_KEY, unique=True)
    """The member-card number printed on the card (a barcode scanner types it)."""

    birthday_calendar: Mapped[Calendar | None] = mapped_column(str_enum(Calendar))
    birth_year: Mapped[int | None] = mapped_column(SmallInteger)
    birth_month: Mapped[int | None] = mapped_column(SmallInteger)
    birth_day: Mapped[int | None] = mapped_column(SmallInteger)
    birth_leap_month: Mapped[bool] = mapped_column(default=False)

    source: Mapped[SourceChannel] = mapped_column(str_enum(SourceChannel),
                                                  default=SourceChannel.WALK_IN)
    referred_by_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    visitor_class: Mapped[VisitorClass] = mapped_column(str_enum(VisitorClass),
                                                        default=VisitorClass.GENERAL)
    tier: Mapped[str] = mapped_column(String(24), default="")
    allergies: Mapped[str] = mapped_column(Text, default="")
    """Allergies and contraindications; shown prominently wherever the client appears."""
    note: Mapped[str] = mapped_column(Text, default="")

    consent_marketing: Mapped[bool] = mapped_column(default=False)
    consent_marketing_at: Mapped[dt.datetime | None]
    consent_health: Mapped[bool] = mapped_column(default=False)
    consent_health_at: Mapped[dt.datetime | None]

    last_visit_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    basics_confirmed_at: Mapped[dt.datetime | None]
    anonymised_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    """The version of what a person edits (the basics); only their edits move it on.

    Not the ORM's ``version_id_col``, which every UPDATE of the row would bump: derived
    columns (``last_visit_at``, the search keys, ``basics_confirmed_at``) change under a
    person's edit without making it conflict. Edits lock the row before comparing it.
    """


def visit_seconds(at: dt.datetime | None) -> int:
    """A last visit as :attr:`ClientSearchKey.seen` stores it: seconds since 1970 (0: never)."""
    return 0 if at is None else int(at.timestamp())


class ClientSearchKey(Base):
    """One key a client's name is found by, stored in the order the search reads it.

    The search looks a key up with one equality and reads the lookup index
    backwards: the best :class:`~frontdesk.core.names.Grade` first, then the most
    recent visit (``seen``, a copy of ``client.last_visit_at`` in seconds, moved
    on by check-out), then the newest client. So the 20 most recent of the
    70,000 clients named 张 at 1,000,000 clients are the first 20 index entries.
    """

    __tablename__ = "client_search_key"
    __table_args__ = (
        Index("ix_client_search_key_lookup", "key", "grade", "seen", "client_id"),
        {"sqlite_with_rowid": False},
    )

    client_id: Mapped[int] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(SEARCH_KEY, primary_key=True)
    grade: Mapped[int] = mapped_column(SmallInteger)
    """A :class:`~frontdesk.core.names.Grade`: how well the key matches the whole name."""
    seen: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    """The client's last visit, as :func:`visit_seconds` gives it."""
