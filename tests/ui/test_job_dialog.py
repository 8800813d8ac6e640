"""The job dialog: a job on the worker, its progress on the bar, Cancel that stops it."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from frontdesk.core.jobs import Progress, check_cancelled
from frontdesk.ui.i18n import Translations
from frontdesk.ui.jobs import JobDialog, ThrottledProgress, cancelled_text, stage_text
from frontdesk.ui.worker import DbWorker


def test_progress_reaches_the_bar_and_the_result_the_screen(qtbot, worker: DbWorker) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = JobDialog(worker, "job", parent)
    seen: list[object] = []
    dialog.succeeded.connect(seen.append)
    reached = threading.Event()
    go_on = threading.Event()

    def job(cancel: threading.Event, progress: Progress) -> int:
        progress("reading", 5, 10)
        reached.set()
        go_on.wait(10)
        return 42

    dialog.start(job)
    qtbot.waitUntil(lambda: dialog.bar.value() == 500)
    assert dialog.isVisible() and dialog.isModal() and reached.is_set()
    assert dialog.stage.text() == stage_text("reading")
    go_on.set()
    qtbot.waitUntil(lambda: seen == [42])
    assert not dialog.isVisible()


def test_cancel_sets_the_event_and_the_dialog_says_cancelled(qtbot, worker: DbWorker,
                                                             translations: Translations) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = JobDialog(worker, "job", parent)
    started = threading.Event()
    ended: list[str] = []
    dialog.cancelled.connect(lambda: ended.append("cancelled"))
    dialog.succeeded.connect(lambda _r: ended.append("done"))

    def job(cancel: threading.Event, progress: Progress) -> None:
        started.set()
        cancel.wait(10)  # the job waits until Cancel is pressed
        check_cancelled(cancel)

    dialog.start(job)
    assert started.wait(5)
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Escape)  # Esc cancels, as Cancel does
    assert dialog.cancel_event.is_set() and dialog.isVisible()  # open until the job ends
    qtbot.waitUntil(lambda: ended == ["cancelled"])
    assert not dialog.isVisible()
    assert cancelled_text() == "已取消：没有做任何更改。"


def test_a_failure_is_handed_to_the_screen(qtbot, worker: DbWorker) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = JobDialog(worker, "job", parent)
    failures: list[BaseException] = []
    dialog.failed.connect(failures.append)

    def job(cancel: threading.Event, progress: Progress) -> None:
        raise ValueError("broken")

    dialog.start(job)
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert isinstance(failures[0], ValueError) and not dialog.isVisible()


def test_progress_is_thinned_to_ten_a_second_but_keeps_stage_changes_and_the_end() -> None:
    now = [0.0]
    sent: list[tuple[str, int, int]] = []
    progress = ThrottledProgress(lambda *a: sent.append(a), clock=lambda: now[0])
    for done in range(100):
        progress("reading", done, 1000)
        now[0] += 0.01  # 100 calls a second
    progress("saving", 0, 10)
    progress("saving", 10, 10)
    assert len([s for s in sent if s[0] == "reading"]) == 10
    assert sent[-2:] == [("saving", 0, 10), ("saving", 10, 10)]
