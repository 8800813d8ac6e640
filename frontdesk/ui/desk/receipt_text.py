"""The receipt as lines for a 58 mm receipt printer, worded in the UI's language.

CheckoutService returns a plain :class:`Receipt` and never words it; this module
does, through Qt's translations ("Receipt" context) and the screens' payment
method names, so a Chinese desk prints a Chinese receipt and an English desk an
English one. Rows are :data:`RECEIPT_WIDTH` columns wide (a Chinese character
takes two); amounts read ¥1,234.50.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.core.money import format_fen
from frontdesk.core.text_width import spread
from frontdesk.services.desk.checkout import Receipt, ReceiptLine, ReceiptPayment
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.labels import payment_method_name

RECEIPT_WIDTH = 32
"""Columns of a 58 mm receipt printer."""


def receipt_text(receipt: Receipt) -> str:
    """The whole receipt, a line per row, ending with a newline."""
    rule = "-" * RECEIPT_WIDTH
    rows = [*_heading(receipt), rule]
    for line in receipt.lines:
        rows += _line_rows(line)
    total = QCoreApplication.translate("Receipt", "Total")
    rows += [rule, spread(total, format_fen(receipt.total_fen), RECEIPT_WIDTH)]
    rows += [_payment_row(payment) for payment in receipt.payments]
    rows += [rule, QCoreApplication.translate("Receipt", "Thank you, see you again soon!")]
    return "\n".join(rows) + "\n"


def _heading(receipt: Receipt) -> list[str]:
    closed_at = datetime_text(receipt.closed_at)
    return [
        receipt.store_name,
        QCoreApplication.translate("Receipt", "Receipt"),
        QCoreApplication.translate("Receipt", "No. {number}").format(
            number=f"{receipt.visit_id:06d}"),
        QCoreApplication.translate("Receipt", "Client: {name}").format(name=receipt.client_name),
        QCoreApplication.translate("Receipt", "Time: {time}").format(time=closed_at),
        QCoreApplication.translate("Receipt", "Cashier: {name}").format(name=receipt.cashier),
    ]


def _line_rows(line: ReceiptLine) -> list[str]:
    rows = [line.description,
            spread(f"  {line.quantity} × {format_fen(line.unit_price_fen)}",
                   format_fen(line.amount_fen), RECEIPT_WIDTH)]
    if line.discount_fen:
        discount = QCoreApplication.translate("Receipt", "Discount -{amount}")
        rows.append("  " + discount.format(amount=format_fen(line.discount_fen)))
    if line.staff_name:
        by = QCoreApplication.translate("Receipt", "By {name}")
        rows.append("  " + by.format(name=line.staff_name))
    return rows


def _payment_row(payment: ReceiptPayment) -> str:
    method = payment_method_name(payment.method)
    label = f"{method} {payment.reference}" if payment.reference else method
    return spread(label, format_fen(payment.amount_fen), RECEIPT_WIDTH)
