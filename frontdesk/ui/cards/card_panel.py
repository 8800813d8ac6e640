"""One member card at a glance: whose it is, what is on it, and what state it is in.

The owner and the family members who may charge it (家庭卡), the product and its kind,
the status (frozen, replaced, closed or expired in a coloured badge, so nobody charges
a card that cannot be), paid and bonus money and their total, sessions left and the
services they cover, the owner's points, tier and its valid-until date (with the
progress to the next tier when the caller gives it), the expiry date and the open vouchers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from frontdesk.core.money import format_fen
from frontdesk.models.card import CardKind, CardStatus
from frontdesk.services.cards.views import CardView, VoucherView
from frontdesk.ui.cards.card_labels import (
    card_kind_name,
    card_status_name,
    sessions_text,
    voucher_kind_name,
)
from frontdesk.ui.dates import date_text

_BADGE = {"ok": "#2e7d32", "frozen": "#1565c0", "stopped": "#616161", "expired": "#c62828"}


def _value(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CardPanel(QFrame):
    """Shows a :class:`CardView`, or says that no card is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.card: CardView | None = None
        self.number = QLabel(objectName="cardNo")
        font = self.number.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.3)
        else:  # the theme sizes type in pixels
            font.setPixelSize(round(font.pixelSize() * 1.3))
        font.setBold(True)
        self.number.setFont(font)
        self.badge = QLabel(objectName="cardStatus")
        self.balance = _value("cardBalance")
        self.balance.setFont(font)
        self.empty = QLabel(self.tr("No card open. Swipe a card or search (F2)."),
                            objectName="noCard")
        self.fields = {name: _value(name) for name in (
            "cardOwner", "cardHolders", "cardProduct", "cardMoney", "cardSessions",
            "cardPoints", "cardTier", "cardExpiry", "cardVouchers")}
        self._layout()
        self.show_card(None)

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.number)
        head.addWidget(self.badge)
        head.addStretch(1)
        head.addWidget(self.balance)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        titles = (self.tr("Owner"), self.tr("Family members"), self.tr("Card"),
                  self.tr("Money"), self.tr("Sessions left"), self.tr("Points"),
                  self.tr("Tier"), self.tr("Expires"), self.tr("Vouchers"))
        for title, widget in zip(titles, self.fields.values(), strict=True):
            self.form.addRow(title, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.empty)
        layout.addLayout(self.form)
        layout.addStretch(1)

    def show_card(self, card: CardView | None, tier_progress: str = "") -> None:
        """Show ``card`` (None: no card); ``tier_progress``: what the next tier still needs."""
        self.card = card
        self.empty.setVisible(card is None)
        for widget in (self.number, self.badge, self.balance, *self.fields.values()):
            widget.setVisible(card is not None)
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, card is not None)
        if card is None:
            return
        session = card.kind is CardKind.SESSION
        self.form.setRowVisible(self.fields["cardMoney"], not session or card.balance_fen > 0)
        self.form.setRowVisible(self.fields["cardSessions"], session or card.sessions > 0)
        self.number.setText(card.card_no)
        self._show_status(card)
        self.balance.setText(self._balance(card))
        self._fill(card, tier_progress)

    def _balance(self, card: CardView) -> str:
        if card.kind is CardKind.SESSION:
            return sessions_text(card.sessions)
        return format_fen(card.balance_fen)

    def _show_status(self, card: CardView) -> None:
        tone = ("expired" if card.expired and card.status is CardStatus.ACTIVE else
                "ok" if card.status is CardStatus.ACTIVE else
                "frozen" if card.status is CardStatus.FROZEN else "stopped")
        text = self.tr("Expired") if tone == "expired" else card_status_name(card.status)
        self.badge.setText(f" {text} ")
        self.badge.setStyleSheet(f"color: white; background: {_BADGE[tone]}; "
                                 "border-radius: 3px; padding: 1px 4px;")

    def _fill(self, card: CardView, tier_progress: str) -> None:
        f = self.fields
        f["cardOwner"].setText(f"{card.owner_name}  {card.phone}".strip())
        comma = self.tr(", ", "between the items of a list")
        f["cardHolders"].setText(comma.join(
            self.tr("{name} ({relation})").format(name=h.name, relation=h.relation)
            if h.relation else h.name for h in card.holders) or "—")
        f["cardProduct"].setText(f"{card.product_name} · {card_kind_name(card.kind)}")
        f["cardMoney"].setText(self.tr("paid {paid} + bonus {bonus} = {total}").format(
            paid=format_fen(card.paid_fen), bonus=format_fen(card.bonus_fen),
            total=format_fen(card.balance_fen)))
        services = comma.join(name for _id, name in card.services)
        f["cardSessions"].setText(f"{card.sessions}  {services}".strip())
        f["cardPoints"].setText(str(card.points))
        f["cardTier"].setText(self._tier(card, tier_progress))
        f["cardExpiry"].setText(self._expiry(card))
        f["cardVouchers"].setText("\n".join(self._voucher(v) for v in card.vouchers) or "—")

    def _voucher(self, v: VoucherView) -> str:
        value = f" {format_fen(v.value_fen)}" if v.value_fen else ""
        until = " " + self.tr("(until {date})").format(date=date_text(v.expires_on)) \
            if v.expires_on else ""
        return f"{voucher_kind_name(v.kind)} · {v.title}{value}{until}  {v.code}"

    def _tier(self, card: CardView, progress: str) -> str:
        if not card.tier_name:
            return progress or "—"
        text = card.tier_name
        if card.tier_valid_until:
            text += " " + self.tr("(until {date})").format(date=date_text(card.tier_valid_until))
        return f"{text}\n{progress}" if progress else text

    def _expiry(self, card: CardView) -> str:
        if card.expires_on is None:
            return self.tr("Does not expire")
        text = date_text(card.expires_on)
        return self.tr("{date} — expired").format(date=text) if card.expired else text
