"""What the scan's sources propose: a :class:`TaskDraft` per task, for the days scanned.

Each rule is an :class:`OccasionSource`: given the days being scanned (``first`` …
``last``, both included) it yields the tasks falling due on those days, each with
its ``occasion`` key (unique per branch: the scan inserts a draft whose key exists
as nothing, so a day scanned twice, or on two terminals, makes each task once).
Sources read; only the scan writes. Who a task goes to (the client's manager, or
the pool when the tier is cared for centrally) is the scan's to decide.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import Session

from frontdesk.core.festivals import FestivalDay
from frontdesk.models.care import CareChannel, CareKind, GiftType
from frontdesk.services.care.settings import RuleSettings, TierPlan


@dataclass(frozen=True)
class TaskDraft:
    """One task a source proposes; ``detail`` holds the numbers behind it (shown to staff)."""

    kind: CareKind
    occasion: str
    due_on: dt.date
    client_id: int | None
    """None for a batch message (its recipients are chosen when it is sent)."""
    channel: CareChannel
    event_on: dt.date | None = None
    reason: str = ""
    detail: Mapping[str, int | str] = field(default_factory=dict)
    gift_types: tuple[GiftType, ...] = ()
    priority: int | None = None
    """None: the rule's priority."""


@dataclass(frozen=True)
class ScanContext:
    """What every source reads: the store, the day the scan runs, the rules in effect."""

    branch_id: int
    today: dt.date
    rules: Mapping[CareKind, RuleSettings]
    tier_plans: Mapping[str, TierPlan]
    """By tier code."""
    festivals: tuple[FestivalDay, ...]
    first_scan: bool = False
    """No day was scanned before: sources that look back (churn) find who had already lapsed."""

    def plan_by_tier_name(self, name: str) -> TierPlan | None:
        """The plan of the tier a client's cached ``client.tier`` (a tier's name) names."""
        for plan in self.tier_plans.values():
            if plan.tier_name == name:
                return plan
        return None


class OccasionSource(Protocol):
    """One rule: the tasks of its kind falling due on the days ``first`` … ``last``."""

    kind: CareKind

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterable[TaskDraft]: ...
