"""The spot checks tab driven by keyboard alone: start a check of last month, judge its calls
with P and F (a fail asks for its note), fill the summary and finish it with Ctrl+Enter; a
call judged meanwhile on another terminal is refused and the check shown afresh."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk.core.context import Actor, Role
from frontdesk.models.survey import Verdict
from frontdesk.services.registry import Services
from frontdesk.ui.quality.spot_checks import SpotChecksTab
from frontdesk.ui.worker import DbWorker
from tests.actors import staff_in_role
from tests.quality import calls_in_month

OCTOBER = dt.date(2026, 10, 1)


@pytest.fixture
def inspector(services: Services, admin: Actor) -> Actor:
    return staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "qc1")


def open_tab(qtbot: QtBot, services: Services, actor: Actor, worker: DbWorker) -> SpotChecksTab:
    tab = SpotChecksTab(services, actor, worker)  # its lists arrive by queued signals
    qtbot.addWidget(tab)
    tab.resize(1100, 620)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: tab.month_calls.text() != "")
    return tab


def settled(qtbot: QtBot, worker: DbWorker) -> None:
    """Wait until the worker has run and delivered every job the tab asked for (a list that
    arrives asks for the chosen check: a chain of two), so none lands during teardown."""
    for _ in range(3):
        done: list[object] = []
        worker.submit(tuple, done.append, done.append)
        qtbot.waitUntil(lambda: bool(done))  # noqa: B023 - waited for within the loop


def key(qtbot: QtBot, widget: object, k: Qt.Key,
        mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, k, mod)


def test_a_check_by_keyboard_alone(qtbot: QtBot, services: Services, admin: Actor,
                                   inspector: Actor, worker: DbWorker,
                                   translations: object) -> None:
    calls_in_month(services, admin, OCTOBER, 6)
    tab = open_tab(qtbot, services, inspector, worker)
    assert tab.month.currentData() == OCTOBER  # the month just ended
    assert "6" in tab.month_calls.text() and tab.staff.count() == 2
    tab.sample.setFocus()
    tab.sample.selectAll()
    qtbot.keyClicks(tab.sample, "3")
    with qtbot.waitSignal(tab.check_loaded, timeout=10_000):
        key(qtbot, tab.sample, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    panel = tab.panel
    assert panel.detail is not None and len(panel.detail.items) == 3
    assert QApplication.focusWidget() is panel.items
    key(qtbot, panel.items, Qt.Key.Key_P)
    assert panel.detail.items[0].verdict is Verdict.PASS
    assert panel.chosen() == panel.detail.items[1]
    key(qtbot, panel.items, Qt.Key.Key_F)  # a fail needs its note: the cursor goes there
    assert panel.detail.items[1].verdict is Verdict.PENDING
    assert QApplication.focusWidget() is panel.note and panel.error_line.text()
    panel.note.insert("没有自报家门")  # typed through the input method (QTest types ASCII only)
    key(qtbot, panel.note, Qt.Key.Key_Return)
    assert (panel.detail.items[1].verdict, panel.detail.items[1].note) == \
        (Verdict.FAIL, "没有自报家门")
    key(qtbot, panel.items, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: panel.detail.check.pending == 0)  # type: ignore[union-attr]
    assert panel.detail.check.failed == 1
    assert "2" in panel.summary["results"].toPlainText()  # pre-filled from the counts
    panel.summary["content"].setFocus()
    panel.summary["content"].insertPlainText("开场白、记录")
    key(qtbot, panel.summary["content"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "problems" in panel.error_line.text() or panel.error_line.text()
    assert QApplication.focusWidget() is panel.summary["problems"]
    panel.summary["problems"].insertPlainText("个别未自报家门")
    key(qtbot, panel.summary["problems"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.chosen() is not None and tab.chosen().finished  # type: ignore
                    and panel.detail.check.finished)  # type: ignore[union-attr]
    finished = services.quality.checks(inspector)[0]
    assert finished.finished and finished.problems == "个别未自报家门"
    assert tab.chosen() == finished and not panel.finish_button.isEnabled()
    settled(qtbot, worker)


def test_a_call_judged_on_another_terminal_is_refused(qtbot: QtBot, services: Services,
                                                     admin: Actor, inspector: Actor,
                                                     worker: DbWorker) -> None:
    calls_in_month(services, admin, OCTOBER, 2)
    check = services.quality.start(inspector, OCTOBER, 2)
    tab = open_tab(qtbot, services, inspector, worker)
    qtbot.waitUntil(lambda: tab.panel.detail is not None)
    first = tab.panel.detail.items[0]  # type: ignore[union-attr]
    services.quality.judge(admin, first.item_id, Verdict.FAIL, "别人判的")
    tab.panel.items.setFocus()
    with qtbot.waitSignal(tab.check_loaded, timeout=10_000):
        key(qtbot, tab.panel.items, Qt.Key.Key_P)
    assert tab.panel.error_line.text()
    shown = tab.panel.detail.items[0]  # type: ignore[union-attr]
    assert (shown.verdict, shown.note) == (Verdict.FAIL, "别人判的")
    assert tab.chosen() is not None and tab.chosen().check_id == check.check_id  # type: ignore[union-attr]
    settled(qtbot, worker)


def test_a_month_without_calls_is_refused_under_the_form(qtbot: QtBot, services: Services,
                                                         inspector: Actor,
                                                         worker: DbWorker) -> None:
    tab = open_tab(qtbot, services, inspector, worker)
    assert tab.checks.topLevelItemCount() == 0 and not tab.panel.finish_button.isEnabled()
    tab.start_button.setFocus()
    key(qtbot, tab.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.start_error.text() != "")
    assert tab.start_button.isEnabled()
    settled(qtbot, worker)
