"""Reading an import's file: .xlsx written by openpyxl and by LibreOffice, CSV in UTF-8
(with and without a BOM) and GBK, comma / tab / semicolon separated."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from frontdesk.core.jobs import Cancelled
from frontdesk.services.imports.reading import Table, is_all_data_workbook, read_table
from tests.spreadsheet_files import (
    inline_row,
    libreoffice_xlsx,
    soffice,
    write_minimal_xlsx,
    write_openpyxl,
)

TITLED = [
    ["2024年会员名单"],
    [],
    ["姓名", "性别", "手机", "生日", "余额"],
    ["  张三 ", "女", 13812345678, dt.date(1990, 5, 3), 1234.5],
    [None, None, None, None, None],
    ["李四", "男", "138 1234 5679", "1990年5月3日", "¥1,234.50"],
]

LO_ROWS = 3000


@pytest.fixture(scope="session")
def libreoffice_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One LibreOffice conversion for many rows: a title row, a blank row, a header,
    then LO_ROWS clients."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install -y"
                    " --no-install-recommends libreoffice-calc-nogui")
    folder = tmp_path_factory.mktemp("libreoffice")
    lines = ["会员名单,,,,", ",,,,", "姓名,手机,生日,余额,备注"]
    lines += [f"客户{i}, 1381234{i:04d} ,1990-05-03,{i}.5,=1+1" for i in range(LO_ROWS)]
    source = folder / "clients.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return libreoffice_xlsx(source, folder)


def test_openpyxl_book_keeps_row_numbers_and_cleans_cells(tmp_path: Path) -> None:
    table = read_table(write_openpyxl(tmp_path / "clients.xlsx", TITLED, title="客户"))

    assert (table.kind, table.sheet) == ("xlsx", "客户")
    assert [number for number, _ in table.rows] == [1, 3, 4, 6]
    assert table.rows[2][1] == ("张三", "女", 13812345678, dt.date(1990, 5, 3), 1234.5)
    assert table.rows[3][1] == ("李四", "男", "138 1234 5679", "1990年5月3日", "¥1,234.50")
    assert type(table.rows[2][1][2]) is int


def test_libreoffice_book(libreoffice_book: Path) -> None:
    table = read_table(libreoffice_book)

    assert table.kind == "xlsx"
    assert table.rows[0] == (1, ("会员名单", None, None, None, None))
    assert table.rows[1] == (3, ("姓名", "手机", "生日", "余额", "备注"))
    assert len(table.rows) == 2 + LO_ROWS
    number, cells = table.rows[-1]
    assert number == 3 + LO_ROWS
    assert cells[0] == f"客户{LO_ROWS - 1}"
    assert cells[1] == 13812340000 + LO_ROWS - 1 and type(cells[1]) is int
    assert cells[2] == dt.date(1990, 5, 3)
    assert cells[3] == LO_ROWS - 1 + 0.5
    assert cells[4] == 2  # a formula: the value LibreOffice stored, never evaluated here


def test_a_formula_gives_its_stored_value_never_run(tmp_path: Path) -> None:
    path = write_openpyxl(tmp_path / "f.xlsx", [["姓名", "备注"], ["王五", "=1+1"]])

    # openpyxl stores no value for a formula: nothing is read, and nothing is computed
    assert read_table(path).rows[1][1] == ("王五", None)


@pytest.mark.parametrize(("encoding", "prefix", "expected"), [
    ("utf-8", b"", "utf-8"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("gbk", b"", "gb18030"),
])
def test_csv_encodings(tmp_path: Path, encoding: str, prefix: bytes, expected: str) -> None:
    path = tmp_path / "clients.csv"
    text = "会员名单\n\n姓名,手机,备注\n 张三 ,13812345678,\n李四,,喜欢玫瑰精油\n"
    path.write_bytes(prefix + text.encode(encoding))

    table = read_table(path)

    assert table == Table("csv", "", [
        (1, ("会员名单",)),
        (3, ("姓名", "手机", "备注")),
        (4, ("张三", "13812345678", None)),
        (5, ("李四", None, "喜欢玫瑰精油")),
    ], encoding=expected)


@pytest.mark.parametrize("delimiter", ["\t", ";", ","])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "clients.csv"
    rows = [["姓名", "手机", "备注"], ["张三", "13812345678", "a, b; c"]]
    path.write_text("\n".join(delimiter.join(f'"{c}"' for c in row) for row in rows),
                    encoding="utf-8")

    assert [cells for _, cells in read_table(path).rows] == [tuple(row) for row in rows]


def test_cancel_stops_the_read(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("姓名,手机\n" + "".join(f"客户{i},1381234{i:04d}\n" for i in range(9000)),
                    encoding="utf-8")
    cancel = threading.Event()
    cancel.set()

    with pytest.raises(Cancelled):
        read_table(path, cancel=cancel)


def test_progress_is_reported(tmp_path: Path) -> None:
    rows = [["姓名", "手机"]] + [[f"客户{i}", 13812340000 + i] for i in range(5000)]
    path = write_openpyxl(tmp_path / "many.xlsx", rows)
    seen: list[tuple[str, int, int]] = []

    read_table(path, progress=lambda stage, done, total: seen.append((stage, done, total)))

    assert seen[-1] == ("read", 5001, 5001)
    assert any(done < total for _, done, total in seen)


def test_data_starting_in_column_c_keeps_its_columns(tmp_path: Path) -> None:
    path = write_openpyxl(tmp_path / "c.xlsx", [[None, None, "姓名", "手机"],
                                                [None, None, "张三", 13812345678]])

    assert read_table(path).rows[1] == (2, (None, None, "张三", 13812345678))


def test_all_data_workbook_is_recognised(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.create_sheet("_frontdesk")
    book.save(tmp_path / "all.xlsx")

    assert is_all_data_workbook(tmp_path / "all.xlsx")
    assert not is_all_data_workbook(write_openpyxl(tmp_path / "c.xlsx", TITLED))
    (tmp_path / "x.csv").write_text("姓名\n", encoding="utf-8")
    assert not is_all_data_workbook(tmp_path / "x.csv")


def test_a_visible_sheet_is_read_before_a_hidden_one(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    lookup = book.active
    assert lookup is not None
    lookup.title = "等级表"
    lookup.append(["金卡", "银卡"])
    lookup.sheet_state = "hidden"
    book.create_sheet("客户").append(["姓名", "手机"])
    book.save(tmp_path / "two.xlsx")

    assert read_table(tmp_path / "two.xlsx").sheet == "客户"


def test_a_sheet_stored_under_another_name_is_read(tmp_path: Path) -> None:
    rows = [inline_row(1, [("A1", "姓名"), ("B1", "手机")]),
            '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c>'
            '<c r="B2"><v>13812345678</v></c></row>']
    path = write_minimal_xlsx(tmp_path / "odd.xlsx", rows, sheet_part="xl/data/clients.bin")

    assert read_table(path).rows == [(1, ("姓名", "手机")), (2, ("张三", 13812345678))]
