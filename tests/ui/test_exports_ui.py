""""Export to Excel…" on the list screens: the screen's filters, a file written on the worker,
what was written said on the screen; Cancel leaves no file; the manager's "all my data"."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.core.context import Actor
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.exports.kinds import ClientFilter
from frontdesk.services.registry import Services
from frontdesk.ui.cards.history_panel import HistoryPanel
from frontdesk.ui.care.due_page import DuePage
from frontdesk.ui.clients.clients_page import ClientsPage
from frontdesk.ui.clients.history_tab import HistoryTab
from frontdesk.ui.complaints.cases_tab import CasesTab
from frontdesk.ui.exports.excel_button import ExcelExport
from frontdesk.ui.i18n import Translations
from frontdesk.ui.surveys.tab import SurveysTab
from frontdesk.ui.worker import DbWorker

Screen = Callable[[Services, Actor, DbWorker], QWidget]
SCREENS: dict[str, Screen] = {
    "clients": ClientsPage, "card_ledger": HistoryPanel, "care": DuePage,
    "complaints": CasesTab, "surveys": SurveysTab, "visits": HistoryTab,
}


@pytest.fixture
def clients(services: Services, admin: Actor) -> list[int]:
    return [services.clients.register(admin, NewClient(name=name, phone=phone)).client_id
            for name, phone in (("王丽", "138 0013 1234"), ("李长青", "139 0013 5678"))]


def _excel(screen: QWidget, kind: str) -> ExcelExport:
    found = [e for e in screen.findChildren(ExcelExport) if e.kind == kind]
    assert len(found) == 1
    return found[0]


def _activate(qtbot, window: QWidget) -> None:
    """Make ``window`` the active one: shortcuts reach the focus of an active window only."""
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.mark.parametrize("key", SCREENS)
def test_each_list_screen_exports_its_list_to_a_workbook(
        qtbot, services: Services, admin: Actor, worker: DbWorker, clients: list[int],
        tmp_path: Path, translations: Translations, key: str) -> None:
    screen = SCREENS[key](services, admin, worker)
    qtbot.addWidget(screen)
    screen.show()
    if isinstance(screen, HistoryTab):
        screen.client_id = clients[0]
    excel = _excel(screen, key)
    target = tmp_path / "list"  # no suffix: .xlsx is added
    excel.ask_path = lambda: str(target)
    excel.button.click()
    qtbot.waitUntil(lambda: excel.exported is not None, timeout=20_000)
    assert excel.exported is not None and excel.exported.path == target.with_suffix(".xlsx")
    workbook = openpyxl.load_workbook(excel.exported.path, read_only=True)
    assert len(workbook.sheetnames) >= 1
    workbook.close()
    if key == "clients":
        assert excel.exported.rows == 2


def test_the_clients_export_takes_the_search_box_and_ctrl_e(
        qtbot, services: Services, admin: Actor, worker: DbWorker, clients: list[int],
        tmp_path: Path, translations: Translations) -> None:
    page = ClientsPage(services, admin, worker)
    qtbot.addWidget(page)
    page.show()
    page.search.box.setText("王丽")
    assert page.export_filter() == ClientFilter(query="王丽")
    page.excel.ask_path = lambda: str(tmp_path / "clients.xlsx")
    _activate(qtbot, page)
    page.search.box.setFocus()
    qtbot.keyClick(page.search.box, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.excel.exported is not None, timeout=20_000)
    assert page.excel.exported is not None and page.excel.exported.rows == 1
    assert page.status.text() == "已写入 1 行：clients.xlsx。"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
# (exp-lists: a cancelled write-only sheet leaves openpyxl's generators open; its own to fix)
def test_cancel_leaves_no_file(qtbot, services: Services, admin: Actor, worker: DbWorker,
                               clients: list[int], tmp_path: Path,
                               translations: Translations) -> None:
    page = ClientsPage(services, admin, worker)
    qtbot.addWidget(page)
    page.show()
    target = tmp_path / "clients.xlsx"
    page.excel.ask_path = lambda: str(target)
    gate = threading.Event()
    worker.submit(lambda: gate.wait(10), lambda _r: None, lambda _e: None)  # holds the worker
    page.excel.export()
    job = page.excel.job
    assert job is not None and job.isVisible()
    job.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: page.excel.job is None, timeout=20_000)
    assert not target.exists() and page.excel.exported is None
    assert page.status.text() == "已取消：没有做任何更改。"
