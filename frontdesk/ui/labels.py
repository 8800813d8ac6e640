"""Translated names for the enums that appear on screens (roles, visitor classes, …).

Names the printed sheet shares take a ``translate`` function: the UI's language by
default, another language's (:func:`frontdesk.ui.i18n.translator_for`) for a
printout in a language of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.core.calendar import LunarWording
from frontdesk.core.context import Role
from frontdesk.core.visitors import VisitorClass
from frontdesk.models import Gender, LineKind, PaymentMethod, SourceChannel, VisitKind, VisitStatus
from frontdesk.models.consultation import ConditionKind, MeasureMethod, PhotoKind, SkinType
from frontdesk.services.desk.visits import RoomBoardRow, RoomStatus
from frontdesk.ui.i18n import Translate


def role_name(role: Role) -> str:
    names = {
        Role.RECEPTIONIST: QCoreApplication.translate("Labels", "Receptionist"),
        Role.CONSULTANT: QCoreApplication.translate("Labels", "Consultant"),
        Role.THERAPIST: QCoreApplication.translate("Labels", "Beautician / therapist"),
        Role.CLIENT_MANAGER: QCoreApplication.translate("Labels", "Client manager"),
        Role.COMPLAINT_HANDLER: QCoreApplication.translate("Labels", "Complaint handler"),
        Role.QUALITY_INSPECTOR: QCoreApplication.translate("Labels", "Quality inspector"),
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


def gender_name(value: Gender, translate: Translate = QCoreApplication.translate) -> str:
    names = {Gender.FEMALE: translate("Labels", "Female"),
             Gender.MALE: translate("Labels", "Male"),
             Gender.UNKNOWN: translate("Labels", "Not given")}
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


def skin_type_name(value: SkinType) -> str:
    names = {
        SkinType.DRY: QCoreApplication.translate("Labels", "Dry"),
        SkinType.OILY: QCoreApplication.translate("Labels", "Oily"),
        SkinType.COMBINATION: QCoreApplication.translate("Labels", "Combination"),
        SkinType.NORMAL: QCoreApplication.translate("Labels", "Normal"),
        SkinType.SENSITIVE: QCoreApplication.translate("Labels", "Sensitive"),
    }
    return names[value]


def measure_method_name(value: MeasureMethod) -> str:
    names = {
        MeasureMethod.INSTRUMENT: QCoreApplication.translate("Labels", "Instrument"),
        MeasureMethod.OBSERVED: QCoreApplication.translate("Labels", "Observed (look, touch, ask)"),
    }
    return names[value]


def lunar_wording(translate: Translate = QCoreApplication.translate) -> LunarWording:
    """How a lunar birthday is written on screens and sheets: ``农历1999年正月廿三``."""
    return LunarWording(
        dated=translate("Labels", "lunar {year}, month {month} day {day}"),
        undated=translate("Labels", "lunar month {month} day {day}"),
        leap_dated=translate("Labels", "lunar {year}, leap month {month} day {day}"),
        leap_undated=translate("Labels", "lunar leap month {month} day {day}"))


def condition_name(value: ConditionKind,
                   translate: Translate = QCoreApplication.translate) -> str:
    """The five special conditions observed before and after cleansing."""
    names = {
        ConditionKind.HEAVY_MAKEUP: translate("Labels", "Heavy make-up"),
        ConditionKind.VERY_DIRTY: translate("Labels", "Very dirty skin"),
        ConditionKind.ACNE: translate("Labels", "Acne"),
        ConditionKind.SENSITIVE: translate("Labels", "Sensitive or allergic"),
        ConditionKind.SPOTS: translate("Labels", "Spots"),
    }
    return names[value]


def grade_name(value: int) -> str:
    """Grades 0–4 of pores, acne, pigmentation, wrinkles and sensitivity."""
    names = [QCoreApplication.translate("Labels", "0 none"),
             QCoreApplication.translate("Labels", "1 slight"),
             QCoreApplication.translate("Labels", "2 moderate"),
             QCoreApplication.translate("Labels", "3 marked"),
             QCoreApplication.translate("Labels", "4 severe")]
    return names[value]


def visit_status_name(value: VisitStatus) -> str:
    names = {
        VisitStatus.WAITING: QCoreApplication.translate("Labels", "Waiting"),
        VisitStatus.IN_SERVICE: QCoreApplication.translate("Labels", "In service"),
        VisitStatus.FINISHED: QCoreApplication.translate("Labels", "Finished"),
        VisitStatus.CLOSED: QCoreApplication.translate("Labels", "Checked out"),
        VisitStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }
    return names[value]


def visit_kind_name(value: VisitKind) -> str:
    names = {VisitKind.WALK_IN: QCoreApplication.translate("Labels", "Walk-in"),
             VisitKind.APPOINTMENT: QCoreApplication.translate("Labels", "Appointment")}
    return names[value]


def line_kind_name(value: LineKind) -> str:
    names = {LineKind.SERVICE: QCoreApplication.translate("Labels", "Service"),
             LineKind.PRODUCT: QCoreApplication.translate("Labels", "Product")}
    return names[value]


def photo_kind_name(value: PhotoKind) -> str:
    names = {PhotoKind.BEFORE: QCoreApplication.translate("Labels", "Before"),
             PhotoKind.AFTER: QCoreApplication.translate("Labels", "After")}
    return names[value]


def trend_name(measure: str, translate: Translate = QCoreApplication.translate) -> str:
    """The measures of ConsultationService.trends (keys of TREND_UNITS)."""
    names = {
        "moisture": translate("Labels", "Moisture"),
        "oil": translate("Labels", "Oil"),
        "elasticity": translate("Labels", "Elasticity"),
        "weight": translate("Labels", "Weight"),
        "bmi": translate("Labels", "BMI"),
        "body_fat": translate("Labels", "Body fat"),
        "waist": translate("Labels", "Waist"),
    }
    return names[measure]


def room_status_name(value: RoomStatus) -> str:
    names = {
        RoomStatus.FREE: QCoreApplication.translate("Labels", "free"),
        RoomStatus.OCCUPIED: QCoreApplication.translate("Labels", "occupied"),
        RoomStatus.CLEANING: QCoreApplication.translate("Labels", "cleaning"),
        RoomStatus.OUT_OF_SERVICE: QCoreApplication.translate("Labels", "out of service"),
    }
    return names[value]


def room_choice_text(room: RoomBoardRow) -> str:
    """A room as the desk's dialogs offer it: its name, its state and who is in it."""
    who = f" · {room.client_name}" if room.client_name else ""
    return f"{room.name} ({room_status_name(room.status)}{who})"
