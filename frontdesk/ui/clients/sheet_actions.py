"""The client analysis sheet from the profile: save it as a PDF, or print it through Qt's dialog.

Both go through SheetService (audited, phone masked), in the words of the UI's
language (:func:`~frontdesk.ui.clients.sheet_words.sheet_words`). Printing writes the PDF to a
temporary file and paints each page, rendered by QtPdf, onto the printer, so the
paper shows exactly what the PDF shows. No Chinese font (FontMissing) is said
in the profile's message line with what to install.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QWidget

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.registry import Services
from frontdesk.ui.clients.sheet_words import sheet_words
from frontdesk.ui.errors import error_text, show_storage_error

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

MAX_PRINT_DPI = 300


def sheet_language() -> str:
    """The sheet prints in the UI's language: zh_CN, or English."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


class PdfUnreadable(Exception):
    """QtPdf could not open the PDF that was just written."""


def print_pdf(path: str | os.PathLike[str], printer: QPrinter) -> int:
    """Paint every page of the PDF at ``path`` onto ``printer``; returns the page count."""
    from PySide6.QtPdf import QPdfDocument  # PySide6-Pdf: loaded only to print

    document = QPdfDocument()
    if document.load(os.fspath(path)) != QPdfDocument.Error.None_:
        raise PdfUnreadable(os.fspath(path))
    pages = document.pageCount()
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise PdfUnreadable(os.fspath(path))
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            _paint_page(painter, printer, document, page)
    finally:
        painter.end()
        document.close()
    return pages


def _paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument,
                page: int) -> None:
    """Render one page at the printer's resolution (at most 300 dpi) and fit it to the paper."""
    points = document.pagePointSize(page)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    image = document.render(page, QSize(round(points.width() * dpi / 72),
                                        round(points.height() * dpi / 72)))
    paper = QRectF(painter.viewport())
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    target = QRectF(0, 0, image.width() * scale, image.height() * scale)
    target.moveCenter(paper.center())
    painter.drawImage(target, image)


class SheetActions(QObject):
    """Save and print one client's sheet; messages go to the profile's ``message`` line."""

    def __init__(self, services: Services, actor: Actor, parent_widget: QWidget,
                 message: QLabel) -> None:
        super().__init__(parent_widget)
        self._services = services
        self._actor = actor
        self._widget = parent_widget
        self._message = message

    def write(self, client_id: int, path: str | os.PathLike[str]) -> bool:
        """Write the sheet to ``path``; False (and the reason shown) when refused."""
        try:
            self._services.sheet.write_sheet(self._actor, client_id, path,
                                             sheet_words(sheet_language()))
        except DomainError as exc:  # FontMissing, SheetFileError (a folder that is not there…)
            self._say(error_text(exc), error=True)
            return False
        except StorageError as exc:
            show_storage_error(self._widget, exc)
            return False
        return True

    def save_as(self, client_id: int, suggested: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self._widget, self.tr("Save the client analysis sheet"),
            str(Path.home() / f"{suggested}.pdf"), self.tr("PDF files (*.pdf)"))
        if path and self.write(client_id, path):
            self._say(self.tr("The sheet was saved to {path}.").format(path=path))

    def print_sheet(self, client_id: int) -> None:
        fd, name = tempfile.mkstemp(prefix="frontdesk-sheet-", suffix=".pdf")
        os.close(fd)
        try:
            if not self.write(client_id, name):
                return
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self._widget)
            dialog.setWindowTitle(self.tr("Print the client analysis sheet"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self.print_to(name, printer)
        finally:
            Path(name).unlink(missing_ok=True)

    def print_to(self, path: str, printer: QPrinter) -> bool:
        try:
            pages = print_pdf(path, printer)
        except (PdfUnreadable, ImportError):
            self._say(self.tr("The sheet could not be sent to the printer. Save it as a PDF "
                              "and print that file instead."), error=True)
            return False
        self._say(self.tr("Sent {pages} page(s) to the printer.").format(pages=pages))
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self._message.setObjectName("fieldError" if error else "sheetMessage")
        self._message.style().unpolish(self._message)
        self._message.style().polish(self._message)
        self._message.setText(text)
        self._message.show()
