"""Settings: this PC's language; the store's idle-lock minutes and discount limit (managers)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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
        store, branch = self._services.store, self._actor.branch_id
        self.idle_minutes = QSpinBox(objectName="idleMinutes")
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.idle_minutes.setValue(store.idle_lock_minutes(branch))
        self.discount_limit = QSpinBox(objectName="discountLimit")
        self.discount_limit.setRange(0, 100)
        self.discount_limit.setSuffix(self.tr(" % of a line"))
        self.discount_limit.setValue(store.discount_limit_percent(branch))
        width = max(box.sizeHint().width() for box in (self.idle_minutes, self.discount_limit))
        for spin in (self.idle_minutes, self.discount_limit):  # the Save buttons line up
            spin.setFixedWidth(width)
        self.lock_message = QLabel(objectName="fieldError")
        self.discount_message = QLabel(objectName="fieldError")
        may_change = allowed(self._actor, Action.MANAGE_SETTINGS)
        form = QFormLayout(box)
        form.addRow(self.tr("Lock the desk after idle"),
                    self._with_save(self.idle_minutes, "saveIdleMinutes",
                                    self._save_idle_minutes, may_change))
        form.addRow("", self.lock_message)
        form.addRow(self.tr("Discounts without a manager's approval, up to"),
                    self._with_save(self.discount_limit, "saveDiscountLimit",
                                    self._save_discount_limit, may_change))
        form.addRow("", self.discount_message)
        if not may_change:
            form.addRow("", QLabel(self.tr("Only a manager can change these.")))
        return box

    def _with_save(self, field: QSpinBox, name: str, save_it: Callable[[], None],
                   may_change: bool) -> QHBoxLayout:
        """The setting's box with its own Save button beside it."""
        save = QPushButton(self.tr("Save"), objectName=name)
        save.clicked.connect(save_it)
        field.setEnabled(may_change)
        save.setEnabled(may_change)
        row = QHBoxLayout()
        row.addWidget(field)
        row.addWidget(save)
        row.addStretch(1)
        return row

    @Slot()
    def _apply_language(self) -> None:
        code = str(self.language.currentData())
        if code != self._settings.language:
            self._settings.language = code
            self.language_changed.emit(code)

    @Slot()
    def _save_discount_limit(self) -> None:
        try:
            self._services.store.set_discount_limit_percent(self._actor,
                                                            self.discount_limit.value())
        except DomainError as exc:
            self.discount_message.setText(error_text(exc))
            return
        self.discount_message.clear()

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
