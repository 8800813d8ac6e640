"""The receipt after check-out follows the desk's language, in 32 columns, amounts as ¥1,234.50."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.core.text_width import text_width
from frontdesk.models import LineKind, PaymentMethod
from frontdesk.services.desk.checkout import Receipt, ReceiptLine, ReceiptPayment
from frontdesk.ui.desk.receipt_dialog import ReceiptDialog
from frontdesk.ui.desk.receipt_text import RECEIPT_WIDTH
from frontdesk.ui.i18n import Translations

RECEIPT = Receipt(
    store_name="水沐莲清美容会所", visit_id=42, client_name="张三",
    closed_at=dt.datetime(2026, 11, 23, 4, 0, tzinfo=dt.UTC),  # 12:00 in Shanghai
    cashier="管理员",
    lines=(ReceiptLine(LineKind.SERVICE, "面部深层清洁", 1, 38000, 0, 38000),
           ReceiptLine(LineKind.SERVICE, "肩颈经络", 1, 26800, 2680, 24120),
           ReceiptLine(LineKind.PRODUCT, "玻尿酸保湿精华", 2, 61725, 0, 123450)),
    total_fen=185570,
    payments=(ReceiptPayment(PaymentMethod.WECHAT, 50000, "WX0001"),
              ReceiptPayment(PaymentMethod.CASH, 12120, ""),
              ReceiptPayment(PaymentMethod.BANK_CARD, 123450, "")),
)
RULE = "-" * 32
ITEMS = [
    "面部深层清洁",
    "  1 × ¥380.00            ¥380.00",
    "肩颈经络",
    "  1 × ¥268.00            ¥241.20",
]
PRODUCT = [
    "玻尿酸保湿精华",
    "  2 × ¥617.25          ¥1,234.50",
]
CHINESE = [
    "水沐莲清美容会所", "结账单", "单号：000042", "顾客：张三", "时间：2026-11-23 12:00",
    "收银：管理员", RULE, *ITEMS, "  优惠 -¥26.80", *PRODUCT, RULE,
    "合计                   ¥1,855.70",
    "微信支付 WX0001          ¥500.00",
    "现金                     ¥121.20",
    "银行卡                 ¥1,234.50",
    RULE, "谢谢惠顾，欢迎再次光临！",
]
ENGLISH = [
    "水沐莲清美容会所", "Receipt", "No. 000042", "Client: 张三", "Time: 23 Nov 2026 12:00",
    "Cashier: 管理员", RULE, *ITEMS, "  Discount -¥26.80", *PRODUCT, RULE,
    "Total                  ¥1,855.70",
    "WeChat Pay WX0001        ¥500.00",
    "Cash                     ¥121.20",
    "Bank card              ¥1,234.50",
    RULE, "Thank you, see you again soon!",
]


@pytest.mark.parametrize(("language", "expected"), [("zh_CN", CHINESE), ("en", ENGLISH)])
def test_the_receipt_reads_in_the_desks_language(qtbot, translations: Translations,
                                                 language: str, expected: list[str]) -> None:
    translations.apply(language)
    dialog = ReceiptDialog(RECEIPT)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert text.splitlines() == expected
    assert max(text_width(line) for line in expected) == RECEIPT_WIDTH == 32
