"""The main window: navigation to the desk's screens, a status bar, the idle lock, and a banner
over every page when the backups need a manager's attention.

It opens at 1280×800 where the screen has room to spare, and maximised on a smaller one (a
1366×768 or 1280×800 desk monitor): :func:`opening_size` decides from the screen's available
area, so the status bar and the foot of every page stay in sight."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QRect, QSize, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk import __version__
from frontdesk.core.context import Actor
from frontdesk.services.registry import Services
from frontdesk.ui.backups import BackupBanner, BackupScheduler
from frontdesk.ui.care.timers import CareTimers
from frontdesk.ui.idle import IdleWatcher
from frontdesk.ui.imports.data_menu import DataMenu
from frontdesk.ui.labels import role_name
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.login import LockScreen
from frontdesk.ui.pages import build_pages
from frontdesk.ui.worker import DbWorker

PREFERRED_SIZE = QSize(1280, 800)
SPARE = QSize(80, 80)
"""The room a screen must have around the preferred size (window frame, taskbar) for the window
to open at that size rather than maximised."""
NAVIGATION_WIDTH = (120, 190)
"""The navigation's narrowest and widest: as wide as its longest title, within these."""


def opening_size(available: QRect) -> QSize | None:
    """The window's size on a screen whose free area is ``available``; None: open maximised."""
    room = available.size()
    if room.width() < PREFERRED_SIZE.width() + SPARE.width() \
            or room.height() < PREFERRED_SIZE.height() + SPARE.height():
        return None
    return PREFERRED_SIZE


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    language_changed = Signal(str)
    actor_changed = Signal(object)
    """Unlocked with another role than the screens were built for: the new Actor."""

    def __init__(self, services: Services, actor: Actor, settings: LocalSettings,
                 worker: DbWorker, parent: QWidget | None = None, *,
                 backups: BackupScheduler | None = None) -> None:
        """``backups``: the program's backup timer (the controller's); without one, the window
        makes an idle one of its own for "back up now" and the warning."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._services = services
        self.actor = actor
        self._worker = worker
        self._owns_backups = backups is None
        self.backups = backups or BackupScheduler(services.backups, self)
        store = services.store.info(actor.branch_id)
        self.setWindowTitle(self.tr("FrontDesk — {store}").format(store=store.name))
        self.resize(PREFERRED_SIZE)
        self.navigation = QListWidget(objectName="navigation")
        self.pages = QStackedWidget(objectName="pages")
        self._page_keys: list[str] = []
        self._titles: dict[str, str] = {}
        self.care_timers: CareTimers | None = None
        """The care engine's background scan (pages.py makes it for those who work care)."""
        self._build_root()  # first: each page is then styled once, as it joins the window
        for key, title, widget in build_pages(self, services, actor, settings, worker):
            self._add_page(key, title, widget)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self._fit_navigation()
        self._build_menu()
        self._build_status_bar(store.name)
        self._start_idle_lock(services.store.idle_lock_minutes(actor.branch_id))

    def _add_page(self, key: str, title: str, widget: QWidget) -> None:
        self._page_keys.append(key)
        self._titles[key] = title
        self.navigation.addItem(title)
        self.pages.addWidget(widget)

    def _fit_navigation(self) -> None:
        """As wide as the longest title in the theme's type (Chinese titles are short)."""
        self.navigation.ensurePolished()
        frame = 2 * self.navigation.frameWidth() + 24  # the list's padding, a scroll bar's room
        wanted = self.navigation.sizeHintForColumn(0) + frame
        self.navigation.setFixedWidth(min(max(wanted, NAVIGATION_WIDTH[0]), NAVIGATION_WIDTH[1]))

    def show_fitted(self) -> None:
        """Show on the screen the window is on: at the preferred size, or maximised."""
        screen = self.screen() or QApplication.primaryScreen()
        available = screen.availableGeometry()
        size = opening_size(available)
        if size is None:
            self.setGeometry(available)  # where no window manager maximises (a kiosk, Xvfb)
            self.showMaximized()
            return
        self.resize(size)
        self.move(available.center() - self.rect().center())
        self.show()

    def page(self, key: str) -> QWidget:
        widget = self.pages.widget(self._page_keys.index(key))
        assert widget is not None  # every key has a page
        return widget

    def set_badge(self, key: str, count: int) -> None:
        """A count beside a page's title in the navigation ("关怀回访 (12)"); none for 0."""
        if key not in self._titles:
            return
        title = self._titles[key]
        text = self.tr("{title} ({count})").format(title=title, count=count) if count else title
        self.navigation.item(self._page_keys.index(key)).setText(text)
        self._fit_navigation()

    def add_banner(self, banner: QWidget) -> None:
        """A banner over every page, under the backups' warning (the care notice)."""
        self._column.insertWidget(1, banner)

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(self._page_keys.index(key))

    def _build_root(self) -> None:
        workspace = QWidget(objectName="workspace")
        column = QVBoxLayout(workspace)
        self._column = column
        self.backup_banner = BackupBanner()
        column.addWidget(self.backup_banner)
        row = QHBoxLayout()
        column.addLayout(row, 1)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.backups.status_changed.connect(self.backup_banner.show_status)
        if self.backups.status is not None:
            self.backup_banner.show_status(self.backups.status)
        else:
            self.backups.refresh()
        self.lock_screen = LockScreen(self._services, self.actor)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.sign_out_requested.connect(self.sign_out_requested)
        self.lock_screen.actor_changed.connect(self.actor_changed)
        self.root = QStackedWidget(objectName="root")
        self.root.addWidget(workspace)
        self.root.addWidget(self.lock_screen)
        self.setCentralWidget(self.root)

    def _build_menu(self) -> None:
        desk = self.menuBar().addMenu(self.tr("&FrontDesk"))
        self._action(desk, self.tr("Lock the desk"), "Ctrl+L", self.lock)
        self._action(desk, self.tr("Sign out"), "Ctrl+Shift+L", self.sign_out_requested.emit)
        desk.addSeparator()
        self._action(desk, self.tr("Quit"), "Ctrl+Q", QApplication.closeAllWindows)
        go = self.menuBar().addMenu(self.tr("&Go"))
        for row, key in enumerate(self._page_keys):
            title = self.navigation.item(row).text()
            self._action(go, title, f"Ctrl+{row + 1}", partial(self.show_page, key))
        self.data_menu = DataMenu(self, self._services, self.actor, self._worker)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("About FrontDesk"), "", self._about)

    def _action(self, menu: QMenu, text: str, shortcut: str,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_status_bar(self, store_name: str) -> None:
        bar = self.statusBar()
        bar.addPermanentWidget(QLabel(store_name, objectName="statusStore"))
        bar.addPermanentWidget(QLabel(self.actor.display_name, objectName="statusUser"))
        bar.addPermanentWidget(QLabel(role_name(self.actor.role), objectName="statusRole"))

    def _start_idle_lock(self, minutes: int) -> None:
        self.idle = IdleWatcher(minutes, self)
        self.idle.idle.connect(self.lock)
        _application().installEventFilter(self.idle)

    @property
    def is_locked(self) -> bool:
        return self.root.currentWidget() is self.lock_screen

    @Slot()
    def lock(self) -> None:
        self.idle.pause()
        self.root.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.lock_screen.activate()

    @Slot()
    def unlock(self) -> None:
        self.root.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.idle.resume()

    @Slot(int)
    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About FrontDesk"),
                          self.tr("FrontDesk {version}\nThe front desk of your salon.")
                          .format(version=__version__))

    def closeEvent(self, event: object) -> None:
        _application().removeEventFilter(self.idle)
        if self.care_timers is not None:
            self.care_timers.stop()
        if self._owns_backups:
            self.backups.stop()
        super().closeEvent(event)  # type: ignore[arg-type]


def _application() -> QCoreApplication:
    """The running application (the main window never exists without one)."""
    app = QApplication.instance()
    assert app is not None
    return app
