"""A manager's questionnaire editor: the questions in order (what each scores, its words),
added and removed; saving makes a new version (surveys answered keep their questions)."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.survey import QuestionKind, SurveyDimension
from frontdesk.services.registry import Services
from frontdesk.services.surveys.views import QuestionDraft, TemplateDraft, TemplateView
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.surveys.words import dimension_name, kind_name, question_text
from frontdesk.ui.widgets import enum_combo


class TemplateEditor(QGroupBox):
    saved = Signal(str)

    def __init__(self, services: Services, actor: Actor) -> None:
        super().__init__()
        self.setTitle(self.tr("Questionnaire"))
        self.setObjectName("surveyTemplateEditor")
        self._services, self._actor = services, actor
        self.name = QLineEdit(objectName="surveyTemplateName")
        self.name.setMaxLength(80)
        self.table = QTableWidget(0, 3, objectName="surveyQuestions")
        self.table.setHorizontalHeaderLabels([self.tr("Question kind"), self.tr("Dimension"),
                                              self.tr("Question")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.message = QLabel(objectName="surveyTemplateMessage")
        self.message.setWordWrap(True)
        add = QPushButton(self.tr("Add a question"), objectName="surveyAddQuestion")
        add.clicked.connect(lambda: self.add_question(QuestionDraft(QuestionKind.SCALE, "")))
        remove = QPushButton(self.tr("Remove the question"), objectName="surveyRemoveQuestion")
        remove.clicked.connect(self.remove_question)
        save = QPushButton(self.tr("Save as the new questionnaire"),
                           objectName="surveySaveTemplate")
        save.clicked.connect(self.save)
        buttons = QHBoxLayout()
        for button in (add, remove, save):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def show_template(self, template: TemplateView) -> None:
        self.name.setText(template.name)
        self.table.setRowCount(0)
        for q in template.questions:
            self.add_question(QuestionDraft(q.kind, q.text, q.dimension), question_text(q))

    def add_question(self, draft: QuestionDraft, shown: str | None = None) -> None:
        """A row for ``draft``, its words ``shown`` in the UI language (a built-in question's;
        kept as they are, the stored words are saved, so the question stays built in)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = enum_combo("surveyQuestionKind", QuestionKind, kind_name)
        kind.setCurrentIndex(kind.findData(draft.kind))
        dimension = enum_combo("surveyQuestionDimension", SurveyDimension, dimension_name,
                               blank="")
        dimension.setCurrentIndex(dimension.findData(draft.dimension))
        self.table.setCellWidget(row, 0, kind)
        self.table.setCellWidget(row, 1, dimension)
        text = QLineEdit(shown if shown is not None else draft.text,
                         objectName="surveyQuestionText")
        text.setProperty("stored", (text.text(), draft.text))
        self.table.setCellWidget(row, 2, text)
        self.table.setCurrentCell(row, 2)

    @Slot()
    def remove_question(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def draft(self) -> TemplateDraft:
        questions = []
        for row in range(self.table.rowCount()):
            kind, dimension, text = (self.table.cellWidget(row, c) for c in range(3))
            assert isinstance(kind, QComboBox) and isinstance(dimension, QComboBox)
            assert isinstance(text, QLineEdit)
            shown, stored = text.property("stored")
            words = stored if text.text() == shown else text.text()
            questions.append(QuestionDraft(kind.currentData(), words, dimension.currentData()))
        return TemplateDraft(self.name.text(), tuple(questions))

    @Slot()
    def save(self) -> None:
        try:
            saved = self._services.surveys.save_template(self._actor, self.draft())
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.show_template(saved)
        self.message.clear()
        self.saved.emit(self.tr("The new questionnaire is saved; surveys already answered "
                                "keep their questions."))
