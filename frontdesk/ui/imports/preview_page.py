"""The import wizard's last two pages: the preview (counts, the accepted and the refused rows,
"Save report…", Import) and what the import did.

The rows are shown by :class:`~frontdesk.ui.imports.models.RowsModel` in table views, so a
100,000-row sheet scrolls smoothly. Import is the preview's Next button; after it there is
no going back (the page is the wizard's commit page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from frontdesk.core.money import format_fen
from frontdesk.ui.imports.models import RowsModel
from frontdesk.ui.imports.pages import message_label
from frontdesk.ui.imports.words import RowWords, accepted_headings, refused_headings

if TYPE_CHECKING:
    from frontdesk.ui.imports.wizard import ImportWizard


def rows_view(name: str, model: RowsModel) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


def fit_columns(view: QTableView) -> None:
    """Each column as wide as its heading and its first rows (a 100,000-row table is not
    measured whole)."""
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(50)
    for column in range(view.model().columnCount() - 1):
        view.resizeColumnToContents(column)


def report_button(wizard: ImportWizard, say_to: QLabel, name: str) -> QPushButton:
    text = QCoreApplication.translate("PreviewPage", "&Save report…")
    button = QPushButton(text, objectName=name)
    button.setAutoDefault(False)  # Enter is the wizard's Next (Import, Finish), not this
    button.clicked.connect(lambda: wizard.save_report(say_to.setText))
    return button


class PreviewPage(QWizardPage):
    """What the import would do, and the rows: accepted in one tab, refused in the other."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Check the rows before importing"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        words = RowWords(wizard.actor)
        self.accepted_model = RowsModel(accepted_headings(), words.accepted, (0, 6))
        self.refused_model = RowsModel(refused_headings(), words.refused)
        self.accepted_view = rows_view("importAccepted", self.accepted_model)
        self.refused_view = rows_view("importRefused", self.refused_model)
        self.tabs = QTabWidget(objectName="importTabs")
        self.tabs.addTab(self.accepted_view, "")
        self.tabs.addTab(self.refused_view, "")
        self.counts = QLabel(objectName="importCounts")
        self.counts.setWordWrap(True)
        self.message = message_label("importPreviewMessage")
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(report_button(wizard, self.message, "importSaveReport"), 0,
                      Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.message.clear()
        self.accepted_model.set_rows(preview.accepted)
        self.refused_model.set_rows(preview.rejected)
        self.tabs.setTabText(0, self.tr("Accepted ({n})").format(n=len(preview.accepted)))
        self.tabs.setTabText(1, self.tr("Refused ({n})").format(n=len(preview.rejected)))
        counts = preview.counts
        self.counts.setText(self.tr(
            "To create: {created} · to update: {updated} · unchanged: {unchanged} · "
            "refused: {rejected} · opening balances: {balance}").format(
            created=counts.get("created", 0), updated=counts.get("updated", 0),
            unchanged=counts.get("unchanged", 0), rejected=counts.get("rejected", 0),
            balance=format_fen(preview.balance_fen)))
        fit_columns(self.accepted_view)
        fit_columns(self.refused_view)
        self.tabs.setCurrentIndex(0 if preview.accepted or not preview.rejected else 1)

    def validatePage(self) -> bool:
        if self._wizard.import_result is not None:
            return True
        preview = self._wizard.preview
        if preview is None or self._wizard.job is not None:
            return False
        if not preview.accepted:
            self.message.setText(self.tr("No row can be imported: look at the refused rows."))
            return False
        self._wizard.commit(self.message.setText)
        return False


class DonePage(QWizardPage):
    """What the import did, and the report again."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("The clients were imported"))
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.message = message_label("importDoneMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(report_button(wizard, self.message, "importSaveReportDone"), 0,
                         Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self._wizard.import_result
        assert result is not None
        lines = [
            self.tr("New clients: {n}").format(n=result.created),
            self.tr("Clients updated: {n}").format(n=result.updated),
            self.tr("Already here, unchanged: {n}").format(n=result.unchanged),
            self.tr("Rows refused (not imported): {n}").format(n=result.rejected),
            self.tr("Opening balances: {amount} on {n} cards, marked as migrated").format(
                amount=format_fen(result.balance_fen), n=result.cards),
        ]
        self.summary.setText("\n".join(lines))
