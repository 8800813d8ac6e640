"""Composition root of the GUI: paths → logging → Qt → theme → sign-in, while the database
opens → services → windows.

The sign-in dialog shows before SQLAlchemy has even been imported: the database
opens on the worker thread while the person types (see :mod:`frontdesk.ui.controller`).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from frontdesk.config import Paths

if TYPE_CHECKING:
    from frontdesk.services.registry import Services
    from frontdesk.ui.controller import DemoLoader

NO_DISPLAY = ("FrontDesk needs a graphical display and none was found (DISPLAY is not set). "
              "Run it on the desktop, or on a server under a virtual one: xvfb-run make run")


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(paths: Paths) -> int:
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from frontdesk.errors import StorageError
    from frontdesk.ui import startup_probe
    from frontdesk.ui.controller import AppController
    from frontdesk.ui.errors import install_excepthook, setup_logging, show_storage_error
    from frontdesk.ui.i18n import Translations
    from frontdesk.ui.local_settings import LocalSettings
    from frontdesk.ui.theme import apply_theme

    setup_logging(paths.log_file)
    app = QApplication(sys.argv)
    startup_probe.install(app)
    app.setApplicationName("FrontDesk")
    app.setOrganizationName("FrontDesk")
    settings = LocalSettings(paths.data_dir / "frontdesk.ini")
    translations = Translations(app)
    translations.apply(settings.language)
    apply_theme(app)
    install_excepthook(paths.log_file)
    controller = AppController(None, settings, translations)
    try:
        controller.start_while_opening(lambda: open_store(paths))
    except StorageError as exc:
        show_storage_error(None, exc)
        return 3
    code = app.exec()
    controller.close()
    if controller.opened:
        controller.services.db.dispose()
    return controller.exit_code or code


def open_store(paths: Paths) -> tuple[Services, DemoLoader]:
    """The database (upgraded), its services and the demo loader."""
    from frontdesk.bootstrap import build_services, demo_loader, open_database

    db = open_database(paths)
    return build_services(paths, db), demo_loader(db)
