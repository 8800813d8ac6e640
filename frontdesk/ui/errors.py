"""Showing errors the way DESIGN.md orders them.

- DomainError: :func:`error_text` turns it into a translated sentence the
  screen shows inline, beside the field it names.
- StorageError: :func:`show_storage_error` opens a dialog saying what to do.
- Anything else: :func:`install_excepthook` logs it and shows a crash dialog.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from frontdesk.errors import DomainError, StorageError, StorageProblem

log = logging.getLogger("frontdesk")


def error_text(exc: DomainError) -> str:
    """The error's message in the UI language, its ``{fields}`` filled in."""
    template = QCoreApplication.translate("DomainError", exc.template)
    params = {key: QCoreApplication.translate("DomainParam", value) if isinstance(value, str)
              else value for key, value in exc.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return exc.message


def storage_advice(problem: StorageProblem) -> str:
    advice = {
        StorageProblem.LOCKED: QCoreApplication.translate(
            "Errors",
            "Another terminal is busy writing to the database. Wait a moment and try again. "
            "If this keeps happening, close FrontDesk on the other computers."),
        StorageProblem.BUSY: QCoreApplication.translate(
            "Errors",
            "Other terminals were changing the same records at the same moment, and "
            "FrontDesk's tries again did not get through. Nothing was saved. Wait a moment "
            "and try again."),
        StorageProblem.DISK_FULL: QCoreApplication.translate(
            "Errors",
            "The disk is full. Free some space (empty the recycle bin, move old backups "
            "elsewhere), then try again. Nothing was saved."),
        StorageProblem.READ_ONLY: QCoreApplication.translate(
            "Errors",
            "The database cannot be written to. Check that the disk is not write-protected "
            "and that this user may write to the data folder."),
        StorageProblem.UNREACHABLE: QCoreApplication.translate(
            "Errors",
            "The database cannot be reached. Check the network cable and that the database "
            "server is running, then try again."),
        StorageProblem.NETWORK_SHARE: QCoreApplication.translate(
            "Errors",
            "The database file is on a network share, where it can be damaged. Keep it on this "
            "computer's disk, or let several terminals share a PostgreSQL server."),
        StorageProblem.OTHER: QCoreApplication.translate(
            "Errors", "The database reported a problem. Try again; if it persists, call support."),
    }
    return advice[problem]


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
    box.setDetailedText(exc.detail)
    box.exec()


def setup_logging(log_file: Path) -> None:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def install_excepthook(log_file: Path) -> None:
    """Log unexpected exceptions and show a crash dialog instead of dying silently."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, StorageError):
            show_storage_error(QApplication.activeWindow(), exc)
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
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
