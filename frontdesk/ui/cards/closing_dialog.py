"""The day's closing report of member cards (日结, Ctrl+D): what moved, and whether it adds up.

Read off the UI thread from ``Services.card_report`` for the day chosen (today first):
the opening totals, the money received for top-ups and card sales and given back for
refunds by payment method, the bonus given, what was charged, points, every other kind
of operation, the closing totals, and whether opening + movements = closing to the fen.
Printable through Qt's print dialog.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor, local_today
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, StorageError
from frontdesk.models import PaymentMethod
from frontdesk.models.card import OperationKind
from frontdesk.services.cards.report import Balances, ClosingReport
from frontdesk.services.registry import Services
from frontdesk.ui.cards.card_labels import operation_name
from frontdesk.ui.clients.common import pydate, qdate
from frontdesk.ui.dates import date_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.labels import payment_method_name
from frontdesk.ui.worker import DbWorker

Rows = list[tuple[str, str]]
_MONEY_KINDS = (OperationKind.TOP_UP, OperationKind.ISSUE, OperationKind.REFUND)


class ClosingDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closingDialog")
        self.setWindowTitle(self.tr("Member cards: the day's closing (Ctrl+D)"))
        self.setMinimumSize(560, 560)
        self._services = services
        self._actor = actor
        self._worker = worker
        self._seq = 0
        self.report: ClosingReport | None = None
        self.day = QDateEdit(qdate(local_today(services.clock)), objectName="closingDay")
        self.day.setCalendarPopup(True)
        self.day.dateChanged.connect(self.load)
        self.table = QTableWidget(0, 2, objectName="closingTable")
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.verdict = QLabel(objectName="closingVerdict")
        self.verdict.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        printing = buttons.addButton(self.tr("Print… (Ctrl+P)"),
                                     QDialogButtonBox.ButtonRole.ActionRole)
        printing.setShortcut("Ctrl+P")
        printing.clicked.connect(self.print_report)
        saving = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        saving.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)
        self.load()

    @Slot()
    def load(self) -> None:
        self._seq += 1
        day: dt.date = pydate(self.day.date())
        closing, actor = self._services.card_report.closing, self._actor
        self.verdict.setText(self.tr("Loading…"))
        self._worker.submit(lambda: closing(actor, day), partial(self.show_report, seq=self._seq),
                            self._failed)

    def show_report(self, report: ClosingReport, seq: int | None = None) -> None:
        if seq is not None and seq != self._seq:
            return
        self.report = report
        rows = self.rows(report)
        self.table.setRowCount(len(rows))
        for i, (label, value) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(label))
            self.table.setItem(i, 1, QTableWidgetItem(value))
        self.verdict.setText(
            self.tr("✓ Reconciles: opening + the day's movements = closing, to the fen.")
            if report.reconciles else
            self.tr("✗ Does not reconcile: run “frontdesk check” and call support."))

    def _totals(self, title: str, b: Balances) -> Rows:
        return [(title, ""), (self.tr("  Paid money"), format_fen(b.paid_fen)),
                (self.tr("  Bonus money"), format_fen(b.bonus_fen)),
                (self.tr("  Sessions"), str(b.sessions)), (self.tr("  Points"), str(b.points))]

    def _by_method(self, title: str, money: dict[PaymentMethod | None, int]) -> Rows:
        rows = [(title, format_fen(sum(money.values())))]
        rows += [("  " + (payment_method_name(m) if m else self.tr("Other")), format_fen(fen))
                 for m, fen in money.items()]
        return rows

    def rows(self, r: ClosingReport) -> Rows:
        """The report as (label, value) rows, top to bottom."""
        rows = self._totals(self.tr("Opening"), r.opening)
        rows += self._by_method(self.tr("Top-ups received"), r.top_ups)
        rows += self._by_method(self.tr("Cards sold"), r.card_sales)
        rows += self._by_method(self.tr("Refunds given back"), r.refunds)
        charged = r.charged
        rows += [(self.tr("Bonus given"), format_fen(r.bonus_given)),
                 (self.tr("Charged at check-out: paid"), format_fen(charged.paid_fen)),
                 (self.tr("Charged at check-out: bonus"), format_fen(charged.bonus_fen)),
                 (self.tr("Sessions used"), str(charged.sessions)),
                 (self.tr("Points earned / redeemed"),
                  f"{r.points_earned} / {r.points_redeemed}")]
        for line in r.lines:
            if line.kind not in (*_MONEY_KINDS, OperationKind.CHARGE):
                rows.append((self.tr("{kind} ({n})").format(kind=operation_name(line.kind),
                                                            n=line.operations),
                             format_fen(line.moved.paid_fen + line.moved.bonus_fen)))
        return rows + self._totals(self.tr("Closing"), r.closing)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.verdict.setText(error_text(exc))
        elif isinstance(exc, StorageError):
            self.verdict.setText(self.tr("The database is busy; try again in a moment."))
        else:
            raise exc

    def document(self) -> QTextDocument:
        """The report as a printable document: a title, the day, the rows, the verdict."""
        assert self.report is not None
        rows = "".join(f"<tr><td>{escape(label)}</td><td align='right'>{escape(value)}</td></tr>"
                       for label, value in self.rows(self.report))
        html = (f"<h3>{escape(self.windowTitle())}</h3><p>{date_text(pydate(self.day.date()))}"
                f"</p><table width='100%' cellpadding='2'>{rows}</table>"
                f"<p><b>{escape(self.verdict.text())}</b></p>")
        document = QTextDocument()
        document.setHtml(html)
        return document

    def print_report(self) -> None:
        if self.report is None:
            return
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def write_pdf(self, path: str) -> None:
        """The report as an A4 PDF at ``path``."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.document().print_(printer)

    def save_as(self) -> None:
        if self.report is None:
            return
        day = pydate(self.day.date())
        name = f"closing-{day.year}{day.month:02d}{day.day:02d}.pdf"  # a file name, not shown
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the day's closing"), str(Path.home() / name),
            self.tr("PDF files (*.pdf)"))
        if path:
            self.write_pdf(path)
