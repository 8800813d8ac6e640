"""Small pieces the client screens share: combos of enums, errors outside a form layout, dates.

``FieldErrors`` extends the desk's :class:`~frontdesk.ui.forms.FormErrors` so a
field that does not sit in a QFormLayout row (a grid cell, a plan line) still
gets its error line beside it; ``run_guarded`` is the one place the screens turn
a DomainError into an inline message and a StorageError into the dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.calendar import Calendar
from frontdesk.errors import DomainError, StorageError
from frontdesk.ui.dates import date_text, day_text
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.labels import lunar_wording
from frontdesk.ui.widgets import BirthdayEditor

T = TypeVar("T")


def set_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is ``value`` (the first item when none is)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class FieldErrors(FormErrors):
    """FormErrors for fields placed anywhere: :meth:`attach` returns the error line to place."""

    def attach(self, field: str, widget: QWidget, label: QLabel | None = None) -> QLabel:
        """Register ``field`` (shown beside ``widget``); several fields may share ``label``."""
        if label is None:
            label = QLabel(objectName="fieldError")
            label.setWordWrap(True)
            label.hide()
        self._fields[field] = (widget, label)
        return label

    def add_unit_row(self, form: QFormLayout, label: str, field: str, edit: QWidget,
                     unit: str) -> None:
        """A form row of ``edit`` followed by its unit (cm, kg, %), with its error line."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(QLabel(unit))
        form.addRow(label, box)
        form.addRow("", self.attach(field, edit))

    def detach(self, prefix: str) -> None:
        """Forget the fields starting with ``prefix`` (their widgets are going away)."""
        for field in [f for f in self._fields if f.startswith(prefix)]:
            del self._fields[field]

    def reveal(self, scroll: QScrollArea, field: str | None) -> None:
        """Scroll ``scroll`` so that ``field`` and its error line are in sight."""
        target = self._fields.get(field or "")
        if target is not None:
            scroll.ensureWidgetVisible(target[1])
            scroll.ensureWidgetVisible(target[0])

    def show_text(self, field: str, text: str) -> None:
        """Show a message the screen itself made (not a service's) beside ``field``."""
        self.show(DomainError(text.replace("{", "{{").replace("}", "}}"), field=field))


def run_guarded(parent: QWidget, message: QLabel, action: Callable[[], T]) -> T | None:
    """Run ``action``; a DomainError goes into ``message``, a StorageError into the dialog."""
    try:
        result = action()
    except DomainError as exc:
        message.setText(error_text(exc))
        message.show()
        return None
    except StorageError as exc:
        show_storage_error(parent, exc)
        return None
    return result


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def birthday_text(b: BirthdayInput | None) -> str:
    """``1990-03-08`` / ``8 Mar 1990``, ``3月8日`` / ``8 Mar``, or the lunar date worded in the UI
    language (``农历1999年正月廿三`` / ``lunar 1999, month 1 day 23``)."""
    if b is None:
        return QCoreApplication.translate("ClientScreens", "Not given")
    if Calendar(b.calendar) is Calendar.LUNAR:
        return lunar_wording().text(b.month, b.day, b.year, b.leap_month)
    if b.year:
        return date_text(dt.date(b.year, b.month, b.day))
    return day_text(b.month, b.day)


def set_birthday(editor: BirthdayEditor, b: BirthdayInput | None) -> None:
    """Fill the desk's birthday editor with a stored birthday."""
    set_data(editor.calendar, None if b is None else Calendar(b.calendar))
    if b is not None:
        editor.year.setValue(b.year or 0)
        editor.month.setValue(b.month)
        editor.day.setValue(b.day)
        editor.leap.setChecked(b.leap_month)
    else:
        editor.year.setValue(0)
        editor.leap.setChecked(False)
