"""Give the gift (Ctrl+G) of a gift task: one of the gifts the task offers; for a spa, dining
or room voucher its value in yuan and its expiry (three months ahead by default), issued
through the card ledger; a note. Enter gives, Esc cancels; a refusal shows under its field.
Once given, the page says the voucher's code."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from frontdesk.core.context import Actor
from frontdesk.errors import ValidationError
from frontdesk.models.care import GiftType
from frontdesk.services.care.gifts import VOUCHER_KINDS, GiftGiven
from frontdesk.services.care.views import DueTask
from frontdesk.services.registry import Services
from frontdesk.ui.cards_setup.words import fen_of, money_edit
from frontdesk.ui.care.dialogs import NOTE_MAX, TaskDialog
from frontdesk.ui.care.labels import gift_name
from frontdesk.ui.clients.common import pydate, qdate
from frontdesk.ui.dates import set_edit_format

EXPIRY_MONTHS = 3


class GiftDialog(TaskDialog):
    """The gift given: which, a voucher's value and expiry, a note."""

    def __init__(self, services: Services, actor: Actor, task: DueTask, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, task, self.tr("Give the gift (Ctrl+G)"), parent)
        self.setObjectName("careGiftDialog")
        self.given: GiftGiven | None = None
        self.gift = QComboBox(objectName="careGift")
        for gift in task.gift_types:
            self.gift.addItem(gift_name(gift), gift.value)
        self.value = money_edit("careGiftValue")
        self.value.setPlaceholderText(self.tr("yuan, e.g. 200"))
        self.expires = QDateEdit(objectName="careGiftExpires")
        self.expires.setCalendarPopup(True)
        set_edit_format(self.expires)
        self.expires.setMinimumDate(qdate(today))
        self.expires.setDate(qdate(today).addMonths(EXPIRY_MONTHS))
        self.note = QLineEdit(objectName="careGiftNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText(self.tr("e.g. handed over at the desk"))
        self.errors.add_row(self.form, self.tr("Gift"), "gift", self.gift)
        self.errors.add_row(self.form, self.tr("Voucher value"), "value_fen", self.value)
        self.errors.add_row(self.form, self.tr("Valid until"), "expires_on", self.expires)
        self.errors.add_row(self.form, self.tr("Note"), "note", self.note)
        self.gift.currentIndexChanged.connect(self._gift_changed)
        self._gift_changed()
        self.finish()
        self.gift.setFocus()

    def chosen(self) -> GiftType | None:
        data = self.gift.currentData()
        return GiftType(data) if data else None

    def choose(self, gift: GiftType) -> None:
        self.gift.setCurrentIndex(self.gift.findData(gift.value))

    @Slot()
    def _gift_changed(self) -> None:
        voucher = self.chosen() in VOUCHER_KINDS
        self.form.setRowVisible(self.value, voucher)
        self.form.setRowVisible(self.expires, voucher)

    def save(self) -> None:
        gift = self.chosen()
        if gift is None:
            raise ValidationError("This gift is not one this task offers; choose one of its "
                                  "gifts.", field="gift")
        voucher = gift in VOUCHER_KINDS
        value = (fen_of(self.value, "value_fen") or 0) if voucher else 0
        if voucher and value <= 0:
            raise ValidationError("Type the voucher's value, more than zero.",
                                  field="value_fen")
        self.given = self.services.care.give_gift(
            self.actor, self.task.task_id, self.task.version, gift, value_fen=value,
            expires_on=pydate(self.expires.date()) if voucher else None,
            note=self.note.text().strip(), key=self.key)

    def done_text(self) -> str:
        if self.given is not None and self.given.voucher_code:
            return self.tr("The gift is given: voucher {code}.").format(
                code=self.given.voucher_code)
        return self.tr("The gift is given.")
