"""The receipt after check-out, worded in the UI's language: to read out, print, or close.

When the desk typed the cash the client handed over, the change to give back stays in
sight above the receipt (it is not printed: the receipt is what was booked).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.money import format_fen
from frontdesk.services.desk.checkout import Receipt
from frontdesk.ui.desk.receipt_text import receipt_text


class ReceiptDialog(QDialog):
    def __init__(self, receipt: Receipt, parent: QWidget | None = None, *,
                 cash: tuple[int, int] | None = None) -> None:
        """``cash``: the cash received and the change to give, in fen, when typed."""
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.setWindowTitle(self.tr("Receipt"))
        self.setMinimumSize(460, 520)
        self.text = QPlainTextEdit(receipt_text(receipt), objectName="receiptText")
        self.text.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.text.setFont(mono)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        printing = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        printing.clicked.connect(self._print)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if cash is not None:
            self.change = QLabel(self.tr("Cash received {received} · change to give {change}")
                                 .format(received=format_fen(cash[0]),
                                         change=format_fen(cash[1])), objectName="change")
            font = self.change.font()
            font.setBold(True)
            self.change.setFont(font)
            layout.addWidget(self.change)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def _print(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            document = QTextDocument(self.text.toPlainText())
            document.setDefaultFont(self.text.font())
            document.print_(printer)
