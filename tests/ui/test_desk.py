"""The check-in desk driven by the keyboard only, from search to an exact consumption record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QListWidget, QTableView
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.models import Client, ConsumptionLine, Payment, Visit, VisitStatus
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.approval import Approval
from frontdesk.services.desk.visits import BoardSection
from frontdesk.services.registry import Services
from frontdesk.ui.desk.checkin_dialog import CheckInDialog
from frontdesk.ui.desk.checkout_dialog import CheckoutDialog
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.desk.search_panel import HitsModel
from frontdesk.ui.i18n import Translations
from tests.conftest import ADMIN_PASSWORD
from tests.ui.visible_text import untranslated, visible_texts


@pytest.fixture
def store(services: Services, admin: Actor) -> dict[str, int]:
    catalog = services.catalog
    ids = {
        "facial": catalog.add_service_item(admin, "补水护理", 38800, 60).id,
        "massage": catalog.add_service_item(admin, "经络推拿", 26800, 90).id,
        "room": catalog.add_room(admin, "牡丹厅").id,
        "therapist": services.staff.add_staff(admin, "fang", "王芳", Role.THERAPIST, None).id,
    }
    ids["client"] = services.clients.register(
        admin, NewClient(name="单丽华", phone="138 0013 1234")).client_id
    services.clients.register(admin, NewClient(name="曾晓", phone="139 0000 5678"))
    return ids


def _modal(qtbot, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=3000)
    return QApplication.activeModalWidget()


def _choose(qtbot, combo: QComboBox, text: str) -> None:
    """Move a combo with the arrow keys until it shows ``text`` (no mouse)."""
    combo.setFocus()
    for _ in range(combo.count()):
        if text in combo.currentText():
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text} not in {combo.objectName()}")


def test_keyboard_only_check_in_and_check_out(qtbot, main_window, services: Services,
                                              admin: Actor, store: dict[str, int]) -> None:
    main_window.show_page("desk")
    desk = main_window.page("desk")
    assert isinstance(desk, DeskPage)
    qtbot.keyClick(main_window, Qt.Key.Key_F2)
    assert desk.search.box.hasFocus()
    qtbot.keyClicks(desk.search.box, "1234")
    qtbot.waitUntil(lambda: [h.name for h in desk.search.model.hits] == ["单丽华"], timeout=3000)
    qtbot.keyClick(desk.search.box, Qt.Key.Key_Return)
    assert desk.client is not None and desk.client.name == "单丽华"
    assert desk.card.title.text() == "单丽华"

    qtbot.keyClick(desk, Qt.Key.Key_F4)
    checkin = _modal(qtbot, CheckInDialog)
    assert untranslated(visible_texts(checkin)) == []
    services_list = checkin.findChild(QListWidget, "serviceItems")
    services_list.setFocus()
    services_list.setCurrentRow(0)
    while "补水护理" not in services_list.currentItem().text():
        qtbot.keyClick(services_list, Qt.Key.Key_Down)
    qtbot.keyClick(services_list, Qt.Key.Key_Space)  # tick it
    _choose(qtbot, checkin.findChild(QComboBox, "therapist"), "王芳")
    _choose(qtbot, checkin.findChild(QComboBox, "room"), "牡丹厅")
    qtbot.keyClick(checkin.findChild(QComboBox, "room"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not checkin.isVisible(), timeout=3000)
    board = desk.board.board
    assert board is not None and [v.client_name for v in board.in_service] == ["单丽华"]
    assert board.in_service[0].room_name == "牡丹厅"
    assert board.in_service[0].therapist_name == "王芳"

    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    assert desk.board.selected() == (BoardSection.IN_SERVICE, board.in_service[0].visit_id)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_F8)
    checkout = _modal(qtbot, CheckoutDialog)
    assert untranslated(visible_texts(checkout)) == []
    assert [line.entry.name for line in checkout.lines] == ["补水护理"]  # planned at check-in
    _choose(qtbot, checkout.item, "经络推拿")
    qtbot.keyClick(checkout.item, Qt.Key.Key_Tab)
    qtbot.keyClick(checkout.quantity, Qt.Key.Key_Tab)
    checkout.discount.selectAll()
    qtbot.keyClicks(checkout.discount, "20.5")
    qtbot.keyClick(checkout.discount, Qt.Key.Key_Return)  # adds the line
    _choose(qtbot, checkout.method, "现金")
    checkout.pay_amount.setFocus()
    qtbot.keyClicks(checkout.pay_amount, "100")
    qtbot.keyClick(checkout.pay_amount, Qt.Key.Key_Return)
    _choose(qtbot, checkout.method, "微信")
    assert checkout.method.currentText() == "微信支付", checkout.method.currentText()
    qtbot.keyClick(checkout.method, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: checkout.receipt is not None, timeout=3000)

    with services.db.read() as s:
        visit = s.scalar(select(Visit).where(Visit.client_id == store["client"]))
        lines = s.scalars(select(ConsumptionLine).where(ConsumptionLine.visit_id == visit.id)
                          .order_by(ConsumptionLine.id)).all()
        payments = s.scalars(select(Payment).where(Payment.visit_id == visit.id)
                             .order_by(Payment.id)).all()
        client = s.get(Client, store["client"])
        assert visit.status is VisitStatus.CLOSED
        assert [(c.description, c.quantity, c.unit_price_fen, c.discount_fen, c.amount_fen)
                for c in lines] == [("补水护理", 1, 38800, 0, 38800),
                                    ("经络推拿", 1, 26800, 2050, 24750)]
        assert visit.total_fen == 38800 + 24750
        assert [(p.method.value, p.amount_fen) for p in payments] == [
            ("cash", 10000), ("wechat", 63550 - 10000)]
        assert client.last_visit_at == visit.arrived_at
    desk.board.refresh_now()
    assert desk.board.board.in_service == () and desk.board.board.closed_count == 1


def test_desk_page_is_translated(qtbot, main_window, store: dict[str, int]) -> None:
    main_window.show_page("desk")
    desk = main_window.page("desk")
    desk.search.box.setText("1234")
    desk.search.search_now()
    assert untranslated(visible_texts(main_window)) == []


def test_registration_offers_the_existing_client_for_a_known_phone(
        qtbot, main_window, services: Services, store: dict[str, int]) -> None:
    from frontdesk.ui.desk.register_dialog import RegisterDialog

    main_window.show_page("desk")
    desk = main_window.page("desk")
    qtbot.keyClick(main_window, Qt.Key.Key_F3)
    dialog = _modal(qtbot, RegisterDialog)
    assert untranslated(visible_texts(dialog)) == []
    dialog.name.insert("单丽")
    qtbot.keyClicks(dialog.phone, "+86 138-0013-1234")
    dialog._register()
    assert "单丽华" in dialog.errors.text("phone")
    assert dialog.use_existing.isVisibleTo(dialog)
    dialog.use_existing.click()
    assert desk.client is not None and desk.client.client_id == store["client"]


def test_registration_with_bad_input_says_where_and_saves_nothing(
        qtbot, main_window, services: Services, admin: Actor, store: dict[str, int]) -> None:
    from frontdesk.ui.desk.register_dialog import RegisterDialog

    dialog = RegisterDialog(services, admin, parent=main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.insert("新客人")
    qtbot.keyClicks(dialog.phone, "12345")
    dialog._register()
    assert dialog.errors.text("phone") != "" and dialog.isVisible()
    assert services.search.search(admin, "新客人") == []
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "13700001111")
    dialog._register()
    assert [h.name for h in services.search.search(admin, "新客人")] == ["新客人"]


def test_booking_refuses_a_double_booked_beautician_unless_overridden(
        qtbot, main_window, services: Services, admin: Actor, store: dict[str, int]) -> None:
    from frontdesk.ui.desk.appointment_dialog import AppointmentDialog

    main_window.show_page("desk")
    desk = main_window.page("desk")
    desk.pick_client(store["client"])
    for attempt in range(2):
        qtbot.keyClick(main_window, Qt.Key.Key_F6)
        dialog = _modal(qtbot, AppointmentDialog)
        dialog.time.setText("1200")  # an hour after the next half hour
        _choose(qtbot, dialog.staff, "王芳")
        dialog._save()
        if attempt == 0:
            assert not dialog.isVisible()
    assert "王芳" in dialog.errors.text("staff_id") and dialog.isVisible()
    assert dialog.allow_overlap.isVisibleTo(dialog)
    dialog.allow_overlap.setChecked(True)
    dialog._save()
    assert not dialog.isVisible()
    desk.board.refresh_now()
    assert len(desk.board.board.expected) == 2


def test_a_finished_room_is_cleaned_then_marked_ready_from_the_desk(
        qtbot, main_window, services: Services, admin: Actor, store: dict[str, int]) -> None:
    from frontdesk.services.desk.visits import CheckIn, RoomStatus

    visit = services.visits.check_in(admin, CheckIn(
        client_id=store["client"], therapist_id=store["therapist"], room_id=store["room"]))
    main_window.show_page("desk")
    desk = main_window.page("desk")
    desk.board.refresh_now()
    desk.board.select(BoardSection.IN_SERVICE, visit)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_F9)
    assert [r.status for r in desk.board.board.rooms] == [RoomStatus.CLEANING]
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_F7)
    actions = desk.ready_menu.actions()
    assert [a.text() for a in actions] == ["牡丹厅"]
    actions[0].trigger()
    assert [r.status for r in desk.board.board.rooms] == [RoomStatus.FREE]


def test_a_scanned_card_number_and_enter_pick_the_client(
        qtbot, main_window, services: Services, admin: Actor) -> None:
    client = services.clients.register(
        admin, NewClient(name="查晓", phone="13600002222", member_no="M00012345")).client_id
    main_window.show_page("desk")
    desk = main_window.page("desk")
    qtbot.keyClick(main_window, Qt.Key.Key_F2)
    qtbot.keyClicks(desk.search.box, "M00012345")  # a scanner types fast, then Enter
    qtbot.keyClick(desk.search.box, Qt.Key.Key_Return)
    assert desk.client is not None and desk.client.client_id == client


def test_f11_opens_the_picked_clients_profile(qtbot, main_window, store: dict[str, int]) -> None:
    main_window.show_page("desk")
    desk = main_window.page("desk")
    desk.pick_client(store["client"])
    qtbot.keyClick(main_window, Qt.Key.Key_F11)
    assert main_window.pages.currentWidget() is main_window.page("clients")
    assert "单丽华" in visible_texts(main_window.page("clients"))


def _clients_named_wang(services: Services, admin: Actor) -> None:
    """Three clients called 王… (a special visitor with an allergy; a birthday today and a
    visit today) and one who is not."""
    from frontdesk.core.birthdays import BirthdayInput
    from frontdesk.services.desk.visits import CheckIn

    register = services.clients.register
    register(admin, NewClient(name="王芳", phone="13900001111", visitor_class="special",
                              allergies="芒果"))
    regular = register(admin, NewClient(name="王丽", phone="13900002222", member_no="M0007",
                                        birthday=BirthdayInput("solar", 11, 23))).client_id
    register(admin, NewClient(name="王小明", phone="13900003333"))
    register(admin, NewClient(name="李娜", phone="13900004444"))
    room = services.catalog.add_room(admin, "牡丹厅").id
    therapist = services.staff.add_staff(admin, "mei", "美美", Role.THERAPIST, None).id
    visit = services.visits.check_in(admin, CheckIn(regular, therapist_id=therapist,
                                                    room_id=room))
    services.visits.finish(admin, visit)
    services.checkout.check_out(admin, visit, [], [], "free-trial",
                                approval=Approval("admin", ADMIN_PASSWORD, "体验"))


def test_the_hits_model_passes_the_model_tester(
        qtbot, qtmodeltester, services: Services, admin: Actor,
        translations: Translations) -> None:
    """Empty, filled from a real search, replaced by another search, emptied again; a table
    view on it follows every change."""
    _clients_named_wang(services, admin)
    model = HitsModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)

    def names() -> list[str]:
        assert view.verticalHeader().count() == model.rowCount()  # the view was told
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    qtmodeltester.check(model)  # the tester stays attached: it re-checks on every reset
    assert (names(), model.columnCount()) == ([], 6)
    model.set_hits(services.search.search(admin, "王"))
    qtmodeltester.check(model)
    assert sorted(names()) == ["王丽", "王小明", "王芳"]
    cells = {model.index(r, 0).data(): [model.index(r, c).data() for c in range(1, 6)]
             for r in range(model.rowCount())}
    assert cells["王芳"][1:] == ["139 0000 1111", "—", "—", "⚠ 特殊访客  过敏"]
    assert cells["王丽"][2:] == ["2026-11-23", "—", "今天生日"]
    tinted = {model.index(r, 0).data() for r in range(model.rowCount())
              if model.index(r, 5).data(Qt.ItemDataRole.BackgroundRole) is not None}
    assert tinted == {"王芳"}

    model.set_hits(services.search.search(admin, "4444"))
    qtmodeltester.check(model)
    assert names() == ["李娜"]
    model.set_hits([])
    qtmodeltester.check(model)
    assert names() == []
