"""A card receipt's words in a chosen language, from FrontDesk's translation files.

The receipt's service never translates: it prints the
:class:`~frontdesk.services.cards.receipt_pdf.ReceiptWords` it is given. Like the client
analysis sheet (:mod:`frontdesk.ui.clients.sheet_words`), the words come from that
language's own translator; the operations' and payment methods' names are the screens'.

QtCore only, no window.
"""

from __future__ import annotations

from functools import cache

from frontdesk.models import PaymentMethod
from frontdesk.models.card import OperationKind
from frontdesk.services.cards.receipt_pdf import ReceiptWords
from frontdesk.ui.cards.card_labels import operation_name
from frontdesk.ui.i18n import Translate, translator_for


def _method_names(translate: Translate) -> dict[str, str]:
    return {PaymentMethod.CASH.value: translate("Labels", "Cash"),
            PaymentMethod.BANK_CARD.value: translate("Labels", "Bank card"),
            PaymentMethod.WECHAT.value: translate("Labels", "WeChat Pay"),
            PaymentMethod.ALIPAY.value: translate("Labels", "Alipay"),
            PaymentMethod.MEMBER_CARD.value: translate("Labels", "Member card")}


@cache
def receipt_words(language: str) -> ReceiptWords:
    """The words of a receipt printed in ``language`` (``"zh_CN"``, ``"en"``)."""
    translate = translator_for(language)
    return ReceiptWords(
        language=language,
        title=translate("ReceiptWords", "Member card receipt"),
        number=translate("ReceiptWords", "No. {n}"),
        time=translate("ReceiptWords", "Time"),
        card_no=translate("ReceiptWords", "Card no."),
        member=translate("ReceiptWords", "Member"),
        card=translate("ReceiptWords", "Card"),
        received=translate("ReceiptWords", "Received ({method})"),
        refunded=translate("ReceiptWords", "Refunded ({method})"),
        changes=translate("ReceiptWords", "Changes"),
        balances=translate("ReceiptWords", "Balances after"),
        paid=translate("ReceiptWords", "Paid money"),
        bonus=translate("ReceiptWords", "Bonus money"),
        total=translate("ReceiptWords", "Total balance"),
        sessions=translate("ReceiptWords", "Sessions"),
        points=translate("ReceiptWords", "Points"),
        reason=translate("ReceiptWords", "Reason"),
        staff=translate("ReceiptWords", "Staff"),
        approved_by=translate("ReceiptWords", "Approved by"),
        signature=translate("ReceiptWords", "Client signature"),
        kinds={kind.value: operation_name(kind, translate) for kind in OperationKind},
        methods=_method_names(translate),
    )
