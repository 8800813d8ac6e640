"""The care set-up's words: kinds, channels, gifts, festivals and their dates, the rules'
settings with their units. Kinds and gifts are worded as on the due list (the same
source texts, so the same translations)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from frontdesk.core.calendar import lunar_month_name
from frontdesk.core.festivals import FestivalDay, FestivalRule
from frontdesk.models.care import CareChannel, CareKind, GiftType, TemplatePurpose
from frontdesk.services.care.setup_checks import Unit
from frontdesk.ui.dates import date_text, day_text
from frontdesk.ui.festival_names import named
from frontdesk.ui.labels import lunar_wording

translate = QCoreApplication.translate


def kind_name(kind: CareKind) -> str:
    names = {
        CareKind.BIRTHDAY: translate("CareSetupWords", "Birthday"),
        CareKind.FESTIVAL: translate("CareSetupWords", "Festival"),
        CareKind.CHURN: translate("CareSetupWords", "Churn warning"),
        CareKind.SPENDING_DROP: translate("CareSetupWords", "Spending drop"),
        CareKind.COMPLAINT_DEADLINE: translate("CareSetupWords", "Complaint deadline"),
        CareKind.STAR_CALL: translate("CareSetupWords", "Star client call"),
        CareKind.FOLLOW_UP: translate("CareSetupWords", "Follow-up call"),
        CareKind.PROFILE_STALE: translate("CareSetupWords", "Profile to confirm"),
        CareKind.CARD_EXPIRING: translate("CareSetupWords", "Card expiring"),
        CareKind.CARD_BALANCE_LOW: translate("CareSetupWords", "Card balance low"),
        CareKind.CARD_LAST_SESSION: translate("CareSetupWords", "Last session used"),
        CareKind.SURVEY: translate("CareSetupWords", "Survey call"),
    }
    return names[kind]


def gift_name(gift: GiftType) -> str:
    names = {
        GiftType.SPA_VOUCHER: translate("CareSetupWords", "Spa experience voucher"),
        GiftType.STORE_PRODUCTS: translate("CareSetupWords", "Store products"),
        GiftType.LOCAL_SPECIALITY: translate("CareSetupWords", "Local specialities"),
        GiftType.DINING_VOUCHER: translate("CareSetupWords", "Dining voucher"),
        GiftType.ROOM_VOUCHER: translate("CareSetupWords", "Room voucher"),
    }
    return names[gift]


def purpose_name(purpose: TemplatePurpose) -> str:
    names = {
        TemplatePurpose.BIRTHDAY: translate("CareSetupWords", "Birthday"),
        TemplatePurpose.FESTIVAL: translate("CareSetupWords", "Festival"),
        TemplatePurpose.SEASON: translate("CareSetupWords", "Change of season"),
        TemplatePurpose.MISS_YOU: translate("CareSetupWords", "We miss you"),
        TemplatePurpose.FOLLOW_UP: translate("CareSetupWords", "Follow-up"),
        TemplatePurpose.PROMOTION: translate("CareSetupWords", "Promotion"),
    }
    return names[purpose]


def channel_name(channel: CareChannel) -> str:
    names = {
        CareChannel.GIFT: translate("CareSetupWords", "A gift and a call"),
        CareChannel.CALL: translate("CareSetupWords", "A personal call"),
        CareChannel.MESSAGE: translate("CareSetupWords", "A batch message"),
    }
    return names[channel]


def param_label(name: str) -> str:
    """A rule's setting, as the form labels it."""
    labels = {
        "floor_days": translate("CareSetupWords", "Warn after no visit for at least"),
        "max_days": translate("CareSetupWords", "Stop warning after"),
        "window_days": translate("CareSetupWords", "Recent window"),
        "usual_days": translate("CareSetupWords", "Usual spend taken over"),
        "ratio_percent": translate("CareSetupWords", "Warn below this share of the usual"),
        "min_usual_fen": translate("CareSetupWords", "Only when the usual spend is at least (¥)"),
        "months": translate("CareSetupWords", "Confirm the profile every"),
        "threshold_fen": translate("CareSetupWords", "Low balance below (¥)"),
        "sample_percent": translate("CareSetupWords", "Share of visits called"),
        "after_days": translate("CareSetupWords", "Call this many days after the visit"),
        "low_score": translate("CareSetupWords", "A complaint at a score of at most"),
        "low_recommend": translate("CareSetupWords", "or a recommendation of at most"),
    }
    return labels.get(name, name)


def unit_suffix(unit: Unit) -> str:
    suffixes = {Unit.DAYS: translate("CareSetupWords", " days"),
                Unit.MONTHS: translate("CareSetupWords", " months"), Unit.PERCENT: " %",
                Unit.FEN: "", Unit.POINTS: translate("CareSetupWords", " points")}
    return suffixes[unit]


def festival_name(festival: FestivalDay) -> str:
    """A built-in festival's name in the UI language, unless the store renamed it."""
    return named(festival.code, festival.name)


def stored_name(festival: FestivalDay, typed: str) -> str:
    """The name to save: a built-in festival's own (source) name when the name shown was
    kept, so it stays translated; what was typed otherwise."""
    if festival.built_in and typed.strip() == festival_name(festival):
        return festival.name
    return typed


def weekday_names() -> list[str]:
    return [translate("CareSetupWords", "Monday"), translate("CareSetupWords", "Tuesday"),
            translate("CareSetupWords", "Wednesday"), translate("CareSetupWords", "Thursday"),
            translate("CareSetupWords", "Friday"), translate("CareSetupWords", "Saturday"),
            translate("CareSetupWords", "Sunday")]


def rule_names() -> dict[FestivalRule, str]:
    return {FestivalRule.SOLAR: translate("CareSetupWords", "Solar date"),
            FestivalRule.LUNAR: translate("CareSetupWords", "Lunar date"),
            FestivalRule.NTH_WEEKDAY: translate("CareSetupWords", "A weekday of the month")}


def festival_rule_text(f: FestivalDay) -> str:
    """How the festival is fixed: ``3月8日``, ``农历八月十五``, ``5月第2个星期日``."""
    if f.rule is FestivalRule.LUNAR:
        if f.day == 0:  # 除夕: the last day of 腊月, whether it has 29 days or 30
            return translate("CareSetupWords", "last day of lunar month {month}").format(
                month=f.month, month_name=lunar_month_name(f.month))
        return lunar_wording().text(f.month, f.day, None)
    if f.rule is FestivalRule.NTH_WEEKDAY:
        return translate("CareSetupWords", "month {month}, {weekday} no. {n}").format(
            month=f.month, n=f.day, weekday=weekday_names()[f.weekday or 0])
    try:
        return day_text(f.month, f.day)
    except ValueError:
        return f"{f.month}-{f.day}"


def next_date_text(day: dt.date | None) -> str:
    if day is None:
        return translate("CareSetupWords", "none in the calendar")
    return date_text(day)
