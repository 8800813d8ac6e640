"""The path through the program: set-up wizard → sign-in → main window (→ lock, sign out).

A PC that has started FrontDesk before shows the sign-in dialog at once, under
the store's name it remembers, while the database opens on the worker thread
(:meth:`AppController.start_while_opening`); the person types while it opens.
The main window and the wizard are imported when they are first opened: the
main window brings every screen (the desk, the client pages and their printing),
and the sign-in dialog need not wait for them to load.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

from frontdesk.core.context import Actor, Role
from frontdesk.errors import DomainError, StorageError
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.login import LoginDialog
from frontdesk.ui.worker import DbWorker

if TYPE_CHECKING:  # the registry brings SQLAlchemy, which the sign-in must not wait for
    from frontdesk.services.registry import Services
    from frontdesk.ui.backups import BackupScheduler
    from frontdesk.ui.main_window import MainWindow
    from frontdesk.ui.wizard import SetupWizard

log = logging.getLogger(__name__)



class DemoAccount(Protocol):
    """A sign-in account the demo store adds."""

    @property
    def username(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> Role: ...


class DemoLoader(Protocol):
    """Fills the database with a demo store (made by the composition root); the set-up
    wizard shows its accounts and their password before it runs."""

    @property
    def password(self) -> str: ...

    def accounts(self, language: str) -> Sequence[DemoAccount]: ...

    def __call__(self, clients: int, language: str) -> object:
        """N clients; the store's words in ``language`` (zh_CN or en)."""


StoreOpener = Callable[[], "tuple[Services, DemoLoader]"]
"""Opens the database and builds the services (made by the composition root)."""
EXIT_STORAGE = 3
"""The exit code when the database cannot be opened (as ``frontdesk`` on the command line)."""


class AppController(QObject):
    """Owns the top-level windows; one of them is open at a time."""

    def __init__(self, services: Services | None, settings: LocalSettings,
                 translations: Translations, *, load_demo: DemoLoader | None = None) -> None:
        """Pass the services, or None and then :meth:`start_while_opening`."""
        super().__init__()
        self._services = services
        self._load_demo_store = load_demo
        self.settings = settings
        self.translations = translations
        self.worker = DbWorker()
        self.wizard: SetupWizard | None = None
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.backups: BackupScheduler | None = None
        """The daily backup's timer, started when someone first signs in."""
        self.exit_code = 0
        """What the program exits with once its windows are closed (3: no usable database)."""
        self._progress: QProgressDialog | None = None

    @property
    def services(self) -> Services:
        assert self._services is not None, "the database has not opened yet"
        return self._services

    @property
    def opened(self) -> bool:
        return self._services is not None

    def start(self) -> None:
        if self.services.store.is_initialised():
            self.show_login()
        else:
            self.show_wizard()

    def start_while_opening(self, open_store: StoreOpener) -> None:
        """Sign-in first, database meanwhile (see the module docstring).

        The first start on a PC opens the database first (a StorageError reaches the
        caller): only the database knows whether to show the set-up wizard.
        """
        remembered = self.settings.store_name
        if not remembered:
            self._services, self._load_demo_store = open_store()
            self.start()
            if self.login is not None:
                self.login.first_painted.connect(self._preload_behind)
            return
        self.login = self._new_login(None, remembered)
        self.login.first_painted.connect(lambda: self._open_behind(open_store))

    def _open_behind(self, open_store: StoreOpener) -> None:
        self.worker.submit(open_store, self._opened, self._open_failed)
        self._preload_behind()

    def _preload_behind(self) -> None:
        self.worker.submit(self._preload, lambda _done: None, self._preload_failed)

    def _preload(self) -> None:
        """While the person types: what signing in and the main window will need, so the
        desk opens at once after the password (modules only; no widget is made here)."""
        if self.opened:
            self.services.auth  # noqa: B018  (argon2 and the staff model)
        importlib.import_module("frontdesk.ui.main_window")  # and with it every screen

    def _preload_failed(self, exc: BaseException) -> None:
        log.warning("preloading the screens failed; they load when opened", exc_info=exc)

    def _opened(self, opened: tuple[Services, DemoLoader]) -> None:
        self._services, self._load_demo_store = opened
        assert self.login is not None
        try:
            initialised = self.services.store.is_initialised()
            name = self.services.store.home_store().name if initialised else ""
        except StorageError as exc:  # opened, yet its first reads fail (a damaged page)
            self._open_failed(exc)
            return
        if not initialised:  # a new, empty database behind this PC
            self.login.hide()
            self.show_wizard()
            return
        self.settings.store_name = name
        self.login.attach(self.services, name)

    def _open_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StorageError):
            raise exc  # a bug: the crash dialog (see ui.errors.install_excepthook)
        show_storage_error(self.login, exc)
        self.exit_code = EXIT_STORAGE
        if self.login is not None:  # the last window: the program ends, with exit_code
            self.login.close()

    def show_wizard(self) -> None:
        from frontdesk.ui.wizard import SetupWizard

        self.wizard = SetupWizard(self.services, self._load_demo_store,
                                  self.translations.language)
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
        assert load is not None, "the composition root passes the demo loader"
        language = self.translations.language
        self.worker.submit(lambda: load(DEMO_CLIENTS, language), self._demo_loaded,
                           self._demo_failed)

    def _demo_loaded(self, _summary: object) -> None:
        self._close_progress()
        self.show_login()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _demo_failed(self, exc: BaseException) -> None:
        self._close_progress()
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
        self.settings.store_name = name
        self.login = self._new_login(self.services, name)

    def _new_login(self, services: Services | None, name: str) -> LoginDialog:
        login = LoginDialog(services, name)
        login.finished.connect(self._login_finished)
        login.show()
        return login

    @Slot(int)
    def _login_finished(self, result: int) -> None:
        assert self.login is not None
        if result == QDialog.DialogCode.Accepted and self.login.actor is not None:
            self.open_main(self.login.actor)

    def open_main(self, actor: Actor) -> None:
        from frontdesk.ui.backups import BackupScheduler
        from frontdesk.ui.main_window import MainWindow

        if self.backups is None:
            self.backups = BackupScheduler(self.services.backups, self)
            self.backups.start()
        self.window = MainWindow(self.services, actor, self.settings, self.worker,
                                 backups=self.backups)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.language_changed.connect(self.change_language)
        self.window.actor_changed.connect(self.reopen_as)
        self.window.show_fitted()

    def close(self) -> None:
        """At exit: let the worker's jobs end, then the backup at close (if anyone signed in)."""
        self.worker.shutdown()
        if self.backups is not None:
            self.backups.at_close()

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
        self.translations.apply(code)
        self._rebuild(self.window.actor, "settings")

    @Slot(object)
    def reopen_as(self, actor: Actor) -> None:
        """The person unlocked the desk, and the database gives them another role now (a
        manager changed it): the screens are rebuilt for the role they have."""
        self._rebuild(actor, None)

    def _rebuild(self, actor: Actor, page: str | None) -> None:
        assert self.window is not None
        old = self.window
        self.open_main(actor)
        if self.window is not None:
            if page is not None:
                self.window.show_page(page)
            if old.isMaximized():
                self.window.showMaximized()
            else:
                self.window.showNormal()
                self.window.setGeometry(old.geometry())
        old.close()
        old.deleteLater()
