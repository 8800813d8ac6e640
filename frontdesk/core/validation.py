"""Checks of what people type, shared by every form: whole numbers, free text, choices.

Each check returns the clean value or raises :class:`~frontdesk.errors.ValidationError`
naming the field, so a refusal can be shown beside the input it is about.
"""

from __future__ import annotations

import enum
from typing import TypeGuard, TypeVar

from frontdesk.errors import ValidationError

E = TypeVar("E", bound=enum.Enum)


def is_whole(value: object) -> TypeGuard[int]:
    """True for an ``int`` that is not a ``bool`` (``True`` is an int to Python, not to a form)."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_text(text: str, limit: int, field: str) -> str:
    """Free text from a form, stripped; ValidationError when longer than ``limit``."""
    text = text.strip()
    if len(text) > limit:
        raise ValidationError("At most {n} characters, please.", field=field, n=limit)
    return text


def check_choice(kind: type[E], value: object, field: str) -> E:
    """``value`` as a member of the enum ``kind``; ValidationError when it is none of them."""
    try:
        return kind(value)
    except ValueError:
        raise ValidationError("{value} is not one of the choices.", field=field,
                              value=value) from None
