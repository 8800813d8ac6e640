"""The care set-up a manager uses: the rules, festivals, tier plans and follow-up days.

Reading gives what is in effect (:mod:`~frontdesk.services.care.settings`: the defaults
in code under the store's rows), so a store that changed nothing sees the defaults.
Saving (``Action.MANAGE_CARE``) writes the store's row of that rule, festival or tier
over the default, checked first (:mod:`.setup_checks`), audited, one transaction; a
refusal writes nothing.

Two managers saving the same rule (festival, tier plan) at once each write the whole
row with one ``INSERT … ON CONFLICT DO UPDATE`` on its unique key: on PostgreSQL the
later waits for the earlier's row and then overwrites it, so the row is one manager's
whole settings, never a mix, and neither gets a raw error. Follow-up days lock their
service item first, so the two sets never interleave either.

Changing the churn or spending settings changes each client's ``lapse_on`` and
``drop_on``: :meth:`CareSetupService.save_rule` says so (``RuleSaved.rebuild_stats``),
and the screen then runs the scan's ``rebuild_stats`` off the UI thread.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.festivals import FestivalDay, festival_date
from frontdesk.core.permissions import Action, allowed, check_signed, require
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models import ServiceItem
from frontdesk.models.card import Tier
from frontdesk.models.care import CareRule, CareTierPlan, Festival
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.care.settings import (
    RuleSettings,
    TierPlan,
    default_plan,
    effective_festivals,
    effective_rules,
    effective_tier_plans,
    gift_types_text,
)
from frontdesk.services.care.setup_checks import (
    STATS_KINDS,
    check_festival,
    check_rule,
    check_tier_plan,
)
from frontdesk.services.rows import get_row, locked_row
from frontdesk.services.store.catalog import (
    check_follow_up_days,
    follow_up_days_of,
    replace_follow_up_days,
)


@dataclass(frozen=True)
class RuleSaved:
    rule: RuleSettings
    """The rule in effect now."""
    rebuild_stats: bool
    """The churn or spending settings changed: rebuild the clients' stats
    (``Services.care_scan.rebuild_stats``) so their warnings fall on the new days."""


def next_festival_date(festival: FestivalDay, today: dt.date) -> dt.date | None:
    """The festival's next date on or after ``today`` (None when the calendar has none)."""
    for year in (today.year, today.year + 1):
        when = festival_date(festival, year)
        if when is not None and when >= today:
            return when
    return None


def _require_reader(actor: Actor) -> None:
    """Managers and the care staff read the set-up; only managers change it."""
    check_signed(actor)
    if not allowed(actor, Action.WORK_CARE):
        require(actor, Action.MANAGE_CARE)


def upsert(s: Session, model: Any, keys: Mapping[str, object],
            values: Mapping[str, object]) -> None:
    """Insert the row of ``keys``, or overwrite its ``values`` if another has it (one
    statement, so two writers at once end with one writer's whole row)."""
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    s.execute(dialect.insert(model).values({**keys, **values})
              .on_conflict_do_update(index_elements=list(keys), set_=dict(values)))


class CareSetupService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    def today(self) -> dt.date:
        return local_today(self._clock)

    @unit_of_work
    def rules(self, actor: Actor) -> tuple[RuleSettings, ...]:
        """Every kind's settings in effect, in the order of :class:`CareKind`."""
        _require_reader(actor)
        with self._db.read() as s:
            return tuple(effective_rules(s, actor.branch_id).values())

    @unit_of_work
    def save_rule(self, actor: Actor, rule: RuleSettings) -> RuleSaved:
        require(actor, Action.MANAGE_CARE)
        rule = check_rule(rule)
        with self._db.write() as s:
            before = effective_rules(s, actor.branch_id)[rule.kind]
            upsert(s, CareRule, {"branch_id": actor.branch_id, "kind": rule.kind.value}, {
                "enabled": rule.enabled, "days_ahead": rule.days_ahead,
                "priority": rule.priority, "params": json.dumps(dict(rule.params)),
                "updated_at": self._clock(), "updated_by_id": actor.staff_id})
            saved = effective_rules(s, actor.branch_id)[rule.kind]
            audit.record(s, self._clock(), actor, AuditAction.CARE_RULE_SAVE, "care_rule",
                         None, _rule_text(saved))
        return RuleSaved(saved, saved.kind in STATS_KINDS and saved.params != before.params)

    @unit_of_work
    def festivals(self, actor: Actor) -> tuple[FestivalDay, ...]:
        """The built-in festivals (as the store set them), then the store's own days."""
        _require_reader(actor)
        with self._db.read() as s:
            return effective_festivals(s, actor.branch_id)

    @unit_of_work
    def save_festival(self, actor: Actor, festival: FestivalDay) -> FestivalDay:
        """Save a built-in festival's switches and name, or the store's own day; an own day
        with no ``code`` is added (its code made here). Returns the festival saved."""
        require(actor, Action.MANAGE_CARE)
        with self._db.write() as s:
            known = {f.code: f for f in effective_festivals(s, actor.branch_id)}
            code = festival.code or f"own_{secrets.token_hex(4)}"
            if festival.code and festival.code not in known:
                raise NotFound("No festival {code}.", field="code", code=festival.code)
            others = tuple(f for f in known.values() if f.code != code)
            saved = check_festival(_with_code(festival, code), others)
            upsert(s, Festival, {"branch_id": actor.branch_id, "code": code}, {
                "name": saved.name, "rule": saved.rule.value, "month": saved.month,
                "day": saved.day, "weekday": saved.weekday, "enabled": saved.enabled,
                "gift": saved.gift})
            audit.record(s, self._clock(), actor, AuditAction.CARE_FESTIVAL_SAVE, "festival",
                         None, _festival_text(saved))
            return saved

    @unit_of_work
    def delete_festival(self, actor: Actor, code: str) -> None:
        """Delete one of the store's own days (a built-in one is switched off instead)."""
        require(actor, Action.MANAGE_CARE)
        with self._db.write() as s:
            known = {f.code: f for f in effective_festivals(s, actor.branch_id)}
            festival = known.get(code) if isinstance(code, str) else None
            if festival is None:
                raise NotFound("No festival {code}.", field="code", code=code)
            if festival.built_in:
                raise ValidationError("A built-in festival is not deleted; switch it off "
                                      "instead.", field="code")
            s.execute(delete(Festival).where(Festival.branch_id == actor.branch_id,
                                             Festival.code == code))
            audit.record(s, self._clock(), actor, AuditAction.CARE_FESTIVAL_DELETE, "festival",
                         None, _festival_text(festival))

    @unit_of_work
    def tier_plans(self, actor: Actor) -> tuple[TierPlan, ...]:
        """Each active tier's plan, lowest tier first (the default tiers' defaults when the
        store has no tiers yet)."""
        _require_reader(actor)
        with self._db.read() as s:
            plans = effective_tier_plans(s, actor.branch_id)
            if plans:
                return tuple(plans.values())
            from frontdesk.services.cards.grading import tiers_in

            return tuple(default_plan(t.code, t.name, t.rank)
                         for t in tiers_in(s, actor.branch_id))

    @unit_of_work
    def save_tier_plan(self, actor: Actor, plan: TierPlan) -> TierPlan:
        """Save what one tier's clients get; returns the plan in effect now."""
        require(actor, Action.MANAGE_CARE)
        checked = check_tier_plan(plan)
        with self._db.write() as s:
            from frontdesk.services.cards.grading import ensure_tiers_in

            ensure_tiers_in(s, actor.branch_id)
            if not isinstance(plan.tier_code, str) or s.scalar(select(Tier.id).where(
                    Tier.branch_id == actor.branch_id, Tier.active,
                    Tier.code == plan.tier_code)) is None:
                raise NotFound("No tier {code}.", field="tier_code", code=plan.tier_code)
            upsert(s, CareTierPlan, {"branch_id": actor.branch_id,
                                      "tier_code": checked.tier_code}, {
                "channel": checked.channel.value, "gift_types": gift_types_text(
                    checked.gift_types), "central": checked.central,
                "star_call_days": checked.star_call_days})
            saved = effective_tier_plans(s, actor.branch_id)[checked.tier_code]
            audit.record(s, self._clock(), actor, AuditAction.CARE_TIER_PLAN_SAVE,
                         "care_tier_plan", None, _plan_text(saved))
            return saved

    @unit_of_work
    def follow_up_days(self, actor: Actor, service_item_id: int) -> tuple[int, ...]:
        """The days after a visit with this service item its follow-up calls fall."""
        _require_reader(actor)
        with self._db.read() as s:
            item = get_row(s, ServiceItem, service_item_id)
            _check_item(actor, item, service_item_id)
            return follow_up_days_of(s, [service_item_id]).get(service_item_id, ())

    @unit_of_work
    def set_follow_up_days(self, actor: Actor, service_item_id: int,
                           days: Sequence[int]) -> tuple[int, ...]:
        """The item's follow-up days become ``days`` (1 to 365, at most six; () for none);
        returns them, ascending."""
        require(actor, Action.MANAGE_CARE)
        checked = check_follow_up_days(days)
        with self._db.write() as s:
            item = locked_row(s, ServiceItem, service_item_id)
            _check_item(actor, item, service_item_id)
            replace_follow_up_days(s, service_item_id, checked)
            audit.record(s, self._clock(), actor, AuditAction.FOLLOW_UP_DAYS_SAVE,
                         "service_item", service_item_id,
                         ",".join(map(str, checked)) or "none")
            return checked


def _check_item(actor: Actor, item: ServiceItem | None, item_id: object) -> None:
    if item is None or item.branch_id != actor.branch_id:
        raise NotFound("No service item with number {id}.", field="service_item_id",
                       id=item_id)


def _with_code(festival: FestivalDay, code: str) -> FestivalDay:
    return FestivalDay(code, festival.name, festival.rule, festival.month, festival.day,
                       festival.weekday, festival.gift, festival.enabled, festival.built_in)


def _rule_text(rule: RuleSettings) -> str:
    params = " ".join(f"{k}={v}" for k, v in sorted(rule.params.items()))
    return (f"{rule.kind.value} {'on' if rule.enabled else 'off'} days_ahead={rule.days_ahead} "
            f"priority={rule.priority} {params}").strip()


def _festival_text(f: FestivalDay) -> str:
    weekday = "" if f.weekday is None else f" weekday={f.weekday}"
    return (f"{f.code} {f.name} {f.rule.value} {f.month}-{f.day}{weekday} "
            f"{'on' if f.enabled else 'off'} {'gift' if f.gift else 'no gift'}")


def _plan_text(p: TierPlan) -> str:
    return (f"{p.tier_code} {p.channel.value} gifts={gift_types_text(p.gift_types) or '-'} "
            f"central={p.central} star_call_days={p.star_call_days}")
