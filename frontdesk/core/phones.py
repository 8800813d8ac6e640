"""Phone numbers: normalising what people type, masking what others may not see.

Stored as E.164 (``+8613800138000``) with the last four digits in their own
indexed column, because Chinese desks ask for the 手机尾号. Input may carry
spaces, dashes, brackets, ``+86``/``0086`` and full-width digits (１３８…);
once those are folded away, only digits and a leading ``+`` remain, or the
input is refused: ``phonenumbers`` would read ``138abcd5678`` as the keypad
digits 13822235678, a number nobody gave.

``phonenumbers`` is imported by the functions that parse a number, when they
first do: folding, masking and showing a stored mainland number need no
parsing, and a search for a phone tail or a name should not wait for it.
"""

from __future__ import annotations

import re
import unicodedata

from frontdesk.core.validation import check_characters
from frontdesk.errors import ValidationError

DEFAULT_REGION = "CN"
_SEPARATORS = re.compile(r"[\s\-–—().·]")
_DIALLABLE = re.compile(r"\+?\d+")


def fold_digits(text: str) -> str:
    """Full-width and other Unicode digits become ASCII; separators are dropped."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).strip())


def normalise_phone(text: str, region: str = DEFAULT_REGION, field: str = "phone") -> str:
    """The E.164 form of a phone number someone typed; ValidationError when it is not one."""
    raw = fold_digits(check_characters(text, field))
    if not raw:
        raise ValidationError("Enter a phone number.", field=field)
    if not _DIALLABLE.fullmatch(raw):
        raise ValidationError("{text} is not a phone number: use digits only.", field=field,
                              text=text)
    import phonenumbers  # on first use: see the module docstring

    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise ValidationError("{text} is not a phone number.", field=field, text=text) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError("{text} is not a valid phone number.", field=field, text=text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def last4(e164: str | None) -> str | None:
    return e164[-4:] if e164 else None


def _national(e164: str) -> str:
    if e164.startswith("+86"):  # stored numbers are E.164 already: no need to parse
        return e164[3:]
    import phonenumbers

    number = phonenumbers.parse(e164, None)
    return str(number.national_number)


def display_phone(e164: str | None) -> str:
    """A readable form: ``138 0013 8000`` for mainland mobiles, international otherwise."""
    if not e164:
        return ""
    if e164.startswith("+86"):
        digits = _national(e164)
        if len(digits) == 11:
            return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        return digits
    import phonenumbers

    return phonenumbers.format_number(phonenumbers.parse(e164, None),
                                      phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask_phone(e164: str | None) -> str:
    """``138****5678``: enough to recognise a client, not enough to call them."""
    if not e164:
        return ""
    digits = _national(e164) if e164.startswith("+") else e164
    if len(digits) <= 4:
        return "*" * len(digits)
    head = _mask_head(digits)
    return head + "*" * (len(digits) - len(head) - 4) + digits[-4:]


def _mask_head(digits: str) -> str:
    return digits[:3] if len(digits) >= 10 else digits[:1]


def mask_shown(e164: str) -> tuple[str, str] | None:
    """What the mask of a stored number leaves visible: the start of its E.164 form
    (``+86138`` for ``138****5678``) and its last four digits; None when it hides both.

    Numbers with the same start, length and last four digits look the same masked.
    """
    digits = _national(e164)
    if len(digits) <= 4:
        return None
    return e164[:len(e164) - len(digits)] + _mask_head(digits), digits[-4:]


def phone_for(e164: str | None, may_see_full: bool) -> str:
    """The phone as a role may see it."""
    return display_phone(e164) if may_see_full else mask_phone(e164)
