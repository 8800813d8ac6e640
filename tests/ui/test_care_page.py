"""The care page by keyboard: F1 to the list, Tab out of it, snooze (F7) and skip (F8, a
reason required) take a task off the list, F9 copies a message, F4 marks the chosen
messages sent, F6 exports them to a file an SMS gateway reads (written and read back);
a client manager lands on the list; a manager sees each one's counts; both languages.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from frontdesk.core.context import Actor, Role, local_today
from frontdesk.models.care import CareStatus, CareTask
from frontdesk.services.registry import Services
from frontdesk.ui.care.dialogs import ReassignDialog, SkipDialog, SnoozeDialog
from frontdesk.ui.care.due_page import DuePage
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.worker import DbWorker
from tests.actors import staff_in_role
from tests.care_history import days_before, new_client, visited
from tests.conftest import FakeClock
from tests.ui.visible_text import untranslated, visible_texts

WAIT = 15_000
NAMES = ("王丽华", "李秀英", "张凤琴", "赵敏")


@pytest.fixture
def lapsed(services: Services, admin: Actor, clock: FakeClock) -> list[int]:
    """Four clients who lapsed long ago, and the scan that found them (four churn tasks)."""
    today = local_today(clock)
    clients = []
    for i, name in enumerate(NAMES):
        client = new_client(services, admin, name, f"138 0013 {1000 + i}")
        visited(services.db, admin.branch_id, client, days_before(today, 200 + i, 170, 140))
        clients.append(client)
    assert services.care_scan.scan(admin.branch_id).total == len(NAMES)
    return clients


def open_page(qtbot, window: MainWindow, count: int) -> DuePage:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    page = window.page("care")
    assert isinstance(page, DuePage)
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) == count,
                    timeout=WAIT)
    qtbot.waitUntil(page.tree.hasFocus, timeout=WAIT)
    return page


def reloaded(qtbot, page: DuePage, count: int) -> None:
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) == count,
                    timeout=WAIT)


def back_to(qtbot, window: MainWindow) -> None:
    """The window is active again after a dialog closed (as a window manager makes it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def status_of(services: Services, task_id: int) -> CareStatus:
    with services.db.read() as s:
        task = s.get(CareTask, task_id)
        assert task is not None
        return task.status


def test_tab_leaves_the_list_and_enter_keys_work_the_tasks(qtbot, main_window: MainWindow,
                                                           services: Services,
                                                           lapsed: list[int]) -> None:
    page = open_page(qtbot, main_window, 4)
    qtbot.keyClick(page.tree, Qt.Key.Key_Tab)
    assert not page.tree.hasFocus()  # Tab goes on to the next field, not the next cell
    page.tree.focus_list()
    first = page.tree.current_task()
    assert first is not None and page.panel.name.text() == first.client_name

    qtbot.keyClick(page.tree, Qt.Key.Key_F7)  # snooze to tomorrow (the default)
    snooze = page.dialog
    assert isinstance(snooze, SnoozeDialog)
    qtbot.keyClick(snooze.until, Qt.Key.Key_Return)
    reloaded(qtbot, page, 3)
    assert status_of(services, first.task_id) is CareStatus.SNOOZED
    back_to(qtbot, main_window)

    second = page.tree.current_task()  # the place is kept: the next task
    assert second is not None and second.task_id != first.task_id
    qtbot.keyClick(page.tree, Qt.Key.Key_F8)
    skip = page.dialog
    assert isinstance(skip, SkipDialog)
    qtbot.keyClick(skip.reason, Qt.Key.Key_Return)  # no reason: refused in the dialog
    assert skip.isVisible() and skip.errors.text("reason")
    skip.reason.setText("上周已在前台问候过")  # typed through the input method
    qtbot.keyClick(skip.reason, Qt.Key.Key_Return)
    reloaded(qtbot, page, 2)
    assert status_of(services, second.task_id) is CareStatus.SKIPPED


def test_copy_mark_sent_and_export(qtbot, main_window: MainWindow, services: Services,
                                   lapsed: list[int], tmp_path: Path) -> None:
    page = open_page(qtbot, main_window, 4)
    task = page.tree.current_task()
    assert task is not None
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(page.tree, Qt.Key.Key_F9)
    assert "王丽华" in task.suggested_message  # a churn warning: "we miss you", signed
    assert QGuiApplication.clipboard().text() == task.suggested_message
    assert page.panel.message.toPlainText() == task.suggested_message

    qtbot.keyClick(page.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.tree.chosen_tasks()
    assert len(chosen) == 2
    target = tmp_path / "短信.csv"
    page.ask_path = lambda: str(target)
    qtbot.keyClick(page.tree, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: page.exported == target, timeout=WAIT)
    with target.open(encoding="utf-8-sig", newline="") as f:
        text = f.read()
    rows = list(csv.reader(text.splitlines()))
    assert {c.client_name for c in chosen} <= {cell for row in rows for cell in row}
    assert "2" in page.message.text()

    qtbot.keyClick(page.tree, Qt.Key.Key_F4)  # the two sent
    reloaded(qtbot, page, 2)
    assert {status_of(services, t.task_id) for t in chosen} == {CareStatus.DONE}


def test_a_client_manager_lands_on_the_care_list(qtbot, services: Services, admin: Actor,
                                                 local_settings: LocalSettings,
                                                 worker: DbWorker, translations: Translations,
                                                 lapsed: list[int]) -> None:
    keeper = staff_in_role(services.db, admin.branch_id, Role.CLIENT_MANAGER, "kefu")
    window = MainWindow(services, keeper, local_settings, worker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("care")
    assert window.pages.currentWidget() is page
    assert isinstance(page, DuePage) and not page.staff_filter.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.due is not None, timeout=WAIT)
    assert untranslated(visible_texts(page)) == []


def test_a_manager_sees_the_days_counts_and_filters(qtbot, main_window: MainWindow,
                                                    services: Services,
                                                    lapsed: list[int]) -> None:
    page = open_page(qtbot, main_window, 4)
    assert page.staff_filter.isVisibleTo(page)
    qtbot.waitUntil(lambda: bool(page.staff_days.text()), timeout=WAIT)
    page.staff_filter.setCurrentIndex(page.staff_filter.findData(-2))  # the pool
    reloaded(qtbot, page, 4)  # no books yet: everything is the pool's
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("birthday"))
    reloaded(qtbot, page, 0)
    assert page.summary.text()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_page_and_its_dialogs_speak_the_language(qtbot, services: Services, admin: Actor,
                                                     local_settings: LocalSettings,
                                                     worker: DbWorker,
                                                     translations: Translations,
                                                     lapsed: list[int], language: str) -> None:
    translations.apply(language)
    window = MainWindow(services, admin, local_settings, worker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    back_to(qtbot, window)
    page = open_page(qtbot, window, 4)
    texts = visible_texts(page)
    if language == "zh_CN":
        assert untranslated(texts) == []
        assert page.panel.why.text() == "已超过平时的到店间隔"  # the scan's reason, in words
        assert page.tree.currentItem().text(1) == "流失预警"
    else:
        assert "Log a call (F3)" in texts
        assert page.panel.why.text() == "No visit for longer than usual"
    for key in (Qt.Key.Key_F3, Qt.Key.Key_F7, Qt.Key.Key_F8):
        qtbot.keyClick(page.tree, key)
        dialog = page.dialog
        assert dialog is not None and dialog.isVisible()
        if language == "zh_CN":
            assert untranslated(visible_texts(dialog)) == [], key
        dialog.reject()
        back_to(qtbot, window)


def test_a_manager_reassigns_a_task_to_a_client_manager(qtbot, main_window: MainWindow,
                                                        services: Services, admin: Actor,
                                                        lapsed: list[int]) -> None:
    keeper = staff_in_role(services.db, admin.branch_id, Role.CLIENT_MANAGER, "kefu")
    page = open_page(qtbot, main_window, 4)
    qtbot.waitUntil(lambda: page.staff_filter.findData(keeper.staff_id) >= 0, timeout=WAIT)
    task = page.tree.current_task()
    assert task is not None and task.assigned_to_id is None  # no books yet: the pool's
    qtbot.keyClick(page.tree, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, ReassignDialog)
    dialog.choose(keeper.staff_id)
    qtbot.keyClick(dialog.staff, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.tree.current_task() is not None
                    and page.tree.current_task().assigned_to_id == keeper.staff_id,
                    timeout=WAIT)
    assert page.tree.current_task().task_id == task.task_id  # the place is kept
    assert keeper.display_name in page.message.text()
    with services.db.read() as s:
        assert s.get(CareTask, task.task_id).assigned_to_id == keeper.staff_id
