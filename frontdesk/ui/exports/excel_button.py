"""The "Export to Excel…" of a list screen: a button and a key, a save dialog, then the list
with the screen's current filters written on the worker behind a progress dialog (Cancel
leaves no file).

The screen gives its list's kind, a function returning its filters as they are now, and
where to say what happened; the words of the workbook are the screens' language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton, QWidget

from frontdesk.core.context import Actor, local_today
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.exports.kinds import ExportKind, Filter
from frontdesk.services.exports.result import ExportResult
from frontdesk.services.registry import Services
from frontdesk.ui.dates import file_date
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.exports.words import words_of
from frontdesk.ui.jobs import JobDialog, cancelled_text, run_job
from frontdesk.ui.worker import DbWorker

KEY = "Ctrl+E"


def file_stem(kind: ExportKind) -> str:
    """The default file's name before the date ("客户" / "Clients")."""
    translate = QCoreApplication.translate
    stems = {
        ExportKind.CLIENTS: translate("ExcelExport", "Clients"),
        ExportKind.VISITS: translate("ExcelExport", "Visits"),
        ExportKind.CARD_LEDGER: translate("ExcelExport", "Card ledger"),
        ExportKind.CARE: translate("ExcelExport", "Care tasks"),
        ExportKind.COMPLAINTS: translate("ExcelExport", "Complaints"),
        ExportKind.SURVEYS: translate("ExcelExport", "Surveys"),
    }
    return stems[kind]


class ExcelExport(QObject):
    """"Export to Excel… (key)" for ``screen``'s list of ``kind``; :attr:`button` goes where
    the screen lays it out, the key works while the focus is in ``screen``."""

    def __init__(self, screen: QWidget, services: Services, actor: Actor, worker: DbWorker,
                 kind: ExportKind, filters: Callable[[], Filter | None],
                 say: Callable[[str], None], key: str = KEY) -> None:
        super().__init__(screen)
        self._screen, self._services, self._actor, self._worker = screen, services, actor, worker
        self.kind, self._filters, self._say = kind, filters, say
        text = self.tr("Export to Excel…")
        self.button = QPushButton(f"{text} ({key})", objectName=f"export_{kind.value}")
        self.button.setToolTip(f"{text} ({key})")
        self.button.clicked.connect(self.export)
        self._key = QKeySequence(key)
        QShortcut(self._key, screen, self.export,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for box in screen.findChildren(QLineEdit):  # X11's line edits take Ctrl+E (line end)
            box.installEventFilter(self)
        self.ask_path: Callable[[], str] = self._ask_path
        self.exported: ExportResult | None = None
        self.job: JobDialog | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A line edit in the screen does not keep the export's key for itself."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and QKeySequence(event.keyCombination()) == self._key:
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _ask_path(self) -> str:
        today = local_today(self._services.clock)
        name = f"{file_stem(self.kind)}_{file_date(today)}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self._screen, self.tr("Export to Excel"),
                                              str(Path.home() / name), self.tr("Excel (*.xlsx)"))
        return path

    def export(self) -> None:
        if self.job is not None:
            return
        chosen = self.ask_path()
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        exports, actor, kind = self._services.exports, self._actor, self.kind
        filters, words = self._filters(), words_of(QCoreApplication.translate)

        def job(cancel: Any, progress: Any) -> ExportResult:
            return exports.export(actor, kind, path, words, filters, cancel=cancel,
                                  progress=progress)

        self.job = run_job(self._worker, self.tr("Exporting to Excel"), self._screen.window(),
                           job, self._done, self._failed, self._cancelled)

    def _done(self, result: ExportResult) -> None:
        self.job = None
        self.exported = result
        self._say(self.tr("{n} rows written to {file}.").format(n=result.rows,
                                                                 file=result.path.name))

    def _failed(self, exc: BaseException) -> None:
        self.job = None
        if isinstance(exc, DomainError):
            self._say(error_text(exc))
        elif isinstance(exc, StorageError):
            show_storage_error(self._screen, exc)
        else:
            raise exc

    def _cancelled(self) -> None:
        self.job = None
        self._say(cancelled_text())
