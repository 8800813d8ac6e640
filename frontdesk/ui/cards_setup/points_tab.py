"""Points (积分): the store's rule (points per ¥1 paid, the referral reward) and the
redemption catalogue, with a small dialog for one reward.

Keys: Ctrl+S saves the rule; Ctrl+Shift+N a new reward, Enter edits the chosen one, Del takes
it out of the catalogue (or back in).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError
from frontdesk.models.card import VoucherKind
from frontdesk.services.cards.points_setup import (
    MAX_POINTS_PER_YUAN,
    MAX_REWARD_POINTS,
    PointsRule,
    RewardDraft,
    RewardRow,
)
from frontdesk.services.registry import Services
from frontdesk.ui.cards_setup.words import fen_of, money_edit, voucher_kind_name
from frontdesk.ui.errors import error_text
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.widgets import at_least_wide, column, dialog_buttons, enum_combo
from frontdesk.ui.worker import DbWorker


class RewardDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, reward: RewardRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rewardDialog")
        self.setWindowTitle(self.tr("Points reward"))
        self._services, self._actor, self._reward = services, actor, reward
        self.name = QLineEdit(reward.name if reward else "", objectName="rewardName")
        self.points = QSpinBox(objectName="rewardPoints", minimum=0, maximum=MAX_REWARD_POINTS)
        self.points.setValue(reward.points if reward else 0)
        self.kind = enum_combo("voucherKind", [None, *VoucherKind], voucher_kind_name)
        self.kind.setCurrentIndex(self.kind.findData(reward.voucher_kind if reward else None))
        self.value = money_edit("voucherValue", reward.voucher_value_fen if reward else None)
        general = QLabel()
        self.errors = FormErrors(general)
        form = QFormLayout()
        self.errors.add_row(form, self.tr("Name"), "name", self.name)
        self.errors.add_row(form, self.tr("Costs (points)"), "points", self.points)
        self.errors.add_row(form, self.tr("Gives"), "voucher_kind", self.kind)
        self.errors.add_row(form, self.tr("Voucher value (¥)"), "voucher_value_fen", self.value)
        column(self, form, general, dialog_buttons(self, self._save, save=True))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        at_least_wide(self, 420)

    @Slot()
    def _kind_changed(self) -> None:
        self.value.setEnabled(self.kind.currentData() is not None)  # a gift has no value

    @Slot()
    def _save(self) -> None:
        try:
            kind = self.kind.currentData()
            draft = RewardDraft(self.name.text(), self.points.value(),
                                VoucherKind(kind) if kind else None,
                                fen_of(self.value, "voucher_value_fen") or 0)
            self._services.card_products.save_reward(
                self._actor, self._reward.id if self._reward else None, draft)
        except DomainError as exc:
            self.errors.show(exc)
            return
        self.accept()


class PointsTab(QWidget):
    loaded = Signal()

    def __init__(self, services: Services, actor: Actor, worker: DbWorker, may_change: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._actor, self._worker = services, actor, worker
        self.rewards: list[RewardRow] = []
        layout = QHBoxLayout(self)
        layout.addWidget(self._rule_box(may_change), 2)
        layout.addWidget(self._rewards_box(may_change), 3)

    def _rule_box(self, may_change: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Points rule"))
        self.per_yuan = QSpinBox(objectName="pointsPerYuan", minimum=0,
                                 maximum=MAX_POINTS_PER_YUAN)
        self.referral_points = QSpinBox(objectName="referralPoints", minimum=0,
                                        maximum=MAX_REWARD_POINTS)
        self.referral_voucher = money_edit("referralVoucher")
        general = QLabel()
        self.rule_errors = FormErrors(general)
        self.save_rule = QPushButton(self.tr("Save rule (Ctrl+S)"), objectName="saveRule")
        self.save_rule.clicked.connect(self._save_rule)
        form = QFormLayout()
        add = self.rule_errors.add_row
        add(form, self.tr("Points per ¥1 paid"), "points_per_yuan", self.per_yuan)
        add(form, self.tr("Referral reward (points)"), "referral_points", self.referral_points)
        add(form, self.tr("Referral voucher (¥)"), "referral_voucher_fen", self.referral_voucher)
        explain = QLabel(self.tr("The client who referred another gets this once, when the "
                                 "referred client gets her first card. The tier multiplies "
                                 "the points earned."), wordWrap=True)
        for widget in (self.per_yuan, self.referral_points, self.referral_voucher,
                       self.save_rule):
            widget.setEnabled(may_change)
        if may_change:
            QShortcut(QKeySequence("Ctrl+S"), self, self._save_rule)
        column(box, form, general, explain, self.save_rule).addStretch(1)
        return box

    def _rewards_box(self, may_change: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Rewards for points"))
        self.tree = QTreeWidget(objectName="rewards")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Reward"), self.tr("Points"), self.tr("Gives")])
        self.tree.itemActivated.connect(self._edit_reward)
        self.message = QLabel(objectName="fieldError", wordWrap=True)
        self.message.hide()
        buttons = QHBoxLayout()
        for text, name, slot, key in (
                (self.tr("New reward (Ctrl+Shift+N)"), "newReward", self._new_reward,
                 "Ctrl+Shift+N"),
                (self.tr("In / out of the catalogue (Delete)"), "toggleReward",
                 self._toggle_reward, "Del")):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            button.setEnabled(may_change)
            buttons.addWidget(button)
            if may_change:
                QShortcut(QKeySequence(key), self.tree, slot)
        buttons.addStretch(1)
        column(box, buttons, self.message, self.tree)
        return box

    @Slot()
    def load(self) -> None:
        products, actor = self._services.card_products, self._actor
        self._worker.submit(lambda: (products.points_rule(actor),
                                     products.rewards(actor, with_inactive=True)),
                            self._arrived, self._failed)

    def _arrived(self, loaded: tuple[PointsRule, list[RewardRow]]) -> None:
        rule, self.rewards = loaded
        self.per_yuan.setValue(rule.points_per_yuan)
        self.referral_points.setValue(rule.referral_points)
        self.referral_voucher.setText(f"{rule.referral_voucher_fen / 100:.2f}")
        self.tree.clear()
        items = []
        for reward in self.rewards:
            gives = voucher_kind_name(reward.voucher_kind)
            if reward.voucher_kind is not None:
                gives = f"{gives} {format_fen(reward.voucher_value_fen)}"
            name = reward.name if reward.active else \
                self.tr("{name} (out of the catalogue)").format(name=reward.name)
            item = QTreeWidgetItem(self.tree, [name, str(reward.points), gives])
            item.setData(0, Qt.ItemDataRole.UserRole, reward.id)
            item.setDisabled(not reward.active)
            items.append(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        if items:
            self.tree.setCurrentItem(items[0])
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self._say(error_text(exc))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot()
    def _save_rule(self) -> None:
        try:
            rule = PointsRule(self.per_yuan.value(), self.referral_points.value(),
                              fen_of(self.referral_voucher, "referral_voucher_fen") or 0)
            self._services.card_products.set_points_rule(self._actor, rule)
        except DomainError as exc:
            self.rule_errors.show(exc)
            return
        self.rule_errors.clear()

    def chosen(self) -> RewardRow | None:
        item = self.tree.currentItem()
        reward_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return next((r for r in self.rewards if r.id == reward_id), None)

    @Slot()
    def _new_reward(self) -> None:
        if RewardDialog(self._services, self._actor, None, self).exec():
            self.load()

    @Slot()
    def _edit_reward(self) -> None:
        reward = self.chosen()
        if reward is not None and RewardDialog(self._services, self._actor, reward,
                                               self).exec():
            self.load()

    @Slot()
    def _toggle_reward(self) -> None:
        reward = self.chosen()
        if reward is None:
            return
        try:
            self._services.card_products.set_reward_active(self._actor, reward.id,
                                                           not reward.active)
        except DomainError as exc:
            self._say(error_text(exc))
            return
        self._say("")
        self.load()
