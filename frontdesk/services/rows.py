"""Finding a row from the id a caller gave, when the id may be any integer at all.

An id that its table's key column cannot hold (2**63, or 2**31 for the tables
whose key is a 32-bit ``INTEGER`` on PostgreSQL, or 0 and below) names no row:
:func:`get_row` finds nothing and :func:`check_row_id` refuses it, naming the
field, where the database would have raised OverflowError (SQLite) or
"integer out of range" (PostgreSQL). The limit is the PostgreSQL column's, on
SQLite too, so both refuse the same ids.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import BigInteger, select
from sqlalchemy.orm import Session

from frontdesk.core.validation import MAX_ID, check_id, is_whole
from frontdesk.db import locking

MAX_INT4_ID = 2**31 - 1
"""The largest id of a table whose key is a 32-bit ``INTEGER`` (clients, staff, catalog)."""

M = TypeVar("M")


def id_limit(model: Any) -> int:
    """The largest id ``model``'s key column holds on PostgreSQL."""
    return MAX_ID if isinstance(model.__table__.c.id.type, BigInteger) else MAX_INT4_ID


def fits(model: Any, row_id: object) -> bool:
    """True when ``row_id`` is a whole number that ``model``'s key column can hold."""
    return is_whole(row_id) and 1 <= row_id <= id_limit(model)


def get_row(s: Session, model: type[M], row_id: object) -> M | None:
    """``s.get(model, row_id)``, or None for an id its key column cannot hold."""
    return s.get(model, row_id) if fits(model, row_id) else None


def locked_row(s: Session, model: type[M], row_id: object) -> M | None:
    """The row, locked the way every service locks (:func:`~frontdesk.db.locking`; mind the
    lock order of the README's "Concurrency"); None when there is none."""
    if not fits(model, row_id):
        return None
    key = model.__table__.c.id  # type: ignore[attr-defined]
    return s.scalar(locking(select(model).where(key == row_id)))


def check_row_id(model: Any, row_id: object, field: str) -> int:
    """``row_id`` if ``model``'s key column can hold it, else ValidationError naming ``field``."""
    return check_id(row_id, field, limit=id_limit(model))
