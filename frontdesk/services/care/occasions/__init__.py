"""The calendar's and the cards' rules, one :class:`~frontdesk.services.care.drafts.OccasionSource`
each: birthdays, festivals and tier gifts, calls to star clients, follow-up calls after a
treatment, cards running out, profiles to confirm. The scan runs them in this order."""

from __future__ import annotations

from frontdesk.services.care.drafts import OccasionSource

CALENDAR_SOURCES: tuple[OccasionSource, ...] = ()
