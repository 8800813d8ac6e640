"""Preferences and tags: favourite services, preferred staff and room, drink, music, no-go topics.

Each line holds several values separated by 、 or a comma (either width), as a
consultant jots them down; Save replaces the client's preferences with what is
on screen, if they are still what was loaded. When another terminal changed them
meanwhile the service refuses (EditConflict), as the basics form shows it: the
form keeps what the person typed, says which lists the other terminal changed and
to what, and offers Reload; after reloading, the person's typed lists stay listed
so the change can be made again.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Signal, Slot
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
from frontdesk.services.clients.profile import EditConflict, Preferences
from frontdesk.services.registry import Services
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.forms import FormErrors

_SPLIT = re.compile(r"[,，、;；\n]+")
SEPARATOR = "、"


def split_values(text: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in _SPLIT.split(text) if v.strip())


class PreferencesForm(QWidget):
    saved = Signal(object)  # the Preferences now stored
    reload_requested = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesForm")
        self._services = services
        self._actor = actor
        self.client_id: int | None = None
        self.loaded: Preferences | None = None
        self._typed: dict[str, tuple[str, ...]] = {}
        self.edits: dict[str, QLineEdit] = {}
        general = QLabel()
        self.errors = FormErrors(general)
        self.conflict = QLabel(objectName="fieldError")
        self.conflict.setWordWrap(True)
        self.conflict.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self._box())
        layout.addWidget(general)
        layout.addWidget(self.conflict)
        layout.addLayout(self._buttons())
        layout.addStretch(1)
        may_edit = allowed(actor, Action.EDIT_CLIENT)
        self.save_button.setVisible(may_edit)
        for edit in self.edits.values():
            edit.setEnabled(may_edit)

    def _buttons(self) -> QHBoxLayout:
        self.status = QLabel(objectName="preferencesStatus")
        self.save_button = QPushButton(self.tr("Save preferences"), objectName="savePreferences")
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton(self.tr("Reload"), objectName="reloadPreferences")
        self.reload_button.clicked.connect(self._reload)
        self.reload_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.reload_button)
        row.addWidget(self.status, 1)
        return row

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
        """Show ``prefs`` as loaded (what the next save edits against)."""
        if self.client_id != client_id:
            self._typed = {}
        self.client_id = client_id
        self.loaded = prefs
        self.errors.clear()
        self.status.clear()
        for field, edit in self.edits.items():
            edit.setText(SEPARATOR.join(getattr(prefs, field)))
        self.reload_button.hide()
        if self._typed:
            self.conflict.setText(self.tr("Your change, to make again: {values}")
                                  .format(values=self._listing(self._typed)))
        self.conflict.setVisible(bool(self._typed))

    def value(self) -> Preferences:
        return Preferences(**{f: split_values(e.text()) for f, e in self.edits.items()})

    def changed_values(self) -> dict[str, tuple[str, ...]]:
        """The lists whose values on screen differ from the loaded ones."""
        typed = self.value()
        return {f: getattr(typed, f) for f in self.edits
                if self.loaded is None or getattr(typed, f) != getattr(self.loaded, f)}

    @Slot()
    def save(self) -> None:
        if self.client_id is None or self.loaded is None:
            return
        typed = self.changed_values()
        try:
            stored = self._services.profile.set_preferences(
                self._actor, self.client_id, self.value(), loaded=self.loaded)
        except EditConflict as exc:
            self._show_conflict(exc, typed)
            return
        except DomainError as exc:
            self.errors.show(exc)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self._typed = {}
        self.show_preferences(self.client_id, stored)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(stored)

    def _show_conflict(self, exc: EditConflict, typed: dict[str, tuple[str, ...]]) -> None:
        """Say which lists the other terminal changed and to what; keep the typed ones."""
        self.errors.clear()
        self.status.clear()
        changed: dict[str, tuple[str, ...]] = exc.params.get("changed", {})
        labels = self._labels()
        sep = QCoreApplication.translate("BasicsForm", ", ")
        head = QCoreApplication.translate("DomainError", exc.template).format(
            fields=sep.join(labels.get(f, f) for f in changed))
        self._typed = typed
        self.conflict.setText("\n".join([
            head,
            self.tr("The other terminal saved: {values}").format(values=self._listing(changed)),
            self.tr("You typed: {values}").format(values=self._listing(typed))]))
        self.conflict.show()
        self.reload_button.show()
        self.reload_button.setFocus()

    @Slot()
    def _reload(self) -> None:
        """Ask for the stored preferences, then put the cursor where the change is to be made."""
        self.reload_requested.emit()
        if self._typed:
            self.edits[next(iter(self._typed))].setFocus()

    def _listing(self, values: dict[str, tuple[str, ...]]) -> str:
        labels = self._labels()
        sep = QCoreApplication.translate("BasicsForm", "; ")
        pair = QCoreApplication.translate("BasicsForm", "{field}: {value}")
        return sep.join(pair.format(field=labels.get(k, k), value=SEPARATOR.join(v) or "—")
                        for k, v in values.items())

    def conflict_text(self) -> str:
        return self.conflict.text() if not self.conflict.isHidden() else ""
