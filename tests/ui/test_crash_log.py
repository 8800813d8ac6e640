"""The crash handler's log line holds no personal data, and the log file is its owner's only.

An unexpected error is forced through a real service call whose SQL carries a
phone number and a name (the client table lost a column the INSERT needs),
handed to the real crash handler (which also shows the crash dialog, closed
here), and the log file is read back.
"""

from __future__ import annotations

import logging
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.services.clients.registration import DuplicatePhone, NewClient
from frontdesk.services.registry import Services
from frontdesk.ui.errors import install_excepthook, setup_logging
from tests.conftest import ADMIN_PASSWORD, FakeClock

PHONE = "13912345678"
NAME = "林晓梅"
NOTE = "过敏：芒果"


@pytest.fixture
def log_file(tmp_path: Path):
    path = tmp_path / "log" / "frontdesk.log"
    before = list(logging.getLogger().handlers)
    setup_logging(path)
    yield path
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def _crash(exc: BaseException, log_file: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Hand ``exc`` to the installed crash handler; the crash dialog it shows is closed."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(log_file)
    shown: list[str] = []

    def close_crash_dialog() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == "crashDialog" \
                    and widget.isVisible():
                shown.append(widget.text())
                widget.accept()

    closer = QTimer(interval=20, timeout=close_crash_dialog)
    closer.start()
    sys.excepthook(type(exc), exc, exc.__traceback__)
    closer.stop()
    return shown


def test_an_unexpected_sql_error_is_logged_without_the_phone_or_the_name(
        qtbot, sqlite_db: Database, tmp_path: Path, log_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    services = Services(sqlite_db, FakeClock(), photos_dir=tmp_path / "photos")
    admin: Actor = services.store.initialise("水沐莲清", "admin", "管理员", ADMIN_PASSWORD)
    with sqlite_db.write() as s:
        s.execute(text("ALTER TABLE client RENAME COLUMN note TO note_gone"))
    with pytest.raises(Exception) as caught:
        services.clients.register(admin, NewClient(name=NAME, phone=PHONE, note=NOTE))
    exc = caught.value
    assert PHONE not in str(exc) and NAME not in str(exc)  # the engine hides the parameters
    shown = _crash(exc, log_file, monkeypatch)
    assert shown and str(log_file) in shown[0]
    logged = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "OperationalError" in logged
    assert "INSERT INTO client" in logged and "register" in logged  # what, and where
    for secret in (PHONE, PHONE[-8:], NAME, NOTE):
        assert secret not in logged, secret
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_a_domain_error_or_a_value_error_reaching_the_handler_keeps_its_params_out(
        qtbot, log_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A DomainError that a screen forgot to catch, a ValueError that quotes its value, and the
    error that was being handled when it happened: types and templates only."""
    try:
        try:
            int(f"phone {PHONE}")
        except ValueError as inner:
            raise DuplicatePhone(7, NAME) from inner
    except DuplicatePhone as exc:
        _crash(exc, log_file, monkeypatch)
    logged = log_file.read_text(encoding="utf-8")
    assert "DuplicatePhone: This phone number belongs to {name} already." in logged
    assert "ValueError" in logged and "direct cause" in logged
    assert PHONE not in logged and NAME not in logged
