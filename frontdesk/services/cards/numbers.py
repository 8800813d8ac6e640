"""Card numbers: generated when the desk gives none, checked when it does.

A generated number is 12 digits: ``8``, ten random digits and a Luhn check digit.
Random rather than a store prefix and a sequence: a sequence is one counter row every
terminal issuing a card would lock, and consecutive numbers let anyone who holds one
card guess the next. Digits only, so a number is quick to type on a keypad, reads the
same in every font, and is Code-128-safe; the check digit catches a mistyped digit or
two swapped ones. Twelve digits never look like a mainland mobile number (eleven,
starting with 1) nor a phone tail (four), so the desk search cannot confuse them.

A number the desk gives (a pre-printed card) is kept as it is, upper-cased, with
full-width digits folded: ASCII letters and digits only, 4 to 32 of them.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.core.phones import fold_digits
from frontdesk.core.validation import check_characters
from frontdesk.errors import ValidationError
from frontdesk.models.card import MemberCard

CARD_NO_MIN = 4
CARD_NO_MAX = 32
PREFIX = "8"
TRIES = 20


def luhn_digit(digits: str) -> str:
    """The Luhn check digit of ``digits``."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str(-total % 10)


def is_generated(number: str) -> bool:
    """True when ``number`` has the form of a generated number and its check digit is right."""
    return (len(number) == 12 and number.isdigit() and number.startswith(PREFIX)
            and luhn_digit(number[:-1]) == number[-1])


def check_card_no(text: object) -> str:
    """A given card number, cleaned; ValidationError naming ``card_no`` otherwise."""
    number = fold_digits(check_characters(text, "card_no")).strip().upper()
    if not (CARD_NO_MIN <= len(number) <= CARD_NO_MAX and number.isascii() and number.isalnum()):
        raise ValidationError("A card number has {low} to {high} letters and digits.",
                              field="card_no", low=CARD_NO_MIN, high=CARD_NO_MAX)
    return number


def new_card_no(s: Session, given: str = "") -> str:
    """``given`` checked and free, or a new generated number nobody holds."""
    if given:
        number = check_card_no(given)
        if _taken(s, number):
            raise ValidationError("The card number {card_no} is taken.", field="card_no",
                                  card_no=number)
        return number
    for _ in range(TRIES):
        body = PREFIX + "".join(secrets.choice("0123456789") for _ in range(10))
        number = body + luhn_digit(body)
        if not _taken(s, number):
            return number
    raise RuntimeError("no free card number after many tries")  # 1 in 10**10 per card


def add_card(s: Session, card: MemberCard) -> None:
    """Insert ``card``; a number another terminal took meanwhile (the unique key) is refused
    like a number taken before."""
    s.add(card)
    try:
        s.flush()
    except IntegrityError as exc:
        if "card_no" not in str(exc.orig):
            raise
        raise ValidationError("The card number {card_no} is taken.", field="card_no",
                              card_no=card.card_no) from exc


def _taken(s: Session, number: str) -> bool:
    return s.scalar(select(MemberCard.id).where(MemberCard.card_no == number)) is not None
