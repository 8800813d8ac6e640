"""The path through the program: set-up wizard → sign-in → main window (→ lock, sign out).

The main window and the wizard are imported when they are first opened: the
main window brings every screen (the desk, the client pages and their printing),
and the sign-in dialog need not wait for them to load.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.registry import Services
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.worker import DbWorker

if TYPE_CHECKING:
    from frontdesk.ui.main_window import MainWindow
    from frontdesk.ui.wizard import SetupWizard

log = logging.getLogger(__name__)

DemoLoader = Callable[[int], object]
"""Fills the database with a demo store of N clients (made by the composition root)."""


class AppController(QObject):
    """Owns the top-level windows; one of them is open at a time."""

    def __init__(self, services: Services, settings: LocalSettings,
                 translations: Translations, *, load_demo: DemoLoader) -> None:
        super().__init__()
        self.services = services
        self._load_demo_store = load_demo
        self.settings = settings
        self.translations = translations
        self.worker = DbWorker(self)
        self.wizard: SetupWizard | None = None
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self._progress: QProgressDialog | None = None

    def start(self) -> None:
        if self.services.store.is_initialised():
            self.show_login()
        else:
            self.show_wizard()

    def show_wizard(self) -> None:
        from frontdesk.ui.wizard import SetupWizard

        self.wizard = SetupWizard(self.services)
        self.wizard.accepted.connect(self._wizard_done)
        self.wizard.show()

    @Slot()
    def _wizard_done(self) -> None:
        assert self.wizard is not None
        if self.wizard.wants_demo:
            self._load_demo()
        else:
            self.show_login()

    def _load_demo(self) -> None:
        from frontdesk.ui.wizard import DEMO_CLIENTS

        self._progress = QProgressDialog(self.tr("Loading the demo store…"), "", 0, 0)
        self._progress.setObjectName("demoProgress")
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._progress.show()
        load = self._load_demo_store
        self.worker.submit(lambda: load(DEMO_CLIENTS), self._demo_loaded, self._demo_failed)

    def _demo_loaded(self, _summary: object) -> None:
        if self._progress:
            self._progress.close()
        self.show_login()

    def _demo_failed(self, exc: BaseException) -> None:
        if self._progress:
            self._progress.close()
        if isinstance(exc, DomainError):
            QMessageBox.warning(None, self.tr("Demo store"), error_text(exc))
        elif isinstance(exc, StorageError):
            show_storage_error(None, exc)
        else:
            log.error("demo fill failed", exc_info=exc)
            QMessageBox.warning(None, self.tr("Demo store"),
                                self.tr("The demo store could not be loaded; see the log file."))
        self.show_login()

    def show_login(self) -> None:
        name = self.services.store.home_store().name
        self.login = LoginDialog(self.services, name)
        self.login.finished.connect(self._login_finished)
        self.login.show()

    @Slot(int)
    def _login_finished(self, result: int) -> None:
        assert self.login is not None
        if result == QDialog.DialogCode.Accepted and self.login.actor is not None:
            self.open_main(self.login.actor)

    def open_main(self, actor: Actor) -> None:
        from frontdesk.ui.main_window import MainWindow

        self.window = MainWindow(self.services, actor, self.settings, self.worker)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.language_changed.connect(self.change_language)
        self.window.show()

    @Slot()
    def sign_out(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.show_login()

    @Slot(str)
    def change_language(self, code: str) -> None:
        """Switch translators and rebuild the window in the new language, still signed in."""
        assert self.window is not None
        actor, old = self.window.actor, self.window
        self.translations.apply(code)
        self.open_main(actor)
        if self.window is not None:
            self.window.show_page("settings")
            self.window.setGeometry(old.geometry())
        old.close()
        old.deleteLater()
