"""What a manager may set in the care set-up, checked before anything is written.

Each check returns the cleaned value or raises a :class:`~frontdesk.errors.ValidationError`
naming the field the screen shows it under: ``days_ahead``, ``priority``, a parameter's
own name (``floor_days``, ``ratio_percent``…), a festival's ``name``, ``month``, ``day``,
``weekday``, a tier plan's ``gift_types`` or ``star_call_days``.

:data:`PARAMS` says, for each kind of care task, which integer parameters it has, their
ranges and their units (the screen shows days, %, months, and yuan for the ``fen``
ones), so the screen and the service agree on them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass

from frontdesk.core.festivals import BUILT_IN, FestivalDay, FestivalRule
from frontdesk.core.names import clean_name
from frontdesk.core.validation import check_characters, is_whole
from frontdesk.errors import ValidationError
from frontdesk.models.care import CareChannel, CareKind, GiftType
from frontdesk.services.care.settings import DEFAULT_RULES, RuleSettings, TierPlan

MAX_DAYS_AHEAD = 60
PRIORITIES = (1, 9)
FESTIVAL_NAME_MAX = 40
STAR_CALL_DAYS = (7, 365)
MAX_FEN = 100_000_000
"""¥1,000,000: more than any threshold a store would set, and well inside an integer."""


class Unit(enum.StrEnum):
    DAYS = "days"
    MONTHS = "months"
    PERCENT = "percent"
    FEN = "fen"
    """Money: stored in fen, typed and shown in yuan."""
    POINTS = "points"
    """A survey's score (1–5, or 0–10)."""


@dataclass(frozen=True)
class ParamSpec:
    """One integer parameter of a kind of care task: its range and its unit."""

    name: str
    low: int
    high: int
    unit: Unit


PARAMS: Mapping[CareKind, tuple[ParamSpec, ...]] = {
    CareKind.CHURN: (
        ParamSpec("floor_days", 14, 730, Unit.DAYS),
        ParamSpec("max_days", 30, 3650, Unit.DAYS),
    ),
    CareKind.SPENDING_DROP: (
        ParamSpec("window_days", 30, 365, Unit.DAYS),
        ParamSpec("usual_days", 60, 1095, Unit.DAYS),
        ParamSpec("ratio_percent", 10, 90, Unit.PERCENT),
        ParamSpec("min_usual_fen", 0, MAX_FEN, Unit.FEN),
    ),
    CareKind.PROFILE_STALE: (ParamSpec("months", 1, 60, Unit.MONTHS),),
    CareKind.CARD_BALANCE_LOW: (ParamSpec("threshold_fen", 0, MAX_FEN, Unit.FEN),),
    CareKind.SURVEY: (
        ParamSpec("sample_percent", 0, 100, Unit.PERCENT),
        ParamSpec("after_days", 0, 30, Unit.DAYS),
        ParamSpec("low_score", 1, 4, Unit.POINTS),
        ParamSpec("low_recommend", 0, 9, Unit.POINTS),
    ),
}
"""Every kind's parameters, as in :data:`~frontdesk.services.care.settings.DEFAULT_RULES`."""

DAYS_AHEAD_KINDS = frozenset({CareKind.BIRTHDAY, CareKind.FESTIVAL, CareKind.CARD_EXPIRING})
"""Kinds about a day to come (a birthday, a festival, a card's expiry): their tasks fall due
``days_ahead`` before it. The others fall due on the day they are found."""

STATS_KINDS = frozenset({CareKind.CHURN, CareKind.SPENDING_DROP})
"""Kinds whose parameters the clients' stats are worked out with (``lapse_on``,
``drop_on``): changing them means rebuilding the stats."""


def _whole_in(value: object, low: int, high: int, field: str, template: str) -> int:
    if not is_whole(value) or not low <= value <= high:
        raise ValidationError(template, field=field, low=low, high=high)
    return value


def _flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError("Say yes or no.", field=field)
    return value


def _kind(value: object) -> CareKind:
    try:
        return CareKind(str(value))
    except ValueError:
        raise ValidationError("There is no such kind of care task.", field="kind") from None


def check_rule(rule: RuleSettings) -> RuleSettings:
    """The rule with its kind's every parameter (defaults for those not given), checked."""
    kind = _kind(rule.kind)
    days_ahead = _whole_in(rule.days_ahead, 0, MAX_DAYS_AHEAD, "days_ahead",
                           "Days ahead: {low} to {high}.")
    priority = _whole_in(rule.priority, *PRIORITIES, "priority",
                         "Priority: {low} (first) to {high} (last).")
    params = _check_params(kind, rule.params)
    return RuleSettings(kind, _flag(rule.enabled, "enabled"), days_ahead, priority, params)


def _check_params(kind: CareKind, given: Mapping[str, int]) -> dict[str, int]:
    specs = {spec.name: spec for spec in PARAMS.get(kind, ())}
    unknown = sorted(set(given) - set(specs))
    if unknown:
        raise ValidationError("This kind of care task has no setting {name}.", field=unknown[0],
                              name=unknown[0])
    params = {**DEFAULT_RULES[kind].params, **given}
    for spec in specs.values():
        _param_in_range(spec, params[spec.name])
    if kind is CareKind.CHURN and params["max_days"] < params["floor_days"]:
        raise ValidationError("Stop warning after no fewer days than the warning starts.",
                              field="max_days")
    if kind is CareKind.SPENDING_DROP and params["usual_days"] < params["window_days"]:
        raise ValidationError("The usual spend is taken over at least as many days as the "
                              "recent window.", field="usual_days")
    return params


def _param_in_range(spec: ParamSpec, value: object) -> None:
    if spec.unit is Unit.FEN:
        if not is_whole(value) or not spec.low <= value <= spec.high:
            raise ValidationError("An amount from ¥{low} to ¥{high}.", field=spec.name,
                                  low=spec.low // 100, high=f"{spec.high // 100:,}")
        return
    templates = {Unit.DAYS: "{low} to {high} days.", Unit.MONTHS: "{low} to {high} months.",
                 Unit.PERCENT: "{low} % to {high} %.", Unit.POINTS: "{low} to {high} points."}
    _whole_in(value, spec.low, spec.high, spec.name, templates[spec.unit])


BUILT_IN_BY_CODE: Mapping[str, FestivalDay] = {f.code: f for f in BUILT_IN}


def check_festival(festival: FestivalDay, others: tuple[FestivalDay, ...]) -> FestivalDay:
    """The festival cleaned and checked: a name not used by ``others``, a date that exists;
    a built-in one keeps its date (the store adds its own day for another)."""
    name = _festival_name(festival.name, others)
    enabled, gift = _flag(festival.enabled, "enabled"), _flag(festival.gift, "gift")
    built_in = BUILT_IN_BY_CODE.get(festival.code)
    if built_in is not None:
        _same_date(festival, built_in)
        return FestivalDay(built_in.code, name, built_in.rule, built_in.month, built_in.day,
                           built_in.weekday, gift, enabled, True)
    rule, month, day, weekday = _festival_date(festival)
    return FestivalDay(festival.code, name, rule, month, day, weekday, gift, enabled, False)


def _festival_name(text: str, others: tuple[FestivalDay, ...]) -> str:
    name = clean_name(check_characters(text if isinstance(text, str) else "", "name"))
    if not name:
        raise ValidationError("Enter the festival's name.", field="name")
    if len(name) > FESTIVAL_NAME_MAX:
        raise ValidationError("A name has at most {n} characters.", field="name",
                              n=FESTIVAL_NAME_MAX)
    if any(other.name == name for other in others):
        raise ValidationError("{name} is in the list already.", field="name", name=name)
    return name


def _same_date(given: FestivalDay, built_in: FestivalDay) -> None:
    if (given.rule, given.month, given.day, given.weekday) != \
            (built_in.rule, built_in.month, built_in.day, built_in.weekday):
        raise ValidationError("A built-in festival keeps its date; add the store's own day "
                              "for another.", field="month")


def _festival_date(festival: FestivalDay) -> tuple[FestivalRule, int, int, int | None]:
    try:
        rule = FestivalRule(festival.rule)
    except ValueError:
        raise ValidationError("Choose solar, lunar or a weekday of the month.",
                              field="rule") from None
    month = _whole_in(festival.month, 1, 12, "month", "A month is {low} to {high}.")
    if rule is FestivalRule.LUNAR:
        day = _whole_in(festival.day, 0, 30, "day",
                        "A lunar day is 1 to 30, or 0 for the month's last day.")
        return rule, month, day, None
    if rule is FestivalRule.NTH_WEEKDAY:
        nth = _whole_in(festival.day, 1, 5, "day", "The first to the fifth: {low} to {high}.")
        weekday = _whole_in(festival.weekday, 0, 6, "weekday",
                            "A weekday is {low} (Monday) to {high} (Sunday).")
        return rule, month, nth, weekday
    return rule, month, _solar_day(month, festival.day), None


def _solar_day(month: int, day: object) -> int:
    if not is_whole(day):
        raise ValidationError("Enter the day of the month.", field="day")
    if (month, day) == (2, 29):
        raise ValidationError("February 29 comes only every fourth year; choose another day.",
                              field="day")
    try:
        dt.date(2001, month, day)
    except ValueError:
        raise ValidationError("{month}/{day} is not a date.", field="day", month=month,
                              day=day) from None
    return day


def check_tier_plan(plan: TierPlan) -> TierPlan:
    """The plan checked: a channel, gift types only for gifts (at least one), a star-call
    interval of 7 to 365 days or none."""
    try:
        channel = CareChannel(plan.channel)
        gifts = tuple(dict.fromkeys(GiftType(g) for g in plan.gift_types))
    except (ValueError, TypeError):
        raise ValidationError("Choose a gift, a call or a message.", field="channel") from None
    if channel is CareChannel.GIFT and not gifts:
        raise ValidationError("Choose at least one gift.", field="gift_types")
    star = plan.star_call_days
    if star is not None:
        star = _whole_in(star, *STAR_CALL_DAYS, "star_call_days",
                         "A call every {low} to {high} days, or none.")
    return TierPlan(plan.tier_code, plan.tier_name, plan.rank, channel,
                    gifts if channel is CareChannel.GIFT else (), _flag(plan.central, "central"),
                    star, customised=True)
