"""The 80 mm receipt of a card operation: read on screen, printed through Qt's print dialog,
or saved as a PDF.

The text shown is the receipt's own lines (:func:`~frontdesk.services.cards.receipt_pdf.
receipt_lines`) in the UI's language; printing writes the PDF to a temporary file and
paints it onto the printer page by page, as the client analysis sheet does
(:func:`~frontdesk.ui.clients.sheet_actions.print_pdf`), so the paper shows what the PDF
shows, barcode included.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.cards.receipt import ReceiptData
from frontdesk.services.cards.receipt_pdf import receipt_lines
from frontdesk.services.registry import Services
from frontdesk.ui.cards.receipt_words import receipt_words
from frontdesk.ui.clients.sheet_actions import PdfUnreadable, print_pdf, sheet_language
from frontdesk.ui.errors import error_text, show_storage_error

WIDTH = 42
"""Characters in a line of the on-screen receipt."""


def _width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _centred(text: str) -> str:
    return " " * max((WIDTH - _width(text)) // 2, 0) + text


def receipt_text(data: ReceiptData) -> str:
    """The receipt's lines as monospaced text (the amounts right-aligned)."""
    out = []
    for line in receipt_lines(data, receipt_words(sheet_language())):
        if line.rule:
            out.append("-" * WIDTH)
        elif line.centre:
            out.append(_centred(line.left))
        elif line.right:
            gap = max(WIDTH - _width(line.left) - _width(line.right), 2)
            out.append(line.left + " " * gap + line.right)
        else:
            out.append(line.left)
    out.append(_centred(data.card_no))
    return "\n".join(out)


class CardReceiptDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, data: ReceiptData,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardReceiptDialog")
        self.setWindowTitle(self.tr("Receipt"))
        self.setMinimumSize(460, 520)
        self._services = services
        self._actor = actor
        self.data = data
        self.text = QPlainTextEdit(receipt_text(data), objectName="cardReceiptText")
        self.text.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.text.setFont(mono)
        self.message = QLabel(objectName="receiptMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        printing = buttons.addButton(self.tr("Print… (Ctrl+P)"),
                                     QDialogButtonBox.ButtonRole.ActionRole)
        printing.setObjectName("printReceipt")
        printing.setShortcut("Ctrl+P")
        printing.clicked.connect(self.print_receipt)
        saving = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        saving.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def write(self, path: str) -> bool:
        """Write the receipt's PDF to ``path``; False (and why, said) when refused."""
        try:
            self._services.card_receipts.write(self._actor, self.data.operation_id, path,
                                               receipt_words(sheet_language()))
        except DomainError as exc:  # FontMissing, NotFound
            self.message.setText(error_text(exc))
            return False
        except StorageError as exc:
            show_storage_error(self, exc)
            return False
        except OSError as exc:
            self.message.setText(self.tr("The receipt could not be written: {error}").format(
                error=exc.strerror or exc))
            return False
        return True

    def save_as(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the receipt"),
            str(Path.home() / f"{self.data.card_no}-{self.data.operation_id}.pdf"),
            self.tr("PDF files (*.pdf)"))
        if path and self.write(path):
            self.message.setText(self.tr("The receipt was saved to {path}.").format(path=path))

    def print_receipt(self) -> None:
        fd, name = tempfile.mkstemp(prefix="frontdesk-receipt-", suffix=".pdf")
        os.close(fd)
        try:
            if not self.write(name):
                return
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print the receipt"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            try:
                print_pdf(name, printer)
            except (PdfUnreadable, ImportError):
                self.message.setText(self.tr("The receipt could not be sent to the printer. "
                                             "Save it as a PDF and print that file instead."))
                return
            self.message.setText(self.tr("The receipt was sent to the printer."))
        finally:
            Path(name).unlink(missing_ok=True)
