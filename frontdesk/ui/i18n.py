"""Translations: FrontDesk's own (.qm built from resources/translations/*.ts) and Qt's.

Chinese (zh_CN) is the default; English is the source language of the code.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


def qm_path(language: str) -> str:
    """The compiled translation file shipped inside the package."""
    return str(resources.files("frontdesk.ui") / "i18n" / f"frontdesk_{language}.qm")


class Translations:
    """Installs and swaps the application's translators."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(QLocale(language))
        if language == "en":
            return
        ours = QTranslator(self._app)
        if not ours.load(qm_path(language)):
            log.warning("translation %s not found at %s (run `make translations`)",
                        language, qm_path(language))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        theirs = QTranslator(self._app)
        theirs.load(f"qtbase_{language}", qt_dir)
        for translator in (ours, theirs):
            if not translator.isEmpty():
                self._app.installTranslator(translator)
                self._installed.append(translator)
