"""Fixtures for screen tests: the real theme, translators, local settings in a temp folder."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.core.context import Actor
from frontdesk.services.registry import Services
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.theme import apply_theme
from frontdesk.ui.worker import DbWorker


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_between_tests_only() -> Iterator[None]:
    """No automatic garbage collection while screen tests run; ``close_windows`` collects
    after each test instead.

    A collection can start at any allocation, and a Qt object that only a cycle held is then
    destroyed right there, in the middle of event processing, while the worker thread may
    be reading for a screen: full runs died that way now and then (a segmentation fault
    "Garbage-collecting" inside pytest-qt's event processing), never a file run alone.
    """
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def close_windows(qapp: QApplication) -> Iterator[None]:
    """After each screen test, close every window it left open, then collect garbage.

    Qt is asked afresh after each close: closing one window can delete others (a dialog
    with the window it belongs to), so a list taken beforehand could hold a deleted widget,
    and closing that crashed the test run (a segmentation fault in teardown). For the same
    reason the windows already closed are told apart by identity: ``==`` asks Qt about a
    wrapper whose widget a close may have deleted.
    """
    yield
    gc.collect()  # a window only a collected object held goes now, not while it is listed
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    tried: list[QWidget] = []  # compared by identity only: a closed one may be deleted
    while True:
        shown = [w for w in qapp.topLevelWidgets()
                 if not any(w is t for t in tried) and w.isVisible()]
        if not shown:
            break
        tried.append(shown[0])
        shown[0].close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


@pytest.fixture(scope="session")
def themed_app(qapp: QApplication) -> QApplication:
    apply_theme(qapp)
    return qapp


@pytest.fixture
def translations(themed_app: QApplication) -> Iterator[Translations]:
    """Chinese, as a store starts; tests may switch to English."""
    tr = Translations(themed_app)
    tr.apply("zh_CN")
    yield tr
    tr.apply("en")


@pytest.fixture
def local_settings(tmp_path: Path) -> LocalSettings:
    """A PC in China (whatever the test machine's locale), as the translations fixture."""
    return LocalSettings(tmp_path / "frontdesk.ini", QLocale(QLocale.Language.Chinese,
                                                             QLocale.Country.China))


@pytest.fixture
def worker(themed_app: QApplication) -> Iterator[DbWorker]:
    w = DbWorker()
    yield w
    w.shutdown()


@pytest.fixture
def main_window(qtbot, services: Services, admin: Actor, local_settings: LocalSettings,
                worker: DbWorker, translations: Translations):
    from frontdesk.ui.main_window import MainWindow

    window = MainWindow(services, admin, local_settings, worker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
