"""How a tier is earned (domain/003): the rules alone, without the database.

- A client is graded by the average monthly spend (ARPU) of the assessment period: what
  their closed visits consumed over the last 12 months, divided by the months of it they
  have been a client (each started 30 days counts as a month; at least 1, at most 12). So a
  new client who spends much in her first month is graded by that month, not by a year.
- Besides spend, a tier may be earned at once by one top-up of at least its
  ``min_top_up_fen``, or by at least ``min_referrals`` referred clients who have been in.
- The best tier earned counts. A tier earned keeps its rights until its ``valid_until``
  (``validity_months`` after it was earned, the last day included), however the
  thresholds change meanwhile; a better tier replaces it at once, a worse one only when
  its period has ended. The lowest tier never expires.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from frontdesk.models.card import TierReason

ASSESSMENT_MONTHS = 12
DAYS_A_MONTH = 30

DEFAULT_TIERS: tuple[dict[str, object], ...] = (
    dict(code="regular", name="普通", rank=0, min_monthly_spend_fen=0, min_top_up_fen=None,
         min_referrals=None, discount_percent=100, points_multiplier_percent=100,
         birthday_package="", events="", validity_months=12),
    dict(code="silver", name="银卡", rank=1, min_monthly_spend_fen=50_000,
         min_top_up_fen=300_000, min_referrals=3, discount_percent=95,
         points_multiplier_percent=120, birthday_package="生日护理一次", events="",
         validity_months=12),
    dict(code="gold", name="金卡", rank=2, min_monthly_spend_fen=150_000,
         min_top_up_fen=1_000_000, min_referrals=8, discount_percent=90,
         points_multiplier_percent=150, birthday_package="生日护理一次、生日礼品",
         events="会员日专场", validity_months=12),
    dict(code="diamond", name="钻石卡", rank=3, min_monthly_spend_fen=400_000,
         min_top_up_fen=3_000_000, min_referrals=None, discount_percent=85,
         points_multiplier_percent=200, birthday_package="生日护理两次、生日礼品",
         events="会员日专场、VIP答谢会", validity_months=12),
)
"""The tiers a store starts with: 普通 / 银卡 / 金卡 / 钻石卡 (names are the store's data)."""


class TierLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def rank(self) -> int: ...
    @property
    def min_monthly_spend_fen(self) -> int: ...
    @property
    def min_top_up_fen(self) -> int | None: ...
    @property
    def min_referrals(self) -> int | None: ...
    @property
    def validity_months(self) -> int: ...


T = TypeVar("T", bound=TierLike)


@dataclass(frozen=True)
class Standing:
    """What a client's grade is decided by."""

    monthly_spend_fen: int
    referrals: int
    top_up_fen: int = 0
    """The top-up being booked now (0 when assessed otherwise)."""


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` so many calendar months later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_start(today: dt.date) -> dt.date:
    """The first day of the assessment period that ends today."""
    return add_months(today, -ASSESSMENT_MONTHS) + dt.timedelta(days=1)


def months_counted(client_since: dt.date, today: dt.date) -> int:
    """The months of the period the client has been one: each started 30 days, 1…12."""
    since = max(client_since, period_start(today))
    days = (today - since).days + 1
    return max(1, min(ASSESSMENT_MONTHS, -(-days // DAYS_A_MONTH)))


def monthly_spend(spent_fen: int, client_since: dt.date, today: dt.date) -> int:
    """The ARPU in whole fen (rounded down)."""
    return spent_fen // months_counted(client_since, today)


def valid_until(today: dt.date, months: int) -> dt.date:
    """The last day of the rights of a tier earned today."""
    return add_months(today, months) - dt.timedelta(days=1)


def earned(tiers: Sequence[T], standing: Standing) -> tuple[T, TierReason]:
    """The best tier ``standing`` earns and why; ``tiers`` are the active ones, lowest first."""
    best, why = tiers[0], TierReason.SPEND
    for tier in tiers[1:]:
        reason = _earns(tier, standing)
        if reason is not None and tier.rank > best.rank:
            best, why = tier, reason
    return best, why


def _earns(tier: TierLike, standing: Standing) -> TierReason | None:
    if standing.monthly_spend_fen >= tier.min_monthly_spend_fen:
        return TierReason.SPEND
    if tier.min_top_up_fen is not None and standing.top_up_fen >= tier.min_top_up_fen:
        return TierReason.TOP_UP
    if tier.min_referrals is not None and standing.referrals >= tier.min_referrals:
        return TierReason.REFERRALS
    return None


def next_tier(tiers: Sequence[T], rank: int) -> T | None:
    """The tier just above ``rank`` (None at the top)."""
    return next((t for t in tiers if t.rank > rank), None)
