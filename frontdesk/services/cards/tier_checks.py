"""The tiers table as a manager edits it, checked at the service edge.

The tiers keep their codes and ranks (the cache in ``client.tier`` and the history name
them); the editor changes the rest. A better tier must ask for more monthly spend than the
one below it, and the lowest asks for none (everyone has it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from frontdesk.core.money import check_fen
from frontdesk.core.validation import check_each, check_text, is_whole
from frontdesk.errors import ValidationError

MAX_MULTIPLIER_PERCENT = 1000
MAX_VALIDITY_MONTHS = 60
MAX_REFERRALS = 1000


@dataclass(frozen=True)
class TierDraft:
    code: str
    name: str
    min_monthly_spend_fen: int
    min_top_up_fen: int | None
    min_referrals: int | None
    discount_percent: int
    points_multiplier_percent: int
    birthday_package: str
    events: str
    validity_months: int


def _between(value: object, low: int, high: int, field: str, template: str) -> int:
    if not is_whole(value) or not low <= value <= high:
        raise ValidationError(template, field=field, low=low, high=high)
    return value


def _name(name: object) -> str:
    text = check_text(name, 24, "name")
    if not text:
        raise ValidationError("Enter a name.", field="name")
    return text


def _top_up(value: object) -> int | None:
    if value is None:
        return None
    fen = check_fen(value, "min_top_up_fen")
    if fen == 0:
        raise ValidationError("A top-up that earns a tier is more than ¥0.00 (or leave it "
                              "empty: top-ups do not).", field="min_top_up_fen")
    return fen


def _referrals(value: object) -> int | None:
    if value is None:
        return None
    return _between(value, 1, MAX_REFERRALS, "min_referrals",
                    "Enter {low} to {high} referred clients (or leave it empty).")


def _checked(d: TierDraft) -> TierDraft:
    values = check_each({
        "name": lambda: _name(d.name),
        "min_monthly_spend_fen": lambda: check_fen(d.min_monthly_spend_fen,
                                                   "min_monthly_spend_fen"),
        "min_top_up_fen": lambda: _top_up(d.min_top_up_fen),
        "min_referrals": lambda: _referrals(d.min_referrals),
        "discount_percent": lambda: _between(
            d.discount_percent, 1, 100, "discount_percent",
            "A discount is {low} to {high} % of the price (100: none)."),
        "points_multiplier_percent": lambda: _between(
            d.points_multiplier_percent, 0, MAX_MULTIPLIER_PERCENT, "points_multiplier_percent",
            "The points multiplier is {low} to {high} %."),
        "birthday_package": lambda: check_text(d.birthday_package, 255, "birthday_package"),
        "events": lambda: check_text(d.events, 255, "events"),
        "validity_months": lambda: _between(
            d.validity_months, 1, MAX_VALIDITY_MONTHS, "validity_months",
            "A tier lasts {low} to {high} months."),
    })
    return TierDraft(code=d.code, **values)


def checked_tiers(drafts: Sequence[TierDraft], ranks: Mapping[str, int]) -> list[TierDraft]:
    """``drafts`` cleaned, lowest first; refused when they name a tier that is not there, miss
    one, repeat a name, or ask less of a better tier than of the one below it."""
    if not isinstance(drafts, Sequence) \
            or sorted(str(getattr(d, "code", "")) for d in drafts) != sorted(ranks):
        raise ValidationError("Send every tier once.", field="tiers")
    clean = sorted((_checked(d) for d in drafts), key=lambda d: ranks[d.code])
    if len({d.name for d in clean}) < len(clean):
        raise ValidationError("Two tiers have the same name.", field="name")
    if clean[0].min_monthly_spend_fen != 0:
        raise ValidationError("The lowest tier is everyone's: it asks for no spend.",
                              field="min_monthly_spend_fen")
    for lower, higher in zip(clean, clean[1:], strict=False):
        if higher.min_monthly_spend_fen <= lower.min_monthly_spend_fen:
            raise ValidationError("{name} must ask for more monthly spend than {lower}.",
                                  field="min_monthly_spend_fen", name=higher.name,
                                  lower=lower.name)
    return clean
