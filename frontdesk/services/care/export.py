"""The batch export: the chosen tasks' messages as a file for an SMS gateway.

One row per recipient (phone, name, message): a task for one client is one row, a batch
message one row per client it goes to now. Clients without marketing consent get no
marketing message: they are left out and counted (``left_out``), as are clients without
a phone. CSV (UTF-8 with a BOM, so Excel reads the Chinese) or XLSX (openpyxl, imported
here when a workbook is written: the sign-in does not wait for it), by the file's suffix.

A cell that starts with ``= + - @`` (or a tab or carriage return) is written with a
leading apostrophe, so a spreadsheet shows it instead of running it as a formula.
Mainland numbers are written as their 11 digits. The file is written beside its place
and moved there when whole: a reader never sees half a file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.errors import ValidationError
from frontdesk.models import Client, Gender, Staff
from frontdesk.models.care import CareTask
from frontdesk.services.care.actions import check_may_work, task_of
from frontdesk.services.care.due import OPEN_STATES, detail_of
from frontdesk.services.care.suggest import (
    Wording,
    excluded_count,
    message_for,
    recipients_statement,
)

SUFFIXES = (".csv", ".xlsx")
HEADERS = {"zh_CN": ("手机号", "姓名", "短信内容"), "en": ("Phone", "Name", "Message")}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    """Messages written (one per recipient)."""
    left_out: int
    """Recipients left out: no marketing consent, or no phone."""
    tasks: int
    """Tasks exported (closed ones are not)."""


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def gateway_phone(e164: str) -> str:
    return e164[3:] if e164.startswith("+86") else e164


def check_path(path: Path) -> Path:
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError("Export to a .csv or an .xlsx file.", field="path")
    return path


@dataclass(frozen=True)
class ExportRows:
    rows: tuple[tuple[str, str, str], ...]
    left_out: int
    tasks: int


def export_rows(s: Session, actor: Actor, task_ids: Sequence[int],
                words: Wording) -> ExportRows:
    """The rows of the file (see the module docstring), read in the caller's transaction."""
    rows: list[tuple[str, str, str]] = []
    left_out = exported = 0
    for task_id in sorted(set(task_ids)):
        task = task_of(s, actor, task_id, "task_ids")
        check_may_work(s, actor, task)
        if task.status not in OPEN_STATES:
            continue
        exported += 1
        got, missed = _task_rows(s, task, words)
        rows += got
        left_out += missed
    return ExportRows(tuple(rows), left_out, exported)


def write_export(path: Path, language: str, export: ExportRows) -> ExportResult:
    """Write the file, every cell safe, and say what went into it."""
    header = HEADERS.get(language, HEADERS["en"])
    write_atomically(path, [header, *[tuple(safe_cell(c) for c in r) for r in export.rows]])
    return ExportResult(path, len(export.rows), export.left_out, export.tasks)


def _task_rows(s: Session, task: CareTask,
               words: Wording) -> tuple[list[tuple[str, str, str]], int]:
    detail = detail_of(task.detail)
    if task.client_id is None:
        recipients: list[tuple[int, str, Gender, str | None]] = [
            (i, n, g, p) for i, n, g, p in s.execute(recipients_statement(task.branch_id,
                                                                          detail))]
        missed = excluded_count(s, task.branch_id, detail)
    else:
        client = s.get(Client, task.client_id)
        ok = client is not None and client.anonymised_at is None and \
            (client.consent_marketing or not task.marketing) and bool(client.phone_e164)
        recipients = [(client.id, client.name, client.gender, client.phone_e164)] \
            if ok and client is not None else []
        missed = 0 if ok else 1
    staff = _staff_name(s, task) or words.actor_name
    rows = [(gateway_phone(phone or ""), name,
             message_for(task, detail, words, name=name, gender=gender, staff=staff))
            for _id, name, gender, phone in recipients]
    return rows, missed


def _staff_name(s: Session, task: CareTask) -> str:
    if task.assigned_to_id is None:
        return ""
    return s.scalar(select(Staff.display_name).where(Staff.id == task.assigned_to_id)) or ""


def write_atomically(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """Write ``rows`` to a temporary file beside ``path``, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(Path(tmp), rows)
        else:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as out:
                csv.writer(out).writerows(rows)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_xlsx(path: Path, rows: Sequence[Sequence[str]]) -> None:
    from openpyxl import Workbook  # imported here: see the module docstring

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(list(row))
    book.save(path)
