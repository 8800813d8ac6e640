"""The batch export: the chosen tasks' messages as a file for an SMS gateway.

One row per recipient (phone, name, message): a task for one client is one row, a batch
message one row per client it goes to now. Clients without marketing consent get no
marketing message: they are left out and counted (``left_out``), as are clients without
a phone. The file holds full phone numbers, so it holds only those the actor may see: a
client manager's holds the clients of their own book, the others are counted
(``withheld``). CSV (UTF-8 with a BOM, so Excel reads the Chinese) or XLSX (openpyxl, imported
here when a workbook is written: the sign-in does not wait for it), by the file's suffix.

A cell that starts with ``= + - @`` (or a tab or carriage return) is written with a
leading apostrophe, so a spreadsheet shows it instead of running it as a formula
(:func:`frontdesk.services.spreadsheet.safe_cell`).
Mainland numbers are written as their 11 digits. The file is written beside its place
and moved there when whole: a reader never sees half a file.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import ValidationError
from frontdesk.models import Client, Gender, Staff
from frontdesk.models.care import CareTask, ClientBook
from frontdesk.services.care.actions import check_may_work, task_of
from frontdesk.services.care.due import OPEN_STATES, detail_of, sees_full_phone
from frontdesk.services.care.suggest import (
    Wording,
    excluded_count,
    message_for,
    recipient_count,
    recipients_statement,
)
from frontdesk.services.care.views import is_batch
from frontdesk.services.spreadsheet import replace_whole, safe_cell

SUFFIXES = (".csv", ".xlsx")
HEADERS = {"zh_CN": ("手机号", "姓名", "短信内容"), "en": ("Phone", "Name", "Message")}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    """Messages written (one per recipient)."""
    left_out: int
    """Recipients left out: no marketing consent, or no phone."""
    tasks: int
    """Tasks exported (closed ones are not)."""
    withheld: int = 0
    """Recipients left out because the actor may not see their phone numbers (a client
    manager exports the clients of their own book only)."""


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
    withheld: int
    tasks: int


def export_rows(s: Session, actor: Actor, task_ids: Sequence[int],
                words: Wording) -> ExportRows:
    """The rows of the file (see the module docstring), read in the caller's transaction."""
    rows: list[tuple[str, str, str]] = []
    left_out = withheld = exported = 0
    for task_id in sorted(set(task_ids)):
        task = task_of(s, actor, task_id, "task_ids")
        check_may_work(s, actor, task)
        if task.status not in OPEN_STATES:
            continue
        exported += 1
        detail = detail_of(task.detail)
        recipients, missed, hidden = _recipients(s, actor, task, detail)
        staff = _staff_name(s, task) or words.actor_name
        rows += [(gateway_phone(phone or ""), name,
                  message_for(task, detail, words, name=name, gender=gender, staff=staff))
                 for _id, name, gender, phone in recipients]
        left_out, withheld = left_out + missed, withheld + hidden
    return ExportRows(tuple(rows), left_out, withheld, exported)


def write_export(path: Path, language: str, export: ExportRows) -> ExportResult:
    """Write the file, every cell safe, and say what went into it."""
    header = HEADERS.get(language, HEADERS["en"])
    write_atomically(path, [header, *[tuple(safe_cell(c) for c in r) for r in export.rows]])
    return ExportResult(path, len(export.rows), export.left_out, export.tasks, export.withheld)


_Recipient = tuple[int, str, Gender, str | None]


def _recipients(s: Session, actor: Actor, task: CareTask, detail: Mapping[str, int | str]
                ) -> tuple[list[_Recipient], int, int]:
    """Who the task's message goes to, how many were left out (consent, no phone) and how
    many withheld (the actor may not see their phone numbers)."""
    full = allowed(actor, Action.SEE_FULL_PHONE)
    if task.client_id is None and not is_batch(task):
        return [], 0, 0  # a complaint's deadline with no client: nobody to message
    if task.client_id is None:
        statement = recipients_statement(task.branch_id, detail)
        if not full:
            statement = statement.where(Client.id.in_(select(ClientBook.client_id).where(
                ClientBook.staff_id == actor.staff_id)))
        found: list[_Recipient] = [(i, n, g, p) for i, n, g, p in s.execute(statement)]
        hidden = 0 if full else recipient_count(s, task.branch_id, detail) - len(found)
        return found, excluded_count(s, task.branch_id, detail), hidden
    client = s.get(Client, task.client_id)
    if client is None or client.anonymised_at is not None or not client.phone_e164 or \
            (task.marketing and not client.consent_marketing):
        return [], 1, 0
    book = s.scalar(select(ClientBook.staff_id).where(ClientBook.client_id == client.id))
    if not sees_full_phone(actor, book):
        return [], 0, 1
    return [(client.id, client.name, client.gender, client.phone_e164)], 0, 0


def _staff_name(s: Session, task: CareTask) -> str:
    if task.assigned_to_id is None:
        return ""
    return s.scalar(select(Staff.display_name).where(Staff.id == task.assigned_to_id)) or ""


def write_atomically(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """Write ``rows`` to a temporary file beside ``path``, then move it into place."""

    def write(tmp: Path) -> None:
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(tmp, rows)
        else:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as out:
                csv.writer(out).writerows(rows)

    replace_whole(path, write)


def _write_xlsx(path: Path, rows: Sequence[Sequence[str]]) -> None:
    from openpyxl import Workbook  # imported here: see the module docstring

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(list(row))
    book.save(path)
