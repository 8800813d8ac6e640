"""Backups and storage problems on screen: the dialog over a damaged database, the settings
page's backup box, the desk's warning, and the timer that backs up off the UI thread."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from frontdesk.app import open_store
from frontdesk.config import Paths, sqlite_url
from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.services.backup.service import BackupService
from frontdesk.services.registry import Services
from frontdesk.storage.backups import DAILY, copy_database, default_folder, list_backups
from frontdesk.storage.private import private_dir
from frontdesk.storage.state import GoodBackup, load_state, save_state
from frontdesk.ui.backups import BackupScheduler
from frontdesk.ui.controller import AppController
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.worker import DbWorker
from tests.conftest import FakeClock
from tests.damaged import garbage_in_a_page, sqlite_store, zero_bytes
from tests.ui.visible_text import untranslated, visible_texts

TAKEN = dt.datetime(2026, 11, 20, 1, 15, tzinfo=dt.UTC)  # 09:15 in Shanghai


def _close_storage_dialog(seen: list[tuple[str, str]]) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "storageErrorDialog" \
                and widget.isVisible():
            seen.append((widget.text(), widget.informativeText()))
            widget.accept()


DAMAGE = {"0 bytes": (zero_bytes, "0 字节"),
          "garbage in the store's page": (partial(garbage_in_a_page, table="branch"), "已损坏")}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_database_behind_the_sign_in_is_explained_and_kept(
        kind: str, qtbot, tmp_path: Path, local_settings: LocalSettings,
        translations: Translations) -> None:
    """The PC remembers the store; its file is now empty, or the page of the store's name is
    garbage (found by the first reads after opening). The dialog says so in Chinese and lists
    the backup with its date; no wizard makes a new store over the file."""
    damage, says = DAMAGE[kind]
    path = sqlite_store(tmp_path / "data", clients=5)
    backup = copy_database(path, private_dir(default_folder(path)), DAILY, TAKEN).path
    damage(path)
    damaged = path.read_bytes()
    local_settings.store_name = "水沐莲清美容会所"
    paths = Paths(tmp_path / "data", tmp_path / "log", sqlite_url(path))
    controller = AppController(None, local_settings, translations)
    seen: list[tuple[str, str]] = []
    closer = QTimer(interval=20, timeout=lambda: _close_storage_dialog(seen))
    closer.start()
    controller.start_while_opening(lambda: open_store(paths))
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    closer.stop()
    controller.worker.shutdown()
    advice, backups = seen[0]
    assert says in advice and "恢复" in advice
    assert "2026-11-20 09:15" in backups and str(backup) in backups
    assert path.read_bytes() == damaged and controller.wizard is None and controller.window is None
    assert controller.exit_code == 3 and not controller.login.isVisible()


@pytest.fixture
def sqlite_services(sqlite_db: Database, clock: FakeClock, tmp_path: Path) -> Services:
    return Services(sqlite_db, clock, photos_dir=tmp_path / "photos")


@pytest.fixture
def manager(sqlite_services: Services) -> Actor:
    return sqlite_services.store.initialise("水沐莲清", "admin", "管理员", "correct-horse-9")


@pytest.fixture
def window(qtbot, sqlite_services: Services, manager: Actor, local_settings: LocalSettings,
           translations: Translations):
    worker = DbWorker()
    scheduler = BackupScheduler(sqlite_services.backups)
    win = MainWindow(sqlite_services, manager, local_settings, worker, backups=scheduler)
    qtbot.addWidget(win)
    win.show()
    yield win
    scheduler.stop()
    worker.shutdown()


def _wait_for_status(qtbot, win: MainWindow) -> None:
    """Until the window's first status report (a refresh on the backup thread) arrived."""
    qtbot.waitUntil(lambda: win.backups.status is not None and not win.backups.busy,
                    timeout=30000)


def _back_up_now(qtbot, win: MainWindow) -> None:
    win.page("settings").findChild(QPushButton, "backUpNow").click()
    assert win.backups.busy
    qtbot.waitUntil(lambda: not win.backups.busy, timeout=30000)


def test_the_settings_page_chooses_a_folder_and_backs_up_now(
        qtbot, window: MainWindow, sqlite_services: Services, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    window.show_page("settings")
    page = window.page("settings")
    message, last = page.findChild(QLabel, "backupMessage"), page.findChild(QLabel, "lastBackup")
    _wait_for_status(qtbot, window)
    assert last.text() == "暂无" and "还没有任何备份" in message.text()
    _back_up_now(qtbot, window)  # into backups/ beside the database
    assert message.text() == "备份已完成并通过校验。"
    assert str(tmp_path / "backups") in last.text() and not window.backup_banner.isVisible()
    folder = page.findChild(QLineEdit, "backupFolder")
    folder.setText(str(tmp_path / "nowhere"))
    page.findChild(QPushButton, "saveBackupFolder").click()
    assert "找不到备份文件夹" in message.text()
    folder.setText(str(usb))
    with qtbot.waitSignal(window.backups.status_changed, timeout=30000):  # the status again
        page.findChild(QPushButton, "saveBackupFolder").click()
    assert str(usb) in message.text()  # and the answer stays
    _back_up_now(qtbot, window)
    made = list_backups(usb, "frontdesk")
    assert len(made) == 1 and str(made[0].path) in last.text()
    assert untranslated([t for t in visible_texts(page) if str(tmp_path) not in t]) == []


def test_a_receptionist_sees_the_backups_but_cannot_change_them(
        qtbot, sqlite_services: Services, manager: Actor, local_settings: LocalSettings,
        translations: Translations) -> None:
    sqlite_services.staff.add_staff(manager, "lily", "莉莉", Role.RECEPTIONIST, "desk-pass-1")
    lily = sqlite_services.auth.sign_in("lily", "desk-pass-1")
    worker, scheduler = DbWorker(), BackupScheduler(sqlite_services.backups)
    win = MainWindow(sqlite_services, lily, local_settings, worker, backups=scheduler)
    qtbot.addWidget(win)
    page = win.page("settings")
    for name in ("backupFolder", "saveBackupFolder", "backUpNow", "chooseBackupFolder"):
        assert not page.findChild(QWidget, name).isEnabled(), name
    scheduler.stop()
    worker.shutdown()


def _state_with_a_good_backup(services: Services, at: dt.datetime, folder: str = "") -> None:
    database = Path(services.db.url.split("///", 1)[1])
    state = dataclasses.replace(load_state(database), folder=folder,
                                last_good=GoodBackup(at, str(database), 1000))
    save_state(database, state)


def test_the_desk_warns_when_the_last_good_backup_is_over_two_days_old(
        qtbot, sqlite_services: Services, manager: Actor, clock: FakeClock,
        local_settings: LocalSettings, translations: Translations, tmp_path: Path) -> None:
    _state_with_a_good_backup(sqlite_services, clock.now - dt.timedelta(days=2, minutes=1))
    worker, scheduler = DbWorker(), BackupScheduler(sqlite_services.backups)
    win = MainWindow(sqlite_services, manager, local_settings, worker, backups=scheduler)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.backup_banner.isVisible(), timeout=30000)
    assert "2026-11-21 10:29" in win.backup_banner.text() and "两天" in win.backup_banner.text()
    assert untranslated(visible_texts(win)) == []
    with qtbot.waitSignal(scheduler.status_changed, timeout=30000):
        scheduler.tick()  # the daily backup is due: made now, and the warning goes
    assert not win.backup_banner.isVisible()
    usb = tmp_path / "usb"
    usb.mkdir()
    sqlite_services.backups.choose_folder(manager, str(usb))
    usb.rmdir()  # the USB disk is unplugged
    with qtbot.waitSignal(scheduler.status_changed, timeout=30000):
        scheduler.refresh()
    assert win.backup_banner.isVisible() and str(usb) in win.backup_banner.text()
    scheduler.stop()
    worker.shutdown()


class GatedBackups(BackupService):
    """The real service, whose daily backup waits for the test and notes its thread."""

    def __init__(self, services: Services) -> None:
        super().__init__(services.db, services.clock)
        self.gate = threading.Event()
        self.threads: list[threading.Thread] = []

    def run_if_due(self):  # type: ignore[no-untyped-def]
        self.threads.append(threading.current_thread())
        assert self.gate.wait(30)
        return super().run_if_due()


def test_the_timer_backs_up_off_the_ui_thread_and_skips_a_tick_while_busy(
        qtbot, sqlite_services: Services, manager: Actor) -> None:
    service = GatedBackups(sqlite_services)
    scheduler = BackupScheduler(service)
    scheduler.start()
    qtbot.waitUntil(lambda: scheduler.busy and len(service.threads) == 1, timeout=30000)
    scheduler.tick()  # the backup is still running: this tick is skipped
    assert not scheduler.back_up_now(manager)
    with qtbot.waitSignal(scheduler.status_changed, timeout=30000):
        service.gate.set()
    assert len(service.threads) == 1 and service.threads[0] is not threading.main_thread()
    assert scheduler.status is not None and scheduler.status.last_good is not None
    assert [b.kind for b in sqlite_services.backups.backups()] == ["daily"]
    scheduler.at_close()  # one more at close: the newest of the day, so the one kept
    assert [b.kind for b in sqlite_services.backups.backups()] == ["close"]
