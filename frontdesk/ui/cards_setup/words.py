"""The card set-up's words for enum values and amounts, and its money fields."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

from frontdesk.core.money import format_fen, parse_yuan
from frontdesk.errors import ValidationError
from frontdesk.models.card import CardKind, VoucherKind


def card_kind_name(kind: CardKind) -> str:
    names = {
        CardKind.STORED_VALUE: QCoreApplication.translate("CardWords", "Stored-value card"),
        CardKind.SESSION: QCoreApplication.translate("CardWords", "Session card"),
        CardKind.MEMBERSHIP: QCoreApplication.translate("CardWords", "Membership"),
    }
    return names[kind]


def voucher_kind_name(kind: VoucherKind | None) -> str:
    names = {
        None: QCoreApplication.translate("CardWords", "Gift at the desk"),
        VoucherKind.SPA: QCoreApplication.translate("CardWords", "Spa voucher"),
        VoucherKind.DINING: QCoreApplication.translate("CardWords", "Dining voucher"),
        VoucherKind.ROOM: QCoreApplication.translate("CardWords", "Room voucher"),
        VoucherKind.SERVICE: QCoreApplication.translate("CardWords", "Service voucher"),
        VoucherKind.CASH: QCoreApplication.translate("CardWords", "Cash voucher"),
        VoucherKind.GIFT: QCoreApplication.translate("CardWords", "Gift voucher"),
    }
    return names[kind]


def offer_text(pay_fen: int, bonus_fen: int) -> str:
    """充X送Y, as the store says it."""
    return QCoreApplication.translate("CardWords", "pay {pay}, get {bonus}").format(
        pay=format_fen(pay_fen), bonus=format_fen(bonus_fen))


def money_edit(name: str, fen: int | None = None) -> QLineEdit:
    """A field for an amount in yuan (``388`` or ``388.50``)."""
    edit = QLineEdit(objectName=name)
    edit.setPlaceholderText("0.00")
    if fen is not None:
        edit.setText(f"{fen // 100}.{fen % 100:02d}")
    return edit


def fen_of(edit: QLineEdit, field: str, *, empty: int | None = 0) -> int | None:
    """The amount typed, in fen; ``empty`` when nothing is; ValidationError naming ``field``
    when it is not an amount."""
    text = edit.text().strip()
    if not text:
        return empty
    fen = parse_yuan(text)
    if fen is None:
        raise ValidationError("Type the amount in yuan, e.g. 200 or 199.50.", field=field)
    return fen
