"""Every tab of the care set-up page at 1366×768 and 1280×800, in Chinese and English, with its
longest form shown (the spending-drop rule's four settings, a gift plan's five gifts, a
greeting with promotional words and its preview, a book to move): nothing cut short,
nothing scrolled sideways (test_layout's checks, on its busy day)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk.core.context import Actor, Role
from frontdesk.core.festivals import FestivalDay, FestivalRule
from frontdesk.models.care import CareKind, TemplatePurpose
from frontdesk.services.registry import Services
from frontdesk.ui.care_setup.list_form import ListFormTab
from frontdesk.ui.care_setup.setup_page import CareSetupPage
from frontdesk.ui.main_window import MainWindow
from tests.actors import staff_in_role
from tests.ui.layout_checks import layout_problems
from tests.ui.test_layout import busy_day, language, screen, window  # noqa: F401 (fixtures)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _choose(tab: ListFormTab, wanted: Callable[[object], bool]) -> None:
    index = next(i for i, row in enumerate(tab.rows) if wanted(row))
    tab.tree.setCurrentItem(tab.tree.topLevelItem(index))


CHOSEN: dict[str, Callable[[object], bool]] = {
    "rules": lambda r: getattr(r, "kind", None) is CareKind.SPENDING_DROP,
    "festivals": lambda f: getattr(f, "name", "") == "水沐莲清会员答谢日",
    "plans": lambda p: getattr(p, "tier_code", "") == "gold",
    "follow_ups": lambda i: True,
    "messages": lambda m: getattr(m, "purpose", None) is TemplatePurpose.FESTIVAL,
    "books": lambda b: True,
}


def test_every_tab_of_the_care_set_up_fits(qtbot: QtBot, window: MainWindow,  # noqa: F811
                                           services: Services, admin: Actor,
                                           language: str) -> None:  # noqa: F811
    services.care_setup.save_festival(admin, FestivalDay(
        "", "水沐莲清会员答谢日", FestivalRule.NTH_WEEKDAY, 11, 4, 3, built_in=False))
    staff_in_role(services.db, admin.branch_id, Role.CLIENT_MANAGER, "kefu1")
    staff_in_role(services.db, admin.branch_id, Role.CLIENT_MANAGER, "kefu2")
    window.show_page("care_setup")
    page = window.page("care_setup")
    assert isinstance(page, CareSetupPage)
    for name, wanted in CHOSEN.items():
        tab = getattr(page, name)
        if page.tabs.currentWidget() is not tab:
            with qtbot.waitSignal(tab.loaded):
                page.tabs.setCurrentWidget(tab)
        elif not tab.rows:
            qtbot.waitSignal(tab.loaded).wait()
        _choose(tab, wanted)
        if name == "messages":
            page.messages.body.setPlainText("{salutation}您好！中秋佳节，本店充值满3000送500，"
                                            "限时特价，欢迎光临。")
        _settle()
        assert layout_problems(window) == [], name
