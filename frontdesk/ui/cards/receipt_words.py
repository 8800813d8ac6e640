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
    t = translator_for(language)
    return ReceiptWords(
        language=language,
        title=t("ReceiptWords", "Member card receipt"),
        number=t("ReceiptWords", "No. {n}"),
        time=t("ReceiptWords", "Time"),
        card_no=t("ReceiptWords", "Card no."),
        member=t("ReceiptWords", "Member"),
        card=t("ReceiptWords", "Card"),
        received=t("ReceiptWords", "Received ({method})"),
        refunded=t("ReceiptWords", "Refunded ({method})"),
        changes=t("ReceiptWords", "Changes"),
        balances=t("ReceiptWords", "Balances after"),
        paid=t("ReceiptWords", "Paid money"),
        bonus=t("ReceiptWords", "Bonus money"),
        total=t("ReceiptWords", "Total balance"),
        sessions=t("ReceiptWords", "Sessions"),
        points=t("ReceiptWords", "Points"),
        reason=t("ReceiptWords", "Reason"),
        staff=t("ReceiptWords", "Staff"),
        approved_by=t("ReceiptWords", "Approved by"),
        signature=t("ReceiptWords", "Client signature"),
        kinds={kind.value: operation_name(kind, t) for kind in OperationKind},
        methods=_method_names(t),
    )
