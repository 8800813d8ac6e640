"""Points and vouchers at the desk: redeem points for a catalogue reward (积分兑换, F9) and use one
of the owner's open vouchers (核销, F12). Each confirms before it books, once per dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import ValidationError
from frontdesk.services.cards.views import CardView
from frontdesk.services.registry import Services
from frontdesk.ui.cards.card_labels import voucher_kind_name
from frontdesk.ui.cards.op_dialog import CardOpDialog


class RedeemDialog(CardOpDialog):
    """A reward of the catalogue for the owner's points: a voucher, or a gift handed over."""

    def __init__(self, services: Services, actor: Actor, card: CardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, card, self.tr("Redeem points (F9)"), parent)
        self.setObjectName("redeemDialog")
        self.rewards = services.card_products.rewards(actor)
        self.points = QLabel(str(card.points), objectName="redeemPoints")
        self.reward = QComboBox(objectName="redeemReward")
        for r in self.rewards:
            value = f" {format_fen(r.voucher_value_fen)}" if r.voucher_value_fen else ""
            self.reward.addItem(self.tr("{name}{value} — {points} points").format(
                name=r.name, value=value, points=r.points), r.id)
        self.form.addRow(self.tr("Points"), self.points)
        self.errors.add_row(self.form, self.tr("Reward"), "reward_id", self.reward)
        self.finish_layout()
        self.reward.setFocus()

    def check(self) -> str:
        assert self.card is not None
        reward = next((r for r in self.rewards if r.id == self.reward.currentData()), None)
        if reward is None:
            raise ValidationError("The store has no rewards to redeem yet.", field="reward_id")
        if reward.points > self.card.points:
            raise ValidationError("{name} needs {points} points; the client has {have}.",
                                  field="reward_id", name=reward.name, points=reward.points,
                                  have=self.card.points)
        return self.tr("Redeem {name} for {points} points; points left {left}").format(
            name=reward.name, points=reward.points, left=self.card.points - reward.points)

    def book(self) -> object:
        assert self.card is not None
        return self.services.cards.redeem_points(self.actor, client_id=self.card.client_id,
                                                 reward_id=self.reward.currentData(),
                                                 key=self.key)


class UseVoucherDialog(CardOpDialog):
    """核销: one of the owner's open vouchers is used now, and cannot be used again."""

    def __init__(self, services: Services, actor: Actor, card: CardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, card, self.tr("Use a voucher (F12)"), parent)
        self.setObjectName("voucherDialog")
        self.voucher = QComboBox(objectName="voucherChoice")
        for v in card.vouchers:
            value = f" {format_fen(v.value_fen)}" if v.value_fen else ""
            self.voucher.addItem(f"{voucher_kind_name(v.kind)} · {v.title}{value}  {v.code}",
                                 v.id)
        self.errors.add_row(self.form, self.tr("Voucher"), "voucher_id", self.voucher)
        self.finish_layout()
        self.voucher.setFocus()

    def check(self) -> str:
        if self.voucher.currentData() is None:
            raise ValidationError("The client has no open voucher.", field="voucher_id")
        return self.tr("Use {voucher} now; it cannot be used again").format(
            voucher=self.voucher.currentText())

    def book(self) -> object:
        return self.services.cards.use_voucher(self.actor, voucher_id=self.voucher.currentData(),
                                               key=self.key)
