"""The import report: one CSV line per data row, UTF-8 with a BOM, the stable columns."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontdesk.core.calendar import Calendar
from frontdesk.services.imports.fields import Birthday, Outcome, Reason
from frontdesk.services.imports.report import COLUMNS, write_report
from tests.imports import phone, preview_of, row, solar


def read(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        return list(reader)


def test_each_row_with_its_status_reasons_and_normalised_values(tmp_path: Path) -> None:
    good = row(3, "张伟", phone(1), gender="male", birthday=solar(1990, 5, 3), tier="金卡",
               balance_fen=123_450)
    good.outcome = Outcome.CREATED
    lunar = row(4, "李娜", birthday=Birthday(Calendar.LUNAR, 4, 12, None, leap_month=True))
    lunar.outcome = Outcome.UNCHANGED
    bad = row(5, "=HYPERLINK(\"x\")", None)
    bad.reasons += [Reason.PHONE_INVALID, Reason.BIRTHDAY_INVALID]
    bad.details += ["phone 1381234: too short", "birthday 2月30日: no such day"]
    path = tmp_path / "report.csv"
    write_report(path, preview_of([good, lunar, bad]))
    lines = read(path)
    assert lines[0] == {"row": "3", "status": "accepted", "outcome": "created", "reasons": "",
                        "details": "", "name": "张伟", "phone_e164": "+8613800000001",
                        "gender": "male", "birthday": "1990-05-03", "calendar": "solar",
                        "leap_month": "0", "tier": "金卡", "balance_fen": "123450"}
    assert (lines[1]["birthday"], lines[1]["calendar"], lines[1]["leap_month"],
            lines[1]["balance_fen"]) == ("--04-12", "lunar", "1", "")
    assert (lines[2]["status"], lines[2]["outcome"], lines[2]["reasons"]) == (
        "rejected", "", "phone_invalid;birthday_invalid")
    assert lines[2]["details"] == "phone 1381234: too short;birthday 2月30日: no such day"
    assert lines[2]["name"] == "'=HYPERLINK(\"x\")"


def test_a_failed_write_leaves_the_old_report(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text("old", encoding="utf-8")
    broken = row(2, "张伟")
    broken.reasons = None  # type: ignore[assignment]  # a bug half-way through the lines
    with pytest.raises(TypeError):
        write_report(path, preview_of([row(1, "王芳"), broken]))
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]
