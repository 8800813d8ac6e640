"""The care screens' words: kinds, stages, outcomes, gifts, and why a task is due.

A task's ``reason`` is a key the scan writes (``churn``, ``lunar_birthday``…) and its
``detail`` the numbers behind it (``median_days``, ``recent_fen``…); both are turned
into the UI language here. A key the screens do not know yet is shown as it is,
never dropped: the numbers behind a warning are what the person calling needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from frontdesk.core.money import format_fen
from frontdesk.models.care import CallOutcome, CareKind, CareStatus, GiftType
from frontdesk.services.care.settings import CareStage
from frontdesk.services.care.views import DueTask
from frontdesk.ui.dates import date_text


def kind_name(kind: CareKind) -> str:
    names = {
        CareKind.BIRTHDAY: QCoreApplication.translate("CareLabels", "Birthday"),
        CareKind.FESTIVAL: QCoreApplication.translate("CareLabels", "Festival"),
        CareKind.CHURN: QCoreApplication.translate("CareLabels", "Churn warning"),
        CareKind.SPENDING_DROP: QCoreApplication.translate("CareLabels", "Spending drop"),
        CareKind.COMPLAINT_DEADLINE: QCoreApplication.translate("CareLabels", "Complaint deadline"),
        CareKind.STAR_CALL: QCoreApplication.translate("CareLabels", "Star client call"),
        CareKind.FOLLOW_UP: QCoreApplication.translate("CareLabels", "Follow-up call"),
        CareKind.PROFILE_STALE: QCoreApplication.translate("CareLabels", "Profile to confirm"),
        CareKind.CARD_EXPIRING: QCoreApplication.translate("CareLabels", "Card expiring"),
        CareKind.CARD_BALANCE_LOW: QCoreApplication.translate("CareLabels", "Card balance low"),
        CareKind.CARD_LAST_SESSION: QCoreApplication.translate("CareLabels", "Last session used"),
    }
    return names.get(kind, str(kind))


def stage_name(stage: CareStage) -> str:
    names = {
        CareStage.GREETINGS: QCoreApplication.translate("CareLabels", "Greetings"),
        CareStage.WARNINGS: QCoreApplication.translate("CareLabels", "Warnings"),
        CareStage.STAR_CLIENTS: QCoreApplication.translate(
            "CareLabels", "Star clients and follow-ups"
        ),
        CareStage.SECOND_SALES: QCoreApplication.translate("CareLabels", "Second sales"),
    }
    return names[stage]


def outcome_name(outcome: CallOutcome) -> str:
    names = {
        CallOutcome.REACHED: QCoreApplication.translate("CareLabels", "Reached"),
        CallOutcome.NO_ANSWER: QCoreApplication.translate("CareLabels", "No answer"),
        CallOutcome.WRONG_NUMBER: QCoreApplication.translate("CareLabels", "Wrong number"),
        CallOutcome.BOOKED: QCoreApplication.translate("CareLabels", "Booked an appointment"),
        CallOutcome.COMPLAINT: QCoreApplication.translate("CareLabels", "Raised a complaint"),
        CallOutcome.MESSAGE_SENT: QCoreApplication.translate("CareLabels", "Message sent"),
        CallOutcome.GIFT_GIVEN: QCoreApplication.translate("CareLabels", "Gift given"),
    }
    return names[outcome]


CALL_OUTCOMES = (
    CallOutcome.REACHED,
    CallOutcome.NO_ANSWER,
    CallOutcome.WRONG_NUMBER,
    CallOutcome.BOOKED,
    CallOutcome.COMPLAINT,
)
"""What the call dialog offers (a message or a gift is logged by its own action)."""


def gift_name(gift: GiftType) -> str:
    names = {
        GiftType.SPA_VOUCHER: QCoreApplication.translate("CareLabels", "Spa experience voucher"),
        GiftType.STORE_PRODUCTS: QCoreApplication.translate("CareLabels", "Store products"),
        GiftType.LOCAL_SPECIALITY: QCoreApplication.translate("CareLabels", "Local specialities"),
        GiftType.DINING_VOUCHER: QCoreApplication.translate("CareLabels", "Dining voucher"),
        GiftType.ROOM_VOUCHER: QCoreApplication.translate("CareLabels", "Room voucher"),
    }
    return names[gift]


def status_name(status: CareStatus) -> str:
    names = {
        CareStatus.OPEN: QCoreApplication.translate("CareLabels", "Open"),
        CareStatus.SNOOZED: QCoreApplication.translate("CareLabels", "Snoozed"),
        CareStatus.DONE: QCoreApplication.translate("CareLabels", "Done"),
        CareStatus.SKIPPED: QCoreApplication.translate("CareLabels", "Skipped"),
    }
    return names[status]


def _reasons() -> dict[str, str]:
    return {
        "birthday": QCoreApplication.translate("CareLabels", "Birthday on {event}"),
        "lunar_birthday": QCoreApplication.translate("CareLabels", "Lunar birthday on {event}"),
        "festival": QCoreApplication.translate("CareLabels", "Festival on {event}"),
        "churn": QCoreApplication.translate("CareLabels", "No visit for longer than usual"),
        "lapsed": QCoreApplication.translate("CareLabels", "No visit for longer than usual"),
        "spending_drop": QCoreApplication.translate("CareLabels", "Spending well below usual"),
        "follow_up": QCoreApplication.translate("CareLabels", "Follow-up after a treatment"),
        "star_call": QCoreApplication.translate("CareLabels", "Regular call to a star client"),
        "profile_stale": QCoreApplication.translate(
            "CareLabels", "Profile not confirmed for a year"
        ),
        "card_expiring": QCoreApplication.translate("CareLabels", "Card expires on {event}"),
        "card_balance_low": QCoreApplication.translate("CareLabels", "Card balance is low"),
        "card_last_session": QCoreApplication.translate(
            "CareLabels", "Last session of the card used"
        ),
        "complaint_deadline": QCoreApplication.translate(
            "CareLabels", "A complaint's next step is due"
        ),
    }


def reason_text(task: DueTask) -> str:
    """Why the task is due, in a line: the reason's words, or the kind's name and the
    scan's own words when the reason is not a key the screens know."""
    event = date_text(task.event_on) if task.event_on else ""
    template = _reasons().get(task.reason)
    if template is None and not task.reason:
        template = _reasons().get(task.kind.value)
    if template is None:
        return f"{kind_name(task.kind)}: {task.reason}"
    text = template.format(event=event)
    return text.replace("  ", " ").rstrip(" :：")


def _details() -> dict[str, str]:
    return {
        "visits": QCoreApplication.translate("CareLabels", "Visits: {value}"),
        "days_since": QCoreApplication.translate(
            "CareLabels", "Days since the last visit: {value}"
        ),
        "days_since_last": QCoreApplication.translate(
            "CareLabels", "Days since the last visit: {value}"
        ),
        "median_days": QCoreApplication.translate("CareLabels", "Usual interval: {value} days"),
        "median_interval_days": QCoreApplication.translate(
            "CareLabels", "Usual interval: {value} days"
        ),
        "median_gap_days": QCoreApplication.translate("CareLabels", "Usual interval: {value} days"),
        "threshold_days": QCoreApplication.translate("CareLabels", "Warned after: {value} days"),
        "limit_days": QCoreApplication.translate("CareLabels", "Warned after: {value} days"),
        "floor_days": QCoreApplication.translate(
            "CareLabels", "Warned after {value} days at least"
        ),
        "recent_fen": QCoreApplication.translate("CareLabels", "Spent in the last window: {value}"),
        "usual_fen": QCoreApplication.translate("CareLabels", "Usual spend per window: {value}"),
        "window_days": QCoreApplication.translate("CareLabels", "Window: {value} days"),
        "ratio_percent": QCoreApplication.translate(
            "CareLabels", "Warned below {value}% of the usual"
        ),
        "percent": QCoreApplication.translate("CareLabels", "Share of the usual: {value}%"),
        "balance_fen": QCoreApplication.translate("CareLabels", "Balance: {value}"),
        "threshold_fen": QCoreApplication.translate("CareLabels", "Low below: {value}"),
        "sessions_left": QCoreApplication.translate("CareLabels", "Sessions left: {value}"),
        "card_no": QCoreApplication.translate("CareLabels", "Card: {value}"),
        "service": QCoreApplication.translate("CareLabels", "Service: {value}"),
        "service_name": QCoreApplication.translate("CareLabels", "Service: {value}"),
        "day": QCoreApplication.translate("CareLabels", "Day {value} after the visit"),
        "days_after": QCoreApplication.translate("CareLabels", "Day {value} after the visit"),
        "festival": QCoreApplication.translate("CareLabels", "Festival: {value}"),
        "festival_name": QCoreApplication.translate("CareLabels", "Festival: {value}"),
        "age": QCoreApplication.translate("CareLabels", "Turns {value}"),
        "visit_on": QCoreApplication.translate("CareLabels", "Visit on {value}"),
        "last_visit_on": QCoreApplication.translate("CareLabels", "Last visit: {value}"),
        "expires_on": QCoreApplication.translate("CareLabels", "Expires on {value}"),
    }


UNKNOWN_WHEN_NONE = frozenset({"median_gap_days", "median_days", "median_interval_days"})
"""Figures that are 0 when they are not known (a client with one visit has no interval)."""


def _date_of(text: str) -> str:
    try:
        year, month, day = (int(part) for part in text.split("-"))
        return date_text(dt.date(year, month, day))
    except ValueError:
        return text


def detail_lines(detail: Mapping[str, int | str]) -> list[str]:
    """The numbers behind a task, one per line, in the UI language (money as yuan)."""
    known = _details()
    lines = []
    for key, value in detail.items():
        if key in UNKNOWN_WHEN_NONE and not value:
            continue  # one visit has no interval: the floor decides
        shown: object = value
        if key.endswith("_fen") and isinstance(value, int):
            shown = format_fen(value)
        elif key.endswith("_on") and isinstance(value, str):
            shown = _date_of(value)
        template = known.get(key)
        lines.append(template.format(value=shown) if template else f"{key}: {shown}")
    return lines
