"""The prep room told after check-in: Ctrl+E on the board's chosen visit changes a visit's
services and prep note, by keyboard only, and the board shows the change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from frontdesk.core.context import Actor
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import BoardSection, CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.desk.plan_dialog import PlanDialog
from tests.ui.test_desk_keys import back_to, commit_text, desk_of, modal


@pytest.fixture
def shop(services: Services, admin: Actor) -> dict[str, int]:
    """A facial, a massage and a client."""
    add = services.catalog.add_service_item
    client = services.clients.register(admin, NewClient("单丽华", "13800131234"))
    return {"facial": add(admin, "补水护理", 38800, 60).id,
            "massage": add(admin, "经络推拿", 26800, 45).id, "client": client.client_id}


def test_f12_on_a_waiting_visit_changes_its_services_and_prep_note(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    visit = services.visits.check_in(admin, CheckIn(shop["client"], prep_note="热毛巾",
                                                    service_item_ids=(shop["facial"],)))
    desk = desk_of(main_window)
    desk.board.refresh_now()
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    assert desk.board.selected() == (BoardSection.WAITING, visit)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, PlanDialog)
    assert isinstance(dialog, PlanDialog)
    assert dialog.checked_service_ids() == (shop["facial"],)
    services_list = dialog.services_list
    assert services_list.hasFocus()
    qtbot.keyClick(services_list, Qt.Key.Key_Space)  # the facial (first) off
    qtbot.keyClick(services_list, Qt.Key.Key_Down)
    qtbot.keyClick(services_list, Qt.Key.Key_Space)  # the massage on
    qtbot.keyClick(services_list, Qt.Key.Key_Tab)
    assert dialog.prep_note.hasFocus()
    dialog.prep_note.selectAll()
    commit_text(dialog.prep_note, "精油10ml")
    qtbot.keyClick(dialog.prep_note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    back_to(qtbot, main_window)
    [row] = desk.board.board.waiting
    assert (row.services, row.prep_note) == (("经络推拿",), "精油10ml")
    assert desk.board.selected() == (BoardSection.WAITING, visit)
    shown = desk.board.tree.currentItem().text(desk.board.WHAT_COLUMN)
    assert "经络推拿" in shown and "精油10ml" in shown


def test_a_plan_changed_meanwhile_elsewhere_is_said_in_the_dialog(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    visit = services.visits.check_in(admin, CheckIn(shop["client"]))
    desk = desk_of(main_window)
    desk.board.refresh_now()
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, PlanDialog)
    assert isinstance(dialog, PlanDialog)
    elsewhere = services.visit_plan.plan(admin, visit)
    services.visit_plan.change_plan(admin, elsewhere, (shop["massage"],), "")
    qtbot.keyClick(dialog.services_list, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.services_list, Qt.Key.Key_Return)
    assert dialog.isVisible()
    said = dialog.errors.text("service_item_ids")
    assert said == "其他人刚刚改了这次到店的服务项目，请重新查看。"
    assert services.visit_plan.plan(admin, visit).service_item_ids == (shop["massage"],)
