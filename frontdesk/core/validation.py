"""Checks of what people type, shared by every form: whole numbers, ids, free text, choices.

Each check returns the clean value or raises :class:`~frontdesk.errors.ValidationError`
naming the field, so a refusal can be shown beside the input it is about, and the
same input is refused the same way on SQLite and PostgreSQL (which refuses a NUL or
a value longer than its column with a raw error, where SQLite stores both).

Text comes in two kinds:

- one line (:func:`check_text`): names, numbers, references, tags,
  anything stored in a ``String`` column. No control character at all: no NUL, no
  escape, no DEL, no C1 control, and no tab or line break either.
- prose (:func:`check_prose`): notes, allergies, observations, reasons, stored in a
  ``Text`` column. Line breaks and tabs are kept (a Windows ``\\r\\n`` or a lone
  ``\\r`` becomes ``\\n``); every other control character is refused.

A lone surrogate (half of a UTF-16 pair, which a broken paste can leave) is refused
in both: no database can store it.

A form checks all its fields with :func:`check_each`, so a person who got several
wrong hears of each at once (:class:`~frontdesk.errors.FieldErrors`), not one per try.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeGuard, TypeVar

from frontdesk.errors import FieldErrors, ValidationError

E = TypeVar("E", bound=enum.Enum)

MAX_ID = 2**63 - 1
"""The largest id a 64-bit integer column holds (ids are positive)."""

_LINE_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_PROSE_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_ENDS = re.compile("\r\n?")


def is_whole(value: object) -> TypeGuard[int]:
    """True for an ``int`` that is not a ``bool`` (``True`` is an int to Python, not to a form)."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_id(value: object, field: str, limit: int = MAX_ID) -> int:
    """A record's number as a service receives it: a whole number from 1 to ``limit``.

    Anything else (2**63, -1, "7") can name no record; it is refused here, before
    SQLite raises OverflowError on it or PostgreSQL "integer out of range".
    """
    if not is_whole(value) or not 1 <= value <= limit:
        raise ValidationError("There is no record with number {id}.", field=field, id=value)
    return value


def check_characters(text: object, field: str, *, prose: bool = False) -> str:
    """``text`` if it holds no refused control character (see the module doc), else
    ValidationError naming ``field`` and the character's code point. Prose comes back
    with its line ends made ``\\n``."""
    if not isinstance(text, str):
        raise ValidationError(field=field)
    if prose:
        text = _LINE_ENDS.sub("\n", text)
    bad = (_PROSE_REFUSED if prose else _LINE_REFUSED).search(text)
    if bad is not None:
        raise ValidationError(
            "This text holds an invisible control character ({code}); type it again "
            "without it.", field=field, code=f"U+{ord(bad.group()):04X}")
    return text


def without_controls(text: str) -> str:
    """``text`` with each character a one-line field refuses turned into a space (for
    input that must never be refused, such as what someone types into a search)."""
    return _LINE_REFUSED.sub(" ", text)


def check_text(text: object, limit: int, field: str) -> str:
    """One line of text, stripped; ValidationError for a control character or over ``limit``."""
    return _within(check_characters(text, field).strip(), limit, field)


def check_prose(text: object, limit: int, field: str) -> str:
    """Free text that may run over several lines, stripped; line breaks and tabs kept."""
    return _within(check_characters(text, field, prose=True).strip(), limit, field)


def _within(text: str, limit: int, field: str) -> str:
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


def check_each(checks: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run every check, in order: the clean values by name, or the refusals, all of them.

    One wrong input raises its own ValidationError; several raise
    :class:`~frontdesk.errors.FieldErrors` holding each, in the order of ``checks``.
    """
    values: dict[str, Any] = {}
    refused: list[ValidationError] = []
    for name, check in checks.items():
        try:
            values[name] = check()
        except ValidationError as exc:
            refused.append(exc)
    if len(refused) == 1:
        raise refused[0]
    if refused:
        raise FieldErrors(refused)
    return values
