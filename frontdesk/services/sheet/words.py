"""Every word a client analysis sheet prints, in one language, as plain data.

Services never translate (DESIGN.md), and a sheet may print in another language
than the screens, so the caller that knows the sheet's language fills a
:class:`SheetWords` and hands it over: the screens and ``frontdesk sheet`` use
:func:`frontdesk.ui.clients.sheet_words.sheet_words`, which reads Qt's
translation files. The defaults are the English source texts (as DomainError
templates are English): ``SheetWords()`` prints an English sheet.

Coded values (gender, test method, condition kind, client type, skin type, trend measure) are
worded through the ``*_names`` tables; an unknown code prints as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from frontdesk.core.calendar import LunarWording


@dataclass(frozen=True)
class SheetWords:
    """The words of one sheet. Texts with ``{fields}`` are filled in by the sheet."""

    language: str = "en"
    """The language code of these words, as the audit trail records it."""

    # The page
    title: str = "Client analysis sheet"
    printed: str = "Printed"
    page: str = "Page {n}"
    confidential: str = "Contains personal health data: keep confidential"
    not_recorded: str = "Not recorded"
    none: str = "None"

    # Client basics and allergies
    client_title: str = "Client"
    name: str = "Name"
    gender: str = "Gender"
    age: str = "Age / birthday"
    phone: str = "Phone"
    member_no: str = "Member no."
    tier: str = "Tier"
    since: str = "Client since"
    consultant: str = "Consultant"
    allergies_title: str = "Allergies / contraindications"

    # Skin test
    skin_title: str = "Skin test"
    tested_on: str = "Tested on"
    tested_with: str = "{date} ({method})"
    skin_type: str = "Skin type"
    sensitivity: str = "Sensitivity"
    moisture: str = "Moisture"
    oil: str = "Oil"
    elasticity: str = "Elasticity"
    pores: str = "Pores"
    acne_grade: str = "Acne grade"
    pigmentation: str = "Pigmentation"
    wrinkles: str = "Wrinkles"
    skin_notes: str = "Skin notes"

    # Body test
    body_title: str = "Body test"
    height: str = "Height"
    weight: str = "Weight"
    bmi: str = "BMI"
    body_fat: str = "Body fat"
    waist: str = "Waist"
    hip: str = "Hip"
    posture: str = "Posture"
    pain_areas: str = "Pain areas"
    meridians: str = "Meridians"

    # Trends and the five special conditions
    trends_title: str = "Trends"
    conditions_title: str = "Special conditions (observed before and after cleansing)"
    condition: str = "Condition"
    before: str = "Before cleansing"
    after: str = "After cleansing"

    # Preferences, the last 12 months, member cards
    preferences_title: str = "Preferences"
    favourites: str = "Favourites"
    preferred_staff: str = "Preferred staff"
    room: str = "Room"
    drink: str = "Drink"
    music: str = "Music"
    avoid_topics: str = "Topics to avoid"
    spend_title: str = "Last 12 months"
    visits: str = "Visits"
    spend: str = "Spend"
    top_services: str = "Top services"
    cards_title: str = "Member cards"
    card: str = "Card"
    balance: str = "Balance"
    sessions_left: str = "Sessions left"
    expires: str = "Expires"

    # The recommended plan and the signatures
    plan_title: str = "Recommended plan"
    item: str = "Service"
    sessions: str = "Sessions"
    price: str = "Price"
    total: str = "Total"
    home_care: str = "Home care"
    next_visit: str = "Next visit"
    plan_notes: str = "Plan notes"
    quantity: str = "Quantity"
    # The client type and the reception's notes
    client_type_title: str = "Client type and notes"
    client_type: str = "Client type"
    handling: str = "How to handle"
    notes: str = "Notes"

    consultant_signature: str = "Consultant signature"
    client_signature: str = "Client signature"
    date: str = "Date"

    # Coded values, and the words the sheet's values are made of
    gender_names: Mapping[str, str] = field(default_factory=lambda: {
        "female": "Female", "male": "Male"})
    method_names: Mapping[str, str] = field(default_factory=lambda: {
        "instrument": "instrument", "observed": "observed"})
    condition_names: Mapping[str, str] = field(default_factory=lambda: {
        "heavy_makeup": "Heavy make-up", "very_dirty": "Very dirty skin", "acne": "Acne",
        "sensitive": "Sensitive or allergic", "spots": "Spots"})
    skin_type_names: Mapping[str, str] = field(default_factory=lambda: {
        "dry": "dry", "oily": "oily", "combination": "combination", "normal": "normal",
        "sensitive": "sensitive"})
    client_type_names: Mapping[str, str] = field(default_factory=lambda: {
        "nervous": "Nervous", "distrustful": "Lacks trust", "highly_strung": "Highly strung",
        "new_client": "New client", "new_course": "Existing client, new course"})
    trend_names: Mapping[str, str] = field(default_factory=lambda: {
        "moisture": "Moisture", "oil": "Oil", "elasticity": "Elasticity", "weight": "Weight",
        "bmi": "BMI", "body_fat": "Body fat", "waist": "Waist"})
    grades: tuple[str, str, str, str, str] = ("none", "slight", "moderate", "marked", "severe")
    """Grades 0–4 (pores, acne, pigmentation, wrinkles, sensitivity)."""
    lunar: LunarWording = field(default_factory=LunarWording)
    """How a lunar birthday is written (``农历1999年正月廿三``)."""
    list_separator: str = ", "


def coded(names: Mapping[str, str], code: str) -> str:
    """The word for ``code`` in ``names`` (e.g. ``gender_names``); an unknown code as it is."""
    return names.get(code, code)
