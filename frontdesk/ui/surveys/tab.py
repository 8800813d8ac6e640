"""The surveys tab of the complaints page: the store's latest surveys with their scores
(the low ones with the complaint they opened), and for a manager the survey settings and
the questionnaire editor. F5 reads the list again; Ctrl+L shows only the low scores."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.exports.kinds import ExportKind, SurveyFilter
from frontdesk.services.registry import Services
from frontdesk.services.surveys.views import SurveyRow, SurveySettings, TemplateView
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.exports.excel_button import ExcelExport
from frontdesk.ui.surveys.settings_box import SurveySettingsBox
from frontdesk.ui.surveys.table import SurveyTable
from frontdesk.ui.surveys.template_editor import TemplateEditor
from frontdesk.ui.widgets import scrolled
from frontdesk.ui.worker import DbWorker

Loaded = tuple[tuple[SurveyRow, ...], SurveySettings | None, TemplateView | None]


class SurveysTab(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveysTab")
        self._services, self._actor, self._worker = services, actor, worker
        self.manager = allowed(actor, Action.MANAGE_COMPLAINTS)
        self.low_only = QCheckBox(self.tr("Low scores only (Ctrl+L)"), objectName="surveyLowOnly")
        self.low_only.toggled.connect(self.reload)
        self.table = SurveyTable("surveyList")
        self.message = QLabel(objectName="surveyMessage")
        self.message.setWordWrap(True)
        self.settings_box = SurveySettingsBox(services, actor) if self.manager else None
        self.editor = TemplateEditor(services, actor) if self.manager else None
        for part in (self.settings_box, self.editor):
            if part is not None:
                part.saved.connect(self.message.setText)
        self.excel = ExcelExport(self, services, actor, worker, ExportKind.SURVEYS,
                                 self.export_filter, self.message.setText)
        self._build()
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("F5"), self, self.reload, context=context)
        QShortcut(QKeySequence("Ctrl+L"), self, self.low_only.toggle, context=context)

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.low_only)
        top.addStretch(1)
        top.addWidget(self.excel.button)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        layout = QVBoxLayout(self)
        if self.settings_box is None or self.editor is None:
            layout.addWidget(left)
            return
        below = QWidget()
        side = QHBoxLayout(below)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.settings_box)
        side.addWidget(self.editor, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(scrolled(below, "surveyManagerScroll"))
        splitter.setSizes([300, 300])
        layout.addWidget(splitter)

    def export_filter(self) -> SurveyFilter:
        """The surveys the list shows: all, or the low scores only."""
        return SurveyFilter(low_only=self.low_only.isChecked())

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Read the list (and a manager's settings and questionnaire) off the UI thread."""
        services, actor, low, manager = (self._services, self._actor, self.low_only.isChecked(),
                                         self.manager)

        def load() -> Loaded:
            rows = services.surveys.recent(actor, low_only=low)
            if not manager:
                return rows, None, None
            return rows, services.surveys.settings(actor), services.surveys.template(actor)

        self._worker.submit(load, self._loaded, self._failed)

    def _loaded(self, loaded: Loaded) -> None:
        rows, settings, template = loaded
        self.show_rows(rows)
        if settings is not None and self.settings_box is not None:
            self.settings_box.show_settings(settings)
        if template is not None and self.editor is not None:
            self.editor.show_template(template)

    def show_rows(self, rows: tuple[SurveyRow, ...]) -> None:
        self.table.show_rows(rows)
        if not rows:
            self.message.setText(self.tr("No surveys yet."))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.message.setText(error_text(exc))
        elif isinstance(exc, StorageError):
            show_storage_error(self, exc)
        else:
            raise exc
