"""Per-PC settings (language, PDF font): an INI file beside the data, behind typed getters.

Until someone chooses a language in Settings, the screens follow the system's: Chinese on a
Chinese Windows or desktop (any region or script), English on any other, so the set-up
wizard and the sign-in of a first start already speak the person's language.

Business rules shared by every terminal (idle-lock minutes, …) live in the
database instead (see services.store).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings

LANGUAGES = ("zh_CN", "en")


def system_language(locale: QLocale) -> str:
    """The screens' language for a system in ``locale``: zh_CN for any Chinese, else English."""
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


class LocalSettings:
    def __init__(self, path: Path, system_locale: QLocale | None = None) -> None:
        """``system_locale``: the system's (QLocale.system()) unless a test names another."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QSettings(str(path), QSettings.Format.IniFormat)
        self._system_locale = system_locale or QLocale.system()

    @property
    def language(self) -> str:
        """The language chosen in Settings, or the system's while none is saved."""
        value = str(self._q.value("ui/language", ""))
        return value if value in LANGUAGES else system_language(self._system_locale)

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._q.setValue("ui/language", value)
        self._q.sync()

    @property
    def store_name(self) -> str:
        """The store's name as this PC last saw it ("" before the first start), so the
        sign-in dialog can show it before the database has opened."""
        return str(self._q.value("store/name", ""))

    @store_name.setter
    def store_name(self, value: str) -> None:
        if value != self.store_name:
            self._q.setValue("store/name", value)
            self._q.sync()

    @property
    def pdf_font_path(self) -> str:
        return str(self._q.value("print/font_path", ""))

    @pdf_font_path.setter
    def pdf_font_path(self, value: str) -> None:
        self._q.setValue("print/font_path", value)
        self._q.sync()
