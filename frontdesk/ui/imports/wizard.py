"""The import wizard (导入客户, a manager's): choose a file → check the columns → preview →
import → done.

Each step's work (reading the file, reading it again with another mapping, importing) runs
on the worker behind a :class:`~frontdesk.ui.jobs.JobDialog` (a bar and Cancel); a page's
Next starts the job and the wizard moves on when it has ended well. Enter is Next, Esc
closes the wizard, and a cancelled job leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from frontdesk.core.context import Actor, local_today
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.registry import Services
from frontdesk.ui.dates import file_date
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.imports.pages import FilePage, MappingPage
from frontdesk.ui.imports.preview_page import DonePage, PreviewPage
from frontdesk.ui.jobs import Job, JobDialog, cancelled_text, run_job
from frontdesk.ui.worker import DbWorker

if TYPE_CHECKING:
    from frontdesk.services.imports.fields import Mapping
    from frontdesk.services.imports.service import ImportPreview, ImportResult

Say = Callable[[str], None]


class ImportWizard(QWizard):
    """Imports a client list for ``actor`` (who needs Action.IMPORT_CLIENTS)."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import clients"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # all is done
        self.setMinimumSize(760, 520)
        self.resize(1040, 640)
        self._services, self.actor, self._worker = services, actor, worker
        self.preview: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self.report_path: Path | None = None
        self.job: JobDialog | None = None
        """The job running now (tests cancel it)."""
        self.ask_open_path: Callable[[], str] = self._ask_open_path
        self.ask_report_path: Callable[[], str] = self._ask_report_path
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.done_page):
            self.addPage(page)

    # -- the jobs -------------------------------------------------------------------------------

    def run(self, title: str, job: Job, on_done: Callable[[Any], None], say: Say) -> None:
        """Run ``job`` behind a progress dialog; a refusal or a cancel is said by ``say``."""
        def failed(exc: BaseException) -> None:
            self.job = None
            if isinstance(exc, DomainError):
                say(error_text(exc))
            elif isinstance(exc, StorageError):
                show_storage_error(self, exc)
            else:
                raise exc

        def cancelled() -> None:
            self.job = None
            say(cancelled_text())

        def done(result: object) -> None:
            self.job = None
            on_done(result)

        say("")
        self.job = run_job(self._worker, title, self, job, done, failed, cancelled)

    def open_file(self, path: Path, update_existing: bool, say: Say) -> None:
        imports, actor = self._services.imports, self.actor

        def job(cancel: Any, progress: Any) -> ImportPreview:
            return imports.open(actor, path, update_existing=update_existing, cancel=cancel,
                                progress=progress)

        self.run(self.tr("Reading the file"), job, self._opened, say)

    def _opened(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.import_result = None
        self.next()

    def remap(self, mapping: Mapping, update_existing: bool, say: Say,
              then: Callable[[], None]) -> None:
        imports, actor, preview = self._services.imports, self.actor, self.preview
        assert preview is not None

        def job(cancel: Any, progress: Any) -> ImportPreview:
            return imports.remap(actor, preview, mapping, update_existing=update_existing,
                                 cancel=cancel, progress=progress)

        def remapped(new: ImportPreview) -> None:
            self.preview = new
            then()

        self.run(self.tr("Reading the file again"), job, remapped, say)

    def commit(self, say: Say) -> None:
        imports, actor, preview = self._services.imports, self.actor, self.preview
        assert preview is not None

        def job(cancel: Any, progress: Any) -> ImportResult:
            return imports.commit(actor, preview, cancel=cancel, progress=progress)

        self.run(self.tr("Importing the clients"), job, self._committed, say)

    def _committed(self, result: ImportResult) -> None:
        self.import_result = result
        self.next()

    def save_report(self, say: Say) -> None:
        """Ask where, then write the report (one line per data row) on the worker."""
        from frontdesk.services.imports.report import write_report

        preview = self.preview
        chosen = self.ask_report_path()
        if preview is None or not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(".csv")
        say(self.tr("Writing the report…"))
        self._worker.submit(lambda: write_report(path, preview),
                            partial(self._report_written, path=path, say=say),
                            partial(self._report_failed, say=say))

    def _report_written(self, _none: object, path: Path, say: Say) -> None:
        self.report_path = path
        say(self.tr("The report was written to {file}.").format(file=path))

    def _report_failed(self, exc: BaseException, say: Say) -> None:
        if isinstance(exc, OSError):
            say(self.tr("The report could not be written: {problem}").format(
                problem=exc.strerror or type(exc).__name__))
        elif isinstance(exc, DomainError):
            say(error_text(exc))
        else:
            raise exc

    # -- asking for files -----------------------------------------------------------------------

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the client list"), str(Path.home()),
            self.tr("Excel or CSV (*.xlsx *.csv);;All files (*)"))
        return path

    def _ask_report_path(self) -> str:
        today = local_today(self._services.clock)
        stem = self.preview.path.stem if self.preview is not None else "import"
        name = self.tr("{file} import report {date}.csv").format(file=stem, date=file_date(today))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the import report"),
                                              str(Path.home() / name), self.tr("CSV (*.csv)"))
        return path

    def keyPressEvent(self, event: Any) -> None:  # Enter is Next, whatever has the focus
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.job is None:
            for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.NextButton,
                          QWizard.WizardButton.FinishButton):
                button = self.button(which)
                if button.isVisible() and button.isEnabled():
                    button.click()
                    return
        super().keyPressEvent(event)
