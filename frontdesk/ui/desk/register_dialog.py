"""Quick registration (F3): a new client in under a minute, nothing saved half-way.

A phone already on file offers that client instead; the same name and birthday
as someone on file asks to confirm it is a different person. Every refusal is
shown beside the field it concerns, all of them at once (the service checks every
field before it answers). An offer or a question about a phone, name or birthday
goes away as soon as that input changes, so it never stands for another client.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.visitors import VisitorClass
from frontdesk.errors import DomainError
from frontdesk.models import Gender, SourceChannel
from frontdesk.services.clients.registration import DuplicatePhone, NewClient, PossibleDuplicate
from frontdesk.services.registry import Services
from frontdesk.ui.errors import error_text
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.labels import gender_name, source_name, visitor_class_name
from frontdesk.ui.widgets import BirthdayEditor, at_least_wide, enum_combo


class RegisterDialog(QDialog):
    """Registers a client; emits ``client_chosen`` with the new (or the existing) client's id."""

    client_chosen = Signal(int)

    def __init__(self, services: Services, actor: Actor, phone_hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerDialog")
        self.setWindowTitle(self.tr("New client (F3)"))
        self._services = services
        self._actor = actor
        self._existing_id: int | None = None
        self._referrer_id: int | None = None
        self._build(phone_hint)
        at_least_wide(self, 620)

    def _build(self, phone_hint: str) -> None:
        self.name = QLineEdit(objectName="name")
        self.phone = QLineEdit(phone_hint, objectName="phone")
        self.phone.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.gender = enum_combo("gender", [Gender.FEMALE, Gender.MALE, Gender.UNKNOWN],
                                  gender_name)
        self.birthday = BirthdayEditor()
        self.source = enum_combo("source", list(SourceChannel), source_name)
        self.referrer = QLineEdit(objectName="referrer")
        self.referrer.setPlaceholderText(self.tr("Referrer's phone, card number or name"))
        self.referrer.editingFinished.connect(self._resolve_referrer)
        self.referrer_name = QLabel(objectName="referrerName")
        self.visitor_class = enum_combo("visitorClass", list(VisitorClass), visitor_class_name)
        self.allergies = QLineEdit(objectName="allergies")
        self.allergies.setPlaceholderText(self.tr("Allergies and contraindications, if any"))
        self.consent_marketing = QCheckBox(self.tr("Agrees to receive greetings and offers"),
                                           objectName="consentMarketing")
        self.consent_health = QCheckBox(
            self.tr("Agrees, separately, that skin and body records are kept"),
            objectName="consentHealth")
        self.confirm_different = QCheckBox(self.tr("This is a different person"),
                                           objectName="confirmDifferent")
        self.confirm_different.hide()
        self.use_existing = QPushButton(objectName="useExisting")
        self.use_existing.hide()
        self.use_existing.clicked.connect(self._choose_existing)
        form = QFormLayout()
        general = QLabel()
        self.errors = FormErrors(general)
        self.errors.add_row(form, self.tr("Name"), "name", self.name)
        self.errors.add_row(form, self.tr("Mobile phone"), "phone", self.phone)
        form.addRow(self.tr("Gender"), self.gender)
        self.errors.add_row(form, self.tr("Birthday"), "birthday", self.birthday,
                            also=("birth_year", "birth_month", "birth_day", "birth_leap_month"))
        form.addRow(self.tr("Source"), self.source)
        self.errors.add_row(form, self.tr("Referred by"), "referred_by_id", self.referrer)
        form.addRow("", self.referrer_name)
        form.addRow(self.tr("Visitor class"), self.visitor_class)
        self.errors.add_row(form, self.tr("Allergies"), "allergies", self.allergies)
        form.addRow("", self.consent_marketing)
        form.addRow("", self.consent_health)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Register"))
        buttons.accepted.connect(self._register)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(general)
        layout.addWidget(self.confirm_different)
        layout.addWidget(self.use_existing)
        layout.addWidget(buttons)
        self.phone.textChanged.connect(self._phone_changed)
        self.name.textChanged.connect(self._person_changed)
        for spin in (self.birthday.year, self.birthday.month, self.birthday.day):
            spin.valueChanged.connect(self._person_changed)
        self.birthday.calendar.currentIndexChanged.connect(self._person_changed)

    @Slot()
    def _phone_changed(self) -> None:
        """Another number: the client who held the last one is no longer offered."""
        self._existing_id = None
        self.use_existing.hide()
        self.errors.clear_field("phone")

    @Slot()
    def _person_changed(self) -> None:
        """Another name or birthday: the "different person" question was about the last."""
        if self.confirm_different.isHidden():
            return
        self.confirm_different.setChecked(False)
        self.confirm_different.hide()
        self.errors.clear_field("name")

    @Slot()
    def _resolve_referrer(self) -> None:
        text = self.referrer.text().strip()
        self._referrer_id = None
        self.referrer_name.clear()
        if not text:
            return
        try:
            hits = self._services.search.search(self._actor, text, limit=1)
        except DomainError as exc:
            self.referrer_name.setText(error_text(exc))
            return
        if hits:
            self._referrer_id = hits[0].client_id
            self.referrer_name.setText(self.tr("Referrer: {name} ({phone})")
                                       .format(name=hits[0].name, phone=hits[0].phone))
            self.source.setCurrentIndex(self.source.findData(SourceChannel.REFERRAL))
        else:
            self.referrer_name.setText(self.tr("No client found for the referrer."))

    def form(self) -> NewClient:
        return NewClient(
            name=self.name.text(), phone=self.phone.text(), gender=self.gender.currentData(),
            birthday=self.birthday.value(), source=self.source.currentData(),
            referred_by_id=self._referrer_id, consent_marketing=self.consent_marketing.isChecked(),
            consent_health=self.consent_health.isChecked(),
            visitor_class=self.visitor_class.currentData(), allergies=self.allergies.text(),
            confirm_possible_duplicate=self.confirm_different.isChecked())

    @Slot()
    def _register(self) -> None:
        self.use_existing.hide()
        try:
            registered = self._services.clients.register(self._actor, self.form())
        except DuplicatePhone as exc:
            self.errors.show(exc)
            self._existing_id = exc.client_id
            self.use_existing.setText(self.tr("Use {name} instead").format(name=exc.client_name))
            self.use_existing.show()
            return
        except PossibleDuplicate as exc:
            self.errors.show(exc)
            self.confirm_different.show()
            return
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.client_chosen.emit(registered.client_id)
        self.accept()

    @Slot()
    def _choose_existing(self) -> None:
        if self._existing_id is not None:
            self.client_chosen.emit(self._existing_id)
            self.accept()
