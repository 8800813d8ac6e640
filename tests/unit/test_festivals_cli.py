"""``frontdesk festivals YEAR``: the year's festival dates, the store's when it has a database,
in the language asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.core.context import Actor
from frontdesk.models.care import Festival
from frontdesk.services.registry import Services

BUILT_IN_2027 = [
    "2027-01-01 元旦", "2027-01-15 腊八节", "2027-02-05 除夕", "2027-02-06 春节",
    "2027-02-20 元宵节", "2027-03-08 妇女节", "2027-05-09 母亲节", "2027-06-09 端午节",
    "2027-08-08 七夕", "2027-09-15 中秋节", "2027-10-08 重阳节",
]


def test_without_a_database_it_prints_the_built_in_festivals_and_makes_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    assert main(["festivals", "2027"]) == 0
    assert capsys.readouterr().out.splitlines() == BUILT_IN_2027
    assert not (tmp_path / "data").exists()
    assert main(["festivals", "2022", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["2022-01-01 New Year's Day", "2022-01-10 Laba Festival",
                         "2022-01-31 New Year's Eve"]
    assert lines[-1] == "2022-12-30 Laba Festival"  # lunar 2022's 腊八, in the same year


def test_the_stores_festivals_are_printed_its_own_names_as_written(
        services: Services, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    with services.db.write() as s:
        s.add(Festival(branch_id=admin.branch_id, code="qixi", name="Qixi Festival",
                       rule="lunar", month=7, day=7, enabled=False))
        s.add(Festival(branch_id=admin.branch_id, code="mid_autumn", name="中秋答谢会",
                       rule="lunar", month=8, day=15, enabled=True, gift=True))
        s.add(Festival(branch_id=admin.branch_id, code="anniversary", name="店庆",
                       rule="solar", month=9, day=15, enabled=True))
    assert main(["--database", services.db.url, "festivals", "2027"]) == 0
    expected = [line for line in BUILT_IN_2027 if not line.endswith("七夕")]
    expected[expected.index("2027-09-15 中秋节")] = "2027-09-15 店庆"
    expected.insert(expected.index("2027-09-15 店庆") + 1, "2027-09-15 中秋答谢会")
    assert capsys.readouterr().out.splitlines() == expected


def test_a_year_the_lunar_calendar_does_not_know_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    assert main(["festivals", "2101"]) == 2
    assert "Choose a year from 1901 to 2100." in capsys.readouterr().err
