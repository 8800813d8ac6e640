"""Settings: this PC's language; the store's idle-lock minutes and discount limit, and the
backups (where they go, the last good one, "back up now"); what changes the store is a manager's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.backup.service import BackupStatus
from frontdesk.services.registry import Services
from frontdesk.storage.backups import ServerBackups
from frontdesk.ui.backups import BackupScheduler, BackupTexts
from frontdesk.ui.errors import error_text, storage_advice
from frontdesk.ui.i18n import LANGUAGE_NAMES
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.widgets import scrolled


def _say(label: QLabel, text: str) -> None:
    """A message under a setting, shown only while it says something."""
    label.setText(text)
    label.setVisible(bool(text))


class SettingsPage(QWidget):
    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)

    def __init__(self, services: Services, actor: Actor, settings: LocalSettings,
                 backups: BackupScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._settings = settings
        self._backups = backups
        content = QWidget(objectName="settingsContent")
        boxes = QVBoxLayout(content)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self._language_box())
        boxes.addWidget(self._lock_box())
        boxes.addWidget(BackupBox(services, actor, backups)
                        if services.db.is_sqlite else ServerBackupsBox())
        boxes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Settings"), objectName="pageTitle"))
        layout.addWidget(scrolled(content, "settingsScroll"), 1)

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
        for message in (self.lock_message, self.discount_message):
            message.hide()  # an empty row would leave a gap under each setting
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
            _say(self.discount_message, error_text(exc))
            return
        _say(self.discount_message, "")

    @Slot()
    def _save_idle_minutes(self) -> None:
        minutes = self.idle_minutes.value()
        try:
            self._services.store.set_idle_lock_minutes(self._actor, minutes)
        except DomainError as exc:
            _say(self.lock_message, error_text(exc))
            return
        _say(self.lock_message, "")
        self.idle_minutes_changed.emit(minutes)


class ServerBackupsBox(QGroupBox):
    """A store on a PostgreSQL server: its administrator backs it up."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Backups"))
        note = QLabel(error_text(ServerBackups()), objectName="serverBackups")
        note.setWordWrap(True)
        QVBoxLayout(self).addWidget(note)


class BackupBox(QGroupBox):
    """Where the backups go, the last good one, and "back up now" (a manager's to change)."""

    def __init__(self, services: Services, actor: Actor, backups: BackupScheduler) -> None:
        super().__init__()
        self.setTitle(self.tr("Backups"))
        self._services = services
        self._actor = actor
        self._backups = backups
        self._status_said = False
        """Whether the message shows the status's trouble (else: what the last action said)."""
        self.folder = QLineEdit(objectName="backupFolder")
        self.folder.setPlaceholderText(self.tr("backups beside the database"))
        self.last_backup = QLabel(objectName="lastBackup")
        self.message = QLabel(objectName="backupMessage")
        for label in (self.last_backup, self.message):
            label.setWordWrap(True)
        self.message.hide()
        self._lay_out(allowed(actor, Action.MANAGE_SETTINGS))
        backups.status_changed.connect(self.show_status)
        backups.backed_up_now.connect(self._show_outcome)
        if backups.status is not None:
            self.show_status(backups.status)
        else:
            backups.refresh()

    def _lay_out(self, may_change: bool) -> None:
        choose = QPushButton(self.tr("Choose…"), objectName="chooseBackupFolder")
        choose.clicked.connect(self._choose)
        save = QPushButton(self.tr("Use this folder"), objectName="saveBackupFolder")
        save.clicked.connect(self._save_folder)
        now = QPushButton(self.tr("Back up now"), objectName="backUpNow")
        now.clicked.connect(self._back_up_now)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        for widget in (self.folder, choose, save, now):
            widget.setEnabled(may_change)
        rule = QLabel(self.tr(
            "FrontDesk backs up the store every day while it runs and again when it closes, "
            "checks each backup, and keeps the newest of each of the last 7 days, 4 weeks and "
            "12 months. Choose a USB disk or a NAS folder, so a backup survives this computer."))
        rule.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Backup folder"), folder_row)
        form.addRow("", save)
        form.addRow(self.tr("Last good backup"), self.last_backup)
        form.addRow("", now)
        form.addRow("", self.message)
        form.addRow("", rule)
        if not may_change:
            form.addRow("", QLabel(self.tr("Only a manager can change this.")))

    @Slot(object)
    def show_status(self, status: BackupStatus) -> None:
        texts = BackupTexts()
        if not self.folder.isModified():
            self.folder.setText(str(status.folder) if status.chosen else "")
        self.last_backup.setText(texts.last_good(status))
        trouble = texts.warning(status) or texts.failure(status.last_attempt)
        if trouble or self._status_said:  # else keep what the last action said
            self._say(trouble, from_status=bool(trouble))

    def _say(self, text: str, *, from_status: bool = False) -> None:
        _say(self.message, text)
        self._status_said = from_status

    @Slot()
    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.folder.setModified(True)

    @Slot()
    def _save_folder(self) -> None:
        try:
            chosen = self._services.backups.choose_folder(self._actor, self.folder.text())
        except DomainError as exc:
            self._say(error_text(exc))
            return
        self.folder.setModified(False)
        self._say(self.tr("Backups go to {folder} from now on.").format(folder=chosen))
        self._backups.refresh()

    @Slot()
    def _back_up_now(self) -> None:
        if self._backups.back_up_now(self._actor):
            self._say(self.tr("Backing up…"))
        else:
            self._say(self.tr("A backup is running already; wait for it to end."))

    @Slot(object)
    def _show_outcome(self, error: DomainError | StorageError | None) -> None:
        if error is None:
            self._say(self.tr("The backup is made and checked."))
        elif isinstance(error, DomainError):
            self._say(error_text(error))
        else:
            self._say(storage_advice(error.problem))
