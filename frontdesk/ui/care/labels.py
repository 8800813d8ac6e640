"""The care screens' words: kinds, stages, outcomes, gifts, and why a task is due.

A task's ``reason`` is a key the scan writes (``churn``, ``lunar_birthday``…) and its
``detail`` the numbers behind it (``median_days``, ``recent_fen``…); both are turned
into the UI language here. A key the screens do not know yet is shown as it is,
never dropped: the numbers behind a warning are what the person calling needs.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from frontdesk.core.money import format_fen
from frontdesk.models.care import CallOutcome, CareKind, CareStatus, GiftType
from frontdesk.services.care.settings import CareStage
from frontdesk.services.care.views import DueTask
from frontdesk.ui.dates import date_text


def _t(text: str) -> str:
    return QCoreApplication.translate("CareLabels", text)


def kind_name(kind: CareKind) -> str:
    names = {
        CareKind.BIRTHDAY: _t("Birthday"),
        CareKind.FESTIVAL: _t("Festival"),
        CareKind.CHURN: _t("Churn warning"),
        CareKind.SPENDING_DROP: _t("Spending drop"),
        CareKind.COMPLAINT_DEADLINE: _t("Complaint deadline"),
        CareKind.STAR_CALL: _t("Star client call"),
        CareKind.FOLLOW_UP: _t("Follow-up call"),
        CareKind.PROFILE_STALE: _t("Profile to confirm"),
        CareKind.CARD_EXPIRING: _t("Card expiring"),
        CareKind.CARD_BALANCE_LOW: _t("Card balance low"),
        CareKind.CARD_LAST_SESSION: _t("Last session used"),
    }
    return names.get(kind, str(kind))


def stage_name(stage: CareStage) -> str:
    names = {
        CareStage.GREETINGS: _t("Greetings"),
        CareStage.WARNINGS: _t("Warnings"),
        CareStage.STAR_CLIENTS: _t("Star clients and follow-ups"),
        CareStage.SECOND_SALES: _t("Second sales"),
    }
    return names[stage]


def outcome_name(outcome: CallOutcome) -> str:
    names = {
        CallOutcome.REACHED: _t("Reached"),
        CallOutcome.NO_ANSWER: _t("No answer"),
        CallOutcome.WRONG_NUMBER: _t("Wrong number"),
        CallOutcome.BOOKED: _t("Booked an appointment"),
        CallOutcome.COMPLAINT: _t("Raised a complaint"),
        CallOutcome.MESSAGE_SENT: _t("Message sent"),
        CallOutcome.GIFT_GIVEN: _t("Gift given"),
    }
    return names[outcome]


CALL_OUTCOMES = (CallOutcome.REACHED, CallOutcome.NO_ANSWER, CallOutcome.WRONG_NUMBER,
                 CallOutcome.BOOKED, CallOutcome.COMPLAINT)
"""What the call dialog offers (a message or a gift is logged by its own action)."""


def gift_name(gift: GiftType) -> str:
    names = {
        GiftType.SPA_VOUCHER: _t("Spa experience voucher"),
        GiftType.STORE_PRODUCTS: _t("Store products"),
        GiftType.LOCAL_SPECIALITY: _t("Local specialities"),
        GiftType.DINING_VOUCHER: _t("Dining voucher"),
        GiftType.ROOM_VOUCHER: _t("Room voucher"),
    }
    return names[gift]


def status_name(status: CareStatus) -> str:
    names = {CareStatus.OPEN: _t("Open"), CareStatus.SNOOZED: _t("Snoozed"),
             CareStatus.DONE: _t("Done"), CareStatus.SKIPPED: _t("Skipped")}
    return names[status]


def _reasons() -> dict[str, str]:
    return {
        "birthday": _t("Birthday on {event}"),
        "lunar_birthday": _t("Lunar birthday on {event}"),
        "festival": _t("Festival on {event}"),
        "churn": _t("No visit for longer than usual"),
        "lapsed": _t("No visit for longer than usual"),
        "spending_drop": _t("Spending well below usual"),
        "follow_up": _t("Follow-up after a treatment"),
        "star_call": _t("Regular call to a star client"),
        "profile_stale": _t("Profile not confirmed for a year"),
        "card_expiring": _t("Card expires on {event}"),
        "card_balance_low": _t("Card balance is low"),
        "card_last_session": _t("Last session of the card used"),
        "complaint_deadline": _t("A complaint's next step is due"),
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
        "visits": _t("Visits: {value}"),
        "days_since": _t("Days since the last visit: {value}"),
        "days_since_last": _t("Days since the last visit: {value}"),
        "median_days": _t("Usual interval: {value} days"),
        "median_interval_days": _t("Usual interval: {value} days"),
        "threshold_days": _t("Warned after: {value} days"),
        "limit_days": _t("Warned after: {value} days"),
        "floor_days": _t("At least: {value} days"),
        "recent_fen": _t("Spent in the last window: {value}"),
        "usual_fen": _t("Usual spend per window: {value}"),
        "window_days": _t("Window: {value} days"),
        "ratio_percent": _t("Share of the usual: {value}%"),
        "percent": _t("Share of the usual: {value}%"),
        "balance_fen": _t("Balance: {value}"),
        "threshold_fen": _t("Low below: {value}"),
        "sessions_left": _t("Sessions left: {value}"),
        "card_no": _t("Card: {value}"),
        "service": _t("Service: {value}"),
        "service_name": _t("Service: {value}"),
        "day": _t("Day {value} after the visit"),
        "days_after": _t("Day {value} after the visit"),
        "festival": _t("Festival: {value}"),
        "festival_name": _t("Festival: {value}"),
        "age": _t("Turns {value}"),
        "visit_on": _t("Visit on {value}"),
        "last_visit_on": _t("Last visit: {value}"),
        "expires_on": _t("Expires on {value}"),
    }


def detail_lines(detail: Mapping[str, int | str]) -> list[str]:
    """The numbers behind a task, one per line, in the UI language (money as yuan)."""
    known = _details()
    lines = []
    for key, value in detail.items():
        shown: object = value
        if key.endswith("_fen") and isinstance(value, int):
            shown = format_fen(value)
        template = known.get(key)
        lines.append(template.format(value=shown) if template else f"{key}: {shown}")
    return lines
