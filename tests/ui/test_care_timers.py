"""The care engine's background timers, on a fake clock: the scan runs off the UI thread, the
navigation's badge counts what is due, midnight brings the next day's tasks with a notice,
a call logged through the dialog takes its task off the list and the badge follows.

Two clients with three visits a month apart: 王丽华 lapsed long ago (the first scan finds
her), 李秀英's last visit was 59 days ago, so she lapses tomorrow (twice her usual 30 days
would be 60): the scan after midnight makes her task.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from frontdesk.core.context import Actor, local_today
from frontdesk.models.care import CallOutcome, CareCall, CareStatus, CareTask
from frontdesk.services.registry import Services
from frontdesk.ui.care.dialogs import CallDialog
from frontdesk.ui.care.due_page import DuePage
from frontdesk.ui.care.notice import CareNotice
from frontdesk.ui.care.timers import CareTimers, ms_to_next_midnight
from frontdesk.ui.main_window import MainWindow
from tests.care_history import days_before, new_client, visited
from tests.conftest import NOW, FakeClock

WAIT = 15_000


@pytest.fixture
def histories(services: Services, admin: Actor, clock: FakeClock) -> tuple[int, int]:
    today = local_today(clock)
    lapsed = new_client(services, admin, "王丽华", "138 0013 1111")
    visited(services.db, admin.branch_id, lapsed, days_before(today, 200, 170, 140))
    soon = new_client(services, admin, "李秀英", "139 0013 2222")
    visited(services.db, admin.branch_id, soon, days_before(today, 119, 89, 59))
    return lapsed, soon


def badge(window: MainWindow) -> str:
    return window.navigation.item(window._page_keys.index("care")).text()


def timers_of(window: MainWindow) -> CareTimers:
    timers = window.care_timers
    assert isinstance(timers, CareTimers)
    timers.starter.stop()  # the test fires it
    return timers


def tasks(services: Services) -> list[CareTask]:
    with services.db.read() as s:
        rows = list(s.scalars(select(CareTask).order_by(CareTask.id)))
        s.expunge_all()
        return rows


def test_the_next_midnight_is_counted_on_the_services_clock() -> None:
    # NOW is 10:30 in Shanghai: 13 h 30 min to midnight, and the few seconds' slack
    assert ms_to_next_midnight(NOW) == (13 * 3600 + 30 * 60 + 5) * 1000
    assert ms_to_next_midnight(NOW.replace(hour=15, minute=59, second=59)) == 6 * 1000


def test_the_timer_scans_the_badge_counts_midnight_brings_more_a_call_closes_one(
        qtbot, main_window: MainWindow, services: Services, clock: FakeClock,
        histories: tuple[int, int]) -> None:
    lapsed, soon = histories
    timers = timers_of(main_window)
    with qtbot.waitSignal(timers.counts_changed, timeout=WAIT):
        timers.start()  # the scan at start
    assert [(t.client_id, t.kind.value) for t in tasks(services)] == [(lapsed, "churn")]
    assert badge(main_window).endswith("(1)")
    care_notice = main_window.findChild(CareNotice, "careNotice")
    assert care_notice.isVisible() and "1" in care_notice.text.text()
    care_notice.dismiss()

    clock.advance(days=1)  # past midnight: the single-shot timer fires
    with qtbot.waitSignal(timers.new_tasks, timeout=WAIT) as new:
        timers.midnight.start(1)
    assert new.args == [1]
    assert timers.day == local_today(clock)
    assert timers.midnight.isActive()  # set again, for the next midnight
    assert badge(main_window).endswith("(2)")
    assert care_notice.isVisible()

    qtbot.keyClick(main_window, Qt.Key.Key_F1)  # from the desk: the care list, the list chosen
    page = main_window.page("care")
    assert isinstance(page, DuePage) and page.isVisible()
    assert not care_notice.isVisible()
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) == 2, timeout=WAIT)
    qtbot.waitUntil(page.tree.hasFocus, timeout=WAIT)
    soon_task = next(t for t in page.due.tasks if t.client_id == soon)
    assert page.tree.select_task(soon_task.task_id)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)  # Enter: log a call
    dialog = page.dialog
    assert isinstance(dialog, CallDialog) and dialog.isVisible()
    dialog.choose(CallOutcome.BOOKED)
    dialog.note.setPlainText("周六下午来做面部护理")  # typed through the input method
    with qtbot.waitSignal(timers.counts_changed, timeout=WAIT):
        dialog.outcome.setFocus()
        qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) == 1, timeout=WAIT)
    assert [t.client_id for t in page.due.tasks] == [lapsed]  # the task left the list
    assert badge(main_window).endswith("(1)")
    closed = next(t for t in tasks(services) if t.client_id == soon)
    assert closed.status is CareStatus.DONE
    with services.db.read() as s:
        call = s.scalars(select(CareCall).where(CareCall.task_id == closed.id)).one()
        assert (call.outcome, call.note) == (CallOutcome.BOOKED, "周六下午来做面部护理")


def test_a_tick_while_a_scan_runs_waits_for_it_and_runs_once_after(
        qtbot, main_window: MainWindow, services: Services, clock: FakeClock,
        histories: tuple[int, int]) -> None:
    timers = timers_of(main_window)
    scans: list[object] = []
    timers.scanned.connect(scans.append)
    timers.tick()
    timers.tick()  # while the first runs: remembered, not a second scan at once
    timers.tick()
    assert timers.busy
    qtbot.waitUntil(lambda: len(scans) == 2 and not timers.busy, timeout=WAIT)
    assert len(tasks(services)) == 1  # the second found nothing new


def test_a_machine_that_slept_through_midnight_catches_up_at_its_next_tick(
        qtbot, main_window: MainWindow, services: Services, clock: FakeClock,
        histories: tuple[int, int]) -> None:
    timers = timers_of(main_window)
    with qtbot.waitSignal(timers.counts_changed, timeout=WAIT):
        timers.tick()
    first_day = timers.day
    clock.advance(days=3)  # asleep: the midnight timer has not fired
    with qtbot.waitSignal(timers.scanned, timeout=WAIT) as scanned:
        timers.tick()  # what the periodic timer calls
    assert timers.day == first_day + dt.timedelta(days=3)
    result = scanned.args[0]
    assert (result.first_day, result.last_day) == (first_day + dt.timedelta(days=1),
                                                   timers.day)
    assert len(tasks(services)) == 2


def test_the_notice_opens_the_list_by_enter_or_a_click_and_takes_no_focus(
        qtbot, main_window: MainWindow) -> None:
    timers_of(main_window)
    notice = main_window.findChild(CareNotice, "careNotice")
    desk = main_window.page("desk")
    main_window.show_page("desk")
    focused = QApplication.focusWidget()
    notice.announce(2)
    notice.announce(1)  # not yet looked at: added up
    assert notice.isVisible() and notice.text.text() == "新的关怀待办：3 条"
    assert QApplication.focusWidget() is focused  # the desk keeps typing where it was
    qtbot.keyClick(notice.open_button, Qt.Key.Key_Return)
    assert main_window.pages.currentWidget() is main_window.page("care")
    assert not notice.isVisible()
    main_window.show_page("desk")
    notice.announce(1)
    qtbot.mouseClick(notice.text, Qt.MouseButton.LeftButton)  # anywhere on the banner
    assert main_window.pages.currentWidget() is main_window.page("care")
    assert desk.isHidden() and notice.count == 0
