"""The checks an "all my data" workbook passes before it is read (a hostile file refused).

A store's whole history is far bigger than a client list, so its limits are its own:
the file's size, the sum of its zip members' uncompressed sizes, each big member's
compression ratio (a zip bomb), and no XML part declaring a DOCTYPE or entities (an
entity bomb; calamine does not expand them, but nothing needs them either).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from frontdesk.errors import ValidationError


@dataclass(frozen=True)
class RestoreLimits:
    max_file_bytes: int = 4 * 2**30
    max_unpacked_bytes: int = 64 * 2**30
    max_ratio: int = 200
    ratio_from_bytes: int = 2**20
    """Members smaller than this are not held to the ratio (a near-empty sheet packs well)."""


RESTORE_LIMITS = RestoreLimits()
_PROLOGUE_BYTES = 4096


class WorkbookRefused(ValidationError):
    """The file is not read; ``code`` says why (as the import's FileRefused codes do)."""

    def __init__(self, template: str, code: str, **params: object) -> None:
        super().__init__(template, field="file", **params)
        self.code = code


def check_workbook_file(path: Path, limits: RestoreLimits = RESTORE_LIMITS) -> None:
    """Refuse ``path`` unless it is an .xlsx zip within ``limits`` (see the module docstring)."""
    name = path.name
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise WorkbookRefused("{name} is larger than {limit} MB.", "too_large", name=name,
                              limit=limits.max_file_bytes // 2**20)
    if not zipfile.is_zipfile(path):
        raise WorkbookRefused("{name} is not an Excel workbook or a CSV file.",
                              "not_spreadsheet", name=name)
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if sum(m.file_size for m in members) > limits.max_unpacked_bytes:
            raise _zip_bomb(name, limits)
        for member in members:
            if member.file_size >= limits.ratio_from_bytes and \
                    member.file_size > limits.max_ratio * max(member.compress_size, 1):
                raise _zip_bomb(name, limits)
            if member.filename.endswith((".xml", ".rels")):
                _check_prologue(archive, member, name)


def _zip_bomb(name: str, limits: RestoreLimits) -> WorkbookRefused:
    return WorkbookRefused("{name} would unpack to more than {limit} MB (a zip bomb?).",
                           "zip_bomb", name=name, limit=limits.max_unpacked_bytes // 2**20)


def _check_prologue(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    with archive.open(member) as part:
        start = part.read(_PROLOGUE_BYTES).upper()
    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
        raise WorkbookRefused("{name} declares XML entities, which FrontDesk does not read.",
                              "xml_entities", name=name)
