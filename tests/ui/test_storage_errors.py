"""The storage-problem dialog: advice in the desk's language for every problem, and the
warning when a connection was lost while saving (saved or not is unknown)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from frontdesk.errors import StorageError, StorageProblem
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.i18n import Translations


def dialog_text(error: StorageError) -> str:
    """The text of the dialog :func:`show_storage_error` opens (closed again at once)."""
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "storageErrorDialog"
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    show_storage_error(None, error)
    return seen[0]


@pytest.mark.parametrize("problem", list(StorageProblem))
def test_every_storage_problem_is_explained_in_chinese(
        translations: Translations, problem: StorageProblem) -> None:
    text = dialog_text(StorageError(problem, "detail", rolled_back=True))
    assert text and not text.isascii(), text


def test_contention_says_nothing_was_saved(translations: Translations) -> None:
    assert "没有保存" in dialog_text(StorageError(StorageProblem.BUSY, rolled_back=True))


def test_a_connection_lost_while_saving_says_it_may_have_been_saved(
        translations: Translations) -> None:
    before_commit = dialog_text(StorageError(StorageProblem.UNREACHABLE, rolled_back=True))
    at_commit = dialog_text(StorageError(StorageProblem.UNREACHABLE, rolled_back=False))
    assert at_commit.startswith(before_commit) and "可能已保存" in at_commit
    assert "可能已保存" not in before_commit
