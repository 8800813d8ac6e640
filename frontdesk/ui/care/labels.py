"""The care screens' words for the care model's enums: kinds, stages, outcomes, gifts,
statuses. Why a task is due is :mod:`frontdesk.ui.care.reasons`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.models.care import CallOutcome, CareKind, CareStatus, GiftType
from frontdesk.services.care.settings import CareStage


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
        CareKind.SURVEY: QCoreApplication.translate("CareLabels", "Survey call"),
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
