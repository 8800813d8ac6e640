"""The special-client types of the latest consultation on the desk's card and board row, by
keyboard, for a role that sees health records; a receptionist's desk shows neither."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.core.context import Actor, Role
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import BoardSection, CheckIn
from frontdesk.services.health.form import ClientType, ConsultationForm
from frontdesk.services.registry import Services
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.worker import DbWorker
from tests.ui.test_desk_keys import desk_of, search_for

MARK = "（特殊客人）"


@pytest.fixture
def visit(services: Services, admin: Actor) -> int:
    client = services.clients.register(admin, NewClient("单丽华", "13800131234",
                                                        consent_health=True)).client_id
    services.consultation.save(admin, client, ConsultationForm(
        client_type=ClientType(nervous=True, new_course=True)))
    return services.visits.check_in(admin, CheckIn(client))


def test_the_card_and_the_board_row_say_special_client(
        qtbot, main_window, services: Services, visit: int) -> None:
    desk = desk_of(main_window)
    search_for(qtbot, main_window, desk, "1234", ["单丽华"])
    qtbot.keyClick(desk.search.box, Qt.Key.Key_Return)
    assert desk.card.special.isVisibleTo(desk)
    said = "特殊客人（心理紧张、老客人的新疗程）：顾问须现场指导或亲自操作。"
    assert desk.card.special.text() == said
    desk.board.refresh_now()
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    assert desk.board.selected() == (BoardSection.WAITING, visit)
    item = desk.board.tree.currentItem()
    assert item.text(0) == "单丽华 " + MARK
    assert item.toolTip(0) == desk.card.special.text()


def test_a_receptionist_sees_no_mark(qtbot, services: Services, admin: Actor, visit: int,
                                     local_settings: LocalSettings, worker: DbWorker,
                                     translations: Translations) -> None:
    from frontdesk.ui.main_window import MainWindow

    services.staff.add_staff(admin, "qiantai", "前台小王", Role.RECEPTIONIST, "password-123")
    receptionist = services.auth.sign_in("qiantai", "password-123")
    window = MainWindow(services, receptionist, local_settings, worker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    desk = desk_of(window)
    assert isinstance(desk, DeskPage)
    search_for(qtbot, window, desk, "1234", ["单丽华"])
    qtbot.keyClick(desk.search.box, Qt.Key.Key_Return)
    assert desk.card.title.text() == "单丽华" and desk.card.special.isHidden()
    desk.board.refresh_now()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert desk.board.tree.currentItem().text(0) == "单丽华"
