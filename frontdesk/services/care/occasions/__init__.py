"""The calendar's and the cards' rules, one :class:`~frontdesk.services.care.drafts.OccasionSource`
each: birthdays, festivals and tier gifts, calls to star clients, follow-up calls after a
treatment, cards running out, profiles to confirm. The scan runs them in this order."""

from __future__ import annotations

from frontdesk.services.care.drafts import OccasionSource
from frontdesk.services.care.occasions.birthdays import BirthdaySource
from frontdesk.services.care.occasions.cards import (
    CardBalanceLowSource,
    CardExpiringSource,
    CardLastSessionSource,
)
from frontdesk.services.care.occasions.festivals import FestivalSource
from frontdesk.services.care.occasions.follow_ups import FollowUpSource
from frontdesk.services.care.occasions.profile import ProfileSource
from frontdesk.services.care.occasions.star_calls import StarCallSource

CALENDAR_SOURCES: tuple[OccasionSource, ...] = (
    BirthdaySource(),
    FestivalSource(),
    StarCallSource(),
    FollowUpSource(),
    ProfileSource(),
    CardExpiringSource(),
    CardBalanceLowSource(),
    CardLastSessionSource(),
)
