"""The import from real files to the database: openpyxl- and LibreOffice-written workbooks, a GBK
CSV, a title row, the mapping corrected, a second import that changes nothing, a refused file.

On SQLite and PostgreSQL (the ``db`` fixture).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor
from frontdesk.models import Client
from frontdesk.models.client import Gender
from frontdesk.services.imports.fields import Extra, Field, Outcome, Reason
from frontdesk.services.imports.limits import FileRefused
from frontdesk.services.registry import Services
from tests.imports import table_contents, table_counts
from tests.spreadsheet_files import (
    libreoffice_xlsx,
    needs_libreoffice,
    write_minimal_xlsx,
    write_openpyxl,
)
from tests.unit.test_import_hostile import EXCEL_ROWS, LAUGHS, PNG, excel_rows

HEADINGS = ("姓名", "手机", "性别", "生日", "等级", "余额", "备注", "会员号", "来源")
ROWS = (
    ("张伟", 13812345678, "男", dt.date(1990, 5, 3), "金卡", 1234.5, "老客户", "M001", "朋友"),
    ("李娜", "+86 139-0000-0001", "女", "农历三月初八", "银卡", "¥1,000", None, None, None),
    ("王芳", None, "F", "5月3日", None, None, None, None, None),
    ("", 13900000002, None, None, None, None, None, None, None),
    ("赵敏", 12345, None, None, None, None, None, None, None),
    ("钱多", 13900000003, None, "农历2023年闰四月十二", None, None, None, None, None),
    ("孙丽", 13900000004, None, None, "黑卡", None, None, None, None),
    ("周七", 13900000005, None, None, None, "-5", None, None, None),
)
"""A good row, a phone with +86 and dashes and a lunar birthday, no phone, no name, a bad
phone, a leap month 2023 has not, an unknown tier, a negative balance."""


def sheet(path: Path) -> Path:
    return write_openpyxl(path, [("会员名单 2026",), (), HEADINGS, *ROWS])


def names(services: Services) -> dict[str, Client]:
    with services.db.read() as s:
        return {c.name: c for c in s.scalars(select(Client))}


def test_a_store_sheet_is_previewed_then_committed(services: Services, admin: Actor,
                                                   tmp_path: Path) -> None:
    before = table_counts(services.db)
    preview = services.imports.open(admin, sheet(tmp_path / "名单.xlsx"))
    assert table_counts(services.db) == before  # the preview writes nothing
    assert preview.mapping.header_row == 3
    assert preview.counts == {"created": 3, "updated": 0, "unchanged": 0, "rejected": 5}
    assert [(r.line, r.reasons) for r in preview.rejected] == [
        (7, [Reason.NAME_MISSING]), (8, [Reason.PHONE_INVALID]),
        (9, [Reason.BIRTHDAY_INVALID]), (10, [Reason.TIER_UNKNOWN]),
        (11, [Reason.BALANCE_INVALID])]
    assert preview.balance_fen == 123_450 + 100_000
    result = services.imports.commit(admin, preview)
    assert (result.created, result.rejected, result.cards, result.balance_fen) == (
        3, 5, 2, 223_450)
    found = names(services)
    assert set(found) == {"张伟", "李娜", "王芳"}
    zhang, li = found["张伟"], found["李娜"]
    assert (zhang.phone_e164, zhang.gender, zhang.birth_year, zhang.tier, zhang.member_no) == (
        "+8613812345678", Gender.MALE, 1990, "金卡", "M001")
    assert "老客户" in zhang.note and "来源: 朋友" in zhang.note
    assert (li.phone_e164, li.birthday_calendar, li.birth_month, li.birth_day) == (
        "+8613900000001", "lunar", 3, 8)
    assert (found["王芳"].phone_e164, found["王芳"].birth_year) == (None, None)
    assert services.card_report.check(admin).ok


def test_the_same_file_again_changes_no_row_of_any_table(services: Services, admin: Actor,
                                                         tmp_path: Path) -> None:
    path = sheet(tmp_path / "名单.xlsx")
    services.imports.commit(admin, services.imports.open(admin, path))
    before = table_contents(services.db)
    for update_existing in (False, True):
        again = services.imports.open(admin, path, update_existing=update_existing)
        assert again.counts == {"created": 0, "updated": 0, "unchanged": 3, "rejected": 5}
        services.imports.commit(admin, again)
        after = table_contents(services.db)
        assert {k: v for k, v in after.items() if k != "audit_entry"} == \
            {k: v for k, v in before.items() if k != "audit_entry"}


def test_a_corrected_mapping_and_update_existing(services: Services, admin: Actor,
                                                 tmp_path: Path) -> None:
    path = sheet(tmp_path / "名单.xlsx")
    services.imports.commit(admin, services.imports.open(admin, path))
    preview = services.imports.open(admin, path)
    uses = list(preview.mapping.uses)
    uses[HEADINGS.index("备注")] = Extra.IGNORE
    uses[HEADINGS.index("来源")] = Field.NOTES
    mapping = type(preview.mapping)(preview.mapping.header_row, preview.mapping.headings,
                                    tuple(uses))
    remapped = services.imports.remap(admin, preview, mapping, update_existing=True)
    assert [r.outcome for r in remapped.accepted] == [Outcome.UPDATED, Outcome.UNCHANGED,
                                                      Outcome.UNCHANGED]
    services.imports.commit(admin, remapped)
    assert names(services)["张伟"].note == "朋友"


def test_a_gbk_csv(services: Services, admin: Actor, tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_bytes("姓名,手机,余额\n张伟,13812345678,￥88.00\n李娜,139 0000 0001,\n"
                     .encode("gbk"))
    result = services.imports.commit(admin, services.imports.open(admin, path))
    assert (result.created, result.balance_fen) == (2, 8_800)
    assert names(services)["李娜"].phone_e164 == "+8613900000001"


@needs_libreoffice
def test_a_sheet_libreoffice_wrote(services: Services, admin: Actor, tmp_path: Path) -> None:
    csv = tmp_path / "名单.csv"
    csv.write_text("姓名,手机,性别,生日,余额\n张伟,13812345678,男,1990/5/3,￥1234.5\n"
                   "李娜,+86 13900000001,女,农历2020年闰四月十二,\n王芳,,女,5月3日,\n",
                   encoding="utf-8")
    path = libreoffice_xlsx(csv, tmp_path)
    preview = services.imports.open(admin, path)
    assert preview.counts["created"] == 3, [r.details for r in preview.rejected]
    services.imports.commit(admin, preview)
    found = names(services)
    assert (found["张伟"].phone_e164, found["张伟"].birth_year, found["张伟"].birth_month) == (
        "+8613812345678", 1990, 5)
    assert (found["李娜"].birth_leap_month, found["李娜"].birth_month) == (True, 4)
    assert services.card_report.check(admin).ok
    before = table_contents(services.db)
    services.imports.commit(admin, services.imports.open(admin, path, update_existing=True))
    after = table_contents(services.db)
    assert {k: v for k, v in after.items() if k != "audit_entry"} == \
        {k: v for k, v in before.items() if k != "audit_entry"}


def test_a_refused_file_changes_nothing(services: Services, admin: Actor,
                                        tmp_path: Path) -> None:
    path = tmp_path / "clients.xlsx"
    path.write_bytes(b"MZ\x90\x00 not a workbook at all")
    before = table_contents(services.db)
    with pytest.raises(FileRefused) as refused:
        services.imports.open(admin, path)
    assert refused.value.code == "not_spreadsheet"
    assert table_contents(services.db) == before


def _zip_bomb(folder: Path) -> Path:
    path = write_openpyxl(folder / "bomb.xlsx", [["姓名", "手机"], ["张三", 13812345678]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/media/zeros.bin", "w", force_zip64=True) as member:
        for _ in range(200):  # 200 MB of zeros, about 200 KB packed
            member.write(bytes(2**20))
    return path


def _entity_bomb(folder: Path) -> Path:
    return write_minimal_xlsx(folder / "laughs.xlsx", [
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'], shared_strings=LAUGHS)


def _full_sheet(folder: Path) -> Path:
    return write_minimal_xlsx(folder / "full.xlsx", excel_rows(EXCEL_ROWS))


def _long_cell(folder: Path) -> Path:
    return write_openpyxl(folder / "long.xlsx", [["姓名", "手机", "备注"],
                                                 ["张三", "13812345678", "长" * 32_767]])


def _renamed(folder: Path) -> Path:
    path = folder / "photo.xlsx"
    path.write_bytes(PNG)
    return path


@pytest.mark.parametrize(("make", "code"), [
    (_zip_bomb, "zip_bomb"), (_entity_bomb, "xml_entities"), (_full_sheet, "too_many_rows"),
    (_long_cell, "cell_too_long"), (_renamed, "not_spreadsheet")])
def test_the_hostile_set_is_refused_and_the_database_left_as_it_was(
        services: Services, admin: Actor, tmp_path: Path, make: Any, code: str) -> None:
    services.imports.commit(admin, services.imports.open(admin, sheet(tmp_path / "list.xlsx")))
    before = table_contents(services.db)
    with pytest.raises(FileRefused) as refused:
        services.imports.open(admin, make(tmp_path))
    assert refused.value.code == code and refused.value.message
    assert table_contents(services.db) == before
