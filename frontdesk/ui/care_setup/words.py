"""The care set-up's words: kinds, channels, gifts, festivals and their dates, the rules'
settings with their units. Kinds and gifts are worded as on the due list (the same
source texts, so the same translations)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from frontdesk.core.calendar import lunar_month_name
from frontdesk.core.festivals import BUILT_IN, FestivalDay, FestivalRule
from frontdesk.models.care import CareChannel, CareKind, GiftType, TemplatePurpose
from frontdesk.services.care.setup_checks import Unit
from frontdesk.ui.dates import date_text, day_text
from frontdesk.ui.labels import lunar_wording


def _t(text: str) -> str:
    return QCoreApplication.translate("CareSetupWords", text)


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
    return names[kind]


def gift_name(gift: GiftType) -> str:
    names = {
        GiftType.SPA_VOUCHER: _t("Spa experience voucher"),
        GiftType.STORE_PRODUCTS: _t("Store products"),
        GiftType.LOCAL_SPECIALITY: _t("Local specialities"),
        GiftType.DINING_VOUCHER: _t("Dining voucher"),
        GiftType.ROOM_VOUCHER: _t("Room voucher"),
    }
    return names[gift]


def purpose_name(purpose: TemplatePurpose) -> str:
    names = {
        TemplatePurpose.BIRTHDAY: _t("Birthday"),
        TemplatePurpose.FESTIVAL: _t("Festival"),
        TemplatePurpose.SEASON: _t("Change of season"),
        TemplatePurpose.MISS_YOU: _t("We miss you"),
        TemplatePurpose.FOLLOW_UP: _t("Follow-up"),
        TemplatePurpose.PROMOTION: _t("Promotion"),
    }
    return names[purpose]


def channel_name(channel: CareChannel) -> str:
    names = {
        CareChannel.GIFT: _t("A gift and a call"),
        CareChannel.CALL: _t("A personal call"),
        CareChannel.MESSAGE: _t("A batch message"),
    }
    return names[channel]


def param_label(name: str) -> str:
    """A rule's setting, as the form labels it."""
    labels = {
        "floor_days": _t("Warn after no visit for at least"),
        "max_days": _t("Stop warning after"),
        "window_days": _t("Recent window"),
        "usual_days": _t("Usual spend taken over"),
        "ratio_percent": _t("Warn below this share of the usual"),
        "min_usual_fen": _t("Only when the usual spend is at least (¥)"),
        "months": _t("Confirm the profile every"),
        "threshold_fen": _t("Low balance below (¥)"),
    }
    return labels.get(name, name)


def unit_suffix(unit: Unit) -> str:
    suffixes = {Unit.DAYS: _t(" days"), Unit.MONTHS: _t(" months"), Unit.PERCENT: " %",
                Unit.FEN: ""}
    return suffixes[unit]


def _festival_names() -> dict[str, str]:
    return {
        "new_year": _t("New Year's Day"),
        "spring_festival": _t("Spring Festival"),
        "lantern": _t("Lantern Festival"),
        "womens_day": _t("Women's Day"),
        "mothers_day": _t("Mother's Day"),
        "dragon_boat": _t("Dragon Boat Festival"),
        "qixi": _t("Qixi Festival"),
        "mid_autumn": _t("Mid-Autumn Festival"),
        "double_ninth": _t("Double Ninth Festival"),
        "laba": _t("Laba Festival"),
        "new_years_eve": _t("New Year's Eve"),
    }


_BUILT_IN_NAMES = {f.code: f.name for f in BUILT_IN}


def festival_name(festival: FestivalDay) -> str:
    """A built-in festival's name in the UI language, unless the store renamed it."""
    if festival.built_in and _BUILT_IN_NAMES.get(festival.code) == festival.name:
        return _festival_names().get(festival.code, festival.name)
    return festival.name


def stored_name(festival: FestivalDay, typed: str) -> str:
    """The name to save: a built-in festival's own (source) name when the name shown was
    kept, so it stays translated; what was typed otherwise."""
    if festival.built_in and typed.strip() == festival_name(festival):
        return festival.name
    return typed


def weekday_names() -> list[str]:
    return [_t("Monday"), _t("Tuesday"), _t("Wednesday"), _t("Thursday"), _t("Friday"),
            _t("Saturday"), _t("Sunday")]


def rule_names() -> dict[FestivalRule, str]:
    return {FestivalRule.SOLAR: _t("Solar date"), FestivalRule.LUNAR: _t("Lunar date"),
            FestivalRule.NTH_WEEKDAY: _t("A weekday of the month")}


def festival_rule_text(f: FestivalDay) -> str:
    """How the festival is fixed: ``3月8日``, ``农历八月十五``, ``5月第2个星期日``."""
    if f.rule is FestivalRule.LUNAR:
        if f.day == 0:  # 除夕: the last day of 腊月, whether it has 29 days or 30
            return _t("last day of lunar month {month}").format(
                month=f.month, month_name=lunar_month_name(f.month))
        return lunar_wording().text(f.month, f.day, None)
    if f.rule is FestivalRule.NTH_WEEKDAY:
        return _t("month {month}, weekday {n}: {weekday}").format(
            month=f.month, n=f.day, weekday=weekday_names()[f.weekday or 0])
    try:
        return day_text(f.month, f.day)
    except ValueError:
        return f"{f.month}-{f.day}"


def next_date_text(day: dt.date | None) -> str:
    return date_text(day) if day is not None else _t("none in the calendar")
