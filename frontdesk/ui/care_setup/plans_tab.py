"""What each tier's clients get (domain/001): a gift and a call, a personal call, or a batch
message; the gifts to choose from; whether the tier is cared for centrally (the top tier by
the service centre, domain/003) rather than by each client's manager; and how often its
clients get a personal call (calls to star clients)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from frontdesk.models.care import CareChannel, GiftType
from frontdesk.services.care.settings import TierPlan
from frontdesk.services.care.setup_checks import STAR_CALL_DAYS
from frontdesk.ui.care_setup.list_form import ListFormTab
from frontdesk.ui.care_setup.words import channel_name, gift_name
from frontdesk.ui.clients.common import set_data


class PlansTab(ListFormTab):
    list_name = "tierPlans"

    def headers(self) -> list[str]:
        return [self.tr("Tier"), self.tr("Clients get"), self.tr("Cared for"),
                self.tr("Personal call")]

    def build_form(self, form: QFormLayout) -> None:
        self.channel = QComboBox(objectName="planChannel")
        for channel in (CareChannel.GIFT, CareChannel.CALL, CareChannel.MESSAGE):
            self.channel.addItem(channel_name(channel), channel)
        self.channel.currentIndexChanged.connect(self._channel_chosen)
        gifts = QWidget(objectName="planGifts")
        column = QVBoxLayout(gifts)
        column.setContentsMargins(0, 0, 0, 0)
        self.gifts: dict[GiftType, QCheckBox] = {}
        for gift in GiftType:
            self.gifts[gift] = box = QCheckBox(gift_name(gift), objectName=f"gift_{gift.value}")
            column.addWidget(box)
        self.central = QCheckBox(self.tr("Cared for centrally (the store's pool)"),
                                 objectName="planCentral")
        self.star_days = QSpinBox(objectName="starCallDays", minimum=0,
                                  maximum=STAR_CALL_DAYS[1])
        self.star_days.setSpecialValueText(self.tr("no regular call"))
        self.star_days.setPrefix(self.tr("every "))
        self.star_days.setSuffix(self.tr(" days"))
        add = self.errors.add_row
        add(form, self.tr("Clients get"), "channel", self.channel)
        add(form, self.tr("Gifts"), "gift_types", gifts)
        form.addRow("", self.central)
        add(form, self.tr("A personal call"), "star_call_days", self.star_days)

    def fields(self) -> Sequence[QWidget]:
        return [self.channel, *self.gifts.values(), self.central, self.star_days]

    def fetch(self) -> Sequence[TierPlan]:
        return self._services.care_setup.tier_plans(self._actor)

    def key_of(self, row: TierPlan) -> object:
        return row.tier_code

    def row_texts(self, row: TierPlan) -> list[str]:
        what = channel_name(row.channel)
        if row.channel is CareChannel.GIFT:
            what += f" ({len(row.gift_types)})"
        return [row.tier_name, what,
                self.tr("Centrally") if row.central else self.tr("By the client's manager"),
                self.tr("every {n} days").format(n=row.star_call_days)
                if row.star_call_days else ""]

    def show_row(self, row: TierPlan) -> None:
        set_data(self.channel, row.channel)
        for gift, box in self.gifts.items():
            box.setChecked(gift in row.gift_types)
        self.central.setChecked(row.central)
        self.star_days.setValue(row.star_call_days or 0)
        self._channel_chosen()

    @Slot()
    def _channel_chosen(self) -> None:
        gift = CareChannel(self.channel.currentData()) is CareChannel.GIFT
        for box in self.gifts.values():
            box.setEnabled(self.may_change and gift)

    def edited(self, row: TierPlan) -> TierPlan:
        gifts = tuple(g for g, box in self.gifts.items() if box.isChecked())
        return dataclasses.replace(row, channel=CareChannel(self.channel.currentData()),
                                   gift_types=gifts,
                                   central=self.central.isChecked(),
                                   star_call_days=self.star_days.value() or None)

    def store(self, row: TierPlan) -> None:
        self._services.care_setup.save_tier_plan(self._actor, self.edited(row))
