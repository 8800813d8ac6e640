"""Translations: FrontDesk's own (.qm built from resources/translations/*.ts) and Qt's.

Chinese (zh_CN) is the default; English is the source language of the code.
:class:`Translations` installs the screens' language in the application;
:func:`translator_for` translates into any language without installing it, for
printouts whose language is chosen apart from the screens'. QtCore only.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


def qm_path(language: str) -> str:
    """The compiled translation file shipped inside the package."""
    return str(resources.files("frontdesk.ui") / "i18n" / f"frontdesk_{language}.qm")


class Translate(Protocol):
    """``translate(context, source, disambiguation)``, as QCoreApplication.translate is called.

    lupdate extracts the literal arguments of a call named ``translate``, whatever
    the function behind the name.
    """

    def __call__(self, context: str, source: str, disambiguation: str | None = None, /) -> str:
        ...


def load_translator(language: str, parent: QObject | None = None) -> QTranslator:
    """FrontDesk's translator for ``language``; empty, with a warning, when its .qm is missing."""
    translator = QTranslator(parent)
    if not translator.load(qm_path(language)):
        log.warning("translation %s not found at %s (run `make translations`)",
                    language, qm_path(language))
    return translator


def _source_text(context: str, source: str, disambiguation: str | None = None, /) -> str:
    return source


@cache
def translator_for(language: str) -> Translate:
    """A :class:`Translate` into ``language``, whatever language the screens are in.

    English is the source language, so its texts come back as they are; so does a
    text the translation file lacks, as with Qt's own ``tr()``.
    """
    if language == "en":
        return _source_text
    translator = load_translator(language)

    def translate(context: str, source: str, disambiguation: str | None = None, /) -> str:
        return translator.translate(context, source, disambiguation) or source
    return translate


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
        ours = load_translator(language, self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        theirs = QTranslator(self._app)
        theirs.load(f"qtbase_{language}", qt_dir)
        for translator in (ours, theirs):
            if not translator.isEmpty():
                self._app.installTranslator(translator)
                self._installed.append(translator)
