"""Inline error display for forms: a red line under the field a DomainError names.

A :class:`~frontdesk.errors.FieldErrors` (several fields wrong at once) puts a line
under each of them, and the cursor in the first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from frontdesk.errors import DomainError, FieldErrors
from frontdesk.ui.errors import error_text


class FormErrors:
    """Error labels for the fields of a form, plus one for errors that name no field."""

    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._general.setObjectName("fieldError")
        self._general.setWordWrap(True)
        self._general.hide()
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add_row(self, form: QFormLayout, label: str, field: str, widget: QWidget,
                also: tuple[str, ...] = ()) -> None:
        """Add ``widget`` to ``form`` with an (initially hidden) error line under it; errors
        naming a field of ``also`` (the parts of a composite input) show there too."""
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        form.addRow(label, widget)
        form.addRow("", error)
        for name in (field, *also):
            self._fields[name] = (widget, error)

    def show(self, exc: DomainError) -> None:
        """Each error under its field (the others in the general line); the cursor goes to
        the first field named."""
        self.clear()
        first: QWidget | None = None
        for error in exc.errors if isinstance(exc, FieldErrors) else (exc,):
            target = self._fields.get(error.field or "")
            label = target[1] if target else self._general
            label.setText("\n".join(t for t in (label.text(), error_text(error)) if t))
            label.show()
            if target and first is None:
                first = target[0]
        if first is not None:
            first.setFocus()

    def clear_field(self, field: str) -> None:
        """Take the error off one field (its input changed)."""
        if field in self._fields:
            label = self._fields[field][1]
            label.clear()
            label.hide()

    def clear(self) -> None:
        self._general.clear()
        self._general.hide()
        for _widget, label in self._fields.values():
            label.clear()
            label.hide()

    def text(self, field: str | None = None) -> str:
        """The error shown for ``field`` (or the general one), for tests and screen readers."""
        label = self._fields[field][1] if field else self._general
        return label.text() if label.isVisible() or not label.isHidden() else ""
