"""Showing errors the way DESIGN.md orders them.

- DomainError: :func:`error_text` turns it into a translated sentence the
  screen shows inline, beside the field it names.
- StorageError: :func:`show_storage_error` opens a dialog saying what happened and
  what to do (the advice of :data:`frontdesk.errors.STORAGE_ADVICE`, translated),
  and lists the database's backups with their dates when restoring one is the fix.
- Anything else: :func:`install_excepthook` logs it (without personal data, see
  :mod:`frontdesk.logs`) and shows a crash dialog.
"""

from __future__ import annotations

import enum
import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from frontdesk.errors import (
    RESTORE_FROM_BACKUP,
    STORAGE_ADVICE,
    DomainError,
    StorageError,
    StorageProblem,
    param_word,
)
from frontdesk.logs import log_to_file, log_unexpected
from frontdesk.ui.dates import datetime_text

log = logging.getLogger("frontdesk")
BACKUPS_LISTED = 8
"""How many backups the storage dialog lists (newest first)."""


def error_text(exc: DomainError) -> str:
    """The error's message in the UI language, its ``{fields}`` filled in; a role, an action or
    a state among them in words of the UI language ("已到店", not "arrived")."""
    template = QCoreApplication.translate("DomainError", exc.template)
    params = {key: _param_text(value) for key, value in exc.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return exc.message


def _param_text(value: object) -> object:
    if isinstance(value, enum.Enum):
        return QCoreApplication.translate("DomainParam", param_word(value))
    if isinstance(value, str):
        return QCoreApplication.translate("DomainParam", value)
    return value


def storage_advice(problem: StorageProblem) -> str:
    """What happened and what to do, in the UI language."""
    return QCoreApplication.translate("DomainError", STORAGE_ADVICE[problem])


def backups_text(database: Path) -> str:
    """The database's backups, newest first, with their dates and sizes (or that there are
    none), and how to restore one."""
    from frontdesk.storage.state import all_backups

    found = all_backups(database)
    if not found:
        return QCoreApplication.translate(
            "Errors", "No backups of {file} were found.").format(file=database)
    lines = [QCoreApplication.translate(
        "Errors", "Backups of {file}, newest first. Close FrontDesk, then restore one with: "
        "frontdesk restore FILE").format(file=database)]
    for backup in found[:BACKUPS_LISTED]:
        size = f"{backup.size / 1_000_000:.1f} MB"
        lines.append(f"{datetime_text(backup.taken_at)}  ({size})  {backup.path}")
    return "\n".join(lines)


def show_storage_error(parent: QWidget | None, exc: StorageError) -> None:
    title = QCoreApplication.translate("Errors", "The database cannot be used right now")
    advice = storage_advice(exc.problem)
    if exc.problem is StorageProblem.UNREACHABLE and not exc.rolled_back:
        advice += "\n\n" + QCoreApplication.translate(
            "Errors", "The connection was lost while saving, so the change may have been "
            "saved or not: look again before you make it once more.")
    box = QMessageBox(QMessageBox.Icon.Warning, title, advice,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("storageErrorDialog")
    if exc.problem in RESTORE_FROM_BACKUP and exc.path:
        box.setInformativeText(backups_text(Path(exc.path)))
    box.setDetailedText(exc.detail)
    box.exec()


def setup_logging(log_file: Path) -> None:
    log_to_file(log_file)


def install_excepthook(log_file: Path) -> None:
    """Log unexpected exceptions and show a crash dialog instead of dying silently."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, StorageError):
            show_storage_error(QApplication.activeWindow(), exc)
            return
        log_unexpected(log, kind, exc, tb)
        if QApplication.instance() is not None:
            show_crash_dialog(log_file)

    sys.excepthook = hook


def show_crash_dialog(log_file: Path) -> None:
    title = QCoreApplication.translate("Errors", "FrontDesk hit an unexpected problem")
    text = QCoreApplication.translate(
        "Errors",
        "Something went wrong inside FrontDesk. What you were doing was not "
        "half-saved: the change was undone. The details are in {path}; please "
        "send that file to support.").format(path=log_file)
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      QApplication.activeWindow())
    box.setObjectName("crashDialog")
    box.exec()
