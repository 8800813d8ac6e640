"""Visitor classes at the desk, by keyboard: who is told of an important visitor, the notice
on the manager's desk, and a special visitor's incident note read by a manager."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.core.visitors import VisitorClass
from frontdesk.models.appointment import Appointment, AppointmentStatus
from frontdesk.models.visitors import StaffNotice
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import BoardSection
from frontdesk.services.registry import Services
from frontdesk.ui.desk.checkin_dialog import CheckInDialog
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.desk.visitor_note_dialog import VisitorNoteDialog
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.worker import DbWorker
from tests.ui.test_desk_keys import (
    commit_text,
    desk_of,
    modal,
    search_for,
)
from tests.ui.visible_text import untranslated, visible_texts


@pytest.fixture
def people(services: Services, admin: Actor) -> dict[str, Actor]:
    for user, name, role in (("dianzhang", "张店长", Role.MANAGER),
                             ("qiantai", "前台小王", Role.RECEPTIONIST)):
        services.staff.add_staff(admin, user, name, role, "password-123")
    return {"manager": services.auth.sign_in("dianzhang", "password-123"),
            "desk": services.auth.sign_in("qiantai", "password-123")}


@pytest.fixture
def open_desk(qtbot, services: Services, local_settings: LocalSettings, worker: DbWorker,
              translations: Translations):
    from frontdesk.ui.main_window import MainWindow

    def open_as(actor: Actor):
        window = MainWindow(services, actor, local_settings, worker)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitActive(window):
            window.activateWindow()
        return window, desk_of(window)
    return open_as


def test_an_important_visitor_is_announced_and_the_manager_marks_the_notice_seen(
        qtbot, services: Services, admin: Actor, people: dict[str, Actor], open_desk) -> None:
    client = services.clients.register(admin, NewClient(
        "周总", "13900004444", visitor_class=VisitorClass.IMPORTANT)).client_id
    services.appointments.book(admin, client, services.clock() + dt.timedelta(hours=1),
                               duration_min=60)
    window, desk = open_desk(people["desk"])
    desk.board.refresh_now()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert desk.board.selected() is not None
    assert desk.board.selected()[0] is BoardSection.EXPECTED
    assert desk.board.tree.currentItem().text(0) == "周总 （重要访客：告知张店长）"
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_Return)
    checkin = modal(qtbot, CheckInDialog)
    assert "重要：签到后将通知张店长负责接待。" in visible_texts(checkin)
    assert untranslated(visible_texts(checkin)) == []
    qtbot.keyClick(checkin.prep_note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not checkin.isVisible(), timeout=3000)
    with services.db.read() as s:  # arrived for the appointment (the dialog once lost it)
        assert s.scalar(select(Appointment.status)) is AppointmentStatus.ARRIVED
    assert not desk.notices.isVisibleTo(desk)  # the receptionist is not told herself
    window.close()

    window, desk = open_desk(people["manager"])
    desk.notices.refresh_now()
    assert desk.notices.isVisibleTo(desk)
    [line] = [desk.notices.list.item(i).text() for i in range(desk.notices.list.count())]
    assert line == "10:30 重要访客周总已到店：请接待。（前台小王签到）"
    assert untranslated(visible_texts(desk.notices)) == []
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert desk.notices.list.hasFocus()
    qtbot.keyClick(desk.notices.list, Qt.Key.Key_Return)
    assert not desk.notices.isVisibleTo(desk)
    with services.db.read() as s:
        assert s.scalar(select(StaffNotice.seen_at)) is not None


def test_a_special_visitors_incident_is_noted_by_keyboard_and_a_manager_reads_it(
        qtbot, services: Services, admin: Actor, people: dict[str, Actor], open_desk) -> None:
    services.clients.register(admin, NewClient("钱某", "13900006666",
                                               visitor_class=VisitorClass.SPECIAL))
    window, desk = open_desk(people["desk"])
    search_for(qtbot, window, desk, "6666", ["钱某"])
    qtbot.keyClick(desk.search.box, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, VisitorNoteDialog)
    assert isinstance(dialog, VisitorNoteDialog) and dialog.text.hasFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # nothing written: said beside the note
    assert dialog.isVisible() and dialog.errors.text("text") == "请写明发生了什么，或原因。"
    commit_text(dialog.text, "在前台大声争吵，劝说后离开")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert desk.card.visitor_notes.isHidden()  # a receptionist does not read them
    window.close()

    window, desk = open_desk(people["manager"])
    assert isinstance(desk, DeskPage)
    search_for(qtbot, window, desk, "6666", ["钱某"])
    qtbot.keyClick(desk.search.box, Qt.Key.Key_Return)
    assert desk.card.visitor_notes.isVisibleTo(desk)
    assert desk.card.visitor_notes.text() == \
        "最近事件 2026-11-23（前台小王）：在前台大声争吵，劝说后离开 · 共 1 次"
