"""The complaint screens' words for the complaint model's enums: channels, categories,
severities, stages, remedies and the kinds of step a case keeps."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.models.complaint import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStage,
    Remedy,
    StepKind,
)


def channel_name(value: ComplaintChannel) -> str:
    names = {
        ComplaintChannel.ON_SITE: QCoreApplication.translate("ComplaintWords", "On site"),
        ComplaintChannel.PHONE: QCoreApplication.translate("ComplaintWords", "Phone"),
        ComplaintChannel.WECHAT: QCoreApplication.translate("ComplaintWords", "WeChat"),
        ComplaintChannel.EMAIL: QCoreApplication.translate("ComplaintWords", "Email"),
        ComplaintChannel.ONLINE_REVIEW: QCoreApplication.translate(
            "ComplaintWords", "Online review"),
        ComplaintChannel.SURVEY: QCoreApplication.translate(
            "ComplaintWords", "Satisfaction survey"),
    }
    return names.get(value, str(value))


def category_name(value: ComplaintCategory, *, short: bool = False) -> str:
    """The category; ``short`` for a list's column (safety without its example)."""
    if short and value is ComplaintCategory.SAFETY:
        return QCoreApplication.translate("ComplaintWords", "Safety")
    names = {
        ComplaintCategory.ATTITUDE: QCoreApplication.translate(
            "ComplaintWords", "Service attitude"),
        ComplaintCategory.EFFICIENCY: QCoreApplication.translate("ComplaintWords", "Efficiency"),
        ComplaintCategory.PRODUCT_QUALITY: QCoreApplication.translate(
            "ComplaintWords", "Product quality"),
        ComplaintCategory.ENVIRONMENT: QCoreApplication.translate("ComplaintWords", "Environment"),
        ComplaintCategory.PRICE_BILLING: QCoreApplication.translate(
            "ComplaintWords", "Price and billing"),
        ComplaintCategory.SAFETY: QCoreApplication.translate(
            "ComplaintWords", "Safety (e.g. a skin reaction)"),
    }
    return names.get(value, str(value))


def severity_name(value: ComplaintSeverity) -> str:
    names = {
        ComplaintSeverity.LOW: QCoreApplication.translate("ComplaintWords", "Low"),
        ComplaintSeverity.MEDIUM: QCoreApplication.translate("ComplaintWords", "Medium"),
        ComplaintSeverity.HIGH: QCoreApplication.translate("ComplaintWords", "High"),
    }
    return names.get(value, str(value))


def stage_name(value: ComplaintStage | str) -> str:
    names = {
        ComplaintStage.INTAKE: QCoreApplication.translate("ComplaintWords", "Intake"),
        ComplaintStage.INVESTIGATION: QCoreApplication.translate("ComplaintWords", "Investigation"),
        ComplaintStage.RESOLUTION: QCoreApplication.translate("ComplaintWords", "Resolution"),
        ComplaintStage.FEEDBACK: QCoreApplication.translate("ComplaintWords", "Feedback"),
        ComplaintStage.CLOSED: QCoreApplication.translate("ComplaintWords", "Closed"),
    }
    try:
        return names[ComplaintStage(value)]
    except ValueError:
        return str(value)


def remedy_name(value: Remedy) -> str:
    names = {
        Remedy.APOLOGY: QCoreApplication.translate("ComplaintWords", "Apology"),
        Remedy.REDO: QCoreApplication.translate("ComplaintWords", "Service redone"),
        Remedy.REFUND: QCoreApplication.translate("ComplaintWords", "Refund"),
        Remedy.VOUCHER: QCoreApplication.translate("ComplaintWords", "Compensation voucher"),
        Remedy.CREDIT: QCoreApplication.translate("ComplaintWords", "Credit to a member card"),
        Remedy.EXPLANATION: QCoreApplication.translate("ComplaintWords", "Explanation"),
        Remedy.OTHER: QCoreApplication.translate("ComplaintWords", "Other"),
    }
    return names.get(value, str(value))


def step_name(value: StepKind) -> str:
    names = {
        StepKind.TAKEN: QCoreApplication.translate("ComplaintWords", "Taken"),
        StepKind.MOVED: QCoreApplication.translate("ComplaintWords", "Moved"),
        StepKind.REOPENED: QCoreApplication.translate("ComplaintWords", "Reopened"),
        StepKind.ASSIGNED: QCoreApplication.translate("ComplaintWords", "Assigned"),
        StepKind.NOTE: QCoreApplication.translate("ComplaintWords", "Note"),
        StepKind.ESCALATED: QCoreApplication.translate(
            "ComplaintWords", "Escalated to the manager"),
        StepKind.COMPENSATED: QCoreApplication.translate("ComplaintWords", "Compensated"),
    }
    return names.get(value, str(value))


def marks(overdue: bool, escalated: bool) -> str:
    """The short marks a late case carries in the list and the panel."""
    parts = []
    if overdue:
        parts.append(QCoreApplication.translate("ComplaintWords", "⚠ Overdue"))
    if escalated:
        parts.append(QCoreApplication.translate("ComplaintWords", "↑ Escalated"))
    return " ".join(parts)
