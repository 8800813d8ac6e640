"""The consultation form (客情分析表) as filled in, and its checks.

Plain frozen dataclasses shared by the screens and
:mod:`frontdesk.services.health.consultation`, and :func:`check_form`, which refuses a
value out of range with a message naming the field (``moisture_pct``,
``height_mm``, ``plan.0.price_fen``, ``conditions.acne.before``…) before the
database is touched, and returns the form with its texts cleaned: stripped, line
breaks and tabs kept in the notes and observations, any other control character
refused (see :mod:`frontdesk.core.validation`). Units are those of
:mod:`frontdesk.models.consultation`: integers of mm, g and ‰ (tenths of a percent),
whole percent, grades 0–4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sqlalchemy.orm import Session

from frontdesk.core.validation import check_characters, is_whole
from frontdesk.errors import ValidationError
from frontdesk.models import LineKind, Product, ServiceItem, Staff
from frontdesk.models.consultation import ConditionKind, MeasureMethod, SkinType
from frontdesk.services.rows import get_row

HEIGHT_MM = (500, 2500)
WEIGHT_G = (20_000, 300_000)
"""The heights and weights the form accepts (50–250 cm, 20–300 kg)."""


def bmi(height_mm: int | None, weight_g: int | None) -> float | None:
    """Body-mass index (kg/m²) to one decimal; None unless both are known and plausible."""
    if height_mm is None or weight_g is None:
        return None
    if not (HEIGHT_MM[0] <= height_mm <= HEIGHT_MM[1] and WEIGHT_G[0] <= weight_g <= WEIGHT_G[1]):
        return None
    return round(weight_g * 1000 / (height_mm * height_mm), 1)


@dataclass(frozen=True)
class SkinTest:
    method: MeasureMethod | None = None
    skin_type: SkinType | None = None
    moisture_pct: int | None = None
    oil_pct: int | None = None
    elasticity: int | None = None
    pores: int | None = None
    acne_grade: int | None = None
    pigmentation: int | None = None
    wrinkles: int | None = None
    sensitivity: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class BodyTest:
    method: MeasureMethod | None = None
    height_mm: int | None = None
    weight_g: int | None = None
    body_fat_permille: int | None = None
    waist_mm: int | None = None
    hip_mm: int | None = None
    posture: str = ""
    pain_areas: str = ""
    meridian_notes: str = ""

    @property
    def bmi(self) -> float | None:
        """Body-mass index (kg/m²) to one decimal, when height and weight are known."""
        return bmi(self.height_mm, self.weight_g)


@dataclass(frozen=True)
class ConditionNote:
    """One of the five special conditions, observed before and after cleansing."""

    kind: ConditionKind
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class PlanLine:
    """A recommended course (service × sessions) or home-care product (× pieces)."""

    kind: LineKind = LineKind.SERVICE
    name: str = ""
    quantity: int = 1
    price_fen: int = 0
    service_item_id: int | None = None
    product_id: int | None = None


class Priced(Protocol):
    """A line of a plan, as the consultation or the printed sheet holds it."""

    @property
    def price_fen(self) -> int: ...


def plan_total_fen(lines: Iterable[Priced]) -> int:
    """A recommended plan's total: every line's price, courses and home-care products alike.

    The one rule for the profile's plan total and the printed sheet's 合计 (a line's
    price is the whole line's, not per session or piece).
    """
    return sum(line.price_fen for line in lines)


@dataclass(frozen=True)
class ClientType:
    """Special clients the consultant must guide in person (特殊客人)."""

    nervous: bool = False
    distrustful: bool = False
    highly_strung: bool = False
    new_client: bool = False
    new_course: bool = False
    note: str = ""


@dataclass(frozen=True)
class ConsultationForm:
    """What the consultant fills in; ``taken_on`` defaults to today, the consultant to the actor."""

    skin: SkinTest = SkinTest()
    conditions: tuple[ConditionNote, ...] = ()
    body: BodyTest = BodyTest()
    plan: tuple[PlanLine, ...] = ()
    next_visit_on: dt.date | None = None
    plan_notes: str = ""
    client_type: ClientType = ClientType()
    notes: str = ""
    taken_on: dt.date | None = None
    consultant_id: int | None = None


FIRST_CONSULTATION_DAY = dt.date(1900, 1, 1)
NEXT_VISIT_WITHIN = dt.timedelta(days=731)
"""The next visit is planned at most two years after the consultation."""
MAX_TEXT = 2000
MAX_OBSERVATION = 500
MAX_PLAN_LINES = 30
MAX_PRICE_FEN = 100_000_000
Refusal = Callable[..., ValidationError]
# (form section, attribute, low, high, stored units per displayed unit, the refusal). The
# messages are literal ValidationError calls so tools/extract_messages.py finds them.
_RANGES: tuple[tuple[str, str, int, int, int, Refusal], ...] = (
    ("skin", "moisture_pct", 0, 100, 1,
     lambda **p: ValidationError("Moisture must be between {low} and {high} %.", **p)),
    ("skin", "oil_pct", 0, 100, 1,
     lambda **p: ValidationError("Oil must be between {low} and {high} %.", **p)),
    ("skin", "elasticity", 0, 100, 1,
     lambda **p: ValidationError("Elasticity must be between {low} and {high}.", **p)),
    ("skin", "pores", 0, 4, 1,
     lambda **p: ValidationError("The pores grade must be between {low} and {high}.", **p)),
    ("skin", "acne_grade", 0, 4, 1,
     lambda **p: ValidationError("The acne grade must be between {low} and {high}.", **p)),
    ("skin", "pigmentation", 0, 4, 1,
     lambda **p: ValidationError("The pigmentation grade must be between {low} and {high}.", **p)),
    ("skin", "wrinkles", 0, 4, 1,
     lambda **p: ValidationError("The wrinkles grade must be between {low} and {high}.", **p)),
    ("skin", "sensitivity", 0, 4, 1,
     lambda **p: ValidationError("The sensitivity grade must be between {low} and {high}.", **p)),
    ("body", "height_mm", *HEIGHT_MM, 10,
     lambda **p: ValidationError("Height must be between {low} and {high} cm.", **p)),
    ("body", "weight_g", *WEIGHT_G, 1000,
     lambda **p: ValidationError("Weight must be between {low} and {high} kg.", **p)),
    ("body", "body_fat_permille", 10, 700, 10,
     lambda **p: ValidationError("Body fat must be between {low} and {high} %.", **p)),
    ("body", "waist_mm", 300, 2000, 10,
     lambda **p: ValidationError("The waist must be between {low} and {high} cm.", **p)),
    ("body", "hip_mm", 300, 2000, 10,
     lambda **p: ValidationError("The hips must be between {low} and {high} cm.", **p)),
)
# (form section or "" for the form itself, attribute, field name)
_TEXTS = (("skin", "notes", "skin_notes"), ("body", "posture", "posture"),
          ("body", "pain_areas", "pain_areas"), ("body", "meridian_notes", "meridian_notes"),
          ("", "plan_notes", "plan_notes"), ("", "notes", "notes"),
          ("client_type", "note", "client_type_note"))


def _check_range(value: object, refusal: Refusal, field: str, low: int, high: int,
                 per_unit: int = 1) -> None:
    if not is_whole(value) or not low <= value <= high:
        raise refusal(field=field, low=low // per_unit, high=high // per_unit, value=value)


def _check_text(value: object, field: str, limit: int = MAX_TEXT) -> str:
    """Prose (line breaks and tabs kept, other control characters refused), stripped."""
    text = check_characters(value, field, prose=True).strip()
    if len(text) > limit:
        raise ValidationError("This text is too long ({limit} characters at most).",
                              field=field, limit=limit)
    return text


def check_form(form: ConsultationForm, today: dt.date) -> ConsultationForm:
    """The form with its texts cleaned, or ValidationError naming the first wrong field.

    Touches no database.
    """
    for section, attr, low, high, per_unit, refusal in _RANGES:
        value = getattr(getattr(form, section), attr)
        if value is not None:
            _check_range(value, refusal, attr, low, high, per_unit)
    form = _clean_texts(form)
    _check_dates(form, today)
    conditions = _check_conditions(form.conditions)
    if len(form.plan) > MAX_PLAN_LINES:
        raise ValidationError("A plan has at most {n} lines.", field="plan", n=MAX_PLAN_LINES)
    plan = tuple(_check_plan_line(i, line) for i, line in enumerate(form.plan))
    return replace(form, conditions=conditions, plan=plan)


def _clean_texts(form: ConsultationForm) -> ConsultationForm:
    """The form with each free text of ``_TEXTS`` checked and stripped."""
    sections: dict[str, Any] = {"skin": form.skin, "body": form.body,
                                "client_type": form.client_type}
    top: dict[str, Any] = {}
    for section, attr, name in _TEXTS:
        holder = sections[section] if section else form
        text = _check_text(getattr(holder, attr), name)
        if section:
            sections[section] = replace(holder, **{attr: text})
        else:
            top[attr] = text
    return replace(form, **sections, **top)


def _check_dates(form: ConsultationForm, today: dt.date) -> None:
    taken_on = form.taken_on or today
    if taken_on > today:
        raise ValidationError("The consultation date cannot be in the future.",
                              field="taken_on")
    if taken_on < FIRST_CONSULTATION_DAY:
        raise ValidationError("The consultation date cannot be before {first}.",
                              field="taken_on", first=FIRST_CONSULTATION_DAY.isoformat())
    if form.next_visit_on is not None and form.next_visit_on < taken_on:
        raise ValidationError("The next visit cannot be before the consultation.",
                              field="next_visit_on")
    if form.next_visit_on is not None and form.next_visit_on > taken_on + NEXT_VISIT_WITHIN:
        raise ValidationError("The next visit must be within two years of the consultation.",
                              field="next_visit_on")


def _check_conditions(conditions: tuple[ConditionNote, ...]) -> tuple[ConditionNote, ...]:
    seen: set[ConditionKind] = set()
    out = []
    for c in conditions:
        if not isinstance(c.kind, ConditionKind):
            raise ValidationError("{kind} is not one of the special conditions.",
                                  field="conditions", kind=c.kind)
        if c.kind in seen:
            raise ValidationError("Each special condition is noted once.",
                                  field=f"conditions.{c.kind}")
        seen.add(c.kind)
        out.append(replace(
            c, before=_check_text(c.before, f"conditions.{c.kind}.before", MAX_OBSERVATION),
            after=_check_text(c.after, f"conditions.{c.kind}.after", MAX_OBSERVATION)))
    return tuple(out)


def _check_plan_line(i: int, line: PlanLine) -> PlanLine:
    at = f"plan.{i}"
    _check_range(line.quantity, lambda **p: ValidationError(
        "The number of sessions must be between {low} and {high}.", **p), f"{at}.quantity", 1, 999)
    _check_range(line.price_fen, lambda **p: ValidationError(
        "The price must be between {low} and {high} yuan.", **p), f"{at}.price_fen", 0,
        MAX_PRICE_FEN, 100)
    if line.service_item_id is not None and line.product_id is not None:
        raise ValidationError("A plan line is a service or a product, not both.",
                              field=f"{at}.product_id")
    name = check_characters(line.name, f"{at}.name").strip()
    if line.service_item_id is None and line.product_id is None and not name:
        raise ValidationError("Name the service or product.", field=f"{at}.name")
    if len(name) > 80:
        raise ValidationError("This name is too long ({limit} characters at most).",
                              field=f"{at}.name", limit=80)
    return replace(line, name=name)


def resolve_plan(s: Session, form: ConsultationForm) -> tuple[PlanLine, ...]:
    """The plan with catalogue names filled in; refuses unknown items and consultants."""
    if form.consultant_id is not None and get_row(s, Staff, form.consultant_id) is None:
        raise ValidationError("There is no such consultant.", field="consultant_id")
    out = []
    for i, line in enumerate(form.plan):
        kind, name = line.kind, line.name.strip()
        if line.service_item_id is not None:
            item = get_row(s, ServiceItem, line.service_item_id)
            if item is None:
                raise ValidationError("There is no such service.",
                                      field=f"plan.{i}.service_item_id")
            kind, name = LineKind.SERVICE, name or item.name
        elif line.product_id is not None:
            product = get_row(s, Product, line.product_id)
            if product is None:
                raise ValidationError("There is no such product.", field=f"plan.{i}.product_id")
            kind, name = LineKind.PRODUCT, name or product.name
        out.append(replace(line, kind=kind, name=name))
    return tuple(out)
