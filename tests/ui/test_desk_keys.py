"""Every path at the desk with the keyboard only: keys pressed on the real widgets, the focus
moving with Tab, and what the database holds afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget

from frontdesk.core.context import Actor, Role
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import BoardSection, CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.desk.desk_page import DeskPage

FACIAL_FEN = 38800


@pytest.fixture(autouse=True)
def _close_windows(qapp: QApplication):
    yield
    for widget in qapp.topLevelWidgets():
        widget.close()


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
