"""The festivals the store greets its clients on: the built-in ones (switched on or off,
with or without a gift for major clients, renamed; their dates are fixed) and the store's
own days (a solar date, a lunar date — day 0 is the month's last day — or the n-th
weekday of a month), each with its next date.

Ctrl+N starts a new day of the store's own; Ctrl+S saves it; Esc drops it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidgetItem,
    QWidget,
)

from frontdesk.core.festivals import FestivalDay, FestivalRule
from frontdesk.errors import DomainError
from frontdesk.services.care.setup import next_festival_date
from frontdesk.ui.care_setup.list_form import ListFormTab
from frontdesk.ui.care_setup.words import (
    festival_name,
    festival_rule_text,
    next_date_text,
    rule_names,
    stored_name,
    weekday_names,
)
from frontdesk.ui.clients.common import set_data

NEW = FestivalDay("", "", FestivalRule.SOLAR, 1, 1, gift=False, built_in=False)
"""A day of the store's own, before it is saved."""


class FestivalsTab(ListFormTab):
    list_name = "festivals"

    def headers(self) -> list[str]:
        return [self.tr("Festival name"), self.tr("Date"), self.tr("Next date"), self.tr("Gift"),
                self.tr("On")]

    def build_form(self, form: QFormLayout) -> None:
        self.name = QLineEdit(objectName="festivalName")
        self.rule = QComboBox(objectName="festivalRule")
        for rule, text in rule_names().items():
            self.rule.addItem(text, rule)
        self.rule.currentIndexChanged.connect(self._rule_chosen)
        self.month = QSpinBox(objectName="festivalMonth", minimum=1, maximum=12)
        self.day = QSpinBox(objectName="festivalDay", minimum=1, maximum=31)
        self.weekday = QComboBox(objectName="festivalWeekday")
        for number, text in enumerate(weekday_names()):
            self.weekday.addItem(text, number)
        self.gift = QCheckBox(self.tr("Major clients get a gift"), objectName="festivalGift")
        self.enabled = QCheckBox(self.tr("Greet clients on it"), objectName="festivalEnabled")
        add = self.errors.add_row
        add(form, self.tr("Name"), "name", self.name)
        add(form, self.tr("Fixed by"), "rule", self.rule)
        add(form, self.tr("Month"), "month", self.month)
        add(form, self.tr("Day (the n-th, for a weekday)"), "day", self.day)
        add(form, self.tr("Weekday"), "weekday", self.weekday)
        form.addRow("", self.gift)
        form.addRow("", self.enabled)
        self.add_button = QPushButton(self.tr("New day of our own (Ctrl+N)"),
                                      objectName="newFestival")
        self.add_button.clicked.connect(self.add_own)
        self.delete_button = QPushButton(self.tr("Delete our day"), objectName="deleteFestival")
        self.delete_button.clicked.connect(self.delete_own)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_own)

    def fields(self) -> Sequence[QWidget]:
        return [self.name, self.rule, self.month, self.day, self.weekday, self.gift,
                self.enabled, self.add_button, self.delete_button]

    def extra_buttons(self) -> Sequence[QPushButton]:
        return (self.add_button, self.delete_button)

    def fetch(self) -> Sequence[FestivalDay]:
        return self._services.care_setup.festivals(self._actor)

    def key_of(self, row: FestivalDay) -> object:
        return row.code

    def row_texts(self, row: FestivalDay) -> list[str]:
        if not row.code:
            return [self.tr("(new day)"), "", "", "", ""]
        when = next_festival_date(row, self._services.care_setup.today())
        return [festival_name(row), festival_rule_text(row),
                next_date_text(when) if row.enabled else "",
                self.tr("Gift") if row.gift else "",
                self.tr("On") if row.enabled else self.tr("Off")]

    def show_row(self, row: FestivalDay) -> None:
        self.name.setText(festival_name(row))
        set_data(self.rule, row.rule)
        self._rule_chosen()
        self.month.setValue(row.month)
        self.day.setValue(row.day)
        set_data(self.weekday, row.weekday or 0)
        self.gift.setChecked(row.gift)
        self.enabled.setChecked(row.enabled)
        own = self.may_change and not row.built_in
        for widget in (self.rule, self.month, self.day):
            widget.setEnabled(own)
        self.weekday.setEnabled(own and row.rule is FestivalRule.NTH_WEEKDAY)
        self.delete_button.setEnabled(own and bool(row.code))

    @Slot()
    def _rule_chosen(self) -> None:
        rule = FestivalRule(self.rule.currentData())
        low, high, special = {FestivalRule.SOLAR: (1, 31, ""),
                              FestivalRule.LUNAR: (0, 30, self.tr("last day")),
                              FestivalRule.NTH_WEEKDAY: (1, 5, "")}[rule]
        self.day.setRange(low, high)
        self.day.setSpecialValueText(special)
        chosen = self.chosen()
        self.weekday.setEnabled(self.may_change and rule is FestivalRule.NTH_WEEKDAY
                                and chosen is not None and not chosen.built_in)

    def edited(self, row: FestivalDay) -> FestivalDay:
        rule = FestivalRule(self.rule.currentData())
        return dataclasses.replace(
            row, name=stored_name(row, self.name.text()), rule=rule, month=self.month.value(),
            day=self.day.value(),
            weekday=self.weekday.currentData() if rule is FestivalRule.NTH_WEEKDAY else None,
            gift=self.gift.isChecked(), enabled=self.enabled.isChecked())

    def store(self, row: FestivalDay) -> None:
        saved = self._services.care_setup.save_festival(self._actor, self.edited(row))
        self.wanted = saved.code

    @Slot()
    def add_own(self) -> None:
        """A new day of the store's own, at the foot of the list, its name to type."""
        if not self.may_change:
            return
        last = self.tree.topLevelItem(len(self.rows) - 1) if self.rows else None
        if last is not None and not self.rows[-1].code:  # one new day at a time
            self.tree.setCurrentItem(last)
        else:
            self.rows.append(NEW)
            item = QTreeWidgetItem(self.tree, self.row_texts(NEW))
            self.tree.setCurrentItem(item)
        self.name.setFocus()

    @Slot()
    def cancel(self) -> None:
        row = self.chosen()
        if row is not None and not row.code:
            self.load()  # the new day, never saved, goes
            return
        super().cancel()

    @Slot()
    def delete_own(self) -> None:
        row = self.chosen()
        if row is None or row.built_in or not row.code:
            return
        try:
            self._services.care_setup.delete_festival(self._actor, row.code)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.load()
        self.saved.emit()
