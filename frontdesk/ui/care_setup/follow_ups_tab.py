"""The follow-up calls (回访) after each service item: the days after the visit they fall
on, typed as a list (``1, 3, 7``; empty for none)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from frontdesk.core.money import format_fen
from frontdesk.errors import ValidationError
from frontdesk.services.store.catalog import ServiceItemRow
from frontdesk.ui.care_setup.list_form import ListFormTab

_SEPARATORS = re.compile(r"[\s,，、;；]+")


def days_of(text: str) -> tuple[int, ...]:
    """``1, 3, 7`` (or ``1，3，7``, ``1 3 7``) → (1, 3, 7); ValidationError when a part is
    not a number of days."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if not all(p.isdigit() and p.isascii() for p in parts):
        raise ValidationError("Follow-up days are whole numbers of days, e.g. 1, 3, 7.",
                              field="follow_up_days")
    return tuple(int(p) for p in parts)


class FollowUpsTab(ListFormTab):
    list_name = "followUpItems"

    def headers(self) -> list[str]:
        return [self.tr("Service"), self.tr("Category"), self.tr("Price"),
                self.tr("Follow-up calls on day")]

    def build_form(self, form: QFormLayout) -> None:
        self.item_name = QLabel(objectName="followUpItem")
        self.days = QLineEdit(objectName="followUpDays")
        self.days.setPlaceholderText(self.tr("e.g. 1, 3, 7 (empty: no calls)"))
        form.addRow(self.tr("Service"), self.item_name)
        self.errors.add_row(form, self.tr("Days after the visit"), "follow_up_days", self.days)

    def fields(self) -> Sequence[QWidget]:
        return [self.days]

    def fetch(self) -> Sequence[ServiceItemRow]:
        return self._services.catalog.service_items(self._actor.branch_id)

    def key_of(self, row: ServiceItemRow) -> object:
        return row.id

    def row_texts(self, row: ServiceItemRow) -> list[str]:
        return [row.name, row.category, format_fen(row.price_fen),
                ", ".join(map(str, row.follow_up_days))]

    def show_row(self, row: ServiceItemRow) -> None:
        self.item_name.setText(row.name)
        self.days.setText(", ".join(map(str, row.follow_up_days)))

    def store(self, row: ServiceItemRow) -> None:
        self._services.care_setup.set_follow_up_days(self._actor, row.id,
                                                     days_of(self.days.text()))
