"""The manager's Data menu (数据): "Import clients…" (the wizard) and "Export all my data…"
(every table of the store in one workbook, on the worker behind a progress dialog).

Each entry is there only for an actor allowed its action; what an export did is said in
the window's status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from frontdesk.core.context import Actor, local_today
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.registry import Services
from frontdesk.ui.dates import file_date
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.imports.wizard import ImportWizard
from frontdesk.ui.jobs import cancelled_text, run_job
from frontdesk.ui.worker import DbWorker

STATUS_MS = 15_000


class DataMenu(QObject):
    """The Data menu's entries on ``window``'s menu bar (none for an actor without either)."""

    def __init__(self, window: QMainWindow, services: Services, actor: Actor,
                 worker: DbWorker) -> None:
        super().__init__(window)
        self._window, self._services, self._actor, self._worker = window, services, actor, worker
        self.wizard: ImportWizard | None = None
        self.exported: Path | None = None
        self.said = ""
        self.ask_save_path = self._ask_save_path
        self.menu: QMenu | None = None
        entries = [(Action.IMPORT_CLIENTS, self.tr("&Import clients…"), "", self.import_clients),
                   (Action.EXPORT_ALL_DATA, self.tr("&Export all my data…"), "",
                    self.export_all)]
        shown = [e for e in entries if allowed(actor, e[0])]
        if not shown:
            return
        self.menu = window.menuBar().addMenu(self.tr("&Data"))
        for _action, text, key, slot in shown:
            action = QAction(text, window)
            if key:
                action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.menu.addAction(action)

    def import_clients(self) -> None:
        self.wizard = ImportWizard(self._services, self._actor, self._worker, self._window)
        self.wizard.open()

    def _ask_save_path(self) -> str:
        today = local_today(self._services.clock)
        name = self.tr("All data_{date}.xlsx").format(date=file_date(today))
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export all my data"),
                                              str(Path.home() / name), self.tr("Excel (*.xlsx)"))
        return path

    def export_all(self) -> None:
        chosen = self.ask_save_path()
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        everything, actor = self._services.all_data, self._actor
        run_job(self._worker, self.tr("Exporting all my data"), self._window,
                lambda cancel, progress: everything.export(actor, path, cancel=cancel,
                                                           progress=progress),
                self._exported, self._failed, self._cancelled)

    def _say(self, text: str) -> None:
        self.said = text
        self._window.statusBar().showMessage(text, STATUS_MS)

    def _exported(self, result: object) -> None:
        path = getattr(result, "path", None)
        self.exported = path
        self._say(self.tr("All the store's data was written to {file}.").format(file=path))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self._say(error_text(exc))
        elif isinstance(exc, StorageError):
            show_storage_error(self._window, exc)
        else:
            raise exc

    def _cancelled(self) -> None:
        self._say(cancelled_text())
