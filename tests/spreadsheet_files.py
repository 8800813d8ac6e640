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

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '</Relationships>')
SHEET_START = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<sheetData>')
SHEET_END = "</sheetData></worksheet>"


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
                       prologue: str = "") -> Path:
    """An .xlsx with one sheet whose <sheetData> is the pieces, streamed into the zip;
    ``prologue`` goes between the sheet's XML declaration and its root (a DOCTYPE)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.format(name=name))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            start = SHEET_START if not prologue else SHEET_START.replace(
                "\n<worksheet", "\n" + prologue + "<worksheet")
            sheet.write(start.encode())
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
