"""The regular clients' consultation records (客情分析表) and the clients' preferences, as rows.

Used by :mod:`frontdesk.demo.history` once a client's visits are made. A
*regular* (at least :data:`REGULAR_VISITS` visits) who gave health consent has a
consultation at her first visit and a re-test at the first visit at least
:data:`RETEST_DAYS` later, the latest :data:`MAX_RECORDS` of them kept; clients without consent
have none, as the consultation service requires. The values move the way a
course of care moves them: moisture up towards healthy, oil towards normal,
acne and sensitivity calming down, weight and waist slowly down for those who
come for body care; each step is small and jittered, so the trends charts show
a believable line. Units are those of :mod:`frontdesk.models.consultation`.

About :data:`PREFERENCE_SHARE` of the clients who came back have 1–4
preferences (a favourite service, her usual beautician, a room, a drink, music,
a topic to avoid, a tag) in the store's words (:mod:`.words`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from frontdesk.demo.data import Draw, ProductSpec, ServiceSpec, Weighted
from frontdesk.demo.words import ENGLISH, Catalog

REGULAR_VISITS = 3
RETEST_DAYS = 28
MAX_RECORDS = 8
DAY_S = 86_400
PREFERENCE_SHARE = 0.4
_BODY_CARE = ("身体护理", "经络养生")
BODY_CATEGORIES = frozenset((*_BODY_CARE, *(ENGLISH[c] for c in _BODY_CARE)))
"""Service categories, in either language, whose regulars also have body tests."""
SKIN_TYPES = Weighted.of((("dry", 25), ("combination", 35), ("oily", 20), ("normal", 10),
                          ("sensitive", 10)))
START = {  # skin type: (moisture %, oil %) at the first consultation, before the jitter
    "dry": (30, 15), "combination": (38, 38), "oily": (44, 58), "normal": (48, 30),
    "sensitive": (34, 20),
}
HEALTHY = (55, 32)
"""Moisture and oil % that a course of care moves the skin towards."""

RECORD_COLUMNS = (
    "id", "branch_id", "client_id", "consultant_id", "recorded_by_id", "taken_on", "taken_at",
    "skin_method", "skin_type", "moisture_pct", "oil_pct", "elasticity", "pores", "acne_grade",
    "pigmentation", "wrinkles", "sensitivity", "skin_notes", "body_method", "height_mm",
    "weight_g", "body_fat_permille", "waist_mm", "hip_mm", "posture", "pain_areas",
    "meridian_notes", "next_visit_on", "plan_notes", "nervous", "distrustful", "highly_strung",
    "new_client", "new_course", "client_type_note", "notes")
CONDITION_COLUMNS = ("record_id", "kind", "before_cleansing", "after_cleansing")
PLAN_COLUMNS = ("record_id", "position", "kind", "service_item_id", "product_id", "name",
                "quantity", "price_fen")
PREFERENCE_COLUMNS = ("branch_id", "client_id", "kind", "value", "position")


@dataclass
class CareRows:
    """Rows for the consultation and preference tables, in their columns' order."""

    records: list[tuple[Any, ...]] = field(default_factory=list)
    conditions: list[tuple[Any, ...]] = field(default_factory=list)
    plans: list[tuple[Any, ...]] = field(default_factory=list)
    preferences: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass(frozen=True)
class Regular:
    """Who is consulted, by whom, about what, at which visits (arrivals in seconds)."""

    client_id: int
    female: bool
    consultant: int | None
    service: tuple[int, ServiceSpec]
    arrivals: list[int]


@dataclass
class _Skin:
    """One client's measures, moved on at every consultation."""

    skin_type: str
    moisture: int
    oil: int
    elasticity: int
    grades: list[int]
    """pores, acne, pigmentation, wrinkles, sensitivity (0–4)."""
    body: list[int] | None
    """height mm, weight g, body fat ‰, waist mm, hip mm; None without body tests."""


def _toward(value: int, goal: int, draw: Draw) -> int:
    """A step of 0–4 towards ``goal``, sometimes one back."""
    step = draw.between(0, 4) if value < goal else -draw.between(0, 4) if value > goal else 0
    return max(0, min(100, value + step - (draw.between(0, 2) - 1)))


def _consulted_at(arrivals: list[int]) -> list[int]:
    """The first visit and each re-test :data:`RETEST_DAYS` on; the latest :data:`MAX_RECORDS`
    of them, so a regular's last consultation is recent."""
    chosen = [arrivals[0]]
    for arrival in arrivals[1:]:
        if arrival - chosen[-1] >= RETEST_DAYS * DAY_S:
            chosen.append(arrival)
    return chosen[-MAX_RECORDS:]


class ConsultationMaker:
    """Consultation records and preferences for one fill (ids from ``next_record``)."""

    def __init__(self, draw: Draw, branch_id: int, words: Catalog,
                 products: tuple[tuple[int, ProductSpec], ...], next_record: int,
                 stamp: Callable[[int], str], date: Callable[[int], str]):
        """``stamp`` and ``date``: seconds since the first day's midnight as the driver's text
        (:class:`.history.Stamps`)."""
        self._draw, self._branch, self._words, self._products = draw, branch_id, words, products
        self.next_record = next_record
        self._stamp, self._date = stamp, date

    def records(self, who: Regular, rows: CareRows) -> None:
        """The regular's consultations (see the module docstring)."""
        if len(who.arrivals) < REGULAR_VISITS:
            return
        skin = self._first_skin(who)
        for arrival in _consulted_at(who.arrivals):
            self._record(who, skin, arrival, arrival == who.arrivals[0], rows)
            self._improve(skin)

    def _first_skin(self, who: Regular) -> _Skin:
        """Her skin (and body, for about a third) at the first consultation."""
        draw = self._draw
        kind = draw.weighted(SKIN_TYPES)
        moisture, oil = START[kind]
        grades = [draw.between(1, 3), draw.between(2, 3) if kind == "oily" else draw.between(0, 1),
                  draw.between(0, 3), draw.between(0, 3),
                  draw.between(2, 3) if kind == "sensitive" else draw.between(0, 1)]
        body = None
        if who.service[1].category in BODY_CATEGORIES or draw.chance(0.3):
            height = draw.between(1520, 1720) if who.female else draw.between(1650, 1820)
            bmi_tenths = draw.between(195, 275)
            body = [height, bmi_tenths * height * height // 1_000_000 * 100,
                    draw.between(240, 340) if who.female else draw.between(160, 260),
                    draw.between(660, 880), draw.between(880, 1020)]
        return _Skin(kind, moisture + draw.between(-5, 5), oil + draw.between(-5, 5),
                     draw.between(45, 80), grades, body)

    def _improve(self, skin: _Skin) -> None:
        """What a month of care does: small steps towards healthy skin and a lighter body."""
        draw = self._draw
        skin.moisture = _toward(skin.moisture, HEALTHY[0], draw)
        skin.oil = _toward(skin.oil, HEALTHY[1], draw)
        skin.elasticity = max(0, min(100, skin.elasticity + draw.between(-1, 2)))
        for i in (1, 4):  # acne and sensitivity calm down
            if skin.grades[i] and draw.chance(0.35):
                skin.grades[i] -= 1
        if skin.body is not None:
            skin.body[1] = max(40_000, skin.body[1] - draw.between(-3, 8) * 100)
            skin.body[2] = max(150, skin.body[2] - draw.between(-2, 5))
            skin.body[3] = max(600, skin.body[3] - draw.between(-3, 8))

    def _record(self, who: Regular, skin: _Skin, arrival: int, first: bool,
                rows: CareRows) -> None:
        """One sitting at the visit of ``arrival``: tests, conditions, plan, next visit."""
        draw, words = self._draw, self._words
        record_id = self.next_record
        self.next_record += 1
        body = skin.body
        body_part = ((None,) * 6 if body is None else
                     ("instrument" if draw.chance(0.6) else "observed", *body))
        next_visit = self._date(arrival + draw.between(7, 14) * DAY_S) if draw.chance(0.8) else None
        rows.records.append((
            record_id, self._branch, who.client_id, who.consultant, who.consultant,
            self._date(arrival), self._stamp(arrival + draw.between(180, 600)),
            "instrument" if draw.chance(0.7) else "observed", skin.skin_type, skin.moisture,
            skin.oil, skin.elasticity, *skin.grades, draw.pick(words.skin_notes), *body_part,
            "", "", "", next_visit, draw.pick(words.plan_notes), draw.chance(0.05),
            draw.chance(0.03), False, first, False, "", ""))
        self._conditions(record_id, skin, rows)
        self._plan(record_id, who, rows)

    def _conditions(self, record_id: int, skin: _Skin, rows: CareRows) -> None:
        """The special conditions this skin shows today, before and after cleansing."""
        draw = self._draw
        shown = {"heavy_makeup": draw.chance(0.1), "very_dirty": draw.chance(0.05),
                 "acne": skin.grades[1] >= 2, "sensitive": skin.grades[4] >= 2,
                 "spots": skin.grades[2] >= 2}
        rows.conditions.extend((record_id, kind.value, before, after)
                               for kind, before, after in self._words.conditions
                               if shown[kind.value])

    def _plan(self, record_id: int, who: Regular, rows: CareRows) -> None:
        """A course of her usual service, now and then a home-care product with it."""
        item, spec = who.service
        sessions = self._draw.pick((5, 6, 10))
        course = spec.price_fen * sessions * 85 // 10_000 * 100  # 15 % off for the course
        rows.plans.append((record_id, 0, "service", item, None, spec.name, sessions, course))
        if self._products and self._draw.chance(0.4):
            product, goods = self._draw.pick(self._products)
            rows.plans.append((record_id, 1, "product", None, product, goods.name, 1,
                               goods.price_fen))

    def preferences(self, client_id: int, visits: int, favourite: str, staff: str,
                    room: str, rows: CareRows) -> None:
        """1–4 preferences for about :data:`PREFERENCE_SHARE` of the clients who came back."""
        draw, words = self._draw, self._words
        if visits < 2 or not draw.chance(PREFERENCE_SHARE):
            return
        offered = [("favourite_service", favourite), ("preferred_staff", staff),
                   ("preferred_room", room), ("drink", draw.pick(words.drinks)),
                   ("music", draw.pick(words.music)), ("avoid_topic", draw.pick(words.topics)),
                   ("tag", draw.pick(words.tags))]
        chosen = [offered[draw.between(0, len(offered) - 1)] for _ in range(draw.between(1, 4))]
        unique = {(kind, value): None for kind, value in chosen if value}
        rows.preferences.extend((self._branch, client_id, kind, value, position)
                                for position, (kind, value) in enumerate(unique))
