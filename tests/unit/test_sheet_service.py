"""The client analysis sheet from the database: contents, masking, audit, the PDF and the CLI."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.cli import main
from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, Client, Staff
from frontdesk.services.clients.profile import BasicsChanges, Preferences, ProfileService
from frontdesk.services.health.consultation import ConsultationForm, ConsultationService, SkinTest
from frontdesk.services.registry import Services
from frontdesk.services.sheet.data import CardBalance, ClientTypeNotes
from frontdesk.services.sheet.service import SheetService, find_client
from frontdesk.services.sheet.words import SheetWords
from frontdesk.ui.clients.sheet_words import sheet_words
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.unit.test_consultation import FULL_FORM, make_staff, register
from tests.unit.test_profile import Sections, add_history

ZH, EN = sheet_words("zh_CN"), sheet_words("en")


@pytest.fixture
def sheets(services: Services) -> SheetService:
    return SheetService(services.db, services.clock)


@pytest.fixture
def client_id(services: Services, admin: Actor, clock: FakeClock) -> int:
    client_id = register(services, admin, "欧阳娜娜", "13800138000")
    profiles = ProfileService(services.db, clock)
    version = profiles.profile(admin, client_id).basics.version
    profiles.update_basics(admin, client_id, version, BasicsChanges(
        allergies="芒果、酒精过敏", tier="金卡", member_no="M000123",
        birthday=BirthdayInput(Calendar.SOLAR, 3, 8, 1994)))
    profiles.set_preferences(admin, client_id, Preferences(
        drinks=("玫瑰花茶", "温水"), preferred_staff=("小芳",), avoid_topics=("年龄",)),
        loaded=Preferences())
    add_history(services, client_id, admin.branch_id, [(5, "补水", 30_000), (9, "补水", 30_000)])
    consultations = ConsultationService(services.db, clock)
    consultant = make_staff(services, admin, Role.CONSULTANT, "wang")
    consultations.save(consultant, client_id, ConsultationForm(
        taken_on=dt.date(2026, 10, 1), skin=SkinTest(moisture_pct=30)))
    consultations.save(consultant, client_id, FULL_FORM)
    return client_id


def test_the_sheet_gathers_the_record_and_masks_the_phone(
        services: Services, admin: Actor, sheets: SheetService, client_id: int) -> None:
    data = sheets.sheet_data(admin, client_id, ZH)
    assert data.client.phone_masked == "138****8000"  # even an admin's printout is masked
    assert (data.client.name, data.client.tier, data.client.member_no) == (
        "欧阳娜娜", "金卡", "M000123")
    assert data.client.age_or_birthday == "32 (1994-03-08)"
    assert data.store.name == "水沐莲清美容会所" and data.printed_on == dt.date(2026, 11, 23)
    assert data.allergies == "芒果、酒精过敏"
    assert data.skin is not None and data.skin.moisture_pct == 38
    assert data.skin.skin_type == "混合性" and data.skin.pores == "中 (2/4)"
    assert data.body is not None and data.body.bmi_value == 20.2 and data.body.height_cm == 165
    assert [(t.label, [v for _, v in t.points]) for t in data.trends] == [
        ("水分", [30.0, 38.0])]  # a trend needs two points; only moisture has them
    assert {c.kind for c in data.conditions} == {"heavy_makeup", "acne"}
    assert [(p.item, p.sessions, p.price_fen) for p in data.plan.lines] == [
        ("补水疗程", 10, 198_000)]
    assert [(p.item, p.sessions, p.price_fen) for p in data.plan.home_care] == [
        ("修护精华", 1, 38_000)]
    assert data.plan.next_visit == dt.date(2026, 11, 30) and data.consultant == "Wang"
    assert data.preferences.drink == "玫瑰花茶、温水" and data.preferences.avoid_topics == "年龄"
    assert (data.consumption.visits, data.consumption.spend_fen) == (2, 60_000)
    assert data.consumption.favourite_services == "补水×2"


def test_the_sheet_is_worded_in_the_words_it_is_given(
        services: Services, admin: Actor, clock: FakeClock, sheets: SheetService,
        client_id: int) -> None:
    profiles = ProfileService(services.db, clock)
    version = profiles.profile(admin, client_id).basics.version
    profiles.update_basics(admin, client_id, version, BasicsChanges(
        birthday=BirthdayInput(Calendar.LUNAR, 4, 8, 2001, leap_month=True)))
    zh, en = sheets.sheet_data(admin, client_id, ZH), sheets.sheet_data(admin, client_id, EN)
    assert (zh.words, en.words) == (ZH, EN)
    assert zh.client.age_or_birthday == "农历2001年闰四月初八"
    assert en.client.age_or_birthday == "lunar 2001, leap month 4 day 8"
    assert en.skin is not None and (en.skin.skin_type, en.skin.pores) == (
        "combination", "moderate (2/4)")
    assert [t.label for t in en.trends] == ["Moisture"]
    assert en.preferences.drink == "玫瑰花茶, 温水"
    assert en.consumption.favourite_services == "补水×2"


def test_the_cards_capability_fills_the_sheets_card_box(
        db: Database, clock: FakeClock, admin: Actor, client_id: int) -> None:
    sections = Sections()
    data = SheetService(db, clock, cards=sections).sheet_data(admin, client_id, ZH)
    assert data.cards == (CardBalance(f"{data.client.name}的储值卡", 50_000, None, None),)


def test_printing_is_an_audited_health_view(
        services: Services, admin: Actor, sheets: SheetService, client_id: int) -> None:
    sheets.sheet_data(admin, client_id, EN)
    with services.db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "health.view",
                                                  AuditEntry.detail.like("sheet%")))
    assert entry is not None
    assert (entry.staff_id, entry.entity, entry.entity_id, entry.detail) == (
        admin.staff_id, "client", client_id, "sheet lang=en via=desk")


def test_a_receptionist_may_not_print_and_the_attempt_is_audited(
        services: Services, admin: Actor, sheets: SheetService, client_id: int) -> None:
    desk = make_staff(services, admin, Role.RECEPTIONIST, "lily")
    with pytest.raises(PermissionDenied):
        sheets.sheet_data(desk, client_id, ZH)
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(
            AuditEntry.staff_id == desk.staff_id)))
    assert actions == ["health.view.denied"]


def test_without_health_consent_the_sheet_prints_blank_health_sections(
        services: Services, admin: Actor, sheets: SheetService, client_id: int) -> None:
    with services.db.write() as s:  # consent withdrawn after the consultations
        client = s.get(Client, client_id)
        assert client is not None
        client.consent_health = False
    data = sheets.sheet_data(admin, client_id, EN)
    assert (data.skin, data.body, data.trends, data.conditions, data.plan.lines) == (
        None, None, (), (), ())
    assert data.by_hand and data.client_type == ClientTypeNotes()
    assert data.allergies == "芒果、酒精过敏" and data.client.phone_masked == "138****8000"


def test_unknown_languages_and_clients_are_refused(
        admin: Actor, sheets: SheetService, client_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        sheets.sheet_data(admin, client_id, SheetWords(language="fr"))
    assert caught.value.field == "language"
    with pytest.raises(NotFound):
        sheets.sheet_data(admin, client_id + 100, ZH)


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_the_written_pdf_shows_only_the_masked_phone(
        admin: Actor, sheets: SheetService, client_id: int, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    sheets.write_sheet(admin, client_id, out, ZH)
    text = pdf_text(out)
    assert "欧阳娜娜" in text and "138****8000" in text
    assert "13800138000" not in text.replace(" ", "")


def test_a_phone_finds_the_client_only_for_roles_that_see_full_numbers(
        db: Database, services: Services, admin: Actor, client_id: int) -> None:
    assert find_client(db, admin, "138 0013 8000") == client_id
    assert find_client(db, admin, "m000123") == client_id
    assert find_client(db, admin, str(client_id)) == client_id
    with pytest.raises(NotFound):
        find_client(db, admin, "13900139000")
    consultant = make_staff(services, admin, Role.CONSULTANT, "yaqin")
    assert find_client(db, consultant, "m000123") == client_id
    with pytest.raises(NotFound) as caught:  # finding her would confirm a masked number
        find_client(db, consultant, "138 0013 8000")
    assert "masked" in caught.value.message


def _cli_sheet(db: Database, out: Path, client: str, user: str, *more: str) -> int:
    return main(["--database", db.url, "sheet", client, "-o", str(out), "--as", user, *more])


def test_the_cli_signs_in_as_the_person_named_and_prints_as_them(
        db: Database, services: Services, admin: Actor, client_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    services.staff.add_staff(admin, "yaqin", "陈雅琴", Role.CONSULTANT, "consult-pass-1")
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", "consult-pass-1")
    out = tmp_path / "cli.pdf"
    assert _cli_sheet(db, out, "M000123", "yaqin", "--lang", "en") == 0
    assert "138****8000" in pdf_text(out)
    with services.db.read() as s:
        yaqin = s.scalar(select(Staff.id).where(Staff.username == "yaqin"))
        rows = s.execute(select(AuditEntry.action, AuditEntry.detail).where(
            AuditEntry.staff_id == yaqin).order_by(AuditEntry.id)).all()
    assert [tuple(r) for r in rows] == [("auth.sign_in", ""),
                                        ("health.view", "sheet lang=en via=cli")]
    assert _cli_sheet(db, out, "13800138000", "yaqin") == 2  # her role sees phones masked
    monkeypatch.setenv("FRONTDESK_PASSWORD", ADMIN_PASSWORD)
    assert _cli_sheet(db, out, "13800138000", "admin") == 0
    assert _cli_sheet(db, out, "13900139000", "admin") == 2


def test_the_cli_refuses_a_wrong_password_and_a_role_that_may_not_print(
        db: Database, services: Services, admin: Actor, client_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    services.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST, "desk-pass-12")
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    out = tmp_path / "cli.pdf"
    monkeypatch.setenv("FRONTDESK_PASSWORD", "not-her-password")
    assert _cli_sheet(db, out, "M000123", "lily") == 2
    assert "Wrong user name or password" in capsys.readouterr().err
    monkeypatch.setenv("FRONTDESK_PASSWORD", "desk-pass-12")
    assert _cli_sheet(db, out, "M000123", "lily") == 2
    assert "may not print client analysis sheets" in capsys.readouterr().err
    assert not out.exists()
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-3:] == ["auth.sign_in_failed", "auth.sign_in", "health.view.denied"]
    with pytest.raises(SystemExit):  # nobody named: argparse refuses
        main(["--database", db.url, "sheet", "M000123", "-o", str(out)])
