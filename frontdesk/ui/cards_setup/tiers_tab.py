"""The tiers table: the store's tiers with their thresholds and rights, and the chosen tier's
form beside it. Ctrl+S saves the form (the service checks the whole table: a better tier asks
for more monthly spend). A tier already earned keeps its rights until its end date whatever
the new thresholds; the form says so.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import ConflictError, DomainError
from frontdesk.services.cards.tier_checks import (
    MAX_MULTIPLIER_PERCENT,
    MAX_REFERRALS,
    MAX_VALIDITY_MONTHS,
)
from frontdesk.services.cards.tiers import TierDraft, TierRow
from frontdesk.services.registry import Services
from frontdesk.ui.cards_setup.words import fen_of, money_edit
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.worker import DbWorker


def _spin(name: str, low: int, high: int, suffix: str = "", special: str = "") -> QSpinBox:
    spin = QSpinBox(objectName=name, minimum=low, maximum=high)
    spin.setSuffix(suffix)
    if special:
        spin.setSpecialValueText(special)
    return spin


class TiersTab(QWidget):
    loaded = Signal()
    saved = Signal()

    def __init__(self, services: Services, actor: Actor, worker: DbWorker, may_change: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor, self._worker = services, actor, worker
        self.rows: list[TierRow] = []
        self._refusal: DomainError | None = None
        self.tree = QTreeWidget(objectName="tiers")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Tier"), self.tr("Monthly spend from"),
                                   self.tr("Price paid"), self.tr("Points"),
                                   self.tr("Lasts")])
        self.tree.currentItemChanged.connect(self._show_chosen)
        general = QLabel()
        self.errors = FormErrors(general)
        self.save = QPushButton(self.tr("Save tier (Ctrl+S)"), objectName="saveTier")
        self.save.clicked.connect(self._save)
        self.save.setEnabled(may_change)
        if may_change:
            QShortcut(QKeySequence("Ctrl+S"), self, self._save)
        note = QLabel(self.tr("A tier already earned keeps its rights until its end date, "
                              "whatever the new thresholds."), wordWrap=True)
        side = QVBoxLayout()
        side.addLayout(self._form(may_change))
        side.addWidget(general)
        side.addWidget(note)
        side.addWidget(self.save)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.tree, 3)
        layout.addLayout(side, 2)

    def _form(self, may_change: bool) -> QFormLayout:
        self.name = QLineEdit(objectName="tierName")
        self.spend = money_edit("minMonthlySpend")
        self.top_up = money_edit("minTopUp")
        self.top_up.setPlaceholderText(self.tr("top-ups do not"))
        self.referrals = _spin("minReferrals", 0, MAX_REFERRALS, "",
                               self.tr("referrals do not"))
        self.discount = _spin("discountPercent", 1, 100, " %")
        self.multiplier = _spin("pointsMultiplier", 0, MAX_MULTIPLIER_PERCENT, " %")
        self.validity = _spin("validityMonths", 1, MAX_VALIDITY_MONTHS, self.tr(" months"))
        self.birthday = QLineEdit(objectName="birthdayPackage")
        self.events = QLineEdit(objectName="events")
        form = QFormLayout()
        add = self.errors.add_row
        add(form, self.tr("Name"), "name", self.name)
        add(form, self.tr("Average monthly spend (¥)"), "min_monthly_spend_fen", self.spend)
        add(form, self.tr("Or one top-up of (¥)"), "min_top_up_fen", self.top_up)
        add(form, self.tr("Or referred clients"), "min_referrals", self.referrals)
        add(form, self.tr("Price paid (100 %: no discount)"), "discount_percent",
            self.discount)
        add(form, self.tr("Points multiplier"), "points_multiplier_percent", self.multiplier)
        add(form, self.tr("Tier lasts"), "validity_months", self.validity)
        add(form, self.tr("Birthday package"), "birthday_package", self.birthday)
        add(form, self.tr("Events and other rights"), "events", self.events)
        for field in (self.name, self.spend, self.top_up, self.referrals, self.discount,
                      self.multiplier, self.validity, self.birthday, self.events):
            field.setEnabled(may_change)
        return form

    @Slot()
    def load(self) -> None:
        tiers, actor = self._services.tiers, self._actor
        self._worker.submit(lambda: tiers.tiers(actor), self._arrived, self._failed)

    def _arrived(self, rows: list[TierRow]) -> None:
        at = max(0, self.tree.currentIndex().row())
        self.rows = rows
        self.tree.clear()
        items = [QTreeWidgetItem(self.tree, [
                row.name, format_fen(row.min_monthly_spend_fen),
                f"{row.discount_percent} %", f"×{row.points_multiplier_percent / 100:g}",
                self.tr("{n} months").format(n=row.validity_months)]) for row in rows]
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        if rows:
            self.tree.setCurrentItem(items[min(at, len(rows) - 1)])
        if self._refusal is not None:
            self.errors.show(self._refusal)
            self._refusal = None
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.errors.show(exc)

    def chosen(self) -> TierRow | None:
        index = self.tree.currentIndex().row()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    @Slot()
    def _show_chosen(self) -> None:
        tier = self.chosen()
        if tier is None:
            return
        self.errors.clear()
        self.name.setText(tier.name)
        self.spend.setText(f"{tier.min_monthly_spend_fen / 100:.2f}")
        self.top_up.setText("" if tier.min_top_up_fen is None
                            else f"{tier.min_top_up_fen / 100:.2f}")
        self.referrals.setValue(tier.min_referrals or 0)
        self.discount.setValue(tier.discount_percent)
        self.multiplier.setValue(tier.points_multiplier_percent)
        self.validity.setValue(tier.validity_months)
        self.birthday.setText(tier.birthday_package)
        self.events.setText(tier.events)

    def _edited(self, tier: TierRow) -> TierDraft:
        return dataclasses.replace(
            tier.draft(), name=self.name.text(),
            min_monthly_spend_fen=fen_of(self.spend, "min_monthly_spend_fen") or 0,
            min_top_up_fen=fen_of(self.top_up, "min_top_up_fen", empty=None),
            min_referrals=self.referrals.value() or None,
            discount_percent=self.discount.value(),
            points_multiplier_percent=self.multiplier.value(),
            validity_months=self.validity.value(), birthday_package=self.birthday.text(),
            events=self.events.text())

    @Slot()
    def _save(self) -> None:
        tier = self.chosen()
        if tier is None:
            return
        try:
            edited = self._edited(tier)
            drafts = [edited if row.code == tier.code else row.draft() for row in self.rows]
            rows = self._services.tiers.save_tiers(self._actor, drafts, self.rows)
        except ConflictError as exc:
            self._refusal = exc  # said again once the other terminal's tiers are shown
            self.load()
            return
        except DomainError as exc:
            self.errors.show(exc)
            return
        self._arrived(rows)
        self.saved.emit()
