"""The reports page on the hand-built month: its figures and charts, the keyboard's month
picker, the export to Excel in the screens' language, and the page at 1366×768 in Chinese
and English with nothing cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from frontdesk.core.context import Actor, Role
from frontdesk.services.registry import Services
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.reports.reports_page import ReportsPage
from frontdesk.ui.worker import DbWorker
from tests.actors import staff_in_role
from tests.complaint_report_data import build_month
from tests.ui.layout_checks import SMALL_SCREEN, layout_problems

WAIT = 15_000


@pytest.fixture
def page(qtbot, services: Services, admin: Actor, worker: DbWorker,
         translations: Translations) -> ReportsPage:
    build_month(services, admin)
    page = ReportsPage(services, admin, worker)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT)
    return page


def _table(page: ReportsPage) -> dict[str, tuple[str, str]]:
    t = page.table
    return {t.item(r, 0).text(): (t.item(r, 1).text(), t.item(r, 2).text())
            for r in range(t.rowCount())}


def test_the_page_shows_the_months_figures_and_charts(page: ReportsPage,
                                                      translations: Translations) -> None:
    assert page.chosen_month().isoformat() == "2026-11-01"  # the clock's month
    figures = _table(page)
    assert figures["收到的投诉"] == ("5", "1")
    assert figures["处理时长中位数（小时）"] == ("20.0", "–")
    assert figures["重新打开率"] == ("20.0%", "100.0%")
    assert figures["补偿金额"] == ("¥183.45", "¥0.00")
    assert figures["满意率：服务态度"] == ("60.0%", "0.0%")
    assert figures["忠诚度（目标70%）"] == ("50.0%", "0.0%")
    assert figures["净推荐值（NPS）"] == ("25.0", "-100.0")
    assert figures["质检：合格 / 不合格"] == ("2 / 1", "")
    charts = page.charts
    assert [(b.label, b.text) for b in charts.categories.bars][0] == ("服务态度", "3")
    assert [b.text for b in charts.staff.bars] == ["2", "2", "1"]
    assert charts.satisfied.target is not None and charts.satisfied.target_text == "目标 85.0%"
    assert [b.label for b in charts.loyal.bars] == ["2026年11月", "2026年10月"]
    assert page.month.text() == "2026年11月"
    page.grab()  # the charts paint


def test_the_keyboard_picks_the_month(qtbot, page: ReportsPage) -> None:
    page.month.setFocus()
    qtbot.keyClick(page.month, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: page.report is not None and page.report.month.month == 10,
                    timeout=WAIT)
    assert _table(page)["收到的投诉"] == ("1", "0")
    qtbot.keyClick(page.month, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: page.report is not None and page.report.month.month == 11,
                    timeout=WAIT)
    shown = page.report
    qtbot.keyClick(page.month, Qt.Key.Key_F5)  # read again
    qtbot.waitUntil(lambda: page.report is not shown, timeout=WAIT)


def test_ctrl_e_exports_the_workbook_in_the_screens_language(qtbot, page: ReportsPage,
                                                             tmp_path: Path) -> None:
    page.ask_path = lambda: str(tmp_path / "十一月")
    page.month.setFocus()
    qtbot.keyClick(page.month, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.exported is not None, timeout=WAIT)
    assert page.exported == tmp_path / "十一月.xlsx"
    book = load_workbook(page.exported)
    assert book.sheetnames == ["汇总", "投诉", "满意度调查", "质检抽查"]
    assert "十一月.xlsx" in page.status.text()


def test_only_the_roles_that_read_the_reports_have_the_page(
        qtbot, services: Services, admin: Actor, local_settings: LocalSettings,
        worker: DbWorker, translations: Translations) -> None:
    for role, shown in ((Role.RECEPTIONIST, False), (Role.QUALITY_INSPECTOR, True),
                        (Role.COMPLAINT_HANDLER, True)):
        actor = staff_in_role(services.db, admin.branch_id, role)
        window = MainWindow(services, actor, local_settings, worker)
        qtbot.addWidget(window)
        assert ("reports" in window._page_keys) is shown, role
        window.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_page_fits_a_small_screen(qtbot, services: Services, admin: Actor,
                                      local_settings: LocalSettings, worker: DbWorker,
                                      translations: Translations, language: str) -> None:
    translations.apply(language)
    build_month(services, admin)
    window = MainWindow(services, admin, local_settings, worker)
    qtbot.addWidget(window)
    window.resize(QSize(SMALL_SCREEN))
    window.show()
    qtbot.waitExposed(window)
    window.show_page("reports")
    page = window.page("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT)
    for _ in range(3):
        QApplication.processEvents()
    problems = layout_problems(window)
    assert problems == [], "\n".join(problems)
