"""Hostile files an import refuses, each with its code and a message naming the file and
the limit: a zip bomb, an XML entity bomb, 1,048,576 rows, a 32,767-character cell, a
renamed picture or text, an old .xls, and what is too big or empty."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.services.imports.limits import LIMITS, FileRefused, Limits
from frontdesk.services.imports.reading import read_table
from tests.spreadsheet_files import (
    inline_row,
    replace_member,
    write_minimal_xlsx,
    write_openpyxl,
)

EXCEL_ROWS = 1_048_576
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";" if i > 1 else "&lol;") * 10}">'
                    for i in range(1, 10))
          + ']>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
          ' count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


def refusal(path: Path, limits: Limits = LIMITS) -> FileRefused:
    with pytest.raises(FileRefused) as refused:
        read_table(path, limits)
    return refused.value


def clients(tmp_path: Path, name: str = "clients.xlsx") -> Path:
    return write_openpyxl(tmp_path / name, [["姓名", "手机"], ["张三", 13812345678],
                                            ["李四", "13812345679"]])


def test_a_zip_bomb_is_refused_by_its_declared_sizes(tmp_path: Path) -> None:
    path = clients(tmp_path, "bomb.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/media/zeros.bin", "w", force_zip64=True) as member:
        zeros = bytes(2**20)
        for _ in range(200):  # 200 MB of zeros, about 200 KB packed
            member.write(zeros)
    assert path.stat().st_size < 2**20

    refused = refusal(path)

    assert refused.code == "zip_bomb"
    assert refused.params == {"name": "bomb.xlsx", "limit": 400}


def test_a_part_that_inflates_to_more_than_it_declares_is_refused(tmp_path: Path) -> None:
    path = write_minimal_xlsx(tmp_path / "liar.xlsx",
                              (inline_row(n, [(f"A{n}", "张三")]) for n in range(1, 20_000)))
    declare_size(path, "xl/worksheets/sheet1.xml", 1000)

    refused = refusal(path)

    assert refused.code == "zip_bomb"
    assert refused.params == {"name": "liar.xlsx"}


def declare_size(path: Path, member: str, size: int) -> None:
    """Write ``size`` as ``member``'s uncompressed size, in its local and central headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    with zipfile.ZipFile(path) as archive:
        offset = archive.getinfo(member).header_offset
    assert archive.getinfo(member).file_size < 2**32  # no zip64 sizes in the way
    data[offset + 22:offset + 26] = struct.pack("<I", size)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack("<H", data[central + 28:central + 30])[0]
        if data[central + 46:central + 46 + name_length] == name:
            data[central + 24:central + 28] = struct.pack("<I", size)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_an_entity_bomb_in_the_shared_strings_is_refused(tmp_path: Path) -> None:
    path = write_minimal_xlsx(tmp_path / "laughs.xlsx", [
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'], shared_strings=LAUGHS)

    refused = refusal(path)

    assert refused.code == "xml_entities"
    assert refused.message == "laughs.xlsx declares XML entities, which FrontDesk does not read."


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml",
                                    "[Content_Types].xml"])
def test_an_xml_entity_bomb_is_refused(tmp_path: Path, member: str) -> None:
    source = clients(tmp_path)
    path = replace_member(source, tmp_path / "laughs.xlsx", member, LAUGHS.encode())

    refused = refusal(path)

    assert refused.code == "xml_entities"
    assert refused.message == "laughs.xlsx declares XML entities, which FrontDesk does not read."


def excel_rows(count: int) -> Iterator[str]:
    yield inline_row(1, [("A1", "姓名"), ("B1", "手机")])
    for n in range(2, count + 1):
        yield f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>'


def test_a_sheet_of_1048576_rows_is_refused(tmp_path: Path) -> None:
    path = write_minimal_xlsx(tmp_path / "full.xlsx", excel_rows(EXCEL_ROWS))

    refused = refusal(path)

    assert refused.code == "too_many_rows"
    assert refused.params == {"name": "full.xlsx", "limit": 200_000}


def test_a_cell_at_the_last_row_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = write_minimal_xlsx(tmp_path / "far.xlsx", [
        inline_row(1, [("A1", "姓名")]), inline_row(EXCEL_ROWS, [(f"L{EXCEL_ROWS}", "x")])])

    assert refusal(path).code == "too_many_rows"


def test_a_sheet_stored_under_another_name_is_checked_too(tmp_path: Path) -> None:
    rows = [inline_row(1, [("A1", "姓名")]), inline_row(EXCEL_ROWS, [(f"L{EXCEL_ROWS}", "x")])]
    path = write_minimal_xlsx(tmp_path / "hidden.xlsx", rows, sheet_part="xl/media/logo.png")

    assert refusal(path).code == "too_many_rows"


def test_a_cell_in_the_last_column_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = write_minimal_xlsx(tmp_path / "wide.xlsx", [
        inline_row(1, [("A1", "姓名"), ("XFD1", "x")])])

    refused = refusal(path)

    assert refused.code == "too_many_columns"
    assert refused.params == {"name": "wide.xlsx", "limit": 100}


def test_a_csv_of_1048576_rows_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "full.csv"
    with path.open("w", encoding="utf-8") as file:
        file.write("姓名,手机\n")
        file.writelines(f"客户{n},{n}\n" for n in range(2, EXCEL_ROWS + 1))

    refused = refusal(path)

    assert refused.code == "too_many_rows"
    assert refused.params == {"name": "full.csv", "limit": 200_000}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_32767_character_cell_is_refused(tmp_path: Path, suffix: str) -> None:
    rows = [["会员名单"], ["姓名", "手机", "备注"], ["张三", "13812345678", "长" * 32_767]]
    if suffix == ".xlsx":
        path = write_openpyxl(tmp_path / "long.xlsx", rows)
    else:
        path = tmp_path / "long.csv"
        path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8")

    refused = refusal(path)

    assert refused.code == "cell_too_long"
    assert refused.params == {"line": 3, "column": "C", "length": 32_767, "limit": 2_000}
    assert refused.message == "Row 3, column C: a cell of 32767 characters (at most 2000)."


@pytest.mark.parametrize(("name", "content"), [
    ("photo.xlsx", PNG), ("notes.xlsx", "姓名,手机\n张三,1\n".encode()),
    ("photo.png", PNG), ("photo.csv", PNG)])
def test_a_renamed_file_is_refused(tmp_path: Path, name: str, content: bytes) -> None:
    (tmp_path / name).write_bytes(content)

    refused = refusal(tmp_path / name)

    assert refused.code == "not_spreadsheet"
    assert refused.message == f"{name} is not an Excel workbook or a CSV file."


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "photos.xlsx", "w") as archive:
        archive.writestr("photo.png", PNG)

    assert refusal(tmp_path / "photos.xlsx").code == "not_spreadsheet"


@pytest.mark.parametrize("name", ["old.xls", "old.xlsx"])
def test_an_old_xls_is_refused_with_how_to_convert_it(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    refused = refusal(tmp_path / name)

    assert refused.code == "old_xls"
    assert "save it as .xlsx" in refused.message
    assert "soffice --headless --convert-to xlsx" in refused.message


def test_a_workbook_with_a_password_is_not_called_an_old_xls(tmp_path: Path) -> None:
    directory = "EncryptedPackage".encode("utf-16-le") + bytes(32)
    (tmp_path / "locked.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                                           + directory)

    refused = refusal(tmp_path / "locked.xlsx")

    assert refused.code == "encrypted"
    assert refused.message.startswith("locked.xlsx is protected by a password.")


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    (tmp_path / "big.xlsx").write_bytes(bytes(3 * 2**20))  # not even a zip

    refused = refusal(tmp_path / "big.xlsx", Limits(max_file_bytes=2 * 2**20))

    assert refused.code == "too_large"
    assert refused.message == "big.xlsx is larger than 2 MB."


def test_too_many_columns_in_a_csv(tmp_path: Path) -> None:
    (tmp_path / "wide.csv").write_text(",".join(["姓名"] + ["x"] * 100), encoding="utf-8")

    assert refusal(tmp_path / "wide.csv").code == "too_many_columns"


@pytest.mark.parametrize("content", [b"", b"\n,,\n \n"])
def test_an_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "empty.csv").write_bytes(content)

    refused = refusal(tmp_path / "empty.csv")

    assert refused.code == "empty"
    assert refused.params == {"name": "empty.csv"}


def test_a_damaged_workbook_is_refused(tmp_path: Path) -> None:
    data = clients(tmp_path).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[:len(data) // 2])

    assert refusal(tmp_path / "cut.xlsx").code == "unreadable"
