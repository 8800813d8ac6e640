"""Spreadsheet files for the import's tests: written by openpyxl, by LibreOffice, and by hand
(a minimal .xlsx whose sheet XML is streamed, for the hostile files an application would
never write)."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
CONTENT_TYPES = (
    f'{XML}<Types xmlns="{PACKAGE}/content-types">'
    '<Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPE}.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
WORKBOOK = (
    f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
    '</Relationships>')
SHEET_START = f'{XML}<worksheet xmlns="{MAIN}"><sheetData>'
SHEET_END = "</sheetData></worksheet>"
SHARED_TYPE = (f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPE}'
               '.sharedStrings+xml"/>')
SHARED_REL = (f'<Relationship Id="rId2" Type="{OFFICE}/sharedStrings"'
              ' Target="sharedStrings.xml"/>')


def write_openpyxl(path: Path, rows: Iterable[Sequence[object]], title: str = "Sheet1") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def write_minimal_xlsx(path: Path, sheet_xml_pieces: Iterable[str], name: str = "Sheet1",
                       shared_strings: str | None = None,
                       sheet_part: str = "xl/worksheets/sheet1.xml") -> Path:
    """An .xlsx with one sheet whose <sheetData> is the pieces, streamed into the zip, and
    ``shared_strings`` (the whole XML of xl/sharedStrings.xml) when given; the sheet is
    stored as ``sheet_part`` (a hostile file may give it any name)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        target = sheet_part.removeprefix("xl/")
        types = CONTENT_TYPES.replace("/xl/worksheets/sheet1.xml", "/" + sheet_part)
        rels = WORKBOOK_RELS.replace("worksheets/sheet1.xml", target)
        if shared_strings is not None:
            types = types.replace("</Types>", SHARED_TYPE + "</Types>")
            rels = rels.replace("</Relationships>", SHARED_REL + "</Relationships>")
            archive.writestr("xl/sharedStrings.xml", shared_strings)
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.format(name=name))
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        with archive.open(sheet_part, "w") as sheet:
            sheet.write(SHEET_START.encode())
            buffer: list[str] = []
            for piece in sheet_xml_pieces:
                buffer.append(piece)
                if len(buffer) >= 10_000:
                    sheet.write("".join(buffer).encode())
                    buffer.clear()
            sheet.write(("".join(buffer) + SHEET_END).encode())
    return path


def inline_row(number: int, cells: Sequence[tuple[str, str]]) -> str:
    """A <row> of inline-text cells: ``cells`` are (reference, text)."""
    inner = "".join(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
                    for ref, text in cells)
    return f'<row r="{number}">{inner}</row>'


def replace_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    """A copy of the zip ``source`` with ``member``'s content replaced by ``data``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, data if info.filename == member
                         else old.read(info.filename))
    return target


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_xlsx(csv_path: Path, out_dir: Path) -> Path:
    """``csv_path`` (UTF-8, comma-separated) converted to .xlsx by LibreOffice, with its own
    profile so parallel runs do not clash."""
    program = soffice()
    assert program is not None
    profile = out_dir / f"lo-profile-{os.getpid()}"
    subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir",
                    str(out_dir), str(csv_path)],
                   check=True, capture_output=True, timeout=180)
    result = out_dir / (csv_path.stem + ".xlsx")
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result
