"""The message library (短信库) by purpose: each message with its placeholders, a warning
when a greeting or a season message carries promotional words (domain/003: greetings
carry no promotion; promotions go in messages of their own), and a preview rendered for
a sample client and signed as the client will read it.

Ctrl+N a new message; Ctrl+S saves; Esc drops the edits. The store sees the built-in
library until it saves a message: the first save copies it (the tasks' service does).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from frontdesk.errors import DomainError, ValidationError
from frontdesk.models.care import TemplatePurpose
from frontdesk.models.client import Gender
from frontdesk.services.care.messages import (
    PLACEHOLDERS,
    TemplateInput,
    TemplateRow,
    promotional_words,
    render,
)
from frontdesk.services.care.wording import language_of_name, salutation, signed
from frontdesk.ui.care_setup.list_form import ListFormTab
from frontdesk.ui.care_setup.words import festival_name, purpose_name
from frontdesk.ui.clients.common import set_data

SAMPLE_CLIENT = {"zh_CN": "王丽", "en": "Emma Wang"}
"""The client the preview is written to (a woman: 王女士 / Ms Wang)."""


def _new(language: str) -> TemplateRow:
    return TemplateRow(0, TemplatePurpose.BIRTHDAY, "", "", language, "", True, 0)


class MessagesTab(ListFormTab):
    list_name = "messages"
    store_name = ""

    def headers(self) -> list[str]:
        return [self.tr("Purpose"), self.tr("Message"), self.tr("In use"), self.tr("Warning")]

    def build_form(self, form: QFormLayout) -> None:
        self.festival_names: dict[str, str] = {}
        self.purpose = QComboBox(objectName="messagePurpose")
        for purpose in TemplatePurpose:
            self.purpose.addItem(purpose_name(purpose), purpose)
        self.purpose.currentIndexChanged.connect(self._edited)
        self.name = QLineEdit(objectName="messageName")
        self.festival = QComboBox(objectName="messageFestival")
        self.body = QPlainTextEdit(objectName="messageBody")
        self.body.setTabChangesFocus(True)
        self.body.setFixedHeight(self.body.fontMetrics().lineSpacing() * 5 + 12)
        self.body.textChanged.connect(self._edited)
        self.active = QCheckBox(self.tr("In use"), objectName="messageActive")
        hint = QLabel(self.tr("Placeholders: {placeholders}").format(
            placeholders=" ".join("{" + p + "}" for p in PLACEHOLDERS)), wordWrap=True)
        self.warning = QLabel(objectName="warning", wordWrap=True)
        self.preview = QLabel(objectName="messagePreview", wordWrap=True)
        add = self.errors.add_row
        add(form, self.tr("Purpose"), "purpose", self.purpose)
        add(form, self.tr("Name"), "name", self.name)
        add(form, self.tr("For the festival"), "festival_code", self.festival)
        add(form, self.tr("Message"), "body", self.body)
        form.addRow("", hint)
        form.addRow("", self.active)
        form.addRow("", self.warning)
        form.addRow(self.tr("Preview"), self.preview)
        self.add_button = QPushButton(self.tr("New message (Ctrl+N)"), objectName="newMessage")
        self.add_button.clicked.connect(self.add_new)
        self.delete_button = QPushButton(self.tr("Delete message"), objectName="deleteMessage")
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_new)

    def fields(self) -> Sequence[QWidget]:
        return [self.purpose, self.name, self.festival, self.body, self.active,
                self.add_button, self.delete_button]

    def extra_buttons(self) -> Sequence[QPushButton]:
        return (self.add_button, self.delete_button)

    def fetch(self) -> Sequence[TemplateRow]:
        """The library, and what the form offers with it (runs on the worker thread)."""
        services, actor = self._services, self._actor
        self.store_name = services.store.info(actor.branch_id).name
        self.festival_names = {f.code: festival_name(f)
                               for f in services.care_setup.festivals(actor)}
        return services.messages.templates(actor)

    def key_of(self, row: TemplateRow) -> object:
        return (row.purpose, row.name)

    def row_texts(self, row: TemplateRow) -> list[str]:
        return [purpose_name(row.purpose), row.name or self.tr("(new message)"),
                self.tr("Yes") if row.active else self.tr("No"),
                self.tr("Promotional words") if row.promotional else ""]

    def show_row(self, row: TemplateRow) -> None:
        self.festival.clear()
        self.festival.addItem(self.tr("Any festival"), "")
        for code, name in self.festival_names.items():
            self.festival.addItem(name, code)
        set_data(self.purpose, row.purpose)
        self.name.setText(row.name)
        set_data(self.festival, row.festival_code)
        self.body.setPlainText(row.body)
        self.active.setChecked(row.active)
        self._edited()

    @Slot()
    def _edited(self) -> None:
        """The warning and the preview follow what is typed."""
        purpose = TemplatePurpose(self.purpose.currentData())
        self.festival.setEnabled(self.may_change and purpose is TemplatePurpose.FESTIVAL)
        found = promotional_words(purpose, self.body.toPlainText())
        self.warning.setText(self.tr(
            "Promotional words in a greeting: {words}. Greetings carry no promotion; put it "
            "in a promotion message of its own.").format(words="、".join(found)) if found else "")
        self.warning.setVisible(bool(found))
        self.preview.setText(self._preview())

    def _preview(self) -> str:
        row = self.chosen()
        language = row.language if row is not None and row.language else \
            language_of_name(self.store_name)
        client = SAMPLE_CLIENT["en" if language == "en" else "zh_CN"]
        staff = self._actor.display_name
        try:
            text = render(self.body.toPlainText(), name=client, store=self.store_name,
                          staff=staff, salutation=salutation(client, Gender.FEMALE, language))
        except ValidationError:
            return self.tr("(a placeholder is not known)")
        return signed(text, store=self.store_name, staff=staff, language=language)

    def edited(self) -> TemplateInput:
        purpose = TemplatePurpose(self.purpose.currentData())
        code = self.festival.currentData() if purpose is TemplatePurpose.FESTIVAL else ""
        return TemplateInput(purpose, self.name.text(), self.body.toPlainText(), code or "",
                             self.active.isChecked())

    def store(self, row: TemplateRow) -> None:
        saved = self._services.messages.save(
            self._actor, self.edited(), template_id=row.template_id or None,
            version=row.version if row.template_id else None)
        self.wanted = (saved.purpose, saved.name)

    @Slot()
    def add_new(self) -> None:
        if not self.may_change:
            return
        row = _new(language_of_name(self.store_name))
        self.rows.append(row)
        self.tree.setCurrentItem(QTreeWidgetItem(self.tree, self.row_texts(row)))
        self.name.setFocus()

    @Slot()
    def cancel(self) -> None:
        row = self.chosen()
        if row is not None and not row.template_id:
            self.load()  # the new message, never saved, goes
            return
        super().cancel()

    @Slot()
    def delete(self) -> None:
        row = self.chosen()
        if row is None or not self.may_change:
            return
        try:
            if row.template_id:
                self._services.messages.delete(self._actor, row.template_id, row.version)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.load()
        self.saved.emit()
