"""The complaints page with a dozen cases at every stage (some overdue and escalated), its
deadlines tab, and each of its dialogs (intake, the stage actions, the resolution with a
credit's approval panel), at 1366×768 and 1280×800 in Chinese and English: nothing cut short,
nothing scrolled sideways (test_layout's checks, on its busy day)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.core.context import Actor, local_today
from frontdesk.models.complaint import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    Remedy,
)
from frontdesk.services.complaints.views import ComplaintDraft, Resolution
from frontdesk.services.registry import Services
from frontdesk.ui.complaints.cases_tab import CasesTab
from frontdesk.ui.complaints.complaints_page import ComplaintsPage
from frontdesk.ui.complaints.intake_dialog import IntakeDialog
from frontdesk.ui.complaints.resolve_dialog import CREDIT, ResolveDialog
from frontdesk.ui.complaints.step_dialogs import (
    AcknowledgeDialog,
    AssignDialog,
    FeedbackDialog,
    FindingsDialog,
    ReopenDialog,
)
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.worker import DbWorker
from tests.conftest import FakeClock
from tests.ui.layout_checks import TASKBAR, layout_problems
from tests.ui.test_layout import busy_day, language, screen, window  # noqa: F401 (fixtures)

WAIT = 15_000
WORDS = "做完补水护理后脸上发红发痒，前台说是正常反应，但第二天还是肿，要求退款并重做一次护理。"


@pytest.fixture
def cases(services: Services, admin: Actor, clock: FakeClock,
          busy_day: dict[str, list[int]]) -> int:  # noqa: F811
    """A dozen complaints of the busy day's clients, at every stage; the older ones late."""
    flow = services.complaints
    for i, client in enumerate(busy_day["clients"]):
        row = flow.take(admin, ComplaintDraft(
            client, list(ComplaintChannel)[i % 5], list(ComplaintCategory)[i % 6],
            list(ComplaintSeverity)[i % 3], WORDS, asks="退款并重做"), key=f"k{i}")
        case, version = row.complaint_id, row.version
        if i % 5 >= 1:
            version = flow.acknowledge(admin, case, version, "已致电").row.version
        if i % 5 >= 2:
            version = flow.investigate(admin, case, version, "精油批次过敏，未做皮试").row.version
        if i % 5 >= 3:
            version = flow.resolve(admin, case, version, Resolution(
                (Remedy.APOLOGY, Remedy.REDO), "当面致歉，免费重做", "护理前必做皮试"),
                key=f"r{i}").row.version
        if i % 5 >= 4:
            flow.close(admin, case, version, satisfied=True, note="满意")
    clock.advance(days=4)  # the open ones are past their deadlines
    flow.escalate_overdue(admin.branch_id)
    return len(busy_day["clients"])


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def open_cases(qtbot, window: MainWindow) -> CasesTab:  # noqa: F811
    window.show_page("complaints")
    page = window.page("complaints")
    assert isinstance(page, ComplaintsPage)
    qtbot.waitUntil(lambda: len(page.cases.rows) > 0 and page.cases.panel.case is not None,
                    timeout=WAIT)
    _settle()
    return page.cases


def test_the_complaints_page_with_late_cases_fits(qtbot, window: MainWindow,  # noqa: F811
                                                  language: str, cases: int) -> None:  # noqa: F811
    tab = open_cases(qtbot, window)
    assert any(r.overdue for r in tab.rows) and any(r.escalated for r in tab.rows)
    for row in range(min(4, len(tab.rows))):
        tab.table.setCurrentCell(row, 0)
        qtbot.waitUntil(lambda r=row: tab.panel.case is not None  # type: ignore[misc]
                        and tab.panel.case.row.complaint_id == tab.rows[r].complaint_id,
                        timeout=WAIT)
        _settle()
        problems = layout_problems(window)
        assert problems == [], "\n".join(problems)
    page = window.page("complaints")
    assert isinstance(page, ComplaintsPage) and page.deadlines is not None
    page.tabs.setCurrentWidget(page.deadlines)
    _settle()
    assert layout_problems(window) == []


def _dialogs(tab: CasesTab, services: Services, admin: Actor, worker: DbWorker,
             client: int) -> dict[str, Callable[[], QWidget]]:
    case = tab.panel.case
    assert case is not None
    today = local_today(services.clock)

    def credit() -> ResolveDialog:
        dialog = ResolveDialog(services, admin, case, today, tab)
        dialog.kind.setCurrentIndex(dialog.kind.findData(CREDIT))
        return dialog

    return {
        "intake": lambda: IntakeDialog(services, admin, worker, parent=tab),
        "intake for a client": lambda: IntakeDialog(services, admin, worker, client_id=client,
                                                    parent=tab),
        "acknowledge": lambda: AcknowledgeDialog(services, admin, case, tab),
        "findings": lambda: FindingsDialog(services, admin, case, tab),
        "resolve": lambda: ResolveDialog(services, admin, case, today, tab),
        "credit": credit,
        "feedback": lambda: FeedbackDialog(services, admin, case, tab),
        "reopen": lambda: ReopenDialog(services, admin, case, tab),
        "assign": lambda: AssignDialog(services, admin, case, [(1, "欧阳丽娟")], tab),
    }


def test_every_complaint_dialog_fits(qtbot, window: MainWindow, services: Services,  # noqa: F811
                                     admin: Actor, worker: DbWorker, language: str,  # noqa: F811
                                     cases: int, screen: QSize,  # noqa: F811
                                     busy_day: dict[str, list[int]]) -> None:  # noqa: F811
    tab = open_cases(qtbot, window)
    room = QSize(screen.width(), screen.height() - TASKBAR)
    for name, make in _dialogs(tab, services, admin, worker, busy_day["clients"][0]).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        _settle()
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), name
        problems = layout_problems(dialog)
        assert problems == [], f"{name}: " + "\n".join(problems)
        dialog.close()
