"""Why a care task is due, in the UI language: its reason in a line, and the numbers behind it.

The scan writes a task's ``reason`` as a key (``lapsed``, ``birthday``, ``festival``…) and
its ``detail`` as named figures (``median_gap_days``, ``recent_fen``, ``visit_on``…).
Money is shown in yuan, dates as the screens write dates, a built-in festival by its name
in the UI language. Figures the reason line already says (a birthday's month and day, a
festival's code) are left out; a complaint deadline's reference number, stage and deadline are
worded; a key the screens do not know yet is shown as it is, never
dropped: the numbers behind a warning are what the person calling needs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from frontdesk.core.money import format_fen
from frontdesk.models.care import CareKind
from frontdesk.services.care.views import DueTask
from frontdesk.ui.care.labels import kind_name
from frontdesk.ui.complaints.words import stage_name
from frontdesk.ui.dates import date_text, iso_moment_text
from frontdesk.ui.festival_names import named

HIDDEN = frozenset({"calendar", "month", "day", "leap", "gifts", "festival", "name", "date",
                    "exclude_tiers", "tiers", "never_confirmed", "ref", "due_at",
                    "visit_id"})
"""Detail the reason line or the gift line says already, or that is for the services."""
UNKNOWN_WHEN_NONE = frozenset({"median_gap_days"})
"""Figures that are 0 when they are not known (a client with one visit has no interval)."""
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _reasons() -> dict[str, str]:
    return {
        "birthday": QCoreApplication.translate("CareReasons", "Birthday on {event}"),
        "lunar_birthday": QCoreApplication.translate("CareReasons", "Lunar birthday on {event}"),
        "festival": QCoreApplication.translate("CareReasons", "{name} on {event}"),
        "lapsed": QCoreApplication.translate("CareReasons", "No visit for longer than usual"),
        "spending_drop": QCoreApplication.translate("CareReasons", "Spending well below usual"),
        "follow_up": QCoreApplication.translate("CareReasons", "Follow-up after a treatment"),
        "star_call": QCoreApplication.translate("CareReasons", "Regular call to a star client"),
        "profile_stale": QCoreApplication.translate("CareReasons",
                                                    "Profile not confirmed for a year"),
        "card_expiring": QCoreApplication.translate("CareReasons", "Card expires on {event}"),
        "card_balance_low": QCoreApplication.translate("CareReasons", "Card balance is low"),
        "card_last_session": QCoreApplication.translate("CareReasons",
                                                        "Last session of the card used"),
        "complaint_deadline": QCoreApplication.translate("CareReasons",
                                                         "A complaint's next step is due"),
        "complaint_due": QCoreApplication.translate(
            "CareReasons", "Complaint {ref}: the next step is due by {due}"),
        "complaint_late": QCoreApplication.translate(
            "CareReasons", "Complaint {ref}: the deadline ({due}) was missed"),
        "survey": QCoreApplication.translate("CareReasons",
                                             "Satisfaction survey after the visit on {event}"),
    }


def festival_name(code: str, name: str) -> str:
    """A built-in festival's name in the UI language, unless the store renamed it."""
    return named(code, name)


def reason_text(task: DueTask) -> str:
    """Why the task is due, in a line: the reason's words, or the kind's name and the
    scan's own words when the reason is not a key the screens know."""
    reason = task.reason or task.kind.value
    if reason == "birthday" and task.detail.get("calendar") == "lunar":
        reason = "lunar_birthday"
    template = _reasons().get(reason)
    if template is None:
        return f"{kind_name(task.kind)}: {task.reason}"
    name = festival_name(str(task.detail.get("festival", "")), str(task.detail.get("name", "")))
    event = date_text(task.event_on) if task.event_on else ""
    return template.format(event=event, name=name or kind_name(task.kind),
                           ref=task.detail.get("ref", ""),
                           due=iso_moment_text(task.detail.get("due_at"))).strip(" :：")


def _details(kind: CareKind) -> dict[str, str]:
    since = (QCoreApplication.translate("CareReasons", "Days since the last contact: {value}")
             if kind is CareKind.STAR_CALL else
             QCoreApplication.translate("CareReasons", "Days since the last visit: {value}"))
    return {
        "visits": QCoreApplication.translate("CareReasons", "Visits: {value}"),
        "days_since": since,
        "median_gap_days": QCoreApplication.translate("CareReasons",
                                                      "Usual interval: {value} days"),
        "floor_days": QCoreApplication.translate("CareReasons",
                                                 "Warned after {value} days at least"),
        "recent_fen": QCoreApplication.translate("CareReasons",
                                                 "Spent in the last window: {value}"),
        "usual_fen": QCoreApplication.translate("CareReasons",
                                                "Usual spend per window: {value}"),
        "window_days": QCoreApplication.translate("CareReasons", "Window: {value} days"),
        "ratio_percent": QCoreApplication.translate("CareReasons",
                                                    "Warned below {value}% of the usual"),
        "balance_fen": QCoreApplication.translate("CareReasons", "Balance: {value}"),
        "threshold_fen": QCoreApplication.translate("CareReasons", "Low below: {value}"),
        "sessions": QCoreApplication.translate("CareReasons", "Sessions left: {value}"),
        "card_no": QCoreApplication.translate("CareReasons", "Card: {value}"),
        "product": QCoreApplication.translate("CareReasons", "Card product: {value}"),
        "expires_on": QCoreApplication.translate("CareReasons", "Expires on {value}"),
        "services": QCoreApplication.translate("CareReasons", "Services: {value}"),
        "visit_on": QCoreApplication.translate("CareReasons", "Visit on {value}"),
        "days": QCoreApplication.translate("CareReasons", "Day {value} after the visit"),
        "age": QCoreApplication.translate("CareReasons", "Turns {value}"),
        "last_visit_on": QCoreApplication.translate("CareReasons", "Last visit: {value}"),
        "last_visit": QCoreApplication.translate("CareReasons", "Last visit: {value}"),
        "last_call": QCoreApplication.translate("CareReasons", "Last call: {value}"),
        "every_days": QCoreApplication.translate("CareReasons", "A call every {value} days"),
        "confirmed_on": QCoreApplication.translate("CareReasons", "Last confirmed: {value}"),
        "months": QCoreApplication.translate("CareReasons", "Confirmed every {value} months"),
        "local_speciality": QCoreApplication.translate(
            "CareReasons", "Local specialities: not for clients who live locally"),
        "stage": QCoreApplication.translate("CareReasons", "Stage: {value}"),
    }


def _shown(key: str, value: int | str) -> str:
    if key.endswith("_fen") and isinstance(value, int):
        return format_fen(value)
    if key == "stage":  # a complaint's
        return stage_name(str(value))
    if isinstance(value, str) and _DATE.match(value):
        year, month, day = (int(part) for part in value.split("-"))
        return date_text(dt.date(year, month, day))
    return str(value)


def detail_lines(detail: Mapping[str, int | str], kind: CareKind | None = None) -> list[str]:
    """The numbers behind a task, one per line, in the UI language."""
    known = _details(kind or CareKind.CHURN)
    lines = []
    for key, value in detail.items():
        if key in HIDDEN or value == "" or (key in UNKNOWN_WHEN_NONE and not value):
            continue  # said elsewhere, not known (one visit has no interval), or none
        if key == "confirmed_on" and detail.get("never_confirmed"):
            continue  # the date is the client's registration, not a confirmation
        template = known.get(key)
        if template is None:
            lines.append(f"{key}: {_shown(key, value)}")
        elif key == "local_speciality":
            lines.append(template)
        else:
            lines.append(template.format(value=_shown(key, value)))
    return lines
