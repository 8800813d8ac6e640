"""The survey dialog by keyboard: digits typed per question (a complete score moves on by
itself), the comment typed, Enter saves; a low score keeps the dialog open with the
complaint's number, and Enter then closes it; a wrong score is refused under its question.
The dialog and the surveys tab (standalone, as a manager sees it) fit 1366×768 in Chinese
and English, with every text translated in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from frontdesk.core.context import Actor
from frontdesk.services.registry import Services
from frontdesk.services.surveys.views import SurveyResult
from frontdesk.ui.i18n import Translations
from frontdesk.ui.surveys.dialog import SurveyDialog
from frontdesk.ui.surveys.tab import SurveysTab
from frontdesk.ui.worker import DbWorker
from tests.surveys import client_with_visit
from tests.ui.layout_checks import SMALL_SCREEN, TASKBAR, layout_problems
from tests.ui.visible_text import untranslated, visible_texts

WAIT = 15_000


def open_dialog(qtbot, services: Services, admin: Actor, worker: DbWorker) -> SurveyDialog:
    client_id, visit_id = client_with_visit(services, admin)
    dialog = SurveyDialog(services, admin, worker, client_id=client_id, visit_id=visit_id,
                          client_name="王芳")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_answers(qtbot, dialog: SurveyDialog, digits: str, comment: str) -> None:
    """The scores as typed: each complete score moves the cursor to the next question."""
    for digit in digits:
        focused = dialog.focusWidget()
        assert focused is not None
        qtbot.keyClicks(focused, digit)
    focused = dialog.focusWidget()
    assert isinstance(focused, QLineEdit) and focused.objectName().startswith("surveyText")
    focused.insert(comment)  # typed by an input method (QTest types ASCII only)


def test_the_answers_are_typed_and_enter_saves(qtbot, services: Services, admin: Actor,
                                               worker: DbWorker,
                                               translations: Translations) -> None:
    dialog = open_dialog(qtbot, services, admin, worker)
    saved: list[SurveyResult] = []
    dialog.saved.connect(saved.append)
    type_answers(qtbot, dialog, "54345" + "9", "很好")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert saved and not saved[0].low
    assert not dialog.isVisible()
    [row] = services.surveys.recent(admin)
    assert row.recommend == 9 and row.comment == "很好"
    assert dict(row.scores)
    assert sorted(dict(row.scores).values()) == [3, 4, 4, 5, 5]


def test_a_low_score_shows_the_complaint(qtbot, services: Services, admin: Actor,
                                         worker: DbWorker, translations: Translations) -> None:
    dialog = open_dialog(qtbot, services, admin, worker)
    type_answers(qtbot, dialog, "51555" + "10", "技师态度差")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.survey is not None and dialog.survey.low
    ref = dialog.survey.complaint_ref
    assert ref and dialog.complaint.isVisible() and ref in dialog.complaint.text()
    assert untranslated([t.replace(ref, "") for t in visible_texts(dialog)]) == []
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert len(services.surveys.recent(admin)) == 1


def test_a_wrong_score_is_refused_under_its_question(qtbot, services: Services, admin: Actor,
                                                     worker: DbWorker,
                                                     translations: Translations) -> None:
    dialog = open_dialog(qtbot, services, admin, worker)
    first_id, first = next(iter(dialog.fields.items()))
    qtbot.keyClicks(first, "8")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.survey is None
    assert dialog.errors.text(f"question_{first_id}")
    assert services.surveys.recent(admin) == ()


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, translations: Translations) -> str:
    translations.apply(request.param)
    return str(request.param)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _fits(widget: QWidget, language: str) -> None:
    room = QSize(SMALL_SCREEN.width(), SMALL_SCREEN.height() - TASKBAR)
    assert widget.width() <= room.width() and widget.height() <= room.height()
    assert layout_problems(widget) == []
    if language == "zh_CN":
        assert untranslated(visible_texts(widget)) == []


def test_the_dialog_fits_1366_by_768(qtbot, services: Services, admin: Actor,
                                     worker: DbWorker, language: str) -> None:
    dialog = open_dialog(qtbot, services, admin, worker)
    _settle()
    _fits(dialog, language)


def test_the_surveys_tab_shows_standalone(qtbot, services: Services, admin: Actor,
                                          worker: DbWorker, language: str) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    dialog = SurveyDialog(services, admin, worker, client_id=client_id, visit_id=visit_id)
    for edit in dialog.fields.values():
        edit.setText("2" if edit.objectName().startswith("surveyScore") else "一般")
    dialog.save()
    tab = SurveysTab(services, admin, worker)
    qtbot.addWidget(tab)
    tab.resize(SMALL_SCREEN.width() - 40, SMALL_SCREEN.height() - TASKBAR - 160)
    tab.show()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: tab.editor is not None and tab.editor.table.rowCount() == 7,
                    timeout=WAIT)
    _settle()
    assert tab.table.item(0, tab.table.columnCount() - 1).text().startswith("TS")
    _fits(tab, language)
