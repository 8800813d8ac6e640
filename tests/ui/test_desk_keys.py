"""Every path at the desk with the keyboard only: keys pressed on the real widgets, the focus
moving with Tab, and what the database holds afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.models import ConsumptionLine, Payment, Visit, VisitStatus
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import BoardSection, CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.desk.checkout_dialog import CheckoutDialog
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.desk.receipt_dialog import ReceiptDialog
from tests.ui.visible_text import untranslated, visible_texts

FACIAL_FEN = 38800


@pytest.fixture
def shop(services: Services, admin: Actor) -> dict[str, int]:
    """A facial and a massage, a room, a therapist, a manager and two clients."""
    catalog = services.catalog
    ids = {
        "facial": catalog.add_service_item(admin, "补水护理", FACIAL_FEN, 60).id,
        "massage": catalog.add_service_item(admin, "经络推拿", 26800, 45).id,
        "room": catalog.add_room(admin, "牡丹厅").id,
        "therapist": services.staff.add_staff(admin, "fang", "王芳", Role.THERAPIST, None).id,
    }
    services.staff.add_staff(admin, "dianzhang", "张店长", Role.MANAGER, "manager-pass-1")
    register = services.clients.register
    ids["client"] = register(admin, NewClient(name="单丽华", phone="138 0013 1234")).client_id
    ids["other"] = register(admin, NewClient(name="曾晓", phone="139 0000 5678")).client_id
    return ids


def desk_of(main_window) -> DeskPage:
    main_window.show_page("desk")
    desk = main_window.page("desk")
    assert isinstance(desk, DeskPage)
    return desk


def modal(qtbot, kind: type[QDialog]) -> QDialog:
    """The dialog that opened, made the active window (as a window manager would)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=3000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Move a combo with Home and the arrow keys until it shows ``text``."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if text in combo.currentText():
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text} not in {combo.objectName()}")


def back_to(qtbot, window: QWidget) -> None:
    """The window is active again after a dialog closed (as a window manager makes it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def tab_until(qtbot, dialog: QWidget, target: QWidget, limit: int = 25) -> list[QWidget]:
    """Press Tab on whatever has the focus until ``target`` has it; the widgets passed."""
    passed: list[QWidget] = []
    for _ in range(limit):
        focus = dialog.focusWidget()
        if focus is target:
            return passed
        passed.append(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}: "
                         f"{[w.objectName() or type(w).__name__ for w in passed]}")


def ctrl_enter(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# Check-out (F8) ---------------------------------------------------------------------------

@pytest.fixture
def in_service(services: Services, admin: Actor, shop: dict[str, int]) -> int:
    """单丽华 in the peony room with the facial planned: the visit id."""
    return services.visits.check_in(admin, CheckIn(
        shop["client"], therapist_id=shop["therapist"], room_id=shop["room"],
        service_item_ids=(shop["facial"],)))


def open_checkout(qtbot, main_window, visit: int) -> CheckoutDialog:
    desk = desk_of(main_window)
    desk.board.refresh_now()
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    assert desk.board.selected() == (BoardSection.IN_SERVICE, visit)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_F8)
    dialog = modal(qtbot, CheckoutDialog)
    assert dialog.focusWidget() is dialog.item
    return dialog


def booked(services: Services, visit: int) -> tuple[VisitStatus, list[tuple[int, int]],
                                                     list[tuple[str, int]]]:
    with services.db.read() as s:
        row = s.get(Visit, visit)
        lines = s.scalars(select(ConsumptionLine).where(ConsumptionLine.visit_id == visit)
                          .order_by(ConsumptionLine.id))
        payments = s.scalars(select(Payment).where(Payment.visit_id == visit)
                             .order_by(Payment.id))
        assert row is not None
        return (row.status, [(c.quantity, c.amount_fen) for c in lines],
                [(p.method.value, p.amount_fen) for p in payments])


def test_tab_alone_goes_from_the_first_line_through_the_payments_to_check_out(
        qtbot, main_window, services: Services, in_service: int) -> None:
    dialog = open_checkout(qtbot, main_window, in_service)
    passed = tab_until(qtbot, dialog, dialog.ok)
    assert passed[:6] == [dialog.item, dialog.quantity, dialog.discount, dialog.by,
                          dialog.add_line, dialog.table]
    assert dialog.method in passed and dialog.pay_amount in passed
    assert dialog.pay.received in passed  # the rest is paid in cash (the first method)
    assert passed.index(dialog.table) < passed.index(dialog.method)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)  # Enter presses the focused button
    qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=3000)
    assert booked(services, in_service) == (VisitStatus.CLOSED, [(1, FACIAL_FEN)],
                                            [("cash", FACIAL_FEN)])


def test_a_part_payment_is_listed_and_the_cash_received_gives_the_change(
        qtbot, main_window, services: Services, in_service: int) -> None:
    dialog = open_checkout(qtbot, main_window, in_service)
    tab_until(qtbot, dialog, dialog.method)
    choose(qtbot, dialog.method, "微信")
    qtbot.keyClick(dialog.method, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.pay_amount
    qtbot.keyClicks(dialog.pay_amount, "100")
    qtbot.keyClick(dialog.pay_amount, Qt.Key.Key_Return)
    panel = dialog.pay
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["微信支付 ¥100.00"]
    assert "¥288.00" in panel.remaining.text()
    qtbot.keyClick(dialog.pay_amount, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    choose(qtbot, dialog.method, "现金")  # the rest in cash
    assert "¥288.00" in panel.change.text() and panel.received.isEnabled()
    tab_until(qtbot, dialog, panel.received)
    qtbot.keyClicks(panel.received, "300")
    assert panel.change.text() == "找零：¥12.00"
    assert untranslated(visible_texts(dialog)) == []
    ctrl_enter(qtbot, panel.received)
    qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=3000)
    assert booked(services, in_service)[2] == [("wechat", 10000), ("cash", 28800)]
    receipt = modal(qtbot, ReceiptDialog)
    assert "¥300.00" in receipt.change.text() and "¥12.00" in receipt.change.text()


def test_too_little_cash_received_is_refused_and_nothing_is_booked(
        qtbot, main_window, services: Services, in_service: int) -> None:
    dialog = open_checkout(qtbot, main_window, in_service)
    tab_until(qtbot, dialog, dialog.pay.received)
    qtbot.keyClicks(dialog.pay.received, "300")
    assert dialog.pay.change.text() == "实收现金 ¥300.00 少于应付现金 ¥388.00。"
    ctrl_enter(qtbot, dialog.pay.received)
    assert dialog.isVisible() and dialog.receipt is None
    assert "¥300.00" in dialog.errors.text()
    assert booked(services, in_service) == (VisitStatus.IN_SERVICE, [], [])


def test_delete_removes_a_part_payment(qtbot, main_window, services: Services,
                                       in_service: int) -> None:
    dialog = open_checkout(qtbot, main_window, in_service)
    panel = dialog.pay
    tab_until(qtbot, dialog, dialog.pay_amount)
    for amount in ("100", "50"):
        qtbot.keyClicks(dialog.pay_amount, amount)
        qtbot.keyClick(dialog.pay_amount, Qt.Key.Key_Return)
    assert [(p.method.value, p.amount_fen) for p in dialog.payments] == [
        ("cash", 10000), ("cash", 5000)]
    qtbot.keyClick(dialog.pay_amount, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is panel.list
    assert panel.list.currentRow() == 1  # the last one added
    qtbot.keyClick(panel.list, Qt.Key.Key_Up)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert [p.amount_fen for p in dialog.payments] == [10000]
    assert "¥288.00" in panel.remaining.text()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert dialog.payments == [] and panel.list.isHidden()
    assert dialog.focusWidget() is dialog.pay_amount
    ctrl_enter(qtbot, dialog.pay_amount)
    qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=3000)
    assert booked(services, in_service)[2] == [("cash", FACIAL_FEN)]


def type_over(qtbot, dialog: CheckoutDialog, text: str) -> None:
    """Type over the chosen cell of the lines and press Enter (the cell is saved a moment
    later, as Qt's item delegate does)."""
    before = list(dialog.lines)
    qtbot.keyClicks(dialog.table, text[0])  # typing opens the cell, which takes the focus
    qtbot.keyClicks(dialog.focusWidget(), text[1:])
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != dialog.table.State.EditingState
                    and (dialog.lines != before or dialog.errors.text() != ""), timeout=3000)


def test_a_typed_quantity_counts_and_a_lower_price_asks_a_manager(
        qtbot, main_window, services: Services, in_service: int) -> None:
    dialog = open_checkout(qtbot, main_window, in_service)
    tab_until(qtbot, dialog, dialog.table)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)  # to the quantity
    type_over(qtbot, dialog, "2")
    assert dialog.lines[0].quantity == 2 and "¥776.00" in dialog.total.text()
    assert dialog.table.item(0, 4).text() == "¥776.00"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)  # to the unit price
    type_over(qtbot, dialog, "300")
    assert "¥600.00" in dialog.total.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)
    type_over(qtbot, dialog, "abc")  # not an amount: said, and the line stays
    assert "第 1 行" in dialog.errors.text() and dialog.lines[0].discount_fen == 0
    assert dialog.focusWidget() is dialog.table
    qtbot.keyClick(dialog.table, Qt.Key.Key_Right)  # the amount is worked out, not typed
    qtbot.keyClicks(dialog.table, "1")
    assert dialog.table.state() != dialog.table.State.EditingState
    ctrl_enter(qtbot, dialog.table)
    assert "第 1 行：单价低于价目表" in dialog.approval.needs.text()
    panel = dialog.approval
    qtbot.keyClicks(panel.username, "dianzhang")
    qtbot.keyClick(panel.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.password, "manager-pass-1")
    qtbot.keyClick(panel.password, Qt.Key.Key_Tab)
    panel.reason.insert("老客优惠价")  # typed through the input method
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.receipt is not None, timeout=3000)
    assert booked(services, in_service) == (VisitStatus.CLOSED, [(2, 60000)],
                                            [("cash", 60000)])


def test_enter_presses_the_focused_button_and_never_checks_out_from_a_field(
        qtbot, main_window, services: Services, in_service: int) -> None:
    dialog = open_checkout(qtbot, main_window, in_service)
    for widget in (dialog.item, dialog.discount, dialog.table, dialog.method):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert len(dialog.lines) == 3  # Enter in the item and the discount added a line each
    tab_until(qtbot, dialog, dialog.add_line)
    qtbot.keyClick(dialog.add_line, Qt.Key.Key_Return)
    assert len(dialog.lines) == 4
    assert dialog.isVisible() and dialog.receipt is None
    assert booked(services, in_service) == (VisitStatus.IN_SERVICE, [], [])


# Today's board (F5, F7, F9) -------------------------------------------------------------

def test_f7_then_enter_marks_the_first_room_being_cleaned_ready(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    from frontdesk.services.desk.visits import RoomStatus

    second_room = services.catalog.add_room(admin, "兰花厅").id
    for client, room in ((shop["client"], shop["room"]), (shop["other"], second_room)):
        visit = services.visits.check_in(admin, CheckIn(client, therapist_id=shop["therapist"],
                                                        room_id=room))
        services.visits.finish(admin, visit)
    desk = desk_of(main_window)
    desk.board.refresh_now()
    qtbot.keyClick(main_window, Qt.Key.Key_F7)
    menu = desk.ready_menu
    first, second = (a.text() for a in menu.actions())
    assert menu.activeAction() is menu.actions()[0]
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    rooms = {r.name: r.status for r in desk.board.board.rooms}
    assert rooms == {first: RoomStatus.FREE, second: RoomStatus.CLEANING}


def test_a_service_started_from_the_board_stays_chosen_for_f9(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    import datetime as dt

    from frontdesk.ui.desk.start_dialog import StartServiceDialog

    services.appointments.book(admin, shop["other"], services.clock() + dt.timedelta(hours=2),
                               duration_min=60)  # a row above, on the board
    waiting = services.visits.check_in(admin, CheckIn(shop["client"]))
    desk = desk_of(main_window)
    desk.board.refresh_now()
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_Down)
    assert desk.board.selected() == (BoardSection.WAITING, waiting)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_Return)
    start = modal(qtbot, StartServiceDialog)
    choose(qtbot, start.room, "牡丹厅")
    choose(qtbot, start.therapist, "王芳")
    qtbot.keyClick(start.therapist, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not start.isVisible(), timeout=3000)
    back_to(qtbot, main_window)
    assert desk.board.selected() == (BoardSection.IN_SERVICE, waiting)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_F9)
    assert desk.message.text() == ""
    assert [v.visit_id for v in desk.board.board.finished] == [waiting]
    assert desk.board.selected() == (BoardSection.FINISHED, waiting)


def test_the_arrow_keys_pass_over_the_section_headings(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    import datetime as dt

    services.appointments.book(admin, shop["other"], services.clock() + dt.timedelta(hours=2),
                               duration_min=60)
    waiting = services.visits.check_in(admin, CheckIn(shop["client"]))
    desk = desk_of(main_window)
    desk.board.refresh_now()
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    tree = desk.board.tree
    first = desk.board.selected()
    assert first is not None and first[0] is BoardSection.EXPECTED
    qtbot.keyClick(tree, Qt.Key.Key_Up)  # above the first row is only a heading
    assert desk.board.selected() == first
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # over the "Waiting" heading
    assert desk.board.selected() == (BoardSection.WAITING, waiting)
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # nothing below but empty sections' headings
    assert desk.board.selected() == (BoardSection.WAITING, waiting)
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert desk.board.selected() == first


# The search and the client card (F2, F4, F6, F11) -----------------------------------------

def commit_text(widget: QWidget, text: str) -> None:
    """Chinese as it arrives from the input method: a whole committed string."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def search_for(qtbot, main_window, desk: DeskPage, text: str, names: list[str]) -> None:
    """F2, type, and wait for the results to show ``names`` (in any order)."""
    qtbot.keyClick(main_window, Qt.Key.Key_F2)
    assert desk.search.box.hasFocus()
    if text.isascii():
        qtbot.keyClicks(desk.search.box, text)
    else:
        commit_text(desk.search.box, text)
    qtbot.waitUntil(lambda: sorted(h.name for h in desk.search.model.hits) == sorted(names),
                    timeout=3000)


def test_f4_after_a_new_search_checks_in_the_client_highlighted(
        qtbot, main_window, services: Services, shop: dict[str, int]) -> None:
    from frontdesk.ui.desk.checkin_dialog import CheckInDialog

    desk = desk_of(main_window)
    search_for(qtbot, main_window, desk, "1234", ["单丽华"])
    qtbot.keyClick(desk.search.box, Qt.Key.Key_Return)
    assert desk.card.title.text() == "单丽华"
    search_for(qtbot, main_window, desk, "5678", ["曾晓"])  # F2 selects the old text
    assert desk.card.title.text() == "曾晓"  # the card follows the highlighted result
    qtbot.keyClick(main_window, Qt.Key.Key_F4)
    checkin = modal(qtbot, CheckInDialog)
    assert "曾晓" in checkin.windowTitle()


def test_the_card_follows_the_arrow_keys_and_esc_empties_it(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    from frontdesk.ui.desk.appointment_dialog import AppointmentDialog

    for name, phone in (("王芳", "13900001111"), ("王丽", "13900002222")):
        services.clients.register(admin, NewClient(name=name, phone=phone))
    desk = desk_of(main_window)
    search_for(qtbot, main_window, desk, "王", ["王芳", "王丽"])
    first, second = (h.name for h in desk.search.model.hits)
    assert desk.card.title.text() == first
    qtbot.keyClick(desk.search.box, Qt.Key.Key_Down)
    qtbot.keyClick(desk.search.table, Qt.Key.Key_Down)
    assert desk.card.title.text() == second and desk.client.name == second
    qtbot.keyClick(main_window, Qt.Key.Key_F6)
    booking = modal(qtbot, AppointmentDialog)
    assert second in booking.windowTitle()
    qtbot.keyClick(booking, Qt.Key.Key_Escape)
    back_to(qtbot, main_window)
    qtbot.keyClick(desk.search.table, Qt.Key.Key_Escape)  # clears the search and the card
    assert desk.client is None and desk.card.title.text() == "尚未选择客户"
    qtbot.keyClick(main_window, Qt.Key.Key_F4)
    assert desk.message.text() == "请先选择客户 (F2)。"


def test_a_client_picked_on_the_board_takes_the_highlight_off_the_results(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    desk = desk_of(main_window)
    search_for(qtbot, main_window, desk, "5678", ["曾晓"])
    desk.pick_client(shop["client"])  # as the board's Enter on an expected client does
    assert desk.card.title.text() == "单丽华"
    assert desk.search.highlighted_client() is None
    qtbot.keyClick(main_window, Qt.Key.Key_F2)
    qtbot.keyClicks(desk.search.box, "5678")  # the same search again
    qtbot.waitUntil(lambda: desk.card.title.text() == "曾晓", timeout=3000)


def test_more_matches_than_shown_are_said(qtbot, main_window, services: Services,
                                          admin: Actor) -> None:
    from frontdesk.ui.desk.search_panel import SHOWN

    for i in range(SHOWN):
        services.clients.register(admin, NewClient(name=f"王{i:02d}", phone=f"1390000{i:04d}"))
    desk = desk_of(main_window)
    names = [f"王{i:02d}" for i in range(SHOWN)]
    search_for(qtbot, main_window, desk, "王", names)
    assert desk.search.status.text().startswith(f"找到 {SHOWN} 位")  # exactly as many
    services.clients.register(admin, NewClient(name="王多", phone="13900009999"))
    qtbot.keyClick(main_window, Qt.Key.Key_F2)
    commit_text(desk.search.box, "王")  # the same search, one client more
    qtbot.waitUntil(lambda: desk.search.status.text().startswith(f"前 {SHOWN} 位"),
                    timeout=3000)
    assert len(desk.search.model.hits) == SHOWN


# Appointments (F6) ------------------------------------------------------------------------

def open_booking(qtbot, main_window, desk: DeskPage, client_id: int):
    from frontdesk.ui.desk.appointment_dialog import AppointmentDialog

    desk.pick_client(client_id)
    qtbot.keyClick(main_window, Qt.Key.Key_F6)
    dialog = modal(qtbot, AppointmentDialog)
    assert dialog.focusWidget() is dialog.date
    return dialog


def appointments(services: Services) -> list[tuple[str, str, int | None]]:
    from frontdesk.models.appointment import Appointment

    with services.db.read() as s:
        return [(a.starts_at.astimezone().strftime("%H:%M"),
                 a.ends_at.astimezone().strftime("%H:%M"), a.service_item_id)
                for a in s.scalars(select(Appointment).order_by(Appointment.id))]


@pytest.mark.parametrize(("language", "typed", "ends"), [
    ("zh_CN", "1400", "结束时间 15:00"), ("en", "1400", "Ends at 15:00"),
    ("en", "1500", "Ends at 16:00"), ("en", "3pm", "Ends at 16:00"),
    ("zh_CN", "下午3点", "结束时间 16:00")])
def test_a_time_typed_in_one_go_is_that_time_in_either_language(
        qtbot, main_window, services: Services, shop: dict[str, int], translations,
        language: str, typed: str, ends: str) -> None:
    translations.apply(language)
    dialog = open_booking(qtbot, main_window, desk_of(main_window), shop["client"])
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.time
    if typed.isascii():
        qtbot.keyClicks(dialog.time, typed)
    else:
        dialog.time.selectAll()
        commit_text(dialog.time, typed)
    qtbot.keyClick(dialog.time, Qt.Key.Key_Tab)
    start = "15:00" if typed in ("1500", "3pm", "下午3点") else "14:00"
    assert dialog.time.text() == start and dialog.ends.text() == ends
    if language == "zh_CN":
        assert untranslated(visible_texts(dialog)) == []
    qtbot.keyClick(dialog.service, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert appointments(services) == [(start, ends[-5:], None)]


def test_the_duration_shown_is_the_one_booked_and_the_end_follows(
        qtbot, main_window, services: Services, shop: dict[str, int]) -> None:
    dialog = open_booking(qtbot, main_window, desk_of(main_window), shop["client"])
    tab_until(qtbot, dialog, dialog.time)
    qtbot.keyClicks(dialog.time, "1400")
    qtbot.keyClick(dialog.time, Qt.Key.Key_Tab)
    assert dialog.duration.value() == 60 and dialog.ends.text() == "结束时间 15:00"
    choose(qtbot, dialog.service, "经络推拿")  # a 45-minute service
    assert dialog.duration.value() == 45 and dialog.ends.text() == "结束时间 14:45"
    qtbot.keyClick(dialog.service, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.duration
    dialog.duration.selectAll()
    qtbot.keyClicks(dialog.duration, "50")  # the desk changes it
    assert dialog.ends.text() == "结束时间 14:50"
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert appointments(services) == [("14:00", "14:50", shop["massage"])]


def test_a_start_that_has_passed_is_said_at_once_and_refused(
        qtbot, main_window, services: Services, shop: dict[str, int]) -> None:
    dialog = open_booking(qtbot, main_window, desk_of(main_window), shop["client"])
    qtbot.keyClick(dialog.date, Qt.Key.Key_Down)  # the day before today cannot be chosen
    assert dialog.date.date() == dialog.date.minimumDate()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.time, "1000")  # the clock says 10:30
    assert dialog.ends.text() == "这个时间已经过去了，请选择更晚的时间。"
    qtbot.keyClick(dialog.time, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.errors.text("starts_at") == "这个时间已经过去了。"
    assert appointments(services) == []
    dialog.time.selectAll()
    qtbot.keyClicks(dialog.time, "25:00")  # not a time: said, not booked
    assert dialog.ends.text() == "请按 1400 或 14:00 的格式输入时间。"
    qtbot.keyClick(dialog.time, Qt.Key.Key_Return)
    assert dialog.isVisible() and appointments(services) == []
    dialog.time.selectAll()
    qtbot.keyClicks(dialog.time, "1030")  # this very minute is not past
    qtbot.keyClick(dialog.time, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert appointments(services) == [("10:30", "11:30", None)]


def test_up_and_down_move_the_day_and_the_time(qtbot, main_window, services: Services,
                                                shop: dict[str, int]) -> None:
    dialog = open_booking(qtbot, main_window, desk_of(main_window), shop["client"])
    today = dialog.date.date()
    for _ in range(8):  # across the end of November
        qtbot.keyClick(dialog.date, Qt.Key.Key_Up)
    assert dialog.date.date() == today.addDays(8)
    qtbot.keyClicks(dialog.date, "5")  # digits typed go to the day
    assert dialog.date.date().day() == 5
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.time, Qt.Key.Key_Up)
    assert dialog.time.text() == "11:15"  # from 11:00, the next half hour
    qtbot.keyClick(dialog.time, Qt.Key.Key_PageDown)
    assert dialog.time.text() == "10:15"


def test_moving_an_appointment_shows_its_own_length(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    import datetime as dt

    from frontdesk.ui.desk.appointment_dialog import AppointmentDialog

    booked_row = services.appointments.book(
        admin, shop["client"], services.clock() + dt.timedelta(hours=2),
        service_item_id=shop["massage"])  # 45 minutes, from the service
    desk = desk_of(main_window)
    desk.board.refresh_now()
    desk._move_appointment(desk._expected(booked_row.id))  # the board's menu: Move…
    dialog = modal(qtbot, AppointmentDialog)
    assert dialog.duration.value() == 45 and not dialog.duration.isEnabled()
    dialog.time.setFocus()
    dialog.time.selectAll()
    qtbot.keyClicks(dialog.time, "1500")
    assert dialog.ends.text() == "结束时间 15:45"
    qtbot.keyClick(dialog.time, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert appointments(services) == [("15:00", "15:45", shop["massage"])]


# Registration (F3) ------------------------------------------------------------------------

def open_registration(qtbot, main_window):
    from frontdesk.ui.desk.register_dialog import RegisterDialog

    desk = desk_of(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_F3)
    dialog = modal(qtbot, RegisterDialog)
    assert dialog.focusWidget() is dialog.name
    return desk, dialog


def test_a_corrected_phone_takes_back_the_offer_of_the_client_who_had_it(
        qtbot, main_window, services: Services, admin: Actor, shop: dict[str, int]) -> None:
    desk, dialog = open_registration(qtbot, main_window)
    commit_text(dialog.name, "单丽")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.phone, "138 0013 1234")  # 单丽华's
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert "单丽华" in dialog.errors.text("phone")
    assert dialog.use_existing.isVisibleTo(dialog)
    dialog.phone.selectAll()
    qtbot.keyClicks(dialog.phone, "137 0000 1111")  # the number was misheard
    assert dialog.errors.text("phone") == "" and not dialog.use_existing.isVisibleTo(dialog)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert desk.client is not None and desk.client.name == "单丽"
    assert desk.client.client_id not in (shop["client"], shop["other"])


def test_every_wrong_field_is_said_at_once(qtbot, main_window, services: Services,
                                          admin: Actor) -> None:
    from frontdesk.models import Client

    _desk, dialog = open_registration(qtbot, main_window)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)  # no name
    qtbot.keyClicks(dialog.phone, "12345")
    tab_until(qtbot, dialog, dialog.birthday.calendar)
    choose(qtbot, dialog.birthday.calendar, "公历")
    for spin, value in ((dialog.birthday.month, "2"), (dialog.birthday.day, "30")):
        tab_until(qtbot, dialog, spin)
        spin.selectAll()
        qtbot.keyClicks(spin, value)
    qtbot.keyClick(dialog.birthday.day, Qt.Key.Key_Return)
    shown = {field: dialog.errors.text(field) for field in ("name", "phone", "birthday")}
    assert all(shown.values()), shown
    assert "2 月" in shown["birthday"] or "2月" in shown["birthday"]
    assert dialog.focusWidget() is dialog.name
    assert dialog.isVisible()
    with services.db.read() as s:
        assert s.scalars(select(Client)).all() == []


def test_another_name_takes_back_the_same_person_question(
        qtbot, main_window, services: Services, admin: Actor) -> None:
    from frontdesk.core.birthdays import BirthdayInput

    services.clients.register(admin, NewClient(name="李娜", phone="13900004444",
                                               birthday=BirthdayInput("solar", 5, 8)))
    _desk, dialog = open_registration(qtbot, main_window)
    commit_text(dialog.name, "李娜")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.phone, "13900005555")
    tab_until(qtbot, dialog, dialog.birthday.calendar)
    choose(qtbot, dialog.birthday.calendar, "公历")
    for spin, value in ((dialog.birthday.month, "5"), (dialog.birthday.day, "8")):
        tab_until(qtbot, dialog, spin)
        spin.selectAll()
        qtbot.keyClicks(spin, value)
    qtbot.keyClick(dialog.birthday.day, Qt.Key.Key_Return)
    assert dialog.confirm_different.isVisibleTo(dialog) and dialog.errors.text("name")
    dialog.confirm_different.setChecked(True)
    dialog.name.setFocus()
    commit_text(dialog.name, "华")  # 李娜华: someone else, asked about afresh
    assert not dialog.confirm_different.isVisibleTo(dialog)
    assert not dialog.confirm_different.isChecked() and dialog.errors.text("name") == ""


# The lock screen (Ctrl+L) -----------------------------------------------------------------

def test_the_lock_screen_says_until_when_the_account_is_locked_and_shows_it_whole(
        qtbot, main_window, services: Services, admin: Actor, translations) -> None:
    from tests.conftest import ADMIN_PASSWORD

    main_window.resize(1366, 768)
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main_window.is_locked
    screen = main_window.lock_screen
    assert screen.password.hasFocus()
    said = []
    for password in ["wrong-password"] * 5 + [ADMIN_PASSWORD]:
        qtbot.keyClicks(screen.password, password)
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        said.append(screen.error.text())
    assert said[:4] == ["密码错误（或此账号已停用）。"] * 4  # it asks for no user name
    after = "其他人可以点「退出登录」后用自己的账号登录。"
    assert said[4] == "密码错误，且错误次数过多：此账号已锁定到 10:45。\n" + after  # the 5th
    assert said[5] == "密码错误次数过多：此账号已锁定到 10:45。\n" + after  # even the right one
    assert main_window.is_locked
    assert untranslated(visible_texts(screen)) == []
    translations.apply("en")  # longer lines: the message must still be shown whole
    qtbot.keyClicks(screen.password, ADMIN_PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    error = screen.error
    assert error.text() == ("Too many wrong passwords: this account is locked until 10:45.\n"
                            "Someone else can sign in after Sign out.")
    qtbot.waitUntil(lambda: error.height() >= error.heightForWidth(error.width()), timeout=3000)
    assert error.heightForWidth(error.width()) > error.fontMetrics().height()  # two lines
