"""The spot checks tab at 1366×768, in Chinese and English, as the complaints page holds it
(beside the navigation, under the page's tabs), with a check of long notes shown: nothing
cut short, nothing scrolled sideways (test_layout's checks)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from frontdesk.core.context import Actor, Role
from frontdesk.models.survey import Verdict
from frontdesk.services.registry import Services
from frontdesk.ui.main_window import NAVIGATION_WIDTH
from frontdesk.ui.quality.spot_checks import SpotChecksTab, tab_title
from frontdesk.ui.worker import DbWorker
from tests.actors import staff_in_role
from tests.quality import calls_in_month
from tests.ui.layout_checks import SMALL_SCREEN, TASKBAR, TITLE_BAR, layout_problems
from tests.ui.test_layout import language  # noqa: F401 (fixture)
from tests.ui.test_spot_checks import settled
from tests.ui.visible_text import untranslated, visible_texts

STATUS_BAR, MARGINS = 30, 24
PAGE = QSize(SMALL_SCREEN.width() - NAVIGATION_WIDTH[1] - MARGINS,
             SMALL_SCREEN.height() - TASKBAR - TITLE_BAR - STATUS_BAR - MARGINS)
"""What the complaints page has at 1366×768 beside the widest navigation."""


def test_the_spot_checks_tab_fits(qtbot: QtBot, services: Services, admin: Actor,
                                  worker: DbWorker, language: str) -> None:  # noqa: F811
    inspector = staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "吴晓")
    calls_in_month(services, admin, dt.date(2026, 10, 1), 12)
    check = services.quality.start(inspector, dt.date(2026, 10, 1), 10)
    for n, item in enumerate(services.quality.check(inspector, check.check_id).items[:4]):
        services.quality.judge(inspector, item.item_id, Verdict.FAIL if n % 2 else Verdict.PASS,
                               "回访时没有自报姓名和门店，客人提出的问题也没有跟进记录" * (n % 2))
    page = QTabWidget()
    tab = SpotChecksTab(services, inspector, worker)
    page.addTab(tab, tab_title())
    qtbot.addWidget(page)
    page.resize(PAGE)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: tab.panel.detail is not None and tab.staff.count() > 1)
    for _ in range(3):
        QApplication.processEvents()
    assert layout_problems(page) == []
    if language == "zh_CN":
        assert untranslated(visible_texts(page)) == []
    settled(qtbot, worker)
