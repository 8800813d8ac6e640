"""Declarative base, shared column types and conventions for every model.

- Constraint names follow a naming convention, so Alembic migrations are stable.
- Times are stored in UTC (:class:`UTCDateTime`, defined in :mod:`frontdesk.db` so Core
  queries use it without the ORM) and come back timezone-aware.
- Enums are stored as their string values (portable, readable in SQL).
- Money columns are integers of fen; there is no float anywhere near money.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from sqlalchemy import BigInteger, Enum, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, mapped_column

from frontdesk.db import UTCDateTime as UTCDateTime  # the migrations name it here

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def str_enum(enum_cls: type[enum.Enum], length: int = 24) -> Enum:
    """An enum column stored as its values (not names), without a native DB enum."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        create_constraint=False,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), str: String(255)}


IntPk = Annotated[int, mapped_column(primary_key=True)]
BigFk = BigInteger().with_variant(Integer, "sqlite")
"""The type of a column that refers to a :data:`BigPk` (INTEGER on SQLite, BIGINT elsewhere)."""
BigPk = Annotated[int, mapped_column(BigFk, primary_key=True)]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
