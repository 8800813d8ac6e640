"""``frontdesk import FILE``: counts, the first rejected rows, a dry run that writes nothing, the
report, a refused file (exit 1) and a role that may not import (exit 2)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.cli import main
from frontdesk.core.context import Actor, Role
from frontdesk.models import Client, Staff
from frontdesk.services.registry import Services
from frontdesk.services.staff.auth import hash_password
from tests.imports import table_contents
from tests.spreadsheet_files import write_openpyxl

PASSWORD = "import-password-7"


@pytest.fixture
def users(services: Services, admin: Actor, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    with services.db.write() as s:
        s.add_all([Staff(branch_id=admin.branch_id, username=name, display_name=name, role=role,
                         password_hash=hash_password(PASSWORD))
                   for name, role in (("boss", Role.MANAGER), ("desk", Role.RECEPTIONIST))])


def sheet(tmp_path: Path) -> Path:
    return write_openpyxl(tmp_path / "名单.xlsx", [
        ("姓名", "手机", "余额"), ("张伟", 13812345678, "¥1,234.50"), ("李娜", 12345, None),
        ("", 13900000001, None), ("王芳", 13900000002, 0)])


def run(services: Services, *args: str) -> int:
    return main(["--database", services.db.url, "import", *args])


def clients(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(Client)) or 0


@pytest.mark.usefixtures("users")
def test_a_dry_run_counts_and_writes_nothing_but_the_report(
        services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = table_contents(services.db)
    report = tmp_path / "report.csv"
    assert run(services, str(sheet(tmp_path)), "--dry-run", "--report", str(report),
               "--as", "boss") == 0
    out = capsys.readouterr().out
    assert "4 data rows: 2 new, 0 updated, 0 unchanged, 2 rejected" in out
    assert "opening balances: ¥1,234.50 (1 clients)" in out
    assert "  row 3: phone_invalid: " in out and "  row 4: name_missing: " in out
    assert "imported" not in out
    assert {k: v for k, v in table_contents(services.db).items() if k != "audit_entry"} == \
        {k: v for k, v in before.items() if k != "audit_entry"}
    with report.open(encoding="utf-8-sig") as f:
        assert [line["status"] for line in csv.DictReader(f)] == [
            "accepted", "rejected", "rejected", "accepted"]


@pytest.mark.usefixtures("users")
def test_the_import_commits_and_a_second_run_changes_nothing(
        services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sheet(tmp_path)
    assert run(services, str(path), "--as", "boss") == 0
    assert "imported: 2 new, 0 updated, 0 unchanged, 2 rejected; 1 opening balances " \
           "(¥1,234.50)" in capsys.readouterr().out
    assert clients(services) == 2
    assert run(services, str(path), "--update-existing", "--as", "boss") == 0
    assert "imported: 0 new, 0 updated, 2 unchanged, 2 rejected; 0 opening balances" \
           in capsys.readouterr().out


@pytest.mark.usefixtures("users")
def test_a_refused_file_exits_1_with_the_reason(services: Services, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    assert run(services, str(old), "--as", "boss") == 1
    assert ".xlsx" in capsys.readouterr().err
    assert clients(services) == 0


@pytest.mark.usefixtures("users")
def test_a_receptionist_may_not_import(services: Services, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run(services, str(sheet(tmp_path)), "--as", "desk") == 2
    assert capsys.readouterr().err.startswith("frontdesk: ")
    assert clients(services) == 0


@pytest.mark.usefixtures("users")
def test_without_as_a_client_list_is_refused(services: Services, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(services, str(sheet(tmp_path))) == 2
    assert "--as USER" in capsys.readouterr().err
