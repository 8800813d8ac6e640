"""Per-PC settings (language, PDF font): an INI file beside the data, behind typed getters.

Business rules shared by every terminal (idle-lock minutes, …) live in the
database instead (see services.store).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


class LocalSettings:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._q.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

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
