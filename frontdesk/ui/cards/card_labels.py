"""Translated names of the member cards' enums: card kinds and statuses, operations, vouchers.

Names a receipt prints take a ``translate`` function: the UI's language by default, another
language's (:func:`frontdesk.ui.i18n.translator_for`) for a printout in a language of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.models.card import CardKind, CardStatus, OperationKind, VoucherKind
from frontdesk.ui.i18n import Translate


def card_kind_name(value: CardKind, translate: Translate = QCoreApplication.translate) -> str:
    names = {CardKind.STORED_VALUE: translate("CardLabels", "Stored-value card"),
             CardKind.SESSION: translate("CardLabels", "Session card"),
             CardKind.MEMBERSHIP: translate("CardLabels", "Membership")}
    return names[value]


def card_status_name(value: CardStatus) -> str:
    names = {CardStatus.ACTIVE: QCoreApplication.translate("CardLabels", "Active"),
             CardStatus.FROZEN: QCoreApplication.translate("CardLabels", "Frozen"),
             CardStatus.REPLACED: QCoreApplication.translate("CardLabels",
                                                             "Reported lost, replaced"),
             CardStatus.CLOSED: QCoreApplication.translate("CardLabels", "Closed")}
    return names[value]


def operation_name(value: OperationKind, translate: Translate = QCoreApplication.translate
                   ) -> str:
    names = {
        OperationKind.ISSUE: translate("CardLabels", "Card issued"),
        OperationKind.TOP_UP: translate("CardLabels", "Top-up"),
        OperationKind.CHARGE: translate("CardLabels", "Charge"),
        OperationKind.REFUND: translate("CardLabels", "Refund"),
        OperationKind.FREEZE: translate("CardLabels", "Frozen"),
        OperationKind.UNFREEZE: translate("CardLabels", "Unfrozen"),
        OperationKind.REPLACE: translate("CardLabels", "Lost card replaced"),
        OperationKind.EXPIRE: translate("CardLabels", "Expired"),
        OperationKind.EXTEND: translate("CardLabels", "Expiry extended"),
        OperationKind.ADJUST: translate("CardLabels", "Correction"),
        OperationKind.POINTS_EARN: translate("CardLabels", "Points earned"),
        OperationKind.POINTS_REDEEM: translate("CardLabels", "Points redeemed"),
        OperationKind.VOUCHER_ISSUE: translate("CardLabels", "Voucher issued"),
        OperationKind.VOUCHER_USE: translate("CardLabels", "Voucher used"),
        OperationKind.VOUCHER_VOID: translate("CardLabels", "Voucher voided"),
        OperationKind.HOLDER_ADD: translate("CardLabels", "Family member added"),
        OperationKind.HOLDER_REMOVE: translate("CardLabels", "Family member removed"),
        OperationKind.REFERRAL_REWARD: translate("CardLabels", "Referral reward"),
        OperationKind.MIGRATE: translate("CardLabels", "Opening balance (imported)"),
    }
    return names[value]


def voucher_kind_name(value: VoucherKind) -> str:
    names = {VoucherKind.SPA: QCoreApplication.translate("CardLabels", "Spa voucher"),
             VoucherKind.DINING: QCoreApplication.translate("CardLabels", "Dining voucher"),
             VoucherKind.ROOM: QCoreApplication.translate("CardLabels", "Room voucher"),
             VoucherKind.SERVICE: QCoreApplication.translate("CardLabels", "Service voucher"),
             VoucherKind.CASH: QCoreApplication.translate("CardLabels", "Cash voucher"),
             VoucherKind.GIFT: QCoreApplication.translate("CardLabels", "Gift voucher")}
    return names[value]


def sessions_text(n: int) -> str:
    """``5 sessions`` / ``5 次``."""
    return QCoreApplication.translate("CardLabels", "{n} sessions").format(n=n)
