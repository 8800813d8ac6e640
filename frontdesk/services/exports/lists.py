"""What every exported list shares: how it is asked for (a :class:`ListSpec`) and the
conditions of a period.

A spec says who may export the list (``authorise``), which rows (``statement``: one
streamed SELECT, scoped as the screen is), and how a row reads (``values``, in the
columns' order).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select

from frontdesk.core.context import Actor, local_day_bounds
from frontdesk.services.exports.kinds import Period
from frontdesk.services.exports.sheet import Column
from frontdesk.services.exports.words import ExportWords

Values = Callable[[Any, ExportWords], Sequence[object]]


@dataclass(frozen=True)
class ListSpec:
    columns: tuple[Column, ...]
    filter_type: type
    authorise: Callable[[Actor], None]
    statement: Callable[[Actor, Any, dt.datetime], Select[*tuple[Any, ...]]]
    values: Callable[[Actor], Values]
    """The row reader for ``actor`` (whose role decides what a phone shows)."""


def moments(column: Any, period: Period) -> list[ColumnElement[bool]]:
    """A stored UTC time within ``period``'s local days."""
    found: list[ColumnElement[bool]] = []
    if period.since is not None:
        found.append(column >= local_day_bounds(period.since)[0])
    if period.until is not None:
        found.append(column < local_day_bounds(period.until)[1])
    return found


def days(column: Any, period: Period) -> list[ColumnElement[bool]]:
    """A date within ``period``."""
    found: list[ColumnElement[bool]] = []
    if period.since is not None:
        found.append(column >= period.since)
    if period.until is not None:
        found.append(column <= period.until)
    return found
