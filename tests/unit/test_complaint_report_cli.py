"""``frontdesk report complaints``: the month's workbook from a terminal, in the store's words,
and a workbook LibreOffice opens."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from frontdesk.cli import main
from frontdesk.core.context import Actor, Role
from frontdesk.models import Staff
from frontdesk.services.registry import Services
from frontdesk.services.staff.auth import hash_password
from tests.complaint_report_data import NOVEMBER, build_month

PASSWORD = "report-password-7"


@pytest.fixture
def handler(services: Services, admin: Actor, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    with services.db.write() as s:
        s.add(Staff(branch_id=admin.branch_id, username="complaints1", display_name="陈静",
                    role=Role.COMPLAINT_HANDLER, password_hash=hash_password(PASSWORD)))
    build_month(services, admin)
    return "complaints1"


def run(services: Services, user: str, *args: str) -> int:
    return main(["--database", services.db.url, "report", "complaints", *args, "--as", user])


def test_the_command_writes_the_months_workbook_in_chinese(
        services: Services, handler: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nov.xlsx"
    assert run(services, handler, "--month", "2026-11", "-o", str(out)) == 0
    assert capsys.readouterr().out.strip() == f"report written to {out}"
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", "投诉", "满意度调查", "质检抽查"]
    summary = [r for r in book["汇总"].iter_rows(values_only=True)]
    assert summary[0][0] == "投诉与满意度：2026-11"
    assert ("收到的投诉", 5, 1, None, None) in summary
    complaints = list(book["投诉"].iter_rows(values_only=True))
    assert complaints[1][4:8] == ("服务态度", "较重", "电话", "已结案")
    assert run(services, handler, "--month", "2026-11", "-o", str(tmp_path / "en.xlsx"),
               "--lang", "en") == 0
    assert load_workbook(tmp_path / "en.xlsx").sheetnames[0] == "Summary"


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "11/2026", "0000-05", "next"])
def test_a_month_that_is_not_one_is_refused(services: Services, handler: str, tmp_path: Path,
                                             month: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.xlsx"
    assert run(services, handler, "--month", month, "-o", str(out)) == 2
    assert "YYYY-MM" in capsys.readouterr().err
    assert not out.exists()


def test_a_role_without_the_reports_is_refused(services: Services, admin: Actor,
                                               handler: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    with services.db.write() as s:
        s.add(Staff(branch_id=admin.branch_id, username="desk1", display_name="前台",
                    role=Role.RECEPTIONIST, password_hash=hash_password(PASSWORD)))
    assert run(services, "desk1", "--month", "2026-11", "-o", str(tmp_path / "x.xlsx")) == 2
    assert "frontdesk:" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_workbook(services: Services, admin: Actor, handler: str,
                                        tmp_path: Path) -> None:
    path = services.complaint_report.export(admin, NOVEMBER, tmp_path / "nov.xlsx")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",  # UTF-8
                    "--outdir", str(tmp_path / "csv"), str(path)],
                   check=True, capture_output=True, timeout=180)
    with open(tmp_path / "csv" / "nov.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "Complaints and satisfaction: 2026-11"
    assert ["Complaints received", "5", "1", "", ""] in rows
    assert next(r for r in rows if r[0] == "Compensation (yuan)")[1:3] == ["183.45", "0.00"]
