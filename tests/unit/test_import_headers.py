"""The header row found below a title, and the columns mapped by their headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.errors import ValidationError
from frontdesk.services.imports.fields import Cell, Extra, Field, Mapping
from frontdesk.services.imports.headers import (
    check_mapping,
    find_header,
    fold,
    guess_mapping,
)
from frontdesk.services.imports.limits import FileRefused
from frontdesk.services.imports.reading import Table, read_table
from tests.spreadsheet_files import write_openpyxl


def table(*rows: tuple[Cell, ...]) -> Table:
    return Table("xlsx", "Sheet1", [(number, row) for number, row in enumerate(rows, 1)])


def test_chinese_headings_below_a_title_and_a_blank_row(tmp_path: Path) -> None:
    rows = [["2024年会员名单"], [], ["制表：前台", "日期"],
            ["客户姓名", "性别", "手机号码*", "出生日期", "会员等级", "卡内余额（元）", "备注",
             "会员卡号", "过敏史", "喜好", None],
            ["张三", "女", 13812345678, None, "金卡", 100, None, "A001", None, "玫瑰", "x"]]
    found = read_table(write_openpyxl(tmp_path / "c.xlsx", rows))

    mapping = guess_mapping(found)

    assert find_header(found) == 2  # the blank row is not in table.rows
    assert mapping.header_row == 4
    assert mapping.uses == (Field.NAME, Field.GENDER, Field.PHONE, Field.BIRTHDAY, Field.TIER,
                            Field.BALANCE, Field.NOTES, Field.MEMBER_NO, Field.ALLERGIES,
                            Extra.TO_NOTES, Extra.IGNORE)
    assert mapping.headings[5] == "卡内余额（元）"
    check_mapping(mapping)


def test_english_headings_any_case_and_width() -> None:
    found = table(("Customer list",),
                  ("ＮＡＭＥ", "gender", "Mobile Phone", "Date of birth", "Level",
                   "Balance (¥)", "Remarks", "Member No.", "Allergies", "Favourite"))

    assert guess_mapping(found).uses == (
        Field.NAME, Field.GENDER, Field.PHONE, Field.BIRTHDAY, Field.TIER, Field.BALANCE,
        Field.NOTES, Field.MEMBER_NO, Field.ALLERGIES, Extra.TO_NOTES)


def test_the_first_of_two_columns_for_a_field_wins() -> None:
    mapping = guess_mapping(table(("姓名", "手机", "电话", "备注", "说明")))

    assert mapping.uses == (Field.NAME, Field.PHONE, Extra.TO_NOTES, Field.NOTES, Field.NOTES)
    check_mapping(mapping)


def test_a_row_with_more_known_headings_beats_an_earlier_one() -> None:
    found = table(("姓名", "张三"), ("姓名", "手机", "生日"), ("张三", 13812345678, None))

    assert find_header(found) == 1


def test_a_header_needs_the_name_or_the_phone() -> None:
    with pytest.raises(FileRefused) as refused:
        guess_mapping(table(("性别", "生日", "余额"), ("女", None, 1)))

    assert refused.value.code == "no_header"
    assert "20" in refused.value.message


def test_columns_wider_than_the_header_are_ignored() -> None:
    mapping = guess_mapping(table(("姓名", "手机"), ("张三", 13812345678, "x")))

    assert mapping.headings == ("姓名", "手机", "")
    assert mapping.uses == (Field.NAME, Field.PHONE, Extra.IGNORE)


def test_fold() -> None:
    assert fold("  手机号码＊ ") == fold("手机号码") == "手机号码"
    assert fold("Member_No.") == fold("member no") == "memberno"
    assert fold("余额(元)") == fold("余额") == "余额"


def test_check_mapping_wants_a_name_column() -> None:
    mapping = Mapping(header_row=1, headings=("手机", "备注"), uses=(Field.PHONE, Field.NOTES))

    with pytest.raises(ValidationError) as refused:
        check_mapping(mapping)

    assert refused.value.message == "Choose which column holds the names."


def test_check_mapping_refuses_a_field_in_two_columns() -> None:
    mapping = Mapping(header_row=1, headings=("姓名", "手机", ""),
                      uses=(Field.NAME, Field.PHONE, Field.PHONE))

    with pytest.raises(ValidationError) as refused:
        check_mapping(mapping)

    assert refused.value.params == {"first": "手机", "second": "C"}
