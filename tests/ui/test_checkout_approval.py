"""A manager's approval at check-out, by keyboard: asked for in place, refused inline, audited;
and the store's discount limit on the settings page."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.models import AuditEntry, ConsumptionLine, LoginFailure, Visit, VisitStatus
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import BoardSection, CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.desk.checkout_dialog import CheckoutDialog
from frontdesk.ui.desk.desk_page import DeskPage
from tests.ui.visible_text import untranslated, visible_texts

PASSWORD = "manager-pass-1"


@pytest.fixture
def visit(services: Services, admin: Actor) -> int:
    """单丽华 in the peony room, her facial planned at check-in."""
    facial = services.catalog.add_service_item(admin, "补水护理", 38800, 60).id
    room = services.catalog.add_room(admin, "牡丹厅").id
    therapist = services.staff.add_staff(admin, "fang", "王芳", Role.THERAPIST, None).id
    services.staff.add_staff(admin, "dianzhang", "张店长", Role.MANAGER, PASSWORD)
    services.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST, "desk-pass-1")
    client = services.clients.register(admin, NewClient("单丽华", "138 0013 1234")).client_id
    return services.visits.check_in(admin, CheckIn(client, therapist_id=therapist,
                                                   room_id=room, service_item_ids=(facial,)))


def open_checkout(qtbot, main_window, visit: int) -> CheckoutDialog:
    """F8 on the visit's row of today's board."""
    main_window.show_page("desk")
    desk = main_window.page("desk")
    assert isinstance(desk, DeskPage)
    desk.board.refresh_now()
    assert desk.board.select(BoardSection.IN_SERVICE, visit)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CheckoutDialog),
                    timeout=3000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    return dialog


def type_into(qtbot, widget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def ctrl_enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def visit_state(services: Services, visit: int) -> tuple[VisitStatus, int]:
    with services.db.read() as s:
        row = s.get(Visit, visit)
        lines = s.scalar(select(func.count(ConsumptionLine.id))
                         .where(ConsumptionLine.visit_id == visit))
        assert row is not None
        return row.status, lines or 0


def test_a_free_check_out_is_approved_by_a_manager_in_place(
        qtbot, main_window, services: Services, visit: int) -> None:
    dialog = open_checkout(qtbot, main_window, visit)
    panel = dialog.approval
    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # the planned facial: nothing to pay now
    assert dialog.lines == [] and panel.isHidden()
    ctrl_enter(qtbot, dialog.table)
    assert panel.isVisible() and dialog.focusWidget() is panel.username
    assert "无需付款" in panel.needs.text()
    assert untranslated(visible_texts(dialog)) == []

    type_into(qtbot, panel.username, "dianzhang")
    type_into(qtbot, panel.password, "not-the-password")
    panel.reason.insert("老客生日，店长赠送")  # typed through the input method
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)
    assert "密码" in panel.error.text() and panel.error.isVisible()  # wrong, inline
    assert panel.password.text() == "" and dialog.focusWidget() is panel.password
    assert dialog.isVisible() and dialog.receipt is None
    assert visit_state(services, visit) == (VisitStatus.IN_SERVICE, 0)
    with services.db.read() as s:  # one Enter, one password check
        assert s.scalar(select(func.count(LoginFailure.id))) == 1

    qtbot.keyClicks(panel.password, PASSWORD)
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=3000)
    assert dialog.receipt.total_fen == 0
    assert visit_state(services, visit) == (VisitStatus.CLOSED, 0)
    with services.db.read() as s:
        detail = s.scalar(select(AuditEntry.detail)
                          .where(AuditEntry.action == "visit.check_out_approved"))
    assert json.loads(detail)["reason"] == "老客生日，店长赠送"


def test_a_receptionist_cannot_approve_and_esc_goes_back(
        qtbot, main_window, services: Services, visit: int) -> None:
    dialog = open_checkout(qtbot, main_window, visit)
    panel = dialog.approval
    dialog.discount.setFocus()
    dialog.discount.selectAll()
    qtbot.keyClicks(dialog.discount, "388")  # 100% off a second facial
    qtbot.keyClick(dialog.discount, Qt.Key.Key_Return)
    ctrl_enter(qtbot, dialog.discount)
    assert "第 2 行：折扣超过该行的 20%" in panel.needs.text()

    type_into(qtbot, panel.username, "lily")
    type_into(qtbot, panel.password, "desk-pass-1")
    panel.reason.insert("我自己批")
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)
    assert "店长或管理员" in panel.error.text()
    assert dialog.focusWidget() is panel.username
    assert visit_state(services, visit) == (VisitStatus.IN_SERVICE, 0)

    qtbot.keyClick(panel.username, Qt.Key.Key_Escape)  # back to the check-out, not out of it
    assert panel.isHidden() and dialog.isVisible() and dialog.focusWidget() is dialog.item
    assert panel.password.text() == ""
    qtbot.keyClick(dialog.item, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert visit_state(services, visit) == (VisitStatus.IN_SERVICE, 0)


def test_the_discount_limit_is_a_setting_for_managers(
        qtbot, main_window, local_settings, services: Services, admin: Actor,
        visit: int) -> None:
    main_window.show_page("settings")
    page = main_window.page("settings")
    assert page.discount_limit.value() == 20
    page.discount_limit.setFocus()
    page.discount_limit.selectAll()
    qtbot.keyClicks(page.discount_limit, "30")
    qtbot.keyClick(page.discount_limit, Qt.Key.Key_Tab)
    save = page.findChild(QPushButton, "saveDiscountLimit")
    assert main_window.focusWidget() is save
    qtbot.keyClick(save, Qt.Key.Key_Space)
    assert services.store.discount_limit_percent(admin.branch_id) == 30
    assert untranslated(visible_texts(page)) == []

    receptionist = services.auth.sign_in("lily", "desk-pass-1")
    from frontdesk.ui.backups import BackupScheduler
    from frontdesk.ui.settings_page import SettingsPage

    theirs = SettingsPage(services, receptionist, local_settings,
                          BackupScheduler(services.backups))
    qtbot.addWidget(theirs)
    assert not theirs.discount_limit.isEnabled()
    theirs._save_discount_limit()  # even if the button were reachable, the service refuses
    assert "无权" in theirs.discount_message.text()
    assert services.store.discount_limit_percent(admin.branch_id) == 30
