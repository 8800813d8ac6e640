"""Widgets several screens use: a birthday (Gregorian or lunar), a combo of enum values, a
scroll area for pages taller than a small screen, and a form dialog's buttons and column."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.calendar import Calendar


def enum_combo(name: str, members: Iterable[Any], label: Callable[[Any], str],
               blank: str | None = None) -> QComboBox:
    """A combo of ``members`` shown by ``label``; ``blank`` adds a first "not given" item."""
    combo = QComboBox(objectName=name)
    if blank is not None:
        combo.addItem(blank, None)
    for member in members:
        combo.addItem(label(member), member)
    return combo


def at_least_wide(window: QWidget, width: int) -> None:
    """Make a built dialog at least ``width`` wide, and never narrower than its layout needs:
    setMinimumWidth() alone overrides the layout's minimum, and a longer English row was
    squeezed (the birthday's "leap month" cut off)."""
    window.setMinimumWidth(max(width, window.minimumSizeHint().width()))


def dialog_buttons(dialog: QDialog, on_accept: Callable[[], None], ok_text: str = "", *,
                   save: bool = False) -> QDialogButtonBox:
    """OK (or Save) and Cancel: OK runs ``on_accept``, which accepts the dialog once its work
    is done (a refusal keeps it open); Cancel rejects it."""
    ok = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        buttons.button(ok).setText(ok_text)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def column(parent: QWidget, *parts: QWidget | QLayout) -> QVBoxLayout:
    """``parent``'s layout: ``parts`` one under the other (a form, its message, the buttons)."""
    layout = QVBoxLayout(parent)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout


def scrolled(widget: QWidget, name: str = "") -> QScrollArea:
    """``widget`` in a frameless scroll area that follows its width: a page taller than the
    screen (1366×768 leaves a page about 600 px) scrolls instead of pushing the window's foot
    off the screen."""
    scroll = QScrollArea(objectName=name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


class BirthdayEditor(QWidget):
    """Gregorian (公历) or lunar (农历) month and day, the year when known."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = QComboBox(objectName="birthdayCalendar")
        self.calendar.addItem(self.tr("Not given"), None)
        self.calendar.addItem(self.tr("Gregorian"), Calendar.SOLAR)
        self.calendar.addItem(self.tr("Lunar (农历)"), Calendar.LUNAR)
        self.year = QSpinBox(objectName="birthYear", minimum=0, maximum=2100)
        self.year.setSpecialValueText(self.tr("year?"))
        self.month = QSpinBox(objectName="birthMonth", minimum=1, maximum=12)
        self.day = QSpinBox(objectName="birthDay", minimum=1, maximum=31)
        self.leap = QCheckBox(self.tr("leap month"), objectName="birthLeap")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget, suffix in ((self.calendar, ""), (self.year, self.tr("y")),
                               (self.month, self.tr("m")), (self.day, self.tr("d"))):
            row.addWidget(widget)
            if suffix:
                row.addWidget(QLabel(suffix))
        row.addWidget(self.leap)
        self.calendar.currentIndexChanged.connect(self._sync)
        self._sync()

    @Slot()
    def _sync(self) -> None:
        kind = self.calendar.currentData()
        for widget in (self.year, self.month, self.day):
            widget.setEnabled(kind is not None)
        self.leap.setEnabled(kind is Calendar.LUNAR)

    def value(self) -> BirthdayInput | None:
        kind = self.calendar.currentData()
        if kind is None:
            return None
        return BirthdayInput(calendar=kind, month=self.month.value(), day=self.day.value(),
                             year=self.year.value() or None,
                             leap_month=kind is Calendar.LUNAR and self.leap.isChecked())
