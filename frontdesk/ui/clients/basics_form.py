"""The profile's basics and consent, edited against the version that was loaded.

Save sends only the fields the person changed, with the version and the basics
on screen. When another terminal changed the client meanwhile the service
refuses (EditConflict): the form keeps what the person typed, says which fields
the other terminal changed and to what, and offers Reload. After reloading, the
person's own typed values stay listed so the change can be made again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.visitors import VisitorClass
from frontdesk.errors import DomainError, StorageError
from frontdesk.models import Gender, SourceChannel
from frontdesk.services.clients.profile import BasicsChanges, ClientBasics, EditConflict
from frontdesk.services.registry import Services
from frontdesk.ui.clients.common import (
    FieldErrors,
    birthday_text,
    set_birthday,
    set_data,
)
from frontdesk.ui.dates import local_date_text
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.labels import gender_name, source_name, visitor_class_name
from frontdesk.ui.widgets import BirthdayEditor, enum_combo


def field_name(field: str) -> str:
    """A basics field as the screen labels it."""
    names = {
        "name": QCoreApplication.translate("BasicsForm", "Name"),
        "gender": QCoreApplication.translate("BasicsForm", "Gender"),
        "phone": QCoreApplication.translate("BasicsForm", "Mobile phone"),
        "member_no": QCoreApplication.translate("BasicsForm", "Member no."),
        "birthday": QCoreApplication.translate("BasicsForm", "Birthday"),
        "source": QCoreApplication.translate("BasicsForm", "Source"),
        "referred_by_id": QCoreApplication.translate("BasicsForm", "Referred by"),
        "visitor_class": QCoreApplication.translate("BasicsForm", "Visitor class"),
        "tier": QCoreApplication.translate("BasicsForm", "Tier"),
        "note": QCoreApplication.translate("BasicsForm", "Note"),
        "allergies": QCoreApplication.translate("BasicsForm", "Allergies / contraindications"),
        "consent_marketing": QCoreApplication.translate("BasicsForm", "Greetings and offers"),
        "consent_health": QCoreApplication.translate("BasicsForm", "Skin and body records"),
    }
    return names.get(field, field)


def value_text(value: Any) -> str:
    """A basics value as the screen shows it (enums named, yes/no, blanks as —)."""
    if isinstance(value, bool):
        return (QCoreApplication.translate("BasicsForm", "yes") if value
                else QCoreApplication.translate("BasicsForm", "no"))
    if isinstance(value, Gender):
        return gender_name(value)
    if isinstance(value, SourceChannel):
        return source_name(value)
    if isinstance(value, VisitorClass):
        return visitor_class_name(value)
    if value is None or value == "":
        return "—"
    if hasattr(value, "calendar"):
        return birthday_text(value)
    return str(value)


def _listing(values: dict[str, Any]) -> str:
    sep = QCoreApplication.translate("BasicsForm", "; ")
    pair = QCoreApplication.translate("BasicsForm", "{field}: {value}")
    return sep.join(pair.format(field=field_name(k), value=value_text(v))
                    for k, v in values.items())


class BasicsForm(QWidget):
    saved = Signal(object)  # the ClientBasics now stored
    reload_requested = Signal()

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("basicsForm")
        self._services = services
        self._actor = actor
        self.loaded: ClientBasics | None = None
        self._typed: dict[str, Any] = {}
        self._build()
        may_edit = allowed(actor, Action.EDIT_CLIENT)
        for widget in self._inputs():
            widget.setEnabled(may_edit)
        self.save_button.setVisible(may_edit)

    def _build(self) -> None:
        self.general_error = QLabel()
        self.errors = FieldErrors(self.general_error)
        self.conflict = QLabel(objectName="fieldError")
        self.conflict.setWordWrap(True)
        self.conflict.hide()
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self._basics_box())
        column.addWidget(self._consent_box())
        column.addStretch(1)
        self.scroll_area = QScrollArea(objectName="basicsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(inner)
        layout = QVBoxLayout(self)  # messages and buttons stay in sight below the fields
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.conflict)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.reload_button = QPushButton(self.tr("Reload"), objectName="reloadBasics")
        self.reload_button.clicked.connect(self.reload_requested)
        self.reload_button.hide()
        self.save_button = QPushButton(self.tr("Save basics"), objectName="saveBasics")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        return buttons

    def _basics_widgets(self) -> None:
        self.name = QLineEdit(objectName="basicsName")
        self.phone = QLineEdit(objectName="basicsPhone")
        self.phone_hint = QLabel(self.tr("Shown masked: type the whole new number to change "
                                         "it."), objectName="phoneHint")
        self.phone_hint.setWordWrap(True)
        self.phone_hint.setVisible(not allowed(self._actor, Action.SEE_FULL_PHONE))
        self.gender = enum_combo("basicsGender", list(Gender), gender_name)
        self.birthday = BirthdayEditor()
        self.source = enum_combo("basicsSource", list(SourceChannel), source_name)
        self.referrer = QLabel(objectName="basicsReferrer")
        self.visitor_class = enum_combo("basicsVisitorClass", list(VisitorClass),
                                        visitor_class_name)
        self.tier = QLabel(objectName="basicsTier")
        self.member_no = QLineEdit(objectName="basicsMemberNo")
        self.allergies = QLineEdit(objectName="basicsAllergies")
        self.allergies.setPlaceholderText(self.tr("Allergies and contraindications, if any"))
        self.note = QLineEdit(objectName="basicsNote")

    def _basics_box(self) -> QGroupBox:
        self._basics_widgets()
        box = QGroupBox(self.tr("Basics"))
        form = QFormLayout(box)
        self.errors.add_row(form, self.tr("Name"), "name", self.name)
        self.errors.add_row(form, self.tr("Mobile phone"), "phone", self.phone)
        form.addRow("", self.phone_hint)
        form.addRow(self.tr("Gender"), self.gender)
        self.errors.add_row(form, self.tr("Birthday"), "birthday", self.birthday)
        self.errors.add_row(form, self.tr("Source"), "source", self.source)
        self.errors.add_row(form, self.tr("Referred by"), "referred_by_id", self.referrer)
        self.errors.add_row(form, self.tr("Visitor class"), "visitor_class", self.visitor_class)
        form.addRow(self.tr("Tier"), self.tier)
        self.errors.add_row(form, self.tr("Member no."), "member_no", self.member_no)
        self.errors.add_row(form, self.tr("Allergies / contraindications"), "allergies",
                            self.allergies)
        self.errors.add_row(form, self.tr("Note"), "note", self.note)
        return box

    def _consent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contact and consent"))
        self.consent_marketing = QCheckBox(self.tr("Agrees to receive greetings and offers"),
                                           objectName="basicsConsentMarketing")
        self.consent_health = QCheckBox(
            self.tr("Agrees, separately, that skin and body records are kept"),
            objectName="basicsConsentHealth")
        self.marketing_since = QLabel(objectName="consentMarketingSince")
        self.health_since = QLabel(objectName="consentHealthSince")
        form = QFormLayout(box)
        self.errors.add_row(form, "", "consent_marketing", self.consent_marketing)
        form.addRow("", self.marketing_since)
        self.errors.add_row(form, "", "consent_health", self.consent_health)
        form.addRow("", self.health_since)
        note = QLabel(self.tr("A change of consent is saved with the basics and takes effect "
                              "at once."))
        note.setWordWrap(True)
        form.addRow("", note)
        return box

    def _inputs(self) -> list[QWidget]:
        return [self.name, self.phone, self.gender, self.birthday, self.source,
                self.visitor_class, self.member_no, self.allergies, self.note,
                self.consent_marketing, self.consent_health]

    def _since(self, given: bool, at: Any) -> str:
        if not given:
            return self.tr("Not consented")
        return self.tr("Given on {date}").format(date=local_date_text(at)) if at else ""

    def show_basics(self, basics: ClientBasics) -> None:
        """Show ``basics`` as loaded (the version the next save edits against)."""
        if self.loaded is None or self.loaded.id != basics.id:
            self._typed = {}
        self.loaded = basics
        self.errors.clear()
        self.name.setText(basics.name)
        self.phone.setText(basics.phone)
        set_data(self.gender, basics.gender)
        set_birthday(self.birthday, basics.birthday)
        set_data(self.source, basics.source)
        self.referrer.setText(basics.referred_by_name or "—")
        set_data(self.visitor_class, basics.visitor_class)
        self.tier.setText(basics.tier or "—")
        self.member_no.setText(basics.member_no)
        self.allergies.setText(basics.allergies)
        self.note.setText(basics.note)
        self.consent_marketing.setChecked(basics.consent_marketing)
        self.consent_health.setChecked(basics.consent_health)
        self.marketing_since.setText(self._since(basics.consent_marketing,
                                                 basics.consent_marketing_at))
        self.health_since.setText(self._since(basics.consent_health, basics.consent_health_at))
        self.reload_button.hide()
        self._show_typed()

    def _show_typed(self) -> None:
        if self._typed:
            self.conflict.setText(self.tr("Your change, to make again: {values}")
                                  .format(values=_listing(self._typed)))
        self.conflict.setVisible(bool(self._typed))

    def _typed_values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "phone": self.phone.text().strip(),
                "gender": self.gender.currentData(), "birthday": self.birthday.value(),
                "source": self.source.currentData(),
                "visitor_class": self.visitor_class.currentData(),
                "member_no": self.member_no.text().strip(),
                "allergies": self.allergies.text().strip(), "note": self.note.text().strip(),
                "consent_marketing": self.consent_marketing.isChecked(),
                "consent_health": self.consent_health.isChecked()}

    def changed_values(self) -> dict[str, Any]:
        """The fields whose value on screen differs from the loaded basics."""
        if self.loaded is None:
            return {}
        return {k: v for k, v in self._typed_values().items() if v != getattr(self.loaded, k)}

    @Slot()
    def save(self) -> None:
        if self.loaded is None:
            return
        changes = self.changed_values()
        if not changes:
            self.errors.clear()
            return
        try:
            stored = self._services.profile.update_basics(
                self._actor, self.loaded.id, self.loaded.version, BasicsChanges(**changes),
                self.loaded)
        except EditConflict as exc:
            self._show_conflict(exc, changes)
            return
        except DomainError as exc:
            self.errors.show(exc)
            self.errors.reveal(self.scroll_area, exc.field)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self._typed = {}
        self.show_basics(stored)
        self.saved.emit(stored)

    def _show_conflict(self, exc: EditConflict, typed: dict[str, Any]) -> None:
        """Say who changed what, keep the typed values on screen, offer Reload."""
        self.errors.clear()
        changed: dict[str, Any] = exc.params.get("changed", {})
        sep = QCoreApplication.translate("BasicsForm", ", ")
        head = QCoreApplication.translate("DomainError", exc.template).format(
            fields=sep.join(field_name(f) for f in changed))
        self._typed = typed
        self.conflict.setText("\n".join([
            head, self.tr("The other terminal saved: {values}").format(values=_listing(changed)),
            self.tr("You typed: {values}").format(values=_listing(typed))]))
        self.conflict.show()
        self.reload_button.show()
        self.reload_button.setFocus()

    def conflict_text(self) -> str:
        return self.conflict.text() if not self.conflict.isHidden() else ""
