"""Entering one client's satisfaction survey (满意度调查), keyboard first.

Each scored question takes its digits as typed (1–5, or 0–10 for the recommendation); a
complete answer moves on to the next question by itself, Tab moves too, Enter saves.
A question left empty is not answered. A score at or below the store's threshold opens
a complaint: the dialog then stays open and shows the complaint's number, and Enter (or
Esc) closes it. The save carries a key made when the dialog opens: a double Enter saves
once.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.models.survey import QuestionKind
from frontdesk.services.registry import Services
from frontdesk.services.surveys.views import (
    RECOMMEND_RANGE,
    SCALE_RANGE,
    Answer,
    QuestionView,
    SurveyEntry,
    SurveyResult,
    TemplateView,
)
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.surveys.words import question_text, range_hint, template_name
from frontdesk.ui.widgets import at_least_wide, column, dialog_buttons
from frontdesk.ui.worker import DbWorker

COMMENT_MAX = 500


class ScoreEdit(QLineEdit):
    """A score typed as digits; a complete one moves the cursor on."""

    def __init__(self, question: QuestionView) -> None:
        super().__init__()
        self.setObjectName(f"surveyScore{question.position}")
        low, high = SCALE_RANGE if question.kind is QuestionKind.SCALE else RECOMMEND_RANGE
        self.setValidator(QIntValidator(low, high, self))
        self.setMaxLength(len(str(high)))
        self.setPlaceholderText(range_hint(question.kind))
        self._high = high
        self.textEdited.connect(self._typed)

    def score(self) -> int | None:
        return int(self.text()) if self.text().isdigit() else None

    @Slot(str)
    def _typed(self, text: str) -> None:
        """Complete when no further digit could follow (5; 7 or 10 of 0–10, not 1)."""
        if text.isdigit() and (text == "0" or int(text) * 10 > self._high):
            self.focusNextChild()


class SurveyDialog(QDialog):
    """One survey: about ``visit_id`` (usually), on the survey call ``task_id`` (closed when
    saved) or at the desk. ``saved`` carries the :class:`SurveyResult`."""

    saved = Signal(object)

    def __init__(self, services: Services, actor: Actor, worker: DbWorker, *, client_id: int,
                 visit_id: int | None = None, task_id: int | None = None,
                 client_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyDialog")
        self.setWindowTitle(self.tr("Satisfaction survey"))
        self._services, self._actor, self._worker = services, actor, worker
        self._client_id, self._visit_id, self._task_id = client_id, visit_id, task_id
        self.key = uuid.uuid4().hex
        self.survey: SurveyResult | None = None
        self.template: TemplateView = services.surveys.template(actor)
        heading = QLabel(" · ".join(t for t in (client_name, template_name(self.template)) if t),
                         objectName="surveyHeading")
        heading.setWordWrap(True)
        self.form = QFormLayout()
        general = QLabel()
        self.errors = FormErrors(general)
        self.fields: dict[int, QLineEdit] = {}
        self._questions()
        self.complaint = QLabel(objectName="surveyComplaint")
        self.complaint.setWordWrap(True)
        self.complaint.hide()
        self.buttons = dialog_buttons(self, self.save, save=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        column(self, heading, self.form, general, self.complaint, self.buttons)
        at_least_wide(self, 460)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()

    def _questions(self) -> None:
        for question in self.template.questions:
            if question.kind is QuestionKind.TEXT:
                edit = QLineEdit(objectName=f"surveyText{question.position}")
                edit.setMaxLength(COMMENT_MAX)
            else:
                edit = ScoreEdit(question)
            self.fields[question.question_id] = edit
            self.errors.add_row(self.form, question_text(question),
                                f"question_{question.question_id}", edit)

    def answers(self) -> tuple[Answer, ...]:
        """The questions answered (empty ones left out)."""
        out = []
        for question_id, edit in self.fields.items():
            if isinstance(edit, ScoreEdit):
                if edit.score() is not None:
                    out.append(Answer(question_id, edit.score()))
            elif edit.text().strip():
                out.append(Answer(question_id, text=edit.text().strip()))
        return tuple(out)

    @Slot()
    def save(self) -> None:
        if self.survey is not None:
            self.accept()
            return
        self.errors.clear()
        entry = SurveyEntry(self._client_id, self.template.template_id, self.answers(),
                            visit_id=self._visit_id, task_id=self._task_id)
        try:
            self.survey = self._services.surveys.record(self._actor, entry, key=self.key)
        except DomainError as exc:
            self.errors.show(exc)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.saved.emit(self.survey)
        if self.survey.complaint_ref:
            self._show_complaint(self.survey.complaint_ref)
        else:
            self.accept()

    def _show_complaint(self, ref: str) -> None:
        self.complaint.setText(self.tr(
            "A low score: complaint {ref} was opened for the complaint handler.").format(ref=ref))
        self.complaint.show()
        for edit in self.fields.values():
            edit.setReadOnly(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        close.setText(self.tr("Close"))
        close.setFocus()

    def done_text(self) -> str:
        """What the screen that opened the dialog says once it is saved."""
        if self.survey is not None and self.survey.complaint_ref:
            return self.tr("The survey is saved; complaint {ref} was opened.").format(
                ref=self.survey.complaint_ref)
        return self.tr("The survey is saved.")
