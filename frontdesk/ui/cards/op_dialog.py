"""What every card operation's dialog shares: a form, a confirmation that states the amounts,
one booking per dialog.

Enter in the form checks what was typed (amounts in yuan, held as integer fen; a mistake
is said under its field) and shows the confirmation ("充值 ¥1,000.00，赠送 ¥100.00，充值后余额
¥2,350.00") with the form locked; Enter again books, Esc goes back to the form. The
idempotency key is made when the dialog opens, so a double Enter or a retry after a lost
connection books once. A refusal is shown in the dialog and nothing is written; the
dialog closes only on success, with ``booked`` carrying the service's result.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import parse_yuan
from frontdesk.errors import DomainError, StorageError, ValidationError
from frontdesk.services.cards.views import CardView
from frontdesk.services.registry import Services
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import at_least_wide

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def amount_field(name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setPlaceholderText(placeholder)
    return field


def read_fen(field: QLineEdit, name: str, *, required: bool = True) -> int:
    """The amount typed in ``field`` as fen; ValidationError naming ``name`` otherwise."""
    text = field.text().strip()
    if not text and not required:
        return 0
    fen = parse_yuan(text)
    if fen is None:
        raise ValidationError("Type the amount in yuan, e.g. 200 or 199.50.", field=name)
    return fen


class CardOpDialog(QDialog):
    """Subclasses fill ``form`` (rows through ``errors.add_row``), and implement
    :meth:`check` (the confirmation's text, or a ValidationError) and :meth:`book`."""

    booked = Signal(object)  # the service's result

    def __init__(self, services: Services, actor: Actor, card: CardView | None, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.services = services
        self.actor = actor
        self.card = card
        self.key = uuid.uuid4().hex
        self.result: Any = None
        self.heading = QLabel(objectName="opHeading")
        self.heading.setWordWrap(True)
        if card is not None:
            self.heading.setText(f"{card.card_no} · {card.owner_name} · {card.product_name}")
        self.form = QFormLayout()
        self.general_error = QLabel()
        self.errors = FormErrors(self.general_error)
        self.confirmation = QLabel(objectName="opConfirmation")
        self.confirmation.setWordWrap(True)
        font = self.confirmation.font()
        font.setBold(True)
        self.confirmation.setFont(font)
        self.confirmation.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("opOk")
        self.ok.setText(self.tr("Next (Enter)"))
        self.buttons.accepted.connect(self.go)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self, *extra: QWidget) -> None:
        """Lay the dialog out: heading, form, ``extra`` (an approval panel), confirmation."""
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.general_error)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.buttons)
        at_least_wide(self, 460)

    def client_named(self, client_id: int) -> tuple[int, str] | None:
        """(id, name) of a client picked in a search, or None (and why, said under the
        client's field)."""
        try:
            summary = self.services.clients.get_summary(self.actor, client_id)
        except DomainError as exc:
            self.errors.show(exc)
            return None
        self.errors.clear_field("client_id")
        return client_id, summary.name

    # -- to implement ----------------------------------------------------------------------------

    def check(self) -> str:
        """Read the form; the confirmation's text. Raises ValidationError (or FieldErrors)."""
        raise NotImplementedError

    def book(self) -> object:
        """Call the service with ``self.key``; its result."""
        raise NotImplementedError

    # -- the two steps ---------------------------------------------------------------------------

    @property
    def confirming(self) -> bool:
        return not self.confirmation.isHidden()

    @Slot()
    def go(self) -> None:
        """Enter or OK: check and confirm, or (confirming) book."""
        if self.confirming:
            self._book()
            return
        self.errors.clear()
        try:
            text = self.check()
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.confirmation.setText(text)
        self.confirmation.show()
        self._lock_form(True)
        self.ok.setText(self.tr("Confirm (Enter)"))
        self.ok.setFocus()

    def back(self) -> None:
        """Esc while confirming: back to the form, nothing booked."""
        self.confirmation.hide()
        self._lock_form(False)
        self.ok.setText(self.tr("Next (Enter)"))
        self.focusNextChild()

    def _lock_form(self, locked: bool) -> None:
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setEnabled(not locked)

    def refused(self, exc: DomainError) -> None:
        """A refusal from the service: said in the form, which opens again."""
        self.back()
        self.errors.show(exc)

    def _book(self) -> None:
        try:
            self.result = self.book()
        except DomainError as exc:
            self.refused(exc)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.booked.emit(self.result)
        self.accept()

    def reject(self) -> None:
        if self.confirming:
            self.back()
            return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            self.go()
            return
        super().keyPressEvent(event)
