"""Preferences and tags: favourite services, preferred staff and room, drink, music, no-go topics.

Each line holds several values separated by 、 or a comma (either width), as a
consultant jots them down; Save replaces the client's preferences with what is
on screen.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.clients.profile import Preferences
from frontdesk.services.registry import Services
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.forms import FormErrors

_SPLIT = re.compile(r"[,，、;；\n]+")
SEPARATOR = "、"


def split_values(text: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in _SPLIT.split(text) if v.strip())


class PreferencesForm(QWidget):
    saved = Signal(object)  # the Preferences now stored

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesForm")
        self._services = services
        self._actor = actor
        self.client_id: int | None = None
        self.edits: dict[str, QLineEdit] = {}
        general = QLabel()
        self.errors = FormErrors(general)
        self.status = QLabel(objectName="preferencesStatus")
        self.save_button = QPushButton(self.tr("Save preferences"), objectName="savePreferences")
        self.save_button.clicked.connect(self.save)
        may_edit = allowed(actor, Action.EDIT_CLIENT)
        self.save_button.setVisible(may_edit)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._box())
        layout.addWidget(general)
        layout.addLayout(row)
        layout.addStretch(1)
        for edit in self.edits.values():
            edit.setEnabled(may_edit)

    def _labels(self) -> dict[str, str]:
        return {
            "favourite_services": self.tr("Favourite services"),
            "preferred_staff": self.tr("Preferred beautician / therapist"),
            "preferred_rooms": self.tr("Preferred room"),
            "drinks": self.tr("Drink"),
            "music": self.tr("Music"),
            "avoid_topics": self.tr("Topics to avoid"),
            "tags": self.tr("Tags"),
        }

    def _box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Preferences and tags"))
        form = QFormLayout(box)
        hint = QLabel(self.tr("Separate several values with 、 or a comma."))
        form.addRow("", hint)
        for field, label in self._labels().items():
            edit = QLineEdit(objectName=f"pref_{field}")
            self.edits[field] = edit
            self.errors.add_row(form, label, field, edit)
        return box

    def show_preferences(self, client_id: int, prefs: Preferences) -> None:
        self.client_id = client_id
        self.errors.clear()
        self.status.clear()
        for field, edit in self.edits.items():
            edit.setText(SEPARATOR.join(getattr(prefs, field)))

    def value(self) -> Preferences:
        return Preferences(**{f: split_values(e.text()) for f, e in self.edits.items()})

    @Slot()
    def save(self) -> None:
        if self.client_id is None:
            return
        try:
            stored = self._services.profile.set_preferences(self._actor, self.client_id,
                                                            self.value())
        except DomainError as exc:
            self.errors.show(exc)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.show_preferences(self.client_id, stored)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(stored)
