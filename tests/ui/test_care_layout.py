"""The care page with a day's tasks, and each of its dialogs, at 1366×768 and 1280×800 in
Chinese and English: nothing cut short, nothing scrolled sideways (test_layout's checks, on
its busy day, with clients who lapsed and the notice of new tasks showing)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.core.context import Actor, local_today
from frontdesk.models.care import CareChannel, GiftType
from frontdesk.services.registry import Services
from frontdesk.ui.care.dialogs import CallDialog, ReassignDialog, SkipDialog, SnoozeDialog
from frontdesk.ui.care.due_page import DuePage
from frontdesk.ui.care.gift_dialog import GiftDialog
from frontdesk.ui.care.notice import CareNotice
from frontdesk.ui.main_window import MainWindow
from tests.care_history import days_before, new_client, visited
from tests.conftest import FakeClock
from tests.ui.layout_checks import SMALL_SCREEN, TASKBAR, layout_problems
from tests.ui.test_layout import NAMES, busy_day, language, screen, window  # noqa: F401 (fixtures)

WAIT = 15_000


@pytest.fixture
def care_day(services: Services, admin: Actor, clock: FakeClock,
             busy_day: dict[str, list[int]]) -> int:  # noqa: F811
    """Beside the busy day, a dozen clients (who consent to messages) who lapsed long ago,
    and the scan that found them: their tasks."""
    today = local_today(clock)
    for i, name in enumerate(NAMES):
        client = new_client(services, admin, f"{name}{name[-1]}", f"186 {3000 + i} 6666")
        visited(services.db, admin.branch_id, client,
                days_before(today, 300 + i, 260, 220, 180), fen=[48_000, 52_000, 9_800, 9_800])
    services.care_scan.rebuild_stats(admin.branch_id)  # the check-outs today made some
    return services.care_scan.scan(admin.branch_id).total


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def open_care(qtbot, window: MainWindow) -> DuePage:  # noqa: F811
    window.show_page("care")
    page = window.page("care")
    assert isinstance(page, DuePage)
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) > 0, timeout=WAIT)
    page.tree.focus_list()
    _settle()
    return page


def test_the_care_page_with_a_days_tasks_fits(qtbot, window: MainWindow,  # noqa: F811
                                              language: str, care_day: int) -> None:  # noqa: F811
    assert care_day >= 10
    notice = window.findChild(CareNotice, "careNotice")
    notice.announce(care_day)
    page = open_care(qtbot, window)
    qtbot.waitUntil(lambda: bool(page.staff_days.text()), timeout=WAIT)
    for task in page.due.tasks[:3]:
        page.tree.select_task(task.task_id)
        _settle()
        problems = layout_problems(window)
        assert problems == [], "\n".join(problems)


def _dialogs(page: DuePage, services: Services, admin: Actor) -> dict[str, Callable[[], QWidget]]:
    task = page.tree.current_task()
    assert task is not None
    gift = replace(task, channel=CareChannel.GIFT, gift_types=tuple(GiftType))
    return {
        "call": lambda: CallDialog(services, admin, task, page),
        "snooze": lambda: SnoozeDialog(services, admin, task, page.today, page),
        "skip": lambda: SkipDialog(services, admin, task, page),
        "reassign": lambda: ReassignDialog(services, admin, task, [(1, "欧阳慧敏")], page),
        "gift": lambda: GiftDialog(services, admin, gift, page.today, page),
    }


@pytest.mark.parametrize("screen", [SMALL_SCREEN], ids=["1366x768"])
def test_every_care_dialog_fits_1366_by_768(qtbot, window: MainWindow,  # noqa: F811
                                            services: Services, admin: Actor,
                                            language: str, care_day: int,  # noqa: F811
                                            screen: QSize) -> None:  # noqa: F811
    page = open_care(qtbot, window)
    room = QSize(screen.width(), screen.height() - TASKBAR)
    for name, make in _dialogs(page, services, admin).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        _settle()
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), name
        assert layout_problems(dialog) == [], name
        dialog.close()
