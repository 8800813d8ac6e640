"""The printed sheet shows every field a consultant saved, one plan total, and a blank form.

The list of fields comes from the consultation form's definition
(:class:`~frontdesk.services.health.form.ConsultationForm`, section by section), so a
field added to the form without a printed value here fails
``test_every_field_of_the_form_is_in_this_test``; the PDFs are read back with
poppler's ``pdftotext``, the way a person would find a value missing on paper.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from frontdesk.core.context import Actor, Role
from frontdesk.models import Client, LineKind
from frontdesk.models.consultation import ConditionKind, MeasureMethod, SkinType
from frontdesk.services.health.consultation import (
    ConditionNote,
    ConsultationForm,
    ConsultationService,
    PlanLine,
)
from frontdesk.services.health.form import plan_total_fen
from frontdesk.services.registry import Services
from frontdesk.services.sheet.service import SheetService
from frontdesk.services.sheet.words import SheetWords
from frontdesk.ui.clients.sheet_words import sheet_words
from tests.conftest import FakeClock
from tests.unit.test_consultation import FULL_FORM, make_staff, register

Printed = Callable[[SheetWords], list[str]]
"""What the sheet prints for a saved value, in the sheet's words."""


def _same(*texts: str) -> Printed:
    return lambda w: list(texts)


def _grade(value: int) -> Printed:
    return lambda w: [f"{w.grades[value]} ({value}/4)"]


def _flag(code: str) -> tuple[bool, Printed]:
    return True, lambda w: [w.client_type_names[code]]


CONSULTANT = object()
"""Stands for the id of the consultant the test names (known only once the test runs)."""

# Every field of the consultation form: the value the test saves, and what the sheet
# prints for it. The grades differ, so that each one's printed text is its own.
FIELDS: dict[str, tuple[Any, Printed]] = {
    "skin.method": (MeasureMethod.INSTRUMENT, lambda w: [w.method_names["instrument"]]),
    "skin.skin_type": (SkinType.OILY, lambda w: [w.skin_type_names["oily"]]),
    "skin.moisture_pct": (41, _same("41%")),
    "skin.oil_pct": (27, _same("27%")),
    "skin.elasticity": (63, _same("63")),
    "skin.pores": (2, _grade(2)),
    "skin.acne_grade": (1, _grade(1)),
    "skin.pigmentation": (3, _grade(3)),
    "skin.wrinkles": (4, _grade(4)),
    "skin.sensitivity": (0, _grade(0)),
    "skin.notes": ("T区偏油", _same("T区偏油")),
    "body.method": (MeasureMethod.OBSERVED, lambda w: [w.method_names["observed"]]),
    "body.height_mm": (1620, _same("162 cm")),
    "body.weight_g": (54_500, _same("54.5 kg")),
    "body.body_fat_permille": (263, _same("26.3%")),
    "body.waist_mm": (705, _same("70.5 cm")),
    "body.hip_mm": (925, _same("92.5 cm")),
    "body.posture": ("圆肩", _same("圆肩")),
    "body.pain_areas": ("肩颈酸", _same("肩颈酸")),
    "body.meridian_notes": ("胆经不通", _same("胆经不通")),
    "conditions": ((ConditionNote(ConditionKind.ACNE, "下巴暗疮", "红肿减轻"),),
                   _same("下巴暗疮", "红肿减轻")),
    "plan": ((PlanLine(LineKind.SERVICE, "补水疗程", 10, 198_000),
              PlanLine(LineKind.PRODUCT, "修护精华", 2, 38_000)),
             _same("补水疗程", "¥1,980.00", "修护精华", "¥380.00", "¥2,360.00")),
    "next_visit_on": (dt.date(2026, 12, 4), _same("2026-12-04")),
    "plan_notes": ("两周后复查", _same("两周后复查")),
    "client_type.nervous": _flag("nervous"),
    "client_type.distrustful": _flag("distrustful"),
    "client_type.highly_strung": _flag("highly_strung"),
    "client_type.new_client": _flag("new_client"),
    "client_type.new_course": _flag("new_course"),
    "client_type.note": ("先讲解步骤", _same("先讲解步骤")),
    "notes": ("喜欢安静", _same("喜欢安静")),
    "taken_on": (dt.date(2026, 11, 20), _same("2026-11-20")),
    "consultant_id": (CONSULTANT, _same("Zhou")),
}
# The example: 色斑, 敏感度, 皱纹, 臀围, 酸痛部位 printed both tests as 未记录.
PARTIAL = ("skin.pigmentation", "skin.sensitivity", "skin.wrinkles", "body.hip_mm",
           "body.pain_areas")


def form_fields(section: object = ConsultationForm(), prefix: str = "") -> set[str]:
    """Every field of the form, a section's as ``section.field``."""
    out: set[str] = set()
    for f in dataclasses.fields(section):  # type: ignore[arg-type]
        value = getattr(section, f.name)
        if dataclasses.is_dataclass(value):
            out |= form_fields(value, f"{prefix}{f.name}.")
        else:
            out.add(prefix + f.name)
    return out


def form_with(names: tuple[str, ...] | set[str], consultant_id: int) -> ConsultationForm:
    """A form with only the named fields filled, with FIELDS' values."""
    sections: dict[str, dict[str, Any]] = {}
    top: dict[str, Any] = {}
    for name in names:
        value = FIELDS[name][0]
        value = consultant_id if value is CONSULTANT else value
        section, _, attr = name.rpartition(".")
        if section:
            sections.setdefault(section, {})[attr] = value
        else:
            top[attr] = value
    form = ConsultationForm()
    parts = {s: dataclasses.replace(getattr(form, s), **kw) for s, kw in sections.items()}
    return dataclasses.replace(form, **parts, **top)


def pdf_text(path: Path) -> str:
    """The PDF's text, a form feed between pages."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def squeezed(text: str) -> str:
    """The text without white space, so a value wrapped in its cell reads as one string."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def sheets(services: Services) -> SheetService:
    return SheetService(services.db, services.clock)


def _print(services: Services, sheets: SheetService, admin: Actor,
           names: tuple[str, ...] | set[str], words: SheetWords, tmp_path: Path) -> str:
    """Save a consultation with the named fields only, print it, and read the PDF back."""
    client_id = register(services, admin, "欧阳娜娜", "13800138000")
    zhou = make_staff(services, admin, Role.CONSULTANT, "zhou")
    ConsultationService(services.db, services.clock).save(
        zhou, client_id, form_with(names, zhou.staff_id))
    out = tmp_path / f"sheet-{words.language}.pdf"
    sheets.write_sheet(admin, client_id, out, words)
    return squeezed(pdf_text(out))


def _missing(text: str, names: tuple[str, ...] | set[str], words: SheetWords) -> list[str]:
    return [f"{name}: {expected}" for name in sorted(names)
            for expected in FIELDS[name][1](words) if expected.replace(" ", "") not in text]


def test_every_field_of_the_form_is_in_this_test() -> None:
    assert form_fields() == set(FIELDS)  # a new field: add what the sheet prints for it


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_full_record_prints_every_saved_value(
        services: Services, admin: Actor, sheets: SheetService, tmp_path: Path,
        language: str) -> None:
    words = sheet_words(language)
    text = _print(services, sheets, admin, set(FIELDS), words, tmp_path)
    assert _missing(text, set(FIELDS), words) == []


def test_a_partial_record_prints_what_was_saved(
        services: Services, admin: Actor, sheets: SheetService, tmp_path: Path) -> None:
    words = sheet_words("zh_CN")
    text = _print(services, sheets, admin, PARTIAL, words, tmp_path)
    assert _missing(text, PARTIAL, words) == []
    assert "2026-11-23" in text  # both tests dated (today), not "not recorded"


def test_the_sheet_and_the_profile_total_the_plan_alike(
        services: Services, admin: Actor, clock: FakeClock, sheets: SheetService) -> None:
    client_id = register(services, admin)
    health = ConsultationService(services.db, clock)
    record_id = health.save(admin, client_id, FULL_FORM)  # a course and a home-care product
    sheet_total = sheets.sheet_data(admin, client_id, SheetWords()).plan.total_fen
    profile_total = health.get(admin, record_id).plan_total_fen
    listed_total = health.list_for_client(admin, client_id)[0].plan_total_fen
    assert sheet_total == profile_total == listed_total == plan_total_fen(FULL_FORM.plan)
    assert sheet_total == 198_000 + 38_000


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_without_consent_a_blank_form_prints_every_row_and_no_health_data(
        services: Services, admin: Actor, sheets: SheetService, tmp_path: Path,
        language: str) -> None:
    words = sheet_words(language)
    client_id = register(services, admin, "欧阳娜娜", "13800138000")
    zhou = make_staff(services, admin, Role.CONSULTANT, "zhou")
    ConsultationService(services.db, services.clock).save(
        zhou, client_id, form_with(set(FIELDS), zhou.staff_id))
    with services.db.write() as s:  # consent withdrawn after the consultation
        client = s.get(Client, client_id)
        assert client is not None
        client.consent_health = False
    out = tmp_path / "blank.pdf"
    sheets.write_sheet(admin, client_id, out, words)
    text = squeezed(page := pdf_text(out))
    rows = [words.tested_on, words.skin_type, words.sensitivity, words.moisture, words.oil,
            words.elasticity, words.pores, words.acne_grade, words.pigmentation,
            words.wrinkles, words.skin_notes, words.height, words.weight, words.bmi,
            words.body_fat, words.waist, words.hip, words.posture, words.pain_areas,
            words.meridians, words.before, words.after, *words.condition_names.values(),
            words.client_type, *words.client_type_names.values(), words.handling,
            words.notes, words.item, words.sessions, words.home_care, words.quantity,
            words.total, words.plan_notes, words.next_visit]
    assert [row for row in rows if row.replace(" ", "") not in text] == []
    worded = {"consultant_id", *(n for n in FIELDS if n.endswith(".method")),
              *(n for n in FIELDS if n.startswith("client_type.") and n != "client_type.note")}
    # (the methods and client types are words the form prints too: "(observed before…)")
    saved = [t for name in set(FIELDS) - worded for t in FIELDS[name][1](words)]
    assert [value for value in saved if value.replace(" ", "") in text] == []
    assert "Zhou" not in text and page.count("\f") == 1  # one page
