"""Lists as workbooks: each kind on demo data (SQLite and PostgreSQL), read back with
openpyxl; phones masked per role; cells never run as formulas (read back and converted by
LibreOffice); filters; a cancel leaves no file; refusals; the audit."""

from __future__ import annotations

import shutil
import subprocess
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor, Role
from frontdesk.core.jobs import Cancelled
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.demo.fill import DemoOptions, fill_demo
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.models import Client
from frontdesk.models.audit import AuditEntry
from frontdesk.services.audit import AuditAction
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.exports.kinds import (
    CareFilter,
    ClientFilter,
    ComplaintExportFilter,
    ExportKind,
    LedgerFilter,
    Period,
    SurveyFilter,
    VisitFilter,
)
from frontdesk.services.exports.service import SPECS
from frontdesk.services.exports.words import ExportWords
from frontdesk.services.registry import Services
from frontdesk.ui.exports.words import export_words
from tests.actors import staff_in_role
from tests.conftest import NOW

EN = export_words("en")
HOSTILE = ('=HYPERLINK("http://evil.example","点我")', "+86 138 0000 0000", "-1+2",
           "@SUM(A1)", "\tTAB", "\rCR")


def rows_of(path: Path) -> list[tuple[Any, ...]]:
    book = load_workbook(path)
    return [tuple(r) for r in book.active.iter_rows(values_only=True)]


def register(services: Services, admin: Actor, name: str, phone: str, **kw: Any) -> int:
    return services.clients.register(admin, NewClient(name, phone, **kw)).client_id


@pytest.fixture
def demo(services: Services, clock: Any) -> Services:
    fill_demo(services.db, DemoOptions(clients=40, years=1), clock=clock)
    return services


def sign_in(services: Services, role: Role) -> Actor:
    from frontdesk.models import Staff

    with services.db.read() as s:
        user = s.scalars(select(Staff.username).where(Staff.role == role)).first()
    assert user is not None
    return services.auth.sign_in(user, DEMO_PASSWORD)


@pytest.mark.parametrize("kind", list(ExportKind))
def test_each_kind_of_the_demo_store_is_written_with_its_headings(
        demo: Services, tmp_path: Path, kind: ExportKind) -> None:
    manager = sign_in(demo, Role.MANAGER)
    result = demo.exports.export(manager, kind, tmp_path / f"{kind}.xlsx", EN)
    rows = rows_of(result.path)
    assert rows[0] == EN.headings[kind]
    assert len(rows) - 1 == result.rows > 0
    book = load_workbook(result.path)
    assert book.active.freeze_panes == "A2"
    assert book.active.title == EN.sheets[kind]


def test_the_english_headings_are_the_columns_own(demo: Services) -> None:
    for kind, spec in SPECS.items():
        assert EN.headings[kind] == tuple(c.heading for c in spec.columns)


def test_chinese_words_come_from_the_translation_files() -> None:
    zh = export_words("zh_CN")
    assert zh.headings[ExportKind.CLIENTS][1] == "姓名"
    assert zh.sheets[ExportKind.CARD_LEDGER] != "Card ledger"


def test_money_is_yuan_under_a_two_decimal_format_and_dates_are_dates(
        demo: Services, tmp_path: Path) -> None:
    manager = sign_in(demo, Role.MANAGER)
    path = demo.exports.export(manager, ExportKind.CARD_LEDGER, tmp_path / "l.xlsx", EN).path
    sheet = load_workbook(path).active
    money = [c for c in next(sheet.iter_cols(min_col=8, max_col=8, min_row=2))]
    assert all(c.number_format == "0.00" for c in money)
    assert all(isinstance(c.value, (int, float)) for c in money)
    when = sheet.cell(2, 2)
    assert when.is_date and when.number_format == "yyyy-mm-dd hh:mm"
    # the sums agree with the ledger, in fen
    from frontdesk.models.card import CardEntry

    with demo.db.read() as s:
        paid = sum(s.scalars(select(CardEntry.paid_fen)))
    assert round(sum(Decimal(str(c.value)) for c in money) * 100) == paid


def test_phones_are_masked_unless_the_role_sees_them(services: Services, admin: Actor,
                                                      tmp_path: Path) -> None:
    register(services, admin, "王芳", "13812345678")
    desk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST, "desk1")
    full = services.exports.export(admin, ExportKind.CLIENTS, tmp_path / "a.xlsx", EN)
    masked = services.exports.export(desk, ExportKind.CLIENTS, tmp_path / "d.xlsx", EN)
    assert rows_of(full.path)[1][2] == "138 1234 5678" or "5678" in rows_of(full.path)[1][2]
    assert "1234" in rows_of(full.path)[1][2]
    assert "1234" not in rows_of(masked.path)[1][2]
    assert rows_of(masked.path)[1][2].endswith("5678")


def test_birthdays_keep_their_calendar(services: Services, admin: Actor,
                                       tmp_path: Path) -> None:
    register(services, admin, "甲", "13800000001",
             birthday=BirthdayInput(Calendar.SOLAR, 5, 3, 1990))
    register(services, admin, "乙", "13800000002",
             birthday=BirthdayInput(Calendar.LUNAR, 3, 8))
    register(services, admin, "丙", "13800000003",
             birthday=BirthdayInput(Calendar.SOLAR, 12, 1))
    rows = rows_of(services.exports.export(admin, ExportKind.CLIENTS, tmp_path / "b.xlsx",
                                           EN).path)
    cells = {r[1]: (r[4], r[5]) for r in rows[1:]}
    assert cells["甲"][0].date().isoformat() == "1990-05-03" and cells["甲"][1] == "Solar"
    assert cells["乙"] == ("农历三月初八", "Lunar")
    assert cells["丙"] == ("12月1日", "Solar")


def hostile_clients(services: Services, admin: Actor) -> None:
    for i, text in enumerate(HOSTILE):
        with services.db.write() as s:
            s.add(Client(branch_id=admin.branch_id, name=text, note=text,
                         phone_e164=f"+8613900000{i:03d}", phone_last4=f"0{i:03d}"))


def test_formulas_are_written_as_text(services: Services, admin: Actor, tmp_path: Path) -> None:
    hostile_clients(services, admin)
    rows = rows_of(services.exports.export(admin, ExportKind.CLIENTS, tmp_path / "h.xlsx",
                                           EN).path)
    names = [r[1] for r in rows[1:]]
    notes = [r[11] for r in rows[1:]]
    assert names == notes == ["'" + t for t in HOSTILE]
    book = load_workbook(tmp_path / "h.xlsx")
    assert all(c.data_type == "s" for c in book.active["B"][1:])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_formulas_instead_of_running_them(
        services: Services, admin: Actor, tmp_path: Path) -> None:
    hostile_clients(services, admin)
    path = services.exports.export(admin, ExportKind.CLIENTS, tmp_path / "h.xlsx", EN).path
    out = tmp_path / "csv"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "csv", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    text = (out / "h.csv").read_text(encoding="utf-8", errors="replace")
    assert "HYPERLINK" in text and "evil.example" in text
    assert "+86 138 0000 0000" in text and "@SUM(A1)" in text and "-1+2" in text
    assert "\n1," not in text  # -1+2 was not computed


def test_filters_narrow_each_list(demo: Services, tmp_path: Path) -> None:
    manager = sign_in(demo, Role.MANAGER)
    cases: list[tuple[ExportKind, object]] = [
        (ExportKind.CLIENTS, ClientFilter(tier="金卡")),
        (ExportKind.VISITS, VisitFilter(period=Period(NOW.date(), NOW.date()))),
        (ExportKind.CARD_LEDGER, LedgerFilter(client_id=1)),
        (ExportKind.CARE, CareFilter(open_only=True, period=Period(until=NOW.date()))),
        (ExportKind.COMPLAINTS, ComplaintExportFilter(open_only=True)),
        (ExportKind.SURVEYS, SurveyFilter(low_only=True))]
    for kind, flt in cases:
        everything = demo.exports.export(manager, kind, tmp_path / f"{kind}-all.xlsx", EN)
        some = demo.exports.export(manager, kind, tmp_path / f"{kind}.xlsx", EN,
                                   flt)  # type: ignore[arg-type]
        assert some.rows < everything.rows, kind
    tier = [r[6] for r in rows_of(tmp_path / "clients.xlsx")[1:]]
    assert set(tier) <= {"金卡"}


def test_a_care_worker_exports_their_own_tasks_only(demo: Services, tmp_path: Path) -> None:
    manager, worker = sign_in(demo, Role.MANAGER), sign_in(demo, Role.CLIENT_MANAGER)
    every = demo.exports.export(manager, ExportKind.CARE, tmp_path / "m.xlsx", EN)
    own = demo.exports.export(worker, ExportKind.CARE, tmp_path / "w.xlsx", EN)
    assert 0 < own.rows < every.rows
    assigned = {r[7] for r in rows_of(own.path)[1:]}
    assert assigned <= {worker.display_name, None}
    with pytest.raises(PermissionDenied):
        demo.exports.export(worker, ExportKind.CARE, tmp_path / "x.xlsx", EN,
                            CareFilter(staff_id=manager.staff_id))


def test_a_cancel_leaves_no_file(demo: Services, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    manager = sign_in(demo, Role.MANAGER)
    path = out / "v.xlsx"
    stop = threading.Event()

    def progress(stage: str, done: int, total: int) -> None:
        if done:
            stop.set()

    with pytest.raises(Cancelled):
        demo.exports.export(manager, ExportKind.VISITS, path, EN, cancel=stop,
                            progress=progress)
    assert list(out.iterdir()) == []


def test_an_existing_file_stays_as_it_was_after_a_cancel(demo: Services,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    manager = sign_in(demo, Role.MANAGER)
    path = out / "c.xlsx"
    path.write_bytes(b"old")
    stop = threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        demo.exports.export(manager, ExportKind.CLIENTS, path, EN, cancel=stop)
    assert path.read_bytes() == b"old" and len(list(out.iterdir())) == 1


def test_roles_that_may_not_see_a_list_are_refused(demo: Services, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    inspector = sign_in(demo, Role.QUALITY_INSPECTOR)
    for kind in (ExportKind.CARD_LEDGER, ExportKind.CARE, ExportKind.COMPLAINTS):
        with pytest.raises(PermissionDenied):
            demo.exports.export(inspector, kind, out / "x.xlsx", EN)
    assert list(out.iterdir()) == []


def test_only_xlsx_and_the_lists_own_filters(services: Services, admin: Actor,
                                             tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError):
        services.exports.export(admin, ExportKind.CLIENTS, out / "c.csv", EN)
    with pytest.raises(ValidationError):
        services.exports.export(admin, ExportKind.CLIENTS, out / "c.xlsx", EN,
                                SurveyFilter())
    assert list(out.iterdir()) == []


def test_the_export_is_audited_with_its_filters(services: Services, admin: Actor,
                                                tmp_path: Path) -> None:
    register(services, admin, "王芳", "13812345678")
    services.exports.export(admin, ExportKind.CLIENTS, tmp_path / "c.xlsx", ExportWords(),
                            ClientFilter(query="王"))
    with services.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(
            AuditEntry.action == AuditAction.LIST_EXPORT)).one()
    assert entry.staff_id == admin.staff_id
    assert "kind=clients" in entry.detail and "rows=1" in entry.detail
    assert "query='王'" in entry.detail

