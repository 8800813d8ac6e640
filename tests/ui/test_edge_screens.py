"""Edge inputs on the screens: said beside the field, in Chinese, never a crash dialog.

A booking in the year 9999 raised OverflowError (a crash dialog); a sheet saved to a
folder that is not there showed the system's English error and left a health.view
row; a pasted control character reached the database.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.models import AuditEntry, Client
from frontdesk.models.appointment import Appointment
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from frontdesk.ui.clients.clients_page import ClientsPage
from frontdesk.ui.i18n import Translations
from frontdesk.ui.worker import DbWorker


@pytest.fixture
def client_id(services: Services, admin: Actor) -> int:
    return services.clients.register(admin, NewClient(
        name="单丽华", phone="138 0013 1234", consent_health=True)).client_id


def count(services: Services, *where: object) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(where[0]).where(*where[1:])) or 0


def test_a_booking_in_the_year_9999_is_refused_beside_the_time(
        qtbot, main_window, services: Services, client_id: int) -> None:
    from frontdesk.ui.desk.appointment_dialog import AppointmentDialog

    main_window.show_page("desk")
    main_window.page("desk").pick_client(client_id)
    dialog = AppointmentDialog(services, main_window.actor, main_window.page("desk").client,
                               parent=main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(QDate(9999, 12, 31))  # held at the last day a booking can be on
    assert dialog.date.date() == dialog.date.maximumDate() < QDate(9999, 12, 31)
    dialog.time.setText("2330")  # later that day than a year from now
    dialog._save()
    assert dialog.errors.text("starts_at") == "预约最多只能提前一年。"
    assert dialog.isVisible() and count(services, Appointment) == 0


def test_a_sheet_saved_to_a_missing_folder_is_said_in_red_and_not_audited(
        qtbot, services: Services, admin: Actor, client_id: int, worker: DbWorker,
        tmp_path: Path, translations: Translations) -> None:
    page = ClientsPage(services, admin, worker)
    qtbot.addWidget(page)
    page.show()
    page.open_client(client_id)
    missing = tmp_path / "U盘" / "单丽华.pdf"
    assert not page.profile.sheets.write(client_id, missing)
    assert page.profile.message.text() == f"文件夹 {missing.parent} 不存在。"
    assert page.profile.message.objectName() == "fieldError"
    assert count(services, AuditEntry, AuditEntry.detail.like("sheet%")) == 0
    assert page.profile.sheets.write(client_id, tmp_path / "单丽华.pdf")
    assert count(services, AuditEntry, AuditEntry.detail.like("sheet%")) == 1


def test_a_pasted_control_character_is_refused_beside_the_name(
        qtbot, main_window, services: Services, admin: Actor) -> None:
    from frontdesk.ui.desk.register_dialog import RegisterDialog

    dialog = RegisterDialog(services, admin, parent=main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.insert("王\x00芳")
    qtbot.keyClicks(dialog.phone, "13700001111")
    dialog._register()
    assert dialog.errors.text("name") == ("这段文字含有看不见的控制字符（U+0000），"
                                          "请去掉后重新输入。")
    assert dialog.isVisible() and count(services, Client) == 0
