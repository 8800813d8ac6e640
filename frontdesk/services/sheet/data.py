"""What a client analysis sheet (客情分析表) prints: plain frozen data, no ORM.

The service that gathers a client's record fills a :class:`SheetData`; the
renderer (:mod:`frontdesk.services.sheet.pdf`) only lays it out. Free text
(skin type, posture, notes, service names) is printed as the staff typed it;
the few coded fields (``gender``, ``method``, condition ``kind``, client type
``flags``) are codes the renderer words through the sheet's
:class:`~frontdesk.services.sheet.words.SheetWords`, and an unknown code is printed
as it is. Money is int fen. The phone is already masked by the caller: the sheet
never holds a full number. Empty text means "not recorded" and is printed as such.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from frontdesk.services.health.form import plan_total_fen
from frontdesk.services.sheet.words import SheetWords

GENDERS = ("female", "male")
TEST_METHODS = ("instrument", "observed")
# The five conditions a consultant observes before and after cleansing (洗脸前/洗脸后).
CONDITION_KINDS = ("heavy_makeup", "very_dirty", "acne", "sensitive", "spots")
# The special clients a consultant guides in person (特殊客人), as ClientTypeNotes.flags.
CLIENT_TYPES = ("nervous", "distrustful", "highly_strung", "new_client", "new_course")


@dataclass(frozen=True)
class StoreInfo:
    name: str
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ClientBasics:
    """Who the sheet is about. ``phone_masked`` is e.g. ``138****5678``."""

    name: str
    gender: str = ""  # a GENDERS code
    age_or_birthday: str = ""  # "32 (1993-05-14)", "05-14" or a lunar date, as the caller words it
    phone_masked: str = ""
    member_no: str = ""
    tier: str = ""  # the store's tier name, e.g. 金卡
    client_since: dt.date | None = None


@dataclass(frozen=True)
class SkinTest:
    """The latest skin test 皮肤检测; percentages as measured (may have decimals)."""

    tested_on: dt.date
    method: str = "observed"  # a TEST_METHODS code
    skin_type: str = ""
    moisture_pct: float | None = None
    oil_pct: float | None = None
    elasticity: str = ""
    pores: str = ""
    acne_grade: str = ""
    pigmentation: str = ""
    wrinkles: str = ""
    sensitivity: str = ""
    notes: str = ""


@dataclass(frozen=True)
class BodyTest:
    """The latest body test 身体检测. ``bmi`` is worked out from height and weight if not given."""

    tested_on: dt.date
    height_cm: float | None = None
    weight_kg: float | None = None
    bmi: float | None = None
    body_fat_pct: float | None = None
    waist_cm: float | None = None
    hip_cm: float | None = None
    posture: str = ""
    pain_areas: str = ""
    meridian_notes: str = ""
    method: str = ""  # a TEST_METHODS code, or "" when not recorded

    @property
    def bmi_value(self) -> float | None:
        if self.bmi is not None:
            return self.bmi
        if self.height_cm and self.weight_kg:
            return round(self.weight_kg / (self.height_cm / 100) ** 2, 1)
        return None


@dataclass(frozen=True)
class TrendSeries:
    """One measure over time for a small line chart, e.g. ("Moisture", "%", [(date, 38), …])."""

    label: str
    unit: str
    points: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class SpecialCondition:
    """One of the five conditions, observed before (洗脸前) and after (洗脸后) cleansing."""

    kind: str  # a CONDITION_KINDS code
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class ClientTypeNotes:
    """The client type (客人类型) and the consultant's notes from the reception."""

    flags: tuple[str, ...] = ()  # CLIENT_TYPES codes that apply
    handling: str = ""  # how to handle this client
    notes: str = ""


@dataclass(frozen=True)
class Preferences:
    favourite_services: str = ""
    preferred_staff: str = ""
    room: str = ""
    drink: str = ""
    music: str = ""
    avoid_topics: str = ""


@dataclass(frozen=True)
class ConsumptionSummary:
    """The last 12 months."""

    visits: int = 0
    spend_fen: int = 0
    favourite_services: str = ""


@dataclass(frozen=True)
class CardBalance:
    """A member card's state: money (fen) and/or sessions left."""

    name: str
    balance_fen: int | None = None
    sessions_left: int | None = None
    expires_on: dt.date | None = None


@dataclass(frozen=True)
class PlanLine:
    """A course (``item`` × ``sessions``) or a home-care product (× pieces), for ``price_fen``.

    ``price_fen`` is the whole line's price.
    """

    item: str
    sessions: int
    price_fen: int


@dataclass(frozen=True)
class RecommendedPlan:
    lines: tuple[PlanLine, ...] = ()
    home_care: tuple[PlanLine, ...] = ()
    next_visit: dt.date | None = None
    notes: str = ""

    @property
    def total_fen(self) -> int:
        """Courses and home-care products: the profile's rule (:func:`plan_total_fen`)."""
        return plan_total_fen((*self.lines, *self.home_care))


@dataclass(frozen=True)
class SheetData:
    """Everything one printed 客情分析表 shows, and the words it is printed in.

    Only ``store``, ``client`` and ``printed_on`` are needed; the rest prints
    the words' "Not recorded" when left empty. ``words`` default to English.
    ``by_hand`` prints the consultation's sections (tests, conditions, plan, client type)
    as a paper form: every row empty, with room to write, for a client with no record to
    print (or no health consent: a paper form is how consent is often collected).
    """

    store: StoreInfo
    client: ClientBasics
    printed_on: dt.date
    words: SheetWords = field(default_factory=SheetWords)
    skin: SkinTest | None = None
    body: BodyTest | None = None
    trends: tuple[TrendSeries, ...] = ()
    conditions: tuple[SpecialCondition, ...] = ()
    preferences: Preferences = field(default_factory=Preferences)
    allergies: str = ""  # allergies and contraindications 过敏/禁忌, printed boxed
    consumption: ConsumptionSummary = field(default_factory=ConsumptionSummary)
    cards: tuple[CardBalance, ...] = ()
    plan: RecommendedPlan = field(default_factory=RecommendedPlan)
    client_type: ClientTypeNotes = field(default_factory=ClientTypeNotes)
    consultant: str = ""
    by_hand: bool = False

    def condition(self, kind: str) -> SpecialCondition | None:
        """The observation for one of the five kinds, if recorded."""
        return next((c for c in self.conditions if c.kind == kind), None)
