"""What a manager types for a card product, checked at the service edge.

A product is one of three kinds (:class:`~frontdesk.models.card.CardKind`), and each
kind allows only its own parts: top-up offers (充X送Y) belong to stored-value cards,
sessions and the services they cover to session cards (次卡/疗程卡); a membership has
neither. Every refusal names its field, and all of a draft's refusals come together
(:func:`~frontdesk.core.validation.check_each`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from frontdesk.core.money import check_fen
from frontdesk.core.validation import check_choice, check_each, check_prose, check_text, is_whole
from frontdesk.errors import ValidationError
from frontdesk.models.card import CardKind
from frontdesk.models.catalog import ServiceItem
from frontdesk.services.rows import check_row_id

MAX_SESSIONS = 999
MAX_VALIDITY_DAYS = 3650
MAX_OFFERS = 20
MAX_SERVICES = 50


@dataclass(frozen=True)
class OfferDraft:
    """充X送Y: pay ``pay_fen``, get ``bonus_fen`` of bonus money."""

    pay_fen: int
    bonus_fen: int = 0


@dataclass(frozen=True)
class ProductDraft:
    """A card product as the editor sends it (all money in fen)."""

    kind: CardKind
    name: str
    price_fen: int = 0
    sessions: int = 0
    validity_days: int | None = None
    complimentary: bool = False
    note: str = ""
    service_item_ids: Sequence[int] = ()
    offers: Sequence[OfferDraft] = field(default_factory=tuple)


def _name(name: object) -> str:
    name = check_text(name, 60, "name")
    if not name:
        raise ValidationError("Enter a name.", field="name")
    return name


def _sessions(kind: CardKind, sessions: object) -> int:
    if kind is not CardKind.SESSION:
        if sessions not in (0, None):
            raise ValidationError("Only a session card has sessions.", field="sessions")
        return 0
    if not is_whole(sessions) or not 1 <= sessions <= MAX_SESSIONS:
        raise ValidationError("A session card has 1 to {n} sessions.", field="sessions",
                              n=MAX_SESSIONS)
    return sessions


def _validity(days: object) -> int | None:
    if days is None:
        return None
    if not is_whole(days) or not 1 <= days <= MAX_VALIDITY_DAYS:
        raise ValidationError("A card is valid for 1 to {n} days (or leave it empty: no "
                              "expiry).", field="validity_days", n=MAX_VALIDITY_DAYS)
    return days


def _services(kind: CardKind, ids: object) -> tuple[int, ...]:
    if not isinstance(ids, Sequence) or isinstance(ids, str):
        raise ValidationError(field="service_item_ids")
    if kind is not CardKind.SESSION:
        if ids:
            raise ValidationError("Only a session card covers services.",
                                  field="service_item_ids")
        return ()
    if not ids:
        raise ValidationError("Choose the service or services the sessions are for.",
                              field="service_item_ids")
    if len(ids) > MAX_SERVICES:
        raise ValidationError("A session card covers at most {n} services.",
                              field="service_item_ids", n=MAX_SERVICES)
    return tuple(sorted({check_row_id(ServiceItem, i, "service_item_ids") for i in ids}))


def _offers(kind: CardKind, offers: object) -> tuple[OfferDraft, ...]:
    if not isinstance(offers, Sequence) or isinstance(offers, str):
        raise ValidationError(field="offers")
    if kind is not CardKind.STORED_VALUE:
        if offers:
            raise ValidationError("Only a stored-value card has top-up offers.", field="offers")
        return ()
    if len(offers) > MAX_OFFERS:
        raise ValidationError("At most {n} top-up offers, please.", field="offers",
                              n=MAX_OFFERS)
    clean = tuple(_offer(o) for o in offers)
    if len({o.pay_fen for o in clean}) < len(clean):
        raise ValidationError("Two offers ask for the same payment; keep one.", field="offers")
    return tuple(sorted(clean, key=lambda o: o.pay_fen))


def _offer(offer: object) -> OfferDraft:
    if not isinstance(offer, OfferDraft):
        raise ValidationError(field="offers")
    pay, bonus = check_fen(offer.pay_fen, "offers"), check_fen(offer.bonus_fen, "offers")
    if pay == 0:
        raise ValidationError("An offer's payment must be more than ¥0.00.", field="offers")
    if bonus > pay:
        raise ValidationError("An offer's bonus is at most what the client pays.",
                              field="offers")
    return OfferDraft(pay, bonus)


def _complimentary(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field="complimentary")
    return value


def checked(draft: ProductDraft) -> ProductDraft:
    """``draft`` cleaned, or ValidationError / FieldErrors naming each wrong field."""
    kind = check_choice(CardKind, draft.kind, "kind")
    values = check_each({
        "name": lambda: _name(draft.name),
        "price_fen": lambda: check_fen(draft.price_fen, "price_fen"),
        "sessions": lambda: _sessions(kind, draft.sessions),
        "validity_days": lambda: _validity(draft.validity_days),
        "complimentary": lambda: _complimentary(draft.complimentary),
        "note": lambda: check_prose(draft.note, 1000, "note"),
        "service_item_ids": lambda: _services(kind, draft.service_item_ids),
        "offers": lambda: _offers(kind, draft.offers),
    })
    return ProductDraft(kind=kind, **values)
