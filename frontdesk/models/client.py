"""The client (客户): identity, contact, birthday, source, visitor class and consent.

Search columns are kept beside the data they derive from, written by the client
service in the same transaction: ``phone_last4`` (手机尾号), ``name_pinyin``
(``zhangsan``), ``name_initials`` (``zs``), and one :class:`ClientNamePart` row
per substring of the name so any part of a name is an indexed lookup.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.core.calendar import Calendar
from frontdesk.core.visitors import VisitorClass
from frontdesk.models.base import Base, IntPk, str_enum, utcnow

ASCII_KEY = String(64).with_variant(String(64, collation="C"), "postgresql")
"""An ASCII search key; byte order on PostgreSQL so prefix ranges use the index."""
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
    )

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    name: Mapped[str] = mapped_column(NAME_KEY, index=True)
    name_pinyin: Mapped[str] = mapped_column(ASCII_KEY, index=True, default="")
    name_initials: Mapped[str] = mapped_column(ASCII_KEY, index=True, default="")
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


class ClientNamePart(Base):
    """One substring of a client's name (every 1…n-character run), for indexed part search."""

    __tablename__ = "client_name_part"

    part: Mapped[str] = mapped_column(String(16), primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), primary_key=True, index=True
    )
