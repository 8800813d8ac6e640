"""The handover (F12) and the per-line credit at check-out (F8), by keyboard, on the real
screens in Chinese: what the beautician reads, and what the database holds afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.models import AuditEntry, ConsumptionLine, LineKind
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.handover import HandoverForm, HandoverLineInput
from frontdesk.services.desk.visits import BoardSection, CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.clients.clients_page import ClientsPage
from frontdesk.ui.desk.checkout_dialog import BY, CheckoutDialog
from frontdesk.ui.desk.handover_dialog import HandoverDialog
from frontdesk.ui.main_window import MainWindow
from tests.actors import signed_actor
from tests.ui.test_desk_keys import (
    FACIAL_FEN,
    choose,
    ctrl_enter,
    desk_of,
    modal,
    open_checkout,
)
from tests.ui.visible_text import untranslated, visible_texts
from tests.unit.test_handover import TAKEN


@pytest.fixture
def shop(services: Services, admin: Actor) -> dict[str, int]:
    """A facial, a massage and a cream, a room, two beauticians and a consultant, a client
    who consented to health data, checked in with 王芳 in the peony room."""
    catalog, add_staff = services.catalog, services.staff.add_staff
    ids = {
        "facial": catalog.add_service_item(admin, "补水护理", FACIAL_FEN, 60).id,
        "massage": catalog.add_service_item(admin, "经络推拿", 26800, 45).id,
        "cream": catalog.add_product(admin, "修护面霜", 15800, "护肤品").id,
        "room": catalog.add_room(admin, "牡丹厅").id,
        "lead": add_staff(admin, "fang", "王芳", Role.THERAPIST, None).id,
        "other": add_staff(admin, "hong", "小红", Role.THERAPIST, None).id,
        "consultant": add_staff(admin, "guwen", "陈顾问", Role.CONSULTANT, None).id,
        "client": services.clients.register(admin, NewClient(
            name="单丽华", phone="138 0013 1234", consent_health=True)).client_id,
    }
    ids["visit"] = services.visits.check_in(admin, CheckIn(
        ids["client"], therapist_id=ids["lead"], room_id=ids["room"],
        consultant_id=ids["consultant"], service_item_ids=(ids["facial"],)))
    return ids


@pytest.fixture
def signed_in(qtbot, services: Services, local_settings, worker, translations):
    """Opens the main window as someone signed in: ``signed_in(staff_id)``."""
    def open_as(staff_id: int) -> MainWindow:
        return window_of(qtbot, services, signed_actor(services.db, staff_id), local_settings,
                         worker)
    return open_as


def window_of(qtbot, services: Services, actor: Actor, local_settings, worker) -> MainWindow:
    window = MainWindow(services, actor, local_settings, worker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def press_f12_on(qtbot, window: MainWindow, visit: int) -> None:
    desk = desk_of(window)
    desk.board.refresh_now()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert desk.board.selected() == (BoardSection.IN_SERVICE, visit)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_F12)


def test_a_consultation_taken_at_the_visit_shows_in_the_handover_its_beautician_opens(
        qtbot, signed_in, services: Services, shop: dict[str, int]) -> None:
    consultant = signed_actor(services.db, shop["consultant"])
    services.consultation.save(consultant, shop["client"], TAKEN)
    services.handover.write(consultant, shop["visit"], 0, HandoverForm(
        (HandoverLineInput(LineKind.SERVICE, shop["facial"], purpose="舒缓敏感"),
         HandoverLineInput(LineKind.PRODUCT, shop["cream"], purpose="术后修护", amount="2毫升")),
        notes="手法要轻"))
    window = signed_in(shop["lead"])

    press_f12_on(qtbot, window, shop["visit"])
    dialog = modal(qtbot, HandoverDialog)

    text = dialog.brief.text()
    for seen in ("王芳", "陈顾问", "两颊泛红", "清洁后更红", "心理紧张", "怕痛", "对玫瑰精油过敏",
                 "补水护理", "舒缓敏感", "修护面霜", "2毫升", "操作注意事项", "手法要轻"):
        assert seen in text, seen
    assert not dialog.can_write and dialog.findChild(QComboBox, "handoverItem") is None
    assert untranslated(visible_texts(dialog)) == []
    with services.db.read() as s:
        viewer = s.scalar(select(AuditEntry.staff_id).where(AuditEntry.action == "handover.view"))
    assert viewer == shop["lead"]


def test_a_beautician_not_serving_in_the_visit_is_told_so_at_the_desk(
        qtbot, signed_in, services: Services, shop: dict[str, int]) -> None:
    window = signed_in(shop["other"])
    press_f12_on(qtbot, window, shop["visit"])
    assert desk_of(window).message.text() == "您只能查看自己服务的到店的交接单。"
    assert QApplication.activeModalWidget() is None


def test_the_consultant_writes_the_handover_at_the_desk_by_keyboard(
        qtbot, signed_in, services: Services, shop: dict[str, int]) -> None:
    window = signed_in(shop["consultant"])
    press_f12_on(qtbot, window, shop["visit"])
    dialog = modal(qtbot, HandoverDialog)
    assert dialog.table.rowCount() == 1  # the facial planned at check-in
    choose(qtbot, dialog.item, "修护面霜")
    qtbot.keyClick(dialog.item, Qt.Key.Key_Return)  # added; the cursor on its purpose
    assert dialog.focusWidget() is dialog.table and dialog.table.currentColumn() == 1
    type_cell(qtbot, dialog, "术后修护")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)
    type_cell(qtbot, dialog, "2毫升")
    dialog.helpers.setFocus()
    qtbot.keyClick(dialog.helpers, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.helpers, Qt.Key.Key_Space)  # 小红 serves too
    dialog.notes.setFocus()
    dialog.notes.insertPlainText("手法要轻")  # typed through the input method
    assert untranslated(visible_texts(dialog)) == []
    ctrl_enter(qtbot, dialog.notes)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    saved = services.handover.handover(signed_actor(services.db, shop["other"]), shop["visit"])
    assert [(x.name, x.purpose, x.amount) for x in saved.lines] == [
        ("补水护理", "", ""), ("修护面霜", "术后修护", "2毫升")]
    assert (saved.notes, [r.name for r in saved.staff]) == ("手法要轻", ["王芳", "小红"])


def type_cell(qtbot, dialog, text: str) -> None:
    """F2 on the chosen cell, the text typed through the input method, then Enter."""
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != dialog.table.State.EditingState,
                    timeout=3000)


def test_two_beauticians_each_credited_with_their_line_at_check_out_by_keyboard(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    consultant = signed_actor(services.db, shop["consultant"])
    services.handover.write(consultant, shop["visit"], 0,
                            HandoverForm(helper_ids=(shop["other"],)))
    dialog: CheckoutDialog = open_checkout(qtbot, main_window, shop["visit"])
    assert dialog.table.item(0, BY).text() == "王芳"  # the lead, by default
    assert [dialog.by.itemText(i) for i in range(dialog.by.count())] == ["王芳", "小红"]
    choose(qtbot, dialog.item, "经络推拿")
    dialog.by.setFocus()
    choose(qtbot, dialog.by, "小红")
    qtbot.keyClick(dialog.by, Qt.Key.Key_Return)  # adds the massage, by 小红
    assert dialog.table.item(1, BY).text() == "小红"
    choose(qtbot, dialog.item, "修护面霜")
    qtbot.keyClick(dialog.item, Qt.Key.Key_Return)  # the cream, by 小红 still chosen
    dialog.table.setFocus()
    dialog.table.setCurrentCell(2, BY)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)  # the list of who did it opens
    editor = dialog.focusWidget()
    assert isinstance(editor, QComboBox)
    choose(qtbot, editor, "王芳")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.item(2, BY).text() == "王芳", timeout=3000)
    assert untranslated(visible_texts(dialog)) == []
    ctrl_enter(qtbot, dialog.table)
    qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=3000)

    assert [line.staff_name for line in dialog.receipt.lines] == ["王芳", "小红", "王芳"]
    with services.db.read() as s:
        credited = s.scalars(select(ConsumptionLine.staff_id).where(
            ConsumptionLine.visit_id == shop["visit"]).order_by(ConsumptionLine.id)).all()
    assert credited == [shop["lead"], shop["other"], shop["lead"]]


def test_the_profile_names_the_visit_of_a_record_and_opens_its_handover(
        qtbot, services: Services, shop: dict[str, int], worker, translations) -> None:
    consultant = signed_actor(services.db, shop["consultant"])
    services.consultation.save(consultant, shop["client"], TAKEN)
    page = ClientsPage(services, consultant, worker)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    assert page.open_client(shop["client"])
    tab = page.profile.consultation
    page.profile.tabs.setCurrentWidget(tab)
    assert "到店 000001，10:30 到店" in tab.records.item(0).text()
    qtbot.mouseClick(tab.handover_button, Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, HandoverDialog)
    assert dialog.can_write and dialog.handover.visit_id == shop["visit"]
    assert "两颊泛红" in dialog.brief.text()
    assert untranslated(visible_texts(page)) == []
