"""Inline error display for forms: a red line under the field a DomainError names."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from frontdesk.errors import DomainError
from frontdesk.ui.errors import error_text


class FormErrors:
    """Error labels for the fields of a form, plus one for errors that name no field."""

    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._general.setObjectName("fieldError")
        self._general.setWordWrap(True)
        self._general.hide()
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget) -> None:
        """Add ``widget`` to ``form`` with an (initially hidden) error line under it."""
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        form.addRow(label, widget)
        form.addRow("", error)
        self._fields[field] = (widget, error)

    def show(self, exc: DomainError) -> None:
        self.clear()
        target = self._fields.get(exc.field or "")
        label = target[1] if target else self._general
        label.setText(error_text(exc))
        label.show()
        if target:
            target[0].setFocus()

    def clear(self) -> None:
        self._general.hide()
        for _widget, label in self._fields.values():
            label.clear()
            label.hide()

    def text(self, field: str | None = None) -> str:
        """The error shown for ``field`` (or the general one), for tests and screen readers."""
        label = self._fields[field][1] if field else self._general
        return label.text() if label.isVisible() or not label.isHidden() else ""
