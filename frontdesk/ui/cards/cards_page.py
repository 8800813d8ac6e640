"""The member-card screen (会员卡): find a card, see what is on it, act on it, read its history.

Keyboard first: F2 find (F10 from any page; a card reader types the number and Enter) ·
F3 issue a card · F4 top up · F5 the history · F6 refund · F7 freeze / unfreeze ·
F8 report lost and replace · F9 redeem points · F11 family members · F12 use a voucher ·
Ctrl+E extend the expiry · Ctrl+T the owner's tier history · Ctrl+R the receipt of the
operation chosen in the history · Ctrl+D the day's closing report. Each key is shown on its button.

A card opens off the UI thread; an operation's dialog books once and hands back the card
as it left it, which the page shows at once, with the receipt of a money operation
(top-up, refund, a card sold) ready to print.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.card import CardKind, CardStatus
from frontdesk.services.cards.tiers import TierStatus
from frontdesk.services.cards.views import CardView
from frontdesk.services.registry import Services
from frontdesk.ui.cards.card_panel import CardPanel
from frontdesk.ui.cards.closing_dialog import ClosingDialog
from frontdesk.ui.cards.find_panel import FindPanel
from frontdesk.ui.cards.history_panel import HistoryPanel
from frontdesk.ui.cards.issue_dialog import IssueDialog
from frontdesk.ui.cards.money_dialogs import RefundDialog, TopUpDialog
from frontdesk.ui.cards.op_dialog import CardOpDialog
from frontdesk.ui.cards.points_dialogs import RedeemDialog, UseVoucherDialog
from frontdesk.ui.cards.receipt_dialog import CardReceiptDialog
from frontdesk.ui.cards.state_dialogs import (
    ExtendDialog,
    FreezeDialog,
    HolderDialog,
    ReplaceDialog,
)
from frontdesk.ui.cards_setup.tier_history import TierHistoryDialog
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.widgets import scrolled
from frontdesk.ui.worker import DbWorker

Action = tuple[str, str, str, Callable[[], None]]
BUTTONS_A_ROW = 3


class CardsPage(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardsPage")
        self._services = services
        self._actor = actor
        self._worker = worker
        self._seq = 0
        self._tier: TierStatus | None = None
        self.dialog: QDialog | None = None
        """The dialog open last (for tests and the look-through)."""
        self.finder = FindPanel(services, actor, worker)
        self.finder.card_opened.connect(self.open_card)
        self.card_panel = CardPanel()
        self.history = HistoryPanel(services, actor, worker)
        self.history.receipt_requested.connect(self.show_receipt)
        self.message = QLabel(objectName="cardsMessage")
        self.message.setWordWrap(True)
        self._build()
        self._shortcuts()

    @property
    def card(self) -> CardView | None:
        return self.card_panel.card

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.finder, 2)
        column.addWidget(scrolled(self.card_panel, "cardScroll"), 5)  # never squeezed
        column.addWidget(self.message)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.history, 1)
        side.addLayout(self._buttons())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _actions(self) -> list[Action]:
        return [
            ("F3", "issueCard", self.tr("Issue a card"), self.issue),
            ("F4", "topUp", self.tr("Top up"), self.top_up),
            ("F6", "refund", self.tr("Refund"), self.refund),
            ("F7", "freeze", self.tr("Freeze / unfreeze"), self.freeze),
            ("F8", "replace", self.tr("Lost: replace"), self.replace),
            ("F9", "redeem", self.tr("Redeem points"), self.redeem),
            ("F11", "holders", self.tr("Family members"), self.holders),
            ("F12", "voucher", self.tr("Use a voucher"), self.use_voucher),
            ("Ctrl+E", "extend", self.tr("Extend expiry"), self.extend),
            ("Ctrl+T", "tierHistory", self.tr("Tier history"), self.tier_history),
            ("Ctrl+R", "receipt", self.tr("Receipt"), self.history.request_receipt),
            ("Ctrl+D", "closing", self.tr("Day's closing"), self.closing),
        ]

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        for i, (key, name, text, slot) in enumerate(self._actions()):
            button = QPushButton(f"{text} ({key})", objectName=name)
            button.setToolTip(f"{text} ({key})")
            button.clicked.connect(lambda _c=False, s=slot: s())
            grid.addWidget(button, i // BUTTONS_A_ROW, i % BUTTONS_A_ROW)
        return grid

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WindowShortcut
        QShortcut(QKeySequence("F2"), self, self.finder.focus_search, context=context)
        QShortcut(QKeySequence("F5"), self, self.history.focus_table, context=context)
        for key, _name, _text, slot in self._actions():
            QShortcut(QKeySequence(key), self, slot, context=context)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.card is not None:
            self.open_card(self.card.id)  # what others booked meanwhile
        self.finder.focus_search()

    # -- the card --------------------------------------------------------------------------------

    @Slot(int)
    def open_card(self, card_id: int) -> None:
        """Load the card off the UI thread and show it with its history."""
        self._seq += 1
        services, actor = self._services, self._actor

        def load() -> tuple[CardView, TierStatus | None]:
            card = services.cards.card(actor, card_id)
            try:
                tier = services.tiers.tier_of(actor, card.client_id)
            except DomainError:
                tier = None  # the card shows without its tier's progress
            return card, tier

        self._worker.submit(load, partial(self._opened, seq=self._seq), self._failed)

    def _opened(self, loaded: tuple[CardView, TierStatus | None], seq: int) -> None:
        if seq == self._seq:
            self.show_card(*loaded)

    def _progress(self, card: CardView, tier: TierStatus | None) -> str:
        """The tier's price and what the next tier still needs, in a line (with the tier's
        name when the card has none yet: the lowest tier is nobody's earned row)."""
        if tier is None:
            return ""
        texts = [] if card.tier_name else [tier.tier.name]
        if tier.tier.discount_percent < 100:
            texts.append(self.tr("Member price {percent}%").format(
                percent=tier.tier.discount_percent))
        text = " · ".join(texts)
        if tier.complimentary:
            return text
        nxt = tier.next_tier
        if nxt is not None and nxt.min_monthly_spend_fen:
            text += ("; " if text else "") + self.tr(
                "{tier} at {need} a month (now {spend})").format(
                tier=nxt.name, need=format_fen(nxt.min_monthly_spend_fen),
                spend=format_fen(tier.monthly_spend_fen))
        return text

    def show_card(self, card: CardView, tier: TierStatus | None = None) -> None:
        same = self.card is not None and self.card.id == card.id
        if tier is not None:
            self._tier = tier
        elif not same:
            self._tier = None
        self.card_panel.show_card(card, self._progress(card, self._tier))
        if not same or self.history.model.rowCount() == 0:
            self.history.show_card(card.id)
        else:
            self.history.reload()
        self.message.setText(self._warning(card))

    def _warning(self, card: CardView) -> str:
        if card.status is CardStatus.REPLACED:
            return self.tr("This card was reported lost and replaced: use the new card.")
        if card.status is CardStatus.FROZEN:
            return self.tr("This card is frozen: unfreeze it (F7) before it is used.")
        if card.expired:
            return self.tr("This card has expired: a manager can extend it (Ctrl+E).")
        return ""

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.message.setText(error_text(exc))
        elif isinstance(exc, StorageError):
            show_storage_error(self, exc)
        else:
            raise exc

    # -- operations ------------------------------------------------------------------------------

    def _need_card(self) -> CardView | None:
        if self.card is None:
            self.message.setText(self.tr("Open a card first (F2)."))
        return self.card

    def _open(self, make: Callable[[], CardOpDialog], receipt: bool = False) -> None:
        try:
            dialog = make()
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        dialog.booked.connect(partial(self._booked, receipt=receipt))
        self.dialog = dialog
        dialog.open()

    def _booked(self, result: object, receipt: bool) -> None:
        card = getattr(result, "card", None)
        if isinstance(card, CardView):
            self.show_card(card)
        elif self.card is not None:
            self.open_card(self.card.id)  # points or a voucher moved: read the card again
        if not self.message.text():  # a frozen card's warning stays
            self.message.setText(self.tr("Done."))
        operation_id = getattr(result, "operation_id", None)
        if receipt and isinstance(operation_id, int):
            self.show_receipt(operation_id)

    def issue(self) -> None:
        card = self.card
        owner = (card.client_id, card.owner_name) if card else None
        self._open(lambda: IssueDialog(self._services, self._actor, self._worker, owner, self),
                   receipt=True)

    def top_up(self) -> None:
        card = self._need_card()
        if card is not None and card.kind is not CardKind.STORED_VALUE:
            self.message.setText(self.tr("Only a stored-value card is topped up; sell a new "
                                         "session card with F3."))
        elif card is not None:
            self._open(lambda: TopUpDialog(self._services, self._actor, card, self), True)

    def refund(self) -> None:
        if card := self._need_card():
            self._open(lambda: RefundDialog(self._services, self._actor, card, self), True)

    def freeze(self) -> None:
        if card := self._need_card():
            self._open(lambda: FreezeDialog(self._services, self._actor, card, self))

    def replace(self) -> None:
        if card := self._need_card():
            self._open(lambda: ReplaceDialog(self._services, self._actor, card, self))

    def extend(self) -> None:
        if card := self._need_card():
            self._open(lambda: ExtendDialog(self._services, self._actor, card, self))

    def tier_history(self) -> None:
        if card := self._need_card():
            dialog = TierHistoryDialog(self._services, self._actor, self._worker,
                                       card.client_id, card.owner_name, self)
            self.dialog = dialog
            dialog.open()

    def holders(self) -> None:
        if card := self._need_card():
            self._open(lambda: HolderDialog(self._services, self._actor, self._worker, card,
                                            self))

    def redeem(self) -> None:
        if card := self._need_card():
            self._open(lambda: RedeemDialog(self._services, self._actor, card, self))

    def use_voucher(self) -> None:
        if card := self._need_card():
            self._open(lambda: UseVoucherDialog(self._services, self._actor, card, self))

    @Slot(int)
    def show_receipt(self, operation_id: int) -> None:
        try:
            data = self._services.card_receipts.receipt(self._actor, operation_id)
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        dialog = CardReceiptDialog(self._services, self._actor, data, self)
        self.dialog = dialog
        dialog.open()

    def closing(self) -> None:
        dialog = ClosingDialog(self._services, self._actor, self._worker, self)
        self.dialog = dialog
        dialog.open()
