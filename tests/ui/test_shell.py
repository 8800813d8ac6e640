"""The foundation's screens: first-run wizard → sign-in → main window, lock, language, roles."""

from __future__ import annotations

import re
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QListWidget, QWidget
from sqlalchemy import func, select

from frontdesk.bootstrap import DemoStoreLoader, demo_loader
from frontdesk.core.context import Actor, Role
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.models import Client, Staff
from frontdesk.services.registry import Services
from frontdesk.ui.controller import AppController
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.wizard import SetupWizard
from tests.conftest import ADMIN_PASSWORD
from tests.ui.visible_text import untranslated, visible_texts


def _type(qtbot, widget: QLineEdit, text: str) -> None:
    """Type as a person would; Chinese arrives whole, as an input method commits it."""
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def _wizard_next(qtbot, wizard: SetupWizard) -> None:
    qtbot.keyClick(wizard, Qt.Key.Key_Return)


def test_first_run_wizard_then_login_then_main_window(
        qtbot, services: Services, local_settings: LocalSettings,
        translations: Translations) -> None:
    controller = AppController(services, local_settings, translations,
                               load_demo=demo_loader(services.db))
    controller.start()
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible()
    assert untranslated(visible_texts(wizard)) == []
    _type(qtbot, wizard.findChild(QLineEdit, "storeName"), "水沐莲清美容会所")
    wizard.next()
    page = wizard.admin_page
    _type(qtbot, page.display_name, "林店长")
    _type(qtbot, page.password, "short")
    _type(qtbot, page.confirm, "short")
    wizard.next()  # refused: too short, shown beside the field
    assert wizard.currentPage() is page
    assert "8" in page.errors.text("password")
    assert not services.store.is_initialised()
    _type(qtbot, page.password, "lotus-2026")
    _type(qtbot, page.confirm, "lotus-2026")
    assert not wizard.findChild(QCheckBox, "loadDemo").isChecked()
    wizard.accept()
    assert services.store.is_initialised()

    login = controller.login
    assert isinstance(login, LoginDialog) and login.isVisible()
    assert untranslated(visible_texts(login)) == []
    _type(qtbot, login.username, "admin")
    _type(qtbot, login.password, "lotus-2026")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    window = controller.window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.findChild(QLabel, "statusStore").text() == "水沐莲清美容会所"
    assert window.findChild(QLabel, "statusUser").text() == "林店长"
    assert window.findChild(QLabel, "statusRole").text() == "管理员"


def test_wrong_password_is_said_inline_and_the_dialog_stays(
        qtbot, services: Services, admin: Actor, translations: Translations) -> None:
    login = LoginDialog(services, "水沐莲清")
    qtbot.addWidget(login)
    login.show()
    _type(qtbot, login.username, "admin")
    _type(qtbot, login.password, "wrong-password")
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert login.isVisible() and login.actor is None
    assert login.error.text() == "用户名或密码错误。"
    assert login.password.text() == ""


def test_every_page_of_the_main_window_is_translated(qtbot, main_window) -> None:
    nav = main_window.findChild(QListWidget, "navigation")
    for row in range(nav.count()):
        nav.setCurrentRow(row)
        texts = visible_texts(main_window)
        assert untranslated(texts) == [], f"page {row}: {untranslated(texts)}"
    main_window.lock()
    assert untranslated(visible_texts(main_window)) == []


def test_idle_lock_covers_the_desk_and_keeps_what_was_on_screen(
        qtbot, main_window, services: Services) -> None:
    typed = QLineEdit(main_window.page("settings"), objectName="scratch")
    typed.setText("半填的内容")
    main_window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: main_window.is_locked, timeout=2000)
    screen = main_window.lock_screen
    _type(qtbot, screen.password, "not-it-at-all")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert main_window.is_locked
    assert screen.error.text() == "密码错误（或此账号已停用）。"  # it asks no user name
    _type(qtbot, screen.password, ADMIN_PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not main_window.is_locked
    assert main_window.findChild(QLineEdit, "scratch").text() == "半填的内容"


def test_switching_to_english_rebuilds_the_window_in_english(
        qtbot, services: Services, admin: Actor, local_settings: LocalSettings,
        translations: Translations) -> None:
    controller = AppController(services, local_settings, translations,
                               load_demo=demo_loader(services.db))
    controller.open_main(admin)
    old = controller.window
    assert old is not None
    old.show_page("settings")
    settings_page = old.page("settings")
    settings_page.language.setCurrentIndex(settings_page.language.findData("en"))
    settings_page.findChild(QWidget, "applyLanguage").click()
    new = controller.window
    assert new is not None and new is not old
    qtbot.addWidget(new)
    nav = new.findChild(QListWidget, "navigation")
    assert nav.item(0).text() == "Check-in desk"
    assert new.findChild(QLabel, "statusRole").text() == "Administrator"
    assert local_settings.language == "en"


def test_a_receptionist_cannot_change_the_idle_lock(
        qtbot, services: Services, admin: Actor, local_settings: LocalSettings,
        worker, translations: Translations) -> None:
    from frontdesk.ui.main_window import MainWindow

    services.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST, "desk-pass-1")
    receptionist = services.auth.sign_in("lily", "desk-pass-1")
    window = MainWindow(services, receptionist, local_settings, worker)
    qtbot.addWidget(window)
    page = window.page("settings")
    assert not page.idle_minutes.isEnabled()
    page._save_idle_minutes()  # even if the button were reachable, the service refuses
    assert "无权" in page.lock_message.text()
    assert services.store.idle_lock_minutes(admin.branch_id) == 10


def test_unlocking_with_a_role_changed_meanwhile_rebuilds_the_screens_for_it(
        qtbot, services: Services, admin: Actor, local_settings: LocalSettings,
        translations: Translations) -> None:
    services.staff.add_staff(admin, "lily", "莉莉", Role.RECEPTIONIST, "desk-pass-1")
    controller = AppController(services, local_settings, translations)
    controller.open_main(services.auth.sign_in("lily", "desk-pass-1"))
    old = controller.window
    assert old is not None
    old.lock()
    with services.db.write() as s:  # a manager makes her a consultant meanwhile
        s.scalar(select(Staff).where(Staff.username == "lily")).role = Role.CONSULTANT
    _type(qtbot, old.lock_screen.password, "desk-pass-1")
    qtbot.keyClick(old.lock_screen.password, Qt.Key.Key_Return)
    new = controller.window
    assert new is not None and new is not old and not new.is_locked
    qtbot.addWidget(new)
    assert new.actor.role is Role.CONSULTANT
    assert new.findChild(QLabel, "statusRole").text() == "顾问"
    controller.worker.shutdown()  # the new desk's first loads finish before the test ends


def test_staff_made_inactive_cannot_unlock(qtbot, services: Services, admin: Actor,
                                           main_window) -> None:
    main_window.lock()
    with services.db.write() as s:
        s.scalar(select(Staff).where(Staff.username == "admin")).active = False
    _type(qtbot, main_window.lock_screen.password, ADMIN_PASSWORD)
    qtbot.keyClick(main_window.lock_screen.password, Qt.Key.Key_Return)
    assert main_window.is_locked
    assert main_window.lock_screen.error.text() == "密码错误（或此账号已停用）。"


def test_without_a_display_the_program_says_so_in_one_line(monkeypatch, capsys, tmp_path) -> None:
    from frontdesk.app import run_gui
    from frontdesk.config import load_paths

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path))
    assert run_gui(load_paths()) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "xvfb-run" in err[0]


TICKS = 5
"""Timer ticks the UI thread must deliver while the demo store loads."""
GATE_S = 10
"""How long the loader waits for those ticks: a bound against a hang, not a time budget."""


def _demo_progress() -> QWidget | None:
    shown = [w for w in QApplication.topLevelWidgets()
             if w.objectName() == "demoProgress" and w.isVisible()]
    return shown[0] if shown else None


def test_the_wizard_can_load_a_demo_store_without_freezing(
        qtbot, services: Services, local_settings: LocalSettings,
        translations: Translations) -> None:
    """The UI thread keeps delivering events, progress dialog up, while the demo store loads.

    A 10 ms timer on the UI thread counts its ticks while the load runs and the progress
    dialog is visible. The loader is the real one, wrapped to note its thread and, should the
    fill end before TICKS ticks came, to wait for them (at most GATE_S): so the count does
    not depend on how fast the machine fills, and a load run on the UI thread gets no tick.
    """
    from frontdesk.ui.wizard import DEMO_CLIENTS

    fill = demo_loader(services.db)
    loading, enough = threading.Event(), threading.Event()
    load_threads: list[threading.Thread] = []
    ticks = 0

    class Load(DemoStoreLoader):
        def __call__(self, clients: int, language: str) -> object:
            load_threads.append(threading.current_thread())
            loading.set()
            try:
                summary = fill(clients, language)
                enough.wait(GATE_S)
                return summary
            finally:
                loading.clear()

    load = Load(services.db)

    def tick() -> None:
        nonlocal ticks
        progress = _demo_progress()
        if loading.is_set() and progress is not None and progress.isVisible():
            ticks += 1
            if ticks >= TICKS:
                enough.set()

    controller = AppController(services, local_settings, translations, load_demo=load)
    controller.start()
    wizard = controller.wizard
    wizard.store_page.store_name.setText("水沐莲清")
    wizard.next()
    wizard.admin_page.password.setText("lotus-2026")
    wizard.admin_page.confirm.setText("lotus-2026")
    wizard.admin_page.demo.setChecked(True)
    shown = wizard.findChild(QLabel, "demoAccounts").text().splitlines()
    timer = QTimer(interval=10, timeout=tick)
    timer.start()
    wizard.accept()
    qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible(),
                    timeout=60000)
    timer.stop()
    controller.worker.shutdown()
    assert ticks >= TICKS, f"the UI thread delivered {ticks} ticks while the store loaded"
    assert [t is threading.main_thread() for t in load_threads] == [False]
    assert _demo_progress() is None or not _demo_progress().isVisible()

    admin = services.auth.sign_in("admin", "lotus-2026")
    assert len(services.search.search(admin, "wang", limit=200)) > 0
    assert services.store.home_store().name == "水沐莲清"
    with services.db.read() as s:
        assert s.scalar(select(func.count(Client.id))) == DEMO_CLIENTS
    for line in shown[1:]:  # every account the wizard showed signs in with the password shown
        assert services.auth.sign_in(line.split()[0], DEMO_PASSWORD).role is not Role.ADMIN
    # five desk accounts, two care, the complaint handler and the quality inspector
    assert len(shown) == 10 and DEMO_PASSWORD in shown[0]


def _wizard_at_the_demo_step(controller: AppController) -> SetupWizard:
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    wizard.store_page.store_name.setText("水沐莲清")
    wizard.next()
    return wizard


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_wizard_shows_the_demo_accounts_before_it_makes_them(
        qtbot, services: Services, local_settings: LocalSettings, translations: Translations,
        language: str) -> None:
    translations.apply(language)
    controller = AppController(services, local_settings, translations,
                               load_demo=demo_loader(services.db))
    wizard = _wizard_at_the_demo_step(controller)
    qtbot.addWidget(wizard)
    accounts = wizard.findChild(QLabel, "demoAccounts")
    assert not accounts.isVisible()
    qtbot.mouseClick(wizard.admin_page.demo, Qt.MouseButton.LeftButton)
    assert accounts.isVisible()
    text = accounts.text()
    assert DEMO_PASSWORD in text
    manager = ("manager — 周丽娟（店长）" if language == "zh_CN"
               else "manager — Zhou Lijuan, Manager")
    assert manager in text
    for username in ("reception1", "reception2", "consultant1", "consultant2", "care1", "care2"):
        assert f"\n{username} — " in text
    assert "admin —" not in text  # the wizard makes its own admin
    typed = re.compile(rf"{DEMO_PASSWORD}|\b(manager|reception\d|consultant\d|care\d"
                       r"|complaints\d|qc\d)\b")
    if language == "zh_CN":
        assert untranslated([typed.sub("", t) for t in visible_texts(wizard)]) == []
    with services.db.read() as s:  # shown, not made: nothing is written before Finish
        assert s.scalar(select(func.count(Staff.id))) == 0


def test_without_a_demo_loader_the_wizard_offers_no_demo(
        qtbot, services: Services, local_settings: LocalSettings,
        translations: Translations) -> None:
    wizard = _wizard_at_the_demo_step(AppController(services, local_settings, translations))
    qtbot.addWidget(wizard)
    assert not wizard.admin_page.demo.isVisible()


class SlowOpening:
    """The store opener of app.py, held until the test lets the database 'finish opening'."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.go = threading.Event()

    def __call__(self) -> tuple[Services, object]:
        assert self.go.wait(30)
        return self.services, demo_loader(self.services.db)


def test_a_later_start_signs_in_while_the_database_opens(
        qtbot, services: Services, admin: Actor, local_settings: LocalSettings,
        translations: Translations) -> None:
    local_settings.store_name = "水沐莲清（上次的名字）"  # as this PC saw it last time
    opening = SlowOpening(services)
    controller = AppController(None, local_settings, translations)
    controller.start_while_opening(opening)
    login = controller.login
    assert login is not None and login.isVisible() and not controller.opened
    assert login.store_name.text() == "水沐莲清（上次的名字）"
    _type(qtbot, login.username, "admin")
    _type(qtbot, login.password, ADMIN_PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)  # before the database is open
    assert login.error.text() == "正在打开数据库…" and controller.window is None
    opening.go.set()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=20000)
    qtbot.addWidget(controller.window)
    assert login.store_name.text() == "水沐莲清美容会所"  # the database's own name wins…
    assert local_settings.store_name == "水沐莲清美容会所"  # …and is remembered
    assert controller.window.actor.username == "admin"
    controller.worker.shutdown()


def test_a_remembered_name_over_an_empty_database_leads_to_the_wizard(
        qtbot, services: Services, local_settings: LocalSettings,
        translations: Translations) -> None:
    local_settings.store_name = "旧店"
    opening = SlowOpening(services)
    opening.go.set()
    controller = AppController(None, local_settings, translations)
    controller.start_while_opening(opening)
    qtbot.waitUntil(lambda: controller.wizard is not None, timeout=20000)
    assert controller.wizard.isVisible() and not controller.login.isVisible()
    controller.worker.shutdown()
