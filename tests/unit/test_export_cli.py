"""``frontdesk export KIND -o FILE.xlsx --as USER``: a list from a terminal, in the store's
words, masked for the role signed in; dates checked; ``all`` when the build has it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from frontdesk.cli import EXPORT_KINDS, main
from frontdesk.cli_export import KINDS
from frontdesk.core.context import Actor, Role
from frontdesk.models import Staff
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.imports.reading import is_all_data_workbook
from frontdesk.services.registry import Services
from frontdesk.services.staff.auth import hash_password

PASSWORD = "export-password-7"


@pytest.fixture
def desk(services: Services, admin: Actor, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    with services.db.write() as s:
        s.add(Staff(branch_id=admin.branch_id, username="desk1", display_name="小李",
                    role=Role.RECEPTIONIST, password_hash=hash_password(PASSWORD)))
    services.clients.register(admin, NewClient("王芳", "13812345678", gender="female",
                                               note="=1+1"))
    return "desk1"


def run(services: Services, user: str, *args: str) -> int:
    return main(["--database", services.db.url, "export", *args, "--as", user])


def test_the_kinds_are_the_services(services: Services) -> None:
    assert EXPORT_KINDS == KINDS


def test_the_command_writes_the_client_list_in_chinese_masked(
        services: Services, desk: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "clients.xlsx"
    assert run(services, desk, "clients", "-o", str(out)) == 0
    assert capsys.readouterr().out.strip() == f"1 rows written to {out}"
    book = load_workbook(out)
    assert book.sheetnames == ["客户"]
    head, row = list(book.active.iter_rows(values_only=True))
    assert head[:4] == ("会员卡号", "姓名", "手机", "性别")
    assert row[1] == "王芳" and row[3] == "女" and row[11] == "'=1+1"
    assert "1234" not in row[2] and row[2].endswith("5678")
    assert run(services, desk, "clients", "-o", str(tmp_path / "en.xlsx"), "--lang", "en") == 0
    assert load_workbook(tmp_path / "en.xlsx").sheetnames == ["Clients"]


def test_since_and_until_narrow_the_list(services: Services, desk: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    later = (services.clock() + dt.timedelta(days=2)).date().isoformat()
    assert run(services, desk, "clients", "-o", str(tmp_path / "a.xlsx"),
               "--since", later) == 0
    assert capsys.readouterr().out.startswith("0 rows")
    assert load_workbook(tmp_path / "a.xlsx").active.max_row == 1


@pytest.mark.parametrize("dates", [("--since", "2026-13-01"), ("--until", "yesterday"),
                                   ("--since", "2026-11-05", "--until", "2026-11-01")])
def test_dates_that_are_not_dates_are_refused(services: Services, desk: str, tmp_path: Path,
                                              dates: tuple[str, ...],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.xlsx"
    assert run(services, desk, "clients", "-o", str(out), *dates) == 2
    assert "frontdesk:" in capsys.readouterr().err and not out.exists()


def test_a_list_the_role_may_not_see_is_refused(services: Services, admin: Actor,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    with services.db.write() as s:
        s.add(Staff(branch_id=admin.branch_id, username="qc1", display_name="质检",
                    role=Role.QUALITY_INSPECTOR, password_hash=hash_password(PASSWORD)))
    out = tmp_path / "l.xlsx"
    assert run(services, "qc1", "card_ledger", "-o", str(out)) == 2
    assert "may not" in capsys.readouterr().err and not out.exists()


def test_all_writes_the_workbook_a_restore_reads(services: Services, admin: Actor, desk: str,
                                                 tmp_path: Path) -> None:
    with services.db.write() as s:
        s.add(Staff(branch_id=admin.branch_id, username="boss", display_name="店长",
                    role=Role.MANAGER, password_hash=hash_password(PASSWORD)))
    out = tmp_path / "all.xlsx"
    assert run(services, "boss", "all", "-o", str(out)) == 0
    assert is_all_data_workbook(out)


def test_all_is_for_the_manager(services: Services, desk: str, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "all.xlsx"
    assert run(services, desk, "all", "-o", str(out)) == 2
    assert "may not" in capsys.readouterr().err and not out.exists()
