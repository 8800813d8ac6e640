"""A client's tier history (会员等级记录): each change, newest first — when, the tier as it
was named then, from and until when its rights hold, and why (spend, a top-up, referrals,
the period's end, a manager). The card screen opens it for the card's owner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError
from frontdesk.models.card import TierReason
from frontdesk.services.cards.tiers import TierHistoryRow
from frontdesk.services.registry import Services
from frontdesk.ui.dates import date_text, local_date_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.widgets import at_least_wide, column
from frontdesk.ui.worker import DbWorker


def tier_reason_name(reason: TierReason) -> str:
    names = {
        TierReason.SPEND: QCoreApplication.translate("CardWords", "average monthly spend"),
        TierReason.TOP_UP: QCoreApplication.translate("CardWords", "a top-up"),
        TierReason.REFERRALS: QCoreApplication.translate("CardWords", "referred clients"),
        TierReason.PERIOD_END: QCoreApplication.translate("CardWords", "the period ended"),
        TierReason.MANUAL: QCoreApplication.translate("CardWords", "set by a manager"),
        TierReason.IMPORT: QCoreApplication.translate("CardWords", "imported from a client list"),
    }
    return names[reason]


class TierHistoryDialog(QDialog):
    loaded = Signal()

    def __init__(self, services: Services, actor: Actor, worker: DbWorker, client_id: int,
                 client_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tierHistoryDialog")
        self.setWindowTitle(self.tr("Tier history of {name}").format(name=client_name))
        self.tree = QTreeWidget(objectName="tierHistory")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Changed on"), self.tr("Tier"),
                                   self.tr("Valid until"), self.tr("Why")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel(wordWrap=True)
        self.message.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        column(self, self.tree, self.message, close)
        at_least_wide(self, 560)
        tiers = services.tiers
        worker.submit(lambda: tiers.history(actor, client_id), self._arrived, self._failed)

    def _arrived(self, rows: list[TierHistoryRow]) -> None:
        for row in rows:
            until = date_text(row.valid_until) if row.valid_until else self.tr("no end")
            QTreeWidgetItem(self.tree, [local_date_text(row.at), row.tier_name, until,
                                        tier_reason_name(row.reason)])
        if not rows:
            self._say(self.tr("No tier earned yet: the lowest tier."))
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self._say(error_text(exc))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
