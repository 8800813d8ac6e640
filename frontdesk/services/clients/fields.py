"""A client's fields as registration and the profile both check them.

One check per field, each returning the clean value or raising a
:class:`~frontdesk.errors.ValidationError` that names the field, so the quick
registration form and the profile editor refuse the same things in the same words.
"""

from __future__ import annotations

from frontdesk.core.names import clean_name
from frontdesk.core.phones import fold_digits
from frontdesk.core.validation import check_characters
from frontdesk.errors import ValidationError

NAME_MAX = 40
MEMBER_NO_MAX = 32
ALLERGIES_MAX = 500
NOTE_MAX = 2000
TIER_MAX = 24


def check_name(text: str) -> str:
    """The client's name, cleaned (spaces folded); refused when empty or too long."""
    name = clean_name(check_characters(text, "name"))
    if not name:
        raise ValidationError("Enter the client's name.", field="name")
    if len(name) > NAME_MAX:
        raise ValidationError("A name has at most {n} characters.", field="name", n=NAME_MAX)
    return name


def check_member_no(text: str) -> str | None:
    """A member (card) number in upper case, full-width digits folded; None when empty."""
    number = fold_digits(check_characters(text, "member_no")).upper()
    if not number:
        return None
    if len(number) > MEMBER_NO_MAX or not (number.isascii() and number.isalnum()):
        raise ValidationError("A member number has up to {n} letters and digits.",
                              field="member_no", n=MEMBER_NO_MAX)
    return number
