"""Where a survey is entered: the care list's survey call (Ctrl+U, its button in the gift's
place; the call is closed as reached and leaves the list), the desk after a check-out
(Ctrl+U, about the visit checked out), the profile (its surveys listed). The care page on
a survey call fits 1366×768 in both languages (its busy day, from test_layout)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from frontdesk.core.context import Actor
from frontdesk.models.care import CareKind, CareStatus
from frontdesk.models.survey import QuestionKind
from frontdesk.services.registry import Services
from frontdesk.ui.care.due_page import DuePage
from frontdesk.ui.clients.profile_view import ProfileView
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.i18n import Translations
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.surveys.dialog import SurveyDialog
from frontdesk.ui.worker import DbWorker
from tests.care_tasks import get_task, task
from tests.surveys import VISIT_DAY, client_with_visit, entry
from tests.ui.layout_checks import SMALL_SCREEN, layout_problems
from tests.ui.test_layout import busy_day, language, screen, window  # noqa: F401 (fixtures)

WAIT = 15_000


def fill(dialog: SurveyDialog, score: str) -> None:
    """Every 1–5 question at ``score``; the recommendation (0–10) at 10 for a good score,
    else at ``score`` too (a low one)."""
    recommend = "10" if int(score) >= 4 else score
    for question in dialog.template.questions:
        edit = dialog.fields[question.question_id]
        if edit.objectName().startswith("surveyScore"):
            edit.setText(recommend if question.kind is QuestionKind.RECOMMEND else score)


def test_ctrl_u_enters_a_survey_calls_answers(qtbot, main_window: MainWindow,
                                              services: Services, admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    task_id = task(services.db, admin.branch_id, client_id, CareKind.SURVEY,
                   occasion=f"survey:{visit_id}",
                   detail={"visit_on": VISIT_DAY.isoformat(), "visit_id": visit_id})
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    page = main_window.page("care")
    assert isinstance(page, DuePage)
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) == 1, timeout=WAIT)
    page.tree.select_task(task_id)
    assert page.survey_button.isVisibleTo(page) and not page.gift_button.isVisibleTo(page)
    qtbot.keyClick(page.tree, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, SurveyDialog)
    fill(dialog, "5")
    dialog.save()
    assert get_task(services.db, task_id).status is CareStatus.DONE
    qtbot.waitUntil(lambda: page.due is not None and not page.due.tasks, timeout=WAIT)
    [row] = services.surveys.surveys_of(admin, client_id)
    assert row.visit_id == visit_id


def test_the_desk_enters_the_survey_of_the_visit_checked_out(qtbot, main_window: MainWindow,
                                                             services: Services,
                                                             admin: Actor) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    main_window.show_page("desk")
    desk = main_window.page("desk")
    assert isinstance(desk, DeskPage)
    desk.checked_out = (visit_id, client_id, "王芳")
    qtbot.keyClick(desk, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, SurveyDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=WAIT)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SurveyDialog) and w.isVisible())
    fill(dialog, "1")
    dialog.save()
    assert dialog.survey is not None and dialog.survey.complaint_ref
    assert desk.checked_out is None and dialog.survey.complaint_ref in desk.message.text()
    assert services.surveys.surveys_of(admin, client_id)[0].visit_id == visit_id


@pytest.mark.parametrize("screen", [SMALL_SCREEN], ids=["1366x768"])
def test_the_care_page_on_a_survey_call_fits(qtbot, window: MainWindow,  # noqa: F811
                                             services: Services, admin: Actor,
                                             language: str, screen: QSize) -> None:  # noqa: F811
    client_id, visit_id = client_with_visit(services, admin, "欧阳慧敏")
    task_id = task(services.db, admin.branch_id, client_id, CareKind.SURVEY,
                   occasion=f"survey:{visit_id}",
                   detail={"visit_on": VISIT_DAY.isoformat(), "visit_id": visit_id})
    window.show_page("care")
    page = window.page("care")
    assert isinstance(page, DuePage)
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) >= 1, timeout=WAIT)
    page.tree.select_task(task_id)
    for _ in range(3):
        QApplication.processEvents()
    assert page.survey_button.isVisibleTo(page)
    problems = layout_problems(window)
    assert problems == [], "\n".join(problems)


def test_the_profile_lists_the_clients_surveys_and_enters_one(
        qtbot, services: Services, admin: Actor, worker: DbWorker,
        translations: Translations) -> None:
    client_id, visit_id = client_with_visit(services, admin)
    services.surveys.record(admin, entry(services, admin, client_id, visit_id), key="first")
    view = ProfileView(services, admin, worker)
    qtbot.addWidget(view)
    view.show()
    assert view.load(client_id)
    assert view.surveys is not None and view.surveys.rowCount() == 1
    view.survey_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, SurveyDialog) and w.isVisible())
    fill(dialog, "4")
    dialog.save()
    assert view.surveys.rowCount() == 2 and view.message.text()
