"""An .xlsx checked before python-calamine opens it, so a hostile file is refused, not run.

An .xlsx is a zip of XML parts. Before the reader sees it:

- the zip's declared sizes: the sum of the parts, each part's compression ratio, the number
  of parts (a zip bomb);
- every part is inflated here, by our own bounded loop, counting what comes out: a part
  that inflates to more than it declares is a zip bomb too;
- no part declares a DOCTYPE or an ENTITY (the "billion laughs"); workbook.xml is parsed
  with defusedxml;
- each part's row numbers and column letters are scanned (regular expressions over the
  bytes, no parsing), since the reader makes a sheet one dense block from its first to its
  last cell: a cell at row 1,048,576 or column XFD is refused before it costs memory.
"""

from __future__ import annotations

import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from frontdesk.core.jobs import check_cancelled
from frontdesk.services.imports.limits import (
    FileRefused,
    Limits,
    column_index,
    column_letters,
    megabytes,
)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
CHUNK = 1 << 20
RATIO_FLOOR = 1 << 20
"""A part smaller than this is harmless however well it compresses."""
HEADROOM = 1_000
"""Rows above and between the data a sheet may have: titles, the header, blank rows."""
WORKBOOK_PART = "xl/workbook.xml"
MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
SPACES = bytes.maketrans(b"\t\r\n", b"   ")
UTF16_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")


def refuse_entities(name: str) -> FileRefused:
    return FileRefused("{name} declares XML entities, which FrontDesk does not read.",
                       code="xml_entities", name=name)


def refuse_damaged(name: str) -> FileRefused:
    return FileRefused("{name} could not be read as an Excel workbook: it may be damaged.",
                       code="unreadable", name=name)


def check_xlsx(path: Path, name: str, limits: Limits,
               cancel: threading.Event | None = None) -> list[str]:
    """Refuse ``path`` (a zip) unless every check above passes; the workbook's sheet names."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            check_declared_sizes(infos, name, limits)
            if WORKBOOK_PART not in archive.NameToInfo:
                raise FileRefused("{name} is not an Excel workbook or a CSV file.",
                                  code="not_spreadsheet", name=name)
            with path.open("rb") as raw:
                for info in infos:
                    check_cancelled(cancel)
                    check_part(raw, info, name, limits)
            return sheet_names(archive, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
        raise refuse_damaged(name) from exc


def check_declared_sizes(infos: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    if len(infos) > limits.max_members:
        raise FileRefused("{name} holds more than {limit} parts (a zip bomb?).",
                          code="zip_bomb", name=name, limit=limits.max_members)
    total = sum(info.file_size for info in infos)
    bomb = any(info.file_size > RATIO_FLOOR
               and info.file_size > limits.max_ratio * max(info.compress_size, 1)
               for info in infos)
    if bomb or total > limits.max_unpacked_bytes:
        raise FileRefused("{name} would unpack to more than {limit} MB (a zip bomb?).",
                          code="zip_bomb", name=name,
                          limit=megabytes(limits.max_unpacked_bytes))


def check_part(raw: BinaryIO, info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    """One part: its true size, no DOCTYPE/ENTITY, the extent of the rows and cells it
    holds. Every part, whatever its name: the workbook's relationships, not the names,
    say which parts the reader takes for sheets."""
    extent = SheetExtent(name, limits)
    tail: bytes | None = None
    for chunk in inflate(raw, info, name):
        if tail is None and chunk:
            if chunk.startswith(UTF16_STARTS):
                raise refuse_damaged(name)  # Excel writes UTF-8; UTF-16 would hide a DOCTYPE
            tail = b""
        text = (tail or b"") + chunk
        if b"<!" in text and DECLARATION.search(text):
            raise refuse_entities(name)
        extent.scan(text, len(chunk))
        tail = chunk[-64:] if chunk else tail


def inflate(raw: BinaryIO, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The part's bytes, in chunks, inflated by a loop that stops as soon as they exceed
    the size the zip declares (zipfile would cut them there and say nothing)."""
    if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                          zipfile.ZIP_DEFLATED):
        raise refuse_damaged(name)  # encrypted, or packed in a way Excel never uses
    raw.seek(info.header_offset)
    header = raw.read(30)
    if len(header) < 30 or not header.startswith(ZIP_MAGIC):
        raise refuse_damaged(name)
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    raw.seek(info.header_offset + 30 + name_length + extra_length)
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    left, produced = info.compress_size, 0
    while left > 0:
        data = raw.read(min(CHUNK, left))
        if not data:
            raise refuse_damaged(name)
        left -= len(data)
        while data:
            if inflater is None:
                out, data = data, b""
            else:
                out = inflater.decompress(data, CHUNK)
                data = inflater.unconsumed_tail
            produced += len(out)
            if produced > info.file_size:
                raise FileRefused("{name} would unpack to more than it says (a zip bomb?).",
                                  code="zip_bomb", name=name)
            yield out


class SheetExtent:
    """A worksheet's last row and last column, scanned in its XML bytes."""

    def __init__(self, name: str, limits: Limits):
        self.name = name
        self.limits = limits
        self.max_row = limits.max_data_rows + HEADROOM
        self.rows = 0
        self.far_rows = far_numbers(self.max_row)
        self.wide_columns = re.compile(
            rb' r="([A-Z]{%d,})[0-9]' % len(column_letters(limits.max_columns)))

    def scan(self, text: bytes, new: int) -> None:
        """``text``: the last bytes scanned, then ``new`` bytes not scanned yet."""
        self.rows += text.count(b"<row", len(text) - new)
        text = text.translate(SPACES)  # r="…" is an attribute when a space comes before
        far = [int(number) for number in self.far_rows.findall(text)]
        if self.rows > self.max_row + 1 or any(number > self.max_row for number in far):
            raise FileRefused("{name} has more than {limit} rows.", code="too_many_rows",
                              name=self.name, limit=self.limits.max_data_rows)
        letters = set(self.wide_columns.findall(text))
        if letters and max(column_index(x.decode()) for x in letters) >= self.limits.max_columns:
            raise FileRefused("{name} has more than {limit} columns.", code="too_many_columns",
                              name=self.name, limit=self.limits.max_columns)


def far_numbers(limit: int) -> re.Pattern[bytes]:
    """A pattern of row numbers (of a row or a cell) that may be above ``limit``: as many
    digits and a first digit as high, or more digits (the rest is compared as numbers)."""
    digits = str(limit)
    return re.compile(rb' r="[A-Z]{0,3}([%s-9][0-9]{%d}|[1-9][0-9]{%d,})"'
                      % (digits[0].encode(), len(digits) - 1, len(digits)))


def is_encrypted_workbook(path: Path) -> bool:
    """True for an OLE2 file holding an encrypted .xlsx (Excel's "protect with a password"
    stores the workbook so, in an "EncryptedPackage" stream), not an old .xls."""
    with path.open("rb") as file:
        return "EncryptedPackage".encode("utf-16-le") in file.read()


def sheet_names(archive: zipfile.ZipFile, name: str) -> list[str]:
    """The sheets' names in workbook.xml, parsed by defusedxml (no DTD, no entities)."""
    try:
        root = fromstring(archive.read(WORKBOOK_PART), forbid_dtd=True)
    except DefusedXmlException as exc:
        raise refuse_entities(name) from exc
    except ParseError as exc:
        raise refuse_damaged(name) from exc
    return [sheet.get("name", "") for sheet in root.iter(f"{MAIN_NS}sheet")]
