"""Translated names for the enums that appear on screens (roles, visitor classes, …)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.models import Gender, PaymentMethod, Role, SourceChannel, VisitorClass


def role_name(role: Role) -> str:
    names = {
        Role.RECEPTIONIST: QCoreApplication.translate("Labels", "Receptionist"),
        Role.CONSULTANT: QCoreApplication.translate("Labels", "Consultant"),
        Role.THERAPIST: QCoreApplication.translate("Labels", "Beautician / therapist"),
        Role.MANAGER: QCoreApplication.translate("Labels", "Manager"),
        Role.ADMIN: QCoreApplication.translate("Labels", "Administrator"),
    }
    return names[role]


def visitor_class_name(value: VisitorClass) -> str:
    names = {
        VisitorClass.GENERAL: QCoreApplication.translate("Labels", "General"),
        VisitorClass.IMPORTANT: QCoreApplication.translate("Labels", "Important"),
        VisitorClass.GUEST: QCoreApplication.translate("Labels", "Guest"),
        VisitorClass.SPECIAL: QCoreApplication.translate("Labels", "Special visitor"),
    }
    return names[value]


def gender_name(value: Gender) -> str:
    names = {Gender.FEMALE: QCoreApplication.translate("Labels", "Female"), Gender.MALE: QCoreApplication.translate("Labels", "Male"), Gender.UNKNOWN: QCoreApplication.translate("Labels", "Not given")}
    return names[value]


def source_name(value: SourceChannel) -> str:
    names = {
        SourceChannel.WALK_IN: QCoreApplication.translate("Labels", "Walk-in"),
        SourceChannel.REFERRAL: QCoreApplication.translate("Labels", "Referral"),
        SourceChannel.APPOINTMENT: QCoreApplication.translate("Labels", "Appointment"),
        SourceChannel.ONLINE: QCoreApplication.translate("Labels", "Online"),
        SourceChannel.OTHER: QCoreApplication.translate("Labels", "Other"),
    }
    return names[value]


def payment_method_name(value: PaymentMethod) -> str:
    names = {
        PaymentMethod.CASH: QCoreApplication.translate("Labels", "Cash"),
        PaymentMethod.BANK_CARD: QCoreApplication.translate("Labels", "Bank card"),
        PaymentMethod.WECHAT: QCoreApplication.translate("Labels", "WeChat Pay"),
        PaymentMethod.ALIPAY: QCoreApplication.translate("Labels", "Alipay"),
        PaymentMethod.MEMBER_CARD: QCoreApplication.translate("Labels", "Member card"),
    }
    return names[value]
