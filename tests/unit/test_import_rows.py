"""A sheet's rows made into candidates: every reason of a row, notes from extra columns,
tiers in the store's spelling, and the checks across rows (a shared phone, the same
person twice); then the same on a file LibreOffice wrote."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from frontdesk.core.calendar import Calendar
from frontdesk.services.imports.fields import (
    Birthday,
    CandidateRow,
    Cell,
    Extra,
    Field,
    Mapping,
    Reason,
)
from frontdesk.services.imports.reading import Table
from frontdesk.services.imports.rows import candidate_rows
from tests.spreadsheets import calamine_rows, libreoffice_xlsx, needs_libreoffice

TODAY = dt.date(2026, 12, 3)
TIERS = ("金卡", "Gold", "VIP")
HEADINGS = ("姓名", "性别", "手机", "生日", "等级", "余额", "备注", "会员号", "过敏", "来源",
            "内部编号")
USES = (Field.NAME, Field.GENDER, Field.PHONE, Field.BIRTHDAY, Field.TIER, Field.BALANCE,
        Field.NOTES, Field.MEMBER_NO, Field.ALLERGIES, Extra.TO_NOTES, Extra.IGNORE)
MAPPING = Mapping(header_row=2, headings=HEADINGS, uses=USES)


def candidates(*rows: tuple[Cell, ...], first_line: int = 3) -> list[CandidateRow]:
    table = Table("csv", "", [(1, ("客户名单",)), (2, HEADINGS)]
                  + [(first_line + n, cells) for n, cells in enumerate(rows)])
    return candidate_rows(table, MAPPING, TODAY, TIERS)


def test_a_good_row_is_normalised_and_accepted():
    [row] = candidates(("  张三 ", "女士", 13812345678, "1990年5月3日", "gold", "¥1,234.50",
                        "老客户", "a001", "花粉", "朋友介绍", "X-17"))
    assert row.accepted and row.line == 3
    assert (row.name, row.gender, row.phone_e164) == ("张三", "female", "+8613812345678")
    assert row.birthday == Birthday(Calendar.SOLAR, 5, 3, 1990)
    assert (row.tier, row.balance_fen, row.member_no) == ("Gold", 123450, "A001")
    assert (row.allergies, row.notes) == ("花粉", "老客户\n来源: 朋友介绍")


def test_empty_cells_are_none_and_a_short_row_is_read():
    [row] = candidates(("张三",))
    assert row.accepted
    assert (row.gender, row.phone_e164, row.birthday, row.tier, row.balance_fen,
            row.member_no, row.notes, row.allergies) == (None, None, None, None, None, None, "", "")


def test_every_reason_of_a_row_is_given_with_its_cell():
    [row] = candidates(("张三", "x", "1381234", "1991-02-29", "铂金卡", "-5", None, "M#1"))
    assert row.reasons == [Reason.GENDER_INVALID, Reason.PHONE_INVALID, Reason.BIRTHDAY_INVALID,
                           Reason.TIER_UNKNOWN, Reason.BALANCE_INVALID, Reason.MEMBER_NO_INVALID]
    assert row.details == [
        "gender x: write 男 or 女 (M or F)",
        "phone 1381234: not a valid phone number",
        "birthday 1991-02-29: 1991 is not a leap year: it has no 29 February.",
        "tier 铂金卡: not a tier of this store",
        "balance -5: a balance cannot be negative",
        "member number M#1: A member number has up to 32 letters and digits.",
    ]


@pytest.mark.parametrize(("cells", "reason", "detail"), [
    ((None, "女", 13812345678), Reason.NAME_MISSING, "name: the row has no name"),
    (("\u3000", "女"), Reason.NAME_MISSING, "name: the row has no name"),
    (("张" * 41,), Reason.NAME_INVALID, "name " + "张" * 41 + ": A name has at most 40 "),
    (("张\x07三",), Reason.NAME_INVALID, "name 张\x07三: This text holds an invisible control"),
    (("张三", None, None, None, None, None, "很" * 1995, None, None, "朋友介绍"),
     Reason.TEXT_INVALID, "notes 很很很"),
    (("张三", None, None, None, None, None, "a\x00b"), Reason.TEXT_INVALID, "notes a\x00b: "),
    (("张三", None, None, None, None, None, None, None, "x" * 501), Reason.TEXT_INVALID,
     "allergies xxx"),
])
def test_a_name_or_text_is_refused(cells, reason, detail):
    [row] = candidates(cells)
    assert row.reasons == [reason]
    assert row.details[0].startswith(detail)


def test_two_wrong_texts_share_one_reason_line():
    [row] = candidates(("张三", None, None, None, None, None, "a\x00b", None, "x\x00y"))
    assert row.reasons == [Reason.TEXT_INVALID]
    assert row.details[0].startswith("allergies x\x00y: ")
    assert "; notes a\x00b: " in row.details[0]


def test_a_tier_is_matched_ignoring_case_and_an_empty_one_is_none():
    rows = candidates(("甲", None, None, None, "vip"), ("乙", None, None, None, "GOLD"),
                      ("丙", None, None, None, "金卡"), ("丁", None, None, None, None))
    assert [r.tier for r in rows] == ["VIP", "Gold", "金卡", None]
    assert all(r.accepted for r in rows)


def test_blank_rows_and_rows_above_the_header_are_skipped():
    table = Table("xlsx", "Sheet1", [(1, ("客户名单", None)), (2, HEADINGS), (3, ("张三",)),
                                     (5, (None, None, None)), (6, ("", None)),
                                     (7, (None,) * 10 + ("only ignored",)), (8, ("李四",))])
    rows = candidate_rows(table, MAPPING, TODAY, TIERS)
    assert [(r.line, r.name) for r in rows] == [(3, "张三"), (8, "李四")]


def test_notes_from_several_columns_keep_the_sheet_order():
    mapping = Mapping(1, ("Name", "地址", "Notes", "", "顾问"),
                      (Field.NAME, Extra.TO_NOTES, Field.NOTES, Extra.TO_NOTES, Extra.TO_NOTES))
    table = Table("csv", "", [(1, mapping.headings), (2, ("Ann", "上海", "VIP客户", 42, None))])
    [row] = candidate_rows(table, mapping, TODAY, ())
    assert row.notes == "地址: 上海\nVIP客户\ncolumn 4: 42"


def test_one_phone_under_two_names_refuses_every_row_with_it():
    rows = candidates(("张三", None, "13812345678"), ("李四", None, 13812345678.0),
                      ("王五", None, "13812345679"), ("张三", None, "+86 138 1234 5678"))
    assert [r.reasons for r in rows] == [[Reason.PHONE_SHARED], [Reason.PHONE_SHARED], [],
                                         [Reason.PHONE_SHARED, Reason.DUPLICATE_ROW]]
    assert rows[0].details == ["phone +8613812345678: also given to 李四 (row 4)"]
    assert rows[1].details == ["phone +8613812345678: also given to 张三 (row 3), 张三 (row 6)"]


def test_the_same_person_again_refuses_the_later_rows():
    rows = candidates(("张三", None, "13812345678"), ("张 三", None, "138-1234-5678"),
                      ("张三", None, None), ("张三", None, None), ("张三", None, 13812345678))
    assert [r.reasons for r in rows] == [[], [Reason.DUPLICATE_ROW], [], [],
                                         [Reason.DUPLICATE_ROW]]
    assert rows[1].details == ["张 三, phone +8613812345678: the same person as row 3"]


def test_one_member_number_on_two_people_refuses_both():
    rows = candidates(("张三", None, "13812345678", None, None, None, None, "A1"),
                      ("张三", None, "13812345678", None, None, None, None, "a1"),
                      ("李四", None, None, None, None, None, None, "A1"),
                      ("王五", None, None, None, None, None, None, "A2"))
    assert [r.reasons for r in rows] == [[Reason.MEMBER_NO_TAKEN], [Reason.DUPLICATE_ROW],
                                         [Reason.MEMBER_NO_TAKEN], []]
    assert rows[2].details == ["member number A1: also given to 张三 (row 3)"]


def test_a_nameless_row_does_not_share_a_phone():
    rows = candidates(("张三", None, "13812345678"), (None, "女", "13812345678"))
    assert [r.reasons for r in rows] == [[], [Reason.NAME_MISSING]]


# --- a file LibreOffice wrote -------------------------------------------------------------

L = Calendar.LUNAR
S = Calendar.SOLAR
NOTE = "很" * 1995
# (cells of the CSV row, what the row must become: field values, or the reasons)
SHEET: list[tuple[tuple[str, ...], dict[str, object] | list[Reason]]] = [
    (("张三", "男", "13812345678", "1990/5/3", "金卡", "¥1,234.50", "老客户", "A001", "花粉",
      "朋友介绍", "x1"),
     {"name": "张三", "gender": "male", "phone_e164": "+8613812345678",
      "birthday": Birthday(S, 5, 3, 1990), "tier": "金卡", "balance_fen": 123450,
      "notes": "老客户\n来源: 朋友介绍", "member_no": "A001", "allergies": "花粉"}),
    (("李四", "F", "8613812345679", "1990-05-03", "gold", "1234.5"),
     {"gender": "female", "phone_e164": "+8613812345679", "birthday": Birthday(S, 5, 3, 1990),
      "tier": "Gold", "balance_fen": 123450}),
    (("王五", "女士", "+86 138-1234-5680", "19900503", "", "1234"),
     {"gender": "female", "phone_e164": "+8613812345680", "birthday": Birthday(S, 5, 3, 1990),
      "tier": None, "balance_fen": 123400}),
    (("赵六", "male", "0086 13812345681", "1990年5月3日", "VIP", "1,234元"),
     {"gender": "male", "phone_e164": "+8613812345681", "birthday": Birthday(S, 5, 3, 1990),
      "tier": "VIP", "balance_fen": 123400}),
    (("钱七", "M", "１３８１２３４５６８２", "农历三月初八", "", "￥1234.5"),
     {"phone_e164": "+8613812345682", "birthday": Birthday(L, 3, 8), "balance_fen": 123450}),
    (("孙八", "先生", "138 1234 5683", "农历2020年闰四月十二", "", "0"),
     {"phone_e164": "+8613812345683", "birthday": Birthday(L, 4, 12, 2020, True),
      "balance_fen": 0}),
    (("周九", "女", "13812345684", "阴历3月8日", "", "1,234.5"),
     {"birthday": Birthday(L, 3, 8), "balance_fen": 123450}),
    (("吴十", "", "13812345685", "1990.5.3"), {"birthday": Birthday(S, 5, 3, 1990)}),
    (("",) * 11, {}),  # a blank row: skipped
    (("郑一", "", "13812345686", "农历腊月三十"), {"birthday": Birthday(L, 12, 30)}),
    (("", "女", "13812345687"), [Reason.NAME_MISSING]),
    (("张" * 41,), [Reason.NAME_INVALID]),
    (("冯二", "x", "1381234", "1991-02-29", "铂金卡", "-5"),
     [Reason.GENDER_INVALID, Reason.PHONE_INVALID, Reason.BIRTHDAY_INVALID,
      Reason.TIER_UNKNOWN, Reason.BALANCE_INVALID]),
    (("陈三", "", "13812345688", "农历1988年闰四月十二"), [Reason.BIRTHDAY_INVALID]),
    (("褚四", "", "13812345689", "农历1990年三月三十"), [Reason.BIRTHDAY_INVALID]),
    (("卫五", "", "13812345690", "2030-01-01"), [Reason.BIRTHDAY_INVALID]),
    (("蒋六", "", "13812345691", "", "", "1.234"), [Reason.BALANCE_INVALID]),
    (("沈七", "", "13812345692", "", "", "100000001"), [Reason.BALANCE_INVALID]),
    (("韩八", "", "13812345693", "", "", "", NOTE, "", "", "朋友介绍"), [Reason.TEXT_INVALID]),
    (("杨九", "", "13812345694", "", "", "", "", "M#001"), [Reason.MEMBER_NO_INVALID]),
    (("朱十", "", "13800000001"), [Reason.PHONE_SHARED]),
    (("秦一", "", "13800000001"), [Reason.PHONE_SHARED]),
    (("尤二", "", "13800000002"), {"phone_e164": "+8613800000002"}),
    (("尤二", "", "13800000002"), [Reason.DUPLICATE_ROW]),
    (("许三", "", "", "", "", "", "", "B7"), [Reason.MEMBER_NO_TAKEN]),
    (("何四", "", "", "", "", "", "", "b7"), [Reason.MEMBER_NO_TAKEN]),
]
FIRST_DATA_LINE = 3
EXPECTED = [(FIRST_DATA_LINE + n, want) for n, (_, want) in enumerate(SHEET) if want != {}]


@pytest.fixture(scope="session")
def libreoffice_sheet(tmp_path_factory: pytest.TempPathFactory) -> Table:
    """SHEET as a store's CSV (a title row, the headings, the rows), made an .xlsx by
    LibreOffice and read back with python-calamine."""
    folder = tmp_path_factory.mktemp("libreoffice")
    source = folder / "clients.csv"
    with source.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["客户名单 2026"])
        writer.writerow(HEADINGS)
        writer.writerows(cells + ("",) * (len(HEADINGS) - len(cells)) for cells, _ in SHEET)
    return Table("xlsx", "clients", calamine_rows(libreoffice_xlsx(source, folder)))


@pytest.fixture(scope="session")
def libreoffice_rows(libreoffice_sheet: Table) -> dict[int, CandidateRow]:
    return {row.line: row for row in candidate_rows(libreoffice_sheet, MAPPING, TODAY, TIERS)}


@needs_libreoffice
def test_libreoffice_wrote_numbers_and_dates(libreoffice_sheet: Table):
    """The point of the file: its cells are numbers and dates, not only text."""
    cells = dict(libreoffice_sheet.rows)
    assert cells[3][2] == 13812345678 and isinstance(cells[3][2], int)  # a phone as a number
    assert cells[3][3] == dt.date(1990, 5, 3)  # 1990/5/3 as a date cell
    assert isinstance(cells[4][5], float)  # 1234.5
    assert cells[5][3] == 19900503  # a birthday as a number
    assert cells[7][5] == 1234.5  # ￥1234.5 as an amount


@needs_libreoffice
def test_libreoffice_skips_the_blank_row(libreoffice_rows: dict[int, CandidateRow]):
    assert sorted(libreoffice_rows) == [line for line, _ in EXPECTED]


@needs_libreoffice
@pytest.mark.parametrize(("line", "want"), EXPECTED, ids=[str(line) for line, _ in EXPECTED])
def test_libreoffice_row(libreoffice_rows: dict[int, CandidateRow], line: int,
                         want: dict[str, object] | list[Reason]):
    row = libreoffice_rows[line]
    if isinstance(want, list):
        assert row.reasons == want
        assert len(row.details) == len(want)
    else:
        assert row.reasons == [], row.details
        assert {name: getattr(row, name) for name in want} == want


def test_the_sheet_covers_every_reason_a_row_can_have_on_its_own():
    """PHONE_TAKEN needs the database (the service's tests)."""
    covered = {r for _, want in SHEET if isinstance(want, list) for r in want}
    assert covered == set(Reason) - {Reason.PHONE_TAKEN}

