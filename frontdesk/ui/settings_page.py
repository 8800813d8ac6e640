"""Settings: this PC's language, and the store's idle-lock minutes (managers only)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import DomainError
from frontdesk.services.registry import Services
from frontdesk.ui.errors import error_text
from frontdesk.ui.i18n import LANGUAGE_NAMES
from frontdesk.ui.local_settings import LocalSettings


class SettingsPage(QWidget):
    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)

    def __init__(self, services: Services, actor: Actor, settings: LocalSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Settings"), objectName="pageTitle"))
        layout.addWidget(self._language_box())
        layout.addWidget(self._lock_box())
        layout.addStretch(1)

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This computer"))
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(self._settings.language))
        apply = QPushButton(self.tr("Apply language"), objectName="applyLanguage")
        apply.clicked.connect(self._apply_language)
        form = QFormLayout(box)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", apply)
        return box

    def _lock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Store"))
        self.idle_minutes = QSpinBox(objectName="idleMinutes")
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.idle_minutes.setValue(self._services.store.idle_lock_minutes(self._actor.branch_id))
        save = QPushButton(self.tr("Save"), objectName="saveIdleMinutes")
        save.clicked.connect(self._save_idle_minutes)
        self.lock_message = QLabel(objectName="fieldError")
        may_change = allowed(self._actor, Action.MANAGE_SETTINGS)
        self.idle_minutes.setEnabled(may_change)
        save.setEnabled(may_change)
        form = QFormLayout(box)
        form.addRow(self.tr("Lock the desk after idle"), self.idle_minutes)
        form.addRow("", save)
        if not may_change:
            form.addRow("", QLabel(self.tr("Only a manager can change this.")))
        form.addRow("", self.lock_message)
        return box

    @Slot()
    def _apply_language(self) -> None:
        code = str(self.language.currentData())
        if code != self._settings.language:
            self._settings.language = code
            self.language_changed.emit(code)

    @Slot()
    def _save_idle_minutes(self) -> None:
        minutes = self.idle_minutes.value()
        try:
            self._services.store.set_idle_lock_minutes(self._actor, minutes)
        except DomainError as exc:
            self.lock_message.setText(error_text(exc))
            return
        self.lock_message.clear()
        self.idle_minutes_changed.emit(minutes)
