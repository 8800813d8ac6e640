"""The client analysis sheet's words in a chosen language, from FrontDesk's translation files.

The sheet's services never translate: they print the
:class:`~frontdesk.services.sheet.words.SheetWords` they are given. A sheet may
print in another language than the screens (``frontdesk sheet --lang``), so
these words come from that language's own translator
(:func:`frontdesk.ui.i18n.translator_for`), not the application's. The sheet's
own words are in the "SheetWords" context; gender, the special conditions and
the trend measures reuse the screens' names (:mod:`frontdesk.ui.labels`), except
where the sheet has always printed its own wording.

QtCore only, no window: ``frontdesk sheet`` imports this without a display.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from frontdesk.models import Gender
from frontdesk.models.consultation import ConditionKind
from frontdesk.services.health.consultation import TREND_UNITS
from frontdesk.services.sheet.words import SheetWords
from frontdesk.ui.i18n import Translate, translator_for
from frontdesk.ui.labels import condition_name, gender_name, lunar_wording, trend_name


@cache
def sheet_words(language: str) -> SheetWords:
    """The words of a sheet printed in ``language`` (``"zh_CN"``, ``"en"``)."""
    translate = translator_for(language)
    return SheetWords(
        language=language,
        **_page_words(translate), **_test_words(translate), **_section_words(translate),
        **_plan_words(translate),
        gender_names={g.value: gender_name(g, translate) for g in (Gender.FEMALE, Gender.MALE)},
        method_names={"instrument": translate("SheetWords", "instrument"),
                      "observed": translate("SheetWords", "observed")},
        condition_names=_condition_names(translate),
        client_type_names=_client_type_names(translate),
        lunar=lunar_wording(translate),
        skin_type_names=_skin_type_names(translate),
        trend_names=_trend_names(translate),
        grades=(translate("SheetWords", "none"), translate("SheetWords", "slight"),
                translate("SheetWords", "moderate"), translate("SheetWords", "marked"),
                translate("SheetWords", "severe")),
    )


def _page_words(translate: Translate) -> dict[str, str]:
    """The page, the client's basics and the allergy box."""
    return {
        "title": translate("SheetWords", "Client analysis sheet"),
        "printed": translate("SheetWords", "Printed"),
        "page": translate("SheetWords", "Page {n}"),
        "confidential": translate("SheetWords",
                                  "Contains personal health data: keep confidential"),
        "not_recorded": translate("SheetWords", "Not recorded"),
        "none": translate("SheetWords", "None"),
        "client_title": translate("SheetWords", "Client"),
        "name": translate("SheetWords", "Name"),
        "gender": translate("SheetWords", "Gender"),
        "age": translate("SheetWords", "Age / birthday"),
        "phone": translate("SheetWords", "Phone"),
        "member_no": translate("SheetWords", "Member no."),
        "tier": translate("SheetWords", "Tier"),
        "since": translate("SheetWords", "Client since"),
        "consultant": translate("SheetWords", "Consultant"),
        "allergies_title": translate("SheetWords", "Allergies / contraindications"),
    }


def _test_words(translate: Translate) -> dict[str, str]:
    """The skin test and the body test."""
    return {
        "skin_title": translate("SheetWords", "Skin test"),
        "tested_on": translate("SheetWords", "Tested on"),
        "tested_with": translate("SheetWords", "{date} ({method})"),
        "skin_type": translate("SheetWords", "Skin type"),
        "sensitivity": translate("SheetWords", "Sensitivity"),
        "moisture": translate("SheetWords", "Moisture"),
        "oil": translate("SheetWords", "Oil"),
        "elasticity": translate("SheetWords", "Elasticity"),
        "pores": translate("SheetWords", "Pores"),
        "acne_grade": translate("SheetWords", "Acne grade"),
        "pigmentation": translate("SheetWords", "Pigmentation"),
        "wrinkles": translate("SheetWords", "Wrinkles"),
        "skin_notes": translate("SheetWords", "Skin notes"),
        "body_title": translate("SheetWords", "Body test"),
        "height": translate("SheetWords", "Height"),
        "weight": translate("SheetWords", "Weight"),
        "bmi": translate("SheetWords", "BMI"),
        "body_fat": translate("SheetWords", "Body fat"),
        "waist": translate("SheetWords", "Waist"),
        "hip": translate("SheetWords", "Hip"),
        "posture": translate("SheetWords", "Posture"),
        "pain_areas": translate("SheetWords", "Pain areas"),
        "meridians": translate("SheetWords", "Meridians"),
    }


def _section_words(translate: Translate) -> dict[str, str]:
    """Trends, the special conditions, preferences, the last 12 months and the member cards."""
    return {
        "trends_title": translate("SheetWords", "Trends"),
        "conditions_title": translate(
            "SheetWords", "Special conditions (observed before and after cleansing)"),
        "condition": translate("SheetWords", "Condition"),
        "before": translate("SheetWords", "Before cleansing"),
        "after": translate("SheetWords", "After cleansing"),
        "preferences_title": translate("SheetWords", "Preferences"),
        "favourites": translate("SheetWords", "Favourites"),
        "preferred_staff": translate("SheetWords", "Preferred staff"),
        "room": translate("SheetWords", "Room"),
        "drink": translate("SheetWords", "Drink"),
        "music": translate("SheetWords", "Music"),
        "avoid_topics": translate("SheetWords", "Topics to avoid"),
        "spend_title": translate("SheetWords", "Last 12 months"),
        "visits": translate("SheetWords", "Visits"),
        "spend": translate("SheetWords", "Spend"),
        "top_services": translate("SheetWords", "Top services"),
        "cards_title": translate("SheetWords", "Member cards"),
        "card": translate("SheetWords", "Card"),
        "balance": translate("SheetWords", "Balance"),
        "sessions_left": translate("SheetWords", "Sessions left"),
        "expires": translate("SheetWords", "Expires"),
    }


def _plan_words(translate: Translate) -> dict[str, str]:
    """The recommended plan, the client type, the signature lines, how a list is joined."""
    return {
        "plan_title": translate("SheetWords", "Recommended plan"),
        "item": translate("SheetWords", "Service"),
        "sessions": translate("SheetWords", "Sessions"),
        "price": translate("SheetWords", "Price"),
        "total": translate("SheetWords", "Total"),
        "home_care": translate("SheetWords", "Home care"),
        "next_visit": translate("SheetWords", "Next visit"),
        "plan_notes": translate("SheetWords", "Plan notes"),
        "quantity": translate("SheetWords", "Quantity"),
        "client_type_title": translate("SheetWords", "Client type and notes"),
        "client_type": translate("SheetWords", "Client type"),
        "handling": translate("SheetWords", "How to handle"),
        "notes": translate("SheetWords", "Notes"),
        "consultant_signature": translate("SheetWords", "Consultant signature"),
        "client_signature": translate("SheetWords", "Client signature"),
        "date": translate("SheetWords", "Date"),
        "list_separator": translate("SheetWords", ", ", "between the items of a list"),
    }


def _client_type_names(translate: Translate) -> Mapping[str, str]:
    """The special clients (特殊客人), worded as the consultation form words them."""
    return {"nervous": translate("SheetWords", "Nervous"),
            "distrustful": translate("SheetWords", "Lacks trust"),
            "highly_strung": translate("SheetWords", "Highly strung"),
            "new_client": translate("SheetWords", "New client"),
            "new_course": translate("SheetWords", "Existing client, new course")}


def _condition_names(translate: Translate) -> Mapping[str, str]:
    names = {kind.value: condition_name(kind, translate) for kind in ConditionKind}
    # The sheet's own wording (浓妆（粉底等）; the screens say 粉底等浓妆).
    names[ConditionKind.HEAVY_MAKEUP.value] = translate("SheetWords", "Heavy make-up")
    return names


def _skin_type_names(translate: Translate) -> Mapping[str, str]:
    """In the sheet's own words: lower case in English, unlike the screens' names."""
    return {"dry": translate("SheetWords", "dry"), "oily": translate("SheetWords", "oily"),
            "combination": translate("SheetWords", "combination"),
            "normal": translate("SheetWords", "normal"),
            "sensitive": translate("SheetWords", "sensitive")}


def _trend_names(translate: Translate) -> Mapping[str, str]:
    names = {measure: trend_name(measure, translate) for measure in TREND_UNITS}
    # The sheet's own wording of a chart's title (体脂; the screens and the body test say 体脂率).
    names["body_fat"] = translate("SheetWords", "Body fat", "trend chart")
    return names
