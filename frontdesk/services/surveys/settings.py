"""The survey settings: the ``care_rule`` row of kind ``survey`` (so the care set-up shows
the survey calls on or off with the other rules), its params the sample and thresholds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.models.care import CareKind, CareRule
from frontdesk.services.care.settings import RuleSettings, effective_rules
from frontdesk.services.care.setup import upsert
from frontdesk.services.care.setup_checks import check_rule
from frontdesk.services.surveys.views import SurveySettings

PARAM_NAMES = ("sample_percent", "after_days", "low_score", "low_recommend")


def settings_in(s: Session, branch_id: int) -> SurveySettings:
    rule = effective_rules(s, branch_id)[CareKind.SURVEY]
    return settings_of(rule)


def settings_of(rule: RuleSettings) -> SurveySettings:
    return SurveySettings(rule.enabled, *(rule.param(name) for name in PARAM_NAMES))


def checked_rule(s: Session, branch_id: int, settings: SurveySettings) -> RuleSettings:
    """The survey rule with these settings (its days ahead and priority kept), checked."""
    rule = effective_rules(s, branch_id)[CareKind.SURVEY]
    values = dataclasses.asdict(settings)
    return check_rule(dataclasses.replace(
        rule, enabled=values.pop("enabled"), params={**rule.params, **values}))


def save_in(s: Session, actor: Actor, now: dt.datetime, rule: RuleSettings) -> None:
    upsert(s, CareRule, {"branch_id": actor.branch_id, "kind": CareKind.SURVEY.value}, {
        "enabled": rule.enabled, "days_ahead": rule.days_ahead, "priority": rule.priority,
        "params": json.dumps(dict(rule.params)), "updated_at": now,
        "updated_by_id": actor.staff_id})
