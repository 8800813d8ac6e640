"""Take screenshots of the real program in a real window (run under xvfb-run).

    xvfb-run -s "-screen 0 1366x850x24" .venv/bin/python tools/screenshots.py OUT_DIR [en]

Starts FrontDesk on a fresh database in a temporary folder, walks the
first-run wizard, the sign-in and the main window's pages, and saves what the
X screen shows at each step as PNG files, for a person to look at.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from frontdesk.bootstrap import build_services, demo_loader, open_database
from frontdesk.config import load_paths
from frontdesk.ui.controller import AppController
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.theme import apply_theme


def main() -> None:
    out = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    out.mkdir(parents=True, exist_ok=True)
    os.environ["FRONTDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="fd-shots-")
    paths = load_paths()
    app = QApplication(sys.argv)
    settings = LocalSettings(paths.data_dir / "frontdesk.ini")
    settings.language = language
    translations = Translations(app)
    translations.apply(language)
    apply_theme(app)
    db = open_database(paths)
    controller = AppController(build_services(paths, db), settings, translations,
                               load_demo=demo_loader(db))
    steps = build_steps(controller, out, language)
    run_steps(app, steps)
    app.exec()


def shot(out: Path, name: str) -> None:
    screen = QApplication.primaryScreen()
    screen.grabWindow(0).save(str(out / f"{name}.png"))


def build_steps(c: AppController, out: Path, lang: str) -> list[Callable[[], None]]:
    def wizard_store() -> None:
        assert c.wizard is not None
        c.wizard.store_page.store_name.setText("水沐莲清美容会所")
        shot(out, f"{lang}-1-wizard-store")
        c.wizard.next()

    def wizard_admin() -> None:
        assert c.wizard is not None
        page = c.wizard.admin_page
        page.display_name.setText("林晓梅")
        page.password.setText("lotus-2026")
        page.confirm.setText("lotus-2026")
        shot(out, f"{lang}-2-wizard-admin")
        c.wizard.accept()

    def login() -> None:
        assert c.login is not None
        c.login.username.setText("admin")
        c.login.password.setText("lotus-2026")
        shot(out, f"{lang}-3-login")
        c.login.sign_in.click()

    def page(key: str, n: int) -> Callable[[], None]:
        def go() -> None:
            assert c.window is not None
            c.window.showMaximized()
            c.window.show_page(key)
            QTimer.singleShot(300, lambda: shot(out, f"{lang}-{n}-{key}"))
        return go

    def lock() -> None:
        assert c.window is not None
        c.window.lock()

    steps = [c.start, wizard_store, wizard_admin, login]
    steps += [page(k, 4 + i) for i, k in enumerate(("desk", "clients", "cards", "settings"))]
    steps += [lock, lambda: shot(out, f"{lang}-9-locked"), QApplication.quit]
    return steps


def run_steps(app: QApplication, steps: list[Callable[[], None]], gap_ms: int = 700) -> None:
    for i, step in enumerate(steps):
        QTimer.singleShot(gap_ms * (i + 1), step)


if __name__ == "__main__":
    main()
