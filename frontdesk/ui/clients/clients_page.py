"""The Clients page (客户档案): pick a client with the desk's search, then their whole profile.

F2 searches (as at the desk); Enter on a result opens the profile. Other screens
open a profile with :meth:`ClientsPage.open_client`. "Sheets for several
clients…" writes the analysis sheets of today's visitors or of the search
results into a folder, off the UI thread.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.desk.visits import BoardSection
from frontdesk.services.exports.kinds import ClientFilter, ExportKind
from frontdesk.services.registry import Services
from frontdesk.ui.clients.batch import MAX_BATCH, BatchDialog, BatchJob, BatchProgress
from frontdesk.ui.clients.profile_view import ProfileView
from frontdesk.ui.clients.sheet_actions import sheet_language
from frontdesk.ui.clients.sheet_words import sheet_words
from frontdesk.ui.desk.search_panel import SearchPanel
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.exports.excel_button import ExcelExport
from frontdesk.ui.worker import DbWorker

SEARCH_WIDTH = 520
"""The search column's width: its columns (name to notes) fit without a scroll bar."""


def _say(label: QLabel, text: str) -> None:
    label.setText(text)
    label.show()


class ClientsPage(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientsPage")
        self._services = services
        self._actor = actor
        self._worker = worker
        self.batch: BatchJob | None = None
        self.search = SearchPanel(services, actor, worker)
        self.search.client_picked.connect(self.open_client)
        self.profile = ProfileView(services, actor, worker)
        self.profile.search_requested.connect(self.show_search)
        self.message = QLabel(objectName="fieldError")
        self.message.setWordWrap(True)
        self.status = QLabel(objectName="batchStatus")
        self.status.setWordWrap(True)
        for label in (self.message, self.status):  # shown only while they say something
            label.hide()
        self.excel = ExcelExport(self.search, services, actor, worker, ExportKind.CLIENTS,
                                 self.export_filter, partial(_say, self.status))
        self._build()
        QShortcut(QKeySequence("F2"), self, self.show_search,
                  context=Qt.ShortcutContext.WindowShortcut)

    def _build(self) -> None:
        self.batch_button = QPushButton(self.tr("Sheets for several clients…"),
                                        objectName="batchSheets")
        self.batch_button.clicked.connect(self.choose_batch)
        self.batch_button.setVisible(allowed(self._actor, Action.PRINT_SHEET))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Clients"), objectName="pageTitle"))
        column.addWidget(self.search, 1)
        column.addWidget(self.batch_button)
        column.addWidget(self.excel.button)
        hint = QLabel(self.tr("Find a client on the left (F2), then press Enter to open the "
                              "profile."), objectName="placeholderText")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(objectName="clientsStack")
        self.stack.addWidget(hint)
        self.stack.addWidget(self.profile)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="clientsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SEARCH_WIDTH, 900])
        layout = QVBoxLayout(self)  # the messages stay in sight with the search folded away
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.status)

    def export_filter(self) -> ClientFilter:
        """The clients the search shows: what is typed in its box (all clients when empty)."""
        return ClientFilter(query=self.search.box.text().strip())

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.profile.client_id is None:
            self.search.focus_search()

    @property
    def search_shown(self) -> bool:
        return self.splitter.sizes()[0] > 0

    @Slot()
    def show_search(self) -> None:
        """F2: bring the search back beside the profile and put the cursor in it."""
        if not self.search_shown:
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([SEARCH_WIDTH, max(total - SEARCH_WIDTH, 1)])
        self.search.focus_search()

    @Slot(int)
    def open_client(self, client_id: int) -> bool:
        """Show the profile of ``client_id`` (for the search here and for other screens).

        The search folds away to give the profile the width; F2 brings it back.
        """
        self.message.hide()
        if not self.profile.load(client_id):
            _say(self.message, self.profile.message.text())
            return False
        self.stack.setCurrentWidget(self.profile)
        self.splitter.setSizes([0, sum(self.splitter.sizes())])
        self.profile.tabs.setFocus()
        return True

    def _today_ids(self) -> list[int]:
        board = self._services.visits.board(self._actor)
        ids = [r.client_id for section in BoardSection for r in board.section(section)]
        return list(dict.fromkeys(ids))

    @Slot()
    def choose_batch(self) -> None:
        try:
            today = self._today_ids()
        except DomainError as exc:
            _say(self.message, error_text(exc))
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        found = [hit.client_id for hit in self.search.model.hits]
        if not today and not found:
            _say(self.message, self.tr("No clients to print: search first, or wait for "
                                       "today's visitors."))
            return
        dialog = BatchDialog(today, found, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.client_ids():
            self.start_batch(dialog.client_ids(), dialog.folder.text())

    def start_batch(self, client_ids: list[int], folder: str) -> BatchJob:
        """Write the sheets of (at most 100 of) ``client_ids`` into ``folder`` off the UI thread."""
        job = BatchJob(self._services, self._actor, client_ids[:MAX_BATCH], folder,
                       sheet_words(sheet_language()), self)
        self.batch = job
        self.progress = BatchProgress(job, self)
        self.progress.show()
        self.batch_button.setEnabled(False)
        self.message.hide()
        self.status.hide()
        self._worker.submit(job.run, partial(self._batch_done, job),
                            partial(self._batch_failed, job))
        return job

    def _batch_done(self, job: BatchJob, written: list[object]) -> None:
        self._batch_closed(job)
        text = (self.tr("Stopped: {n} of {total} sheets written to {folder}.")
                if len(written) < job.total else self.tr("{n} sheets written to {folder}."))
        _say(self.status, text.format(n=len(written), total=job.total, folder=job.folder))

    def _batch_failed(self, job: BatchJob, exc: BaseException) -> None:
        self._batch_closed(job)
        if isinstance(exc, DomainError):  # FontMissing among them: said with what to do
            _say(self.message, error_text(exc))
        elif isinstance(exc, StorageError):
            show_storage_error(self, exc)
        elif isinstance(exc, OSError):
            _say(self.message, self.tr("The sheets could not be written to {folder}: {reason}")
                 .format(folder=job.folder, reason=exc.strerror or str(exc)))
        else:
            raise exc

    def _batch_closed(self, job: BatchJob) -> None:
        self.progress.canceled.disconnect(job.cancel)  # closing the dialog says "canceled"
        self.progress.close()
        self.batch_button.setEnabled(True)
