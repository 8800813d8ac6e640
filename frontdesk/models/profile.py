"""A client's preferences and free tags (喜好与标签): one row per (client, kind, value).

One narrow table rather than a column per preference: a client can have several
favourite services, drinks or tags, new kinds need no schema change, and "all
clients who like 玫瑰花茶" is one indexed query. Values are the words the desk
typed (a therapist's name, a room name), not foreign keys: a preference is a
note about the client and must survive a therapist leaving or a room being
renamed. ``position`` keeps the order the desk entered them in.
"""

from __future__ import annotations

import enum

from sqlalchemy import ForeignKey, Index, SmallInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, IntPk, str_enum


class PreferenceKind(enum.StrEnum):
    FAVOURITE_SERVICE = "favourite_service"
    PREFERRED_STAFF = "preferred_staff"
    PREFERRED_ROOM = "preferred_room"
    DRINK = "drink"
    MUSIC = "music"
    AVOID_TOPIC = "avoid_topic"  # topics not to raise with the client
    TAG = "tag"  # a free tag: 爱聊天, VIP, 怕冷…


class ClientPreference(Base):
    __tablename__ = "client_preference"
    __table_args__ = (
        UniqueConstraint("client_id", "kind", "value"),
        Index("ix_client_preference_kind_value", "kind", "value"),
    )

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[PreferenceKind] = mapped_column(str_enum(PreferenceKind))
    value: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
