"""A complaint from the desk to its closing, by keyboard on the real screens: Ctrl+T on the
desk takes it for the visit chosen on the board and shows the number the client can quote;
on the complaints page F4 acknowledges, F6 records the findings, F7 resolves it with an
apology and a ¥200 spa voucher (issued through the card ledger: the client holds it), F8
records the client's satisfied feedback and closes it. Every step is kept with who and when.
A jump from intake straight to closed is refused with the service's message shown. The
profile lists the client's complaint, and a complaint deadline on the due list opens its
case."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.models.card import CardOperation, OperationKind, VoucherKind, VoucherSource
from frontdesk.models.care import CareKind
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintStage,
    Remedy,
    StepKind,
)
from frontdesk.services.cards.views import open_vouchers
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import BoardSection, CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.complaints.cases_tab import CasesTab
from frontdesk.ui.complaints.client_section import ClientComplaints
from frontdesk.ui.complaints.complaints_page import ComplaintsPage
from frontdesk.ui.complaints.intake_dialog import IntakeDialog
from frontdesk.ui.complaints.resolve_dialog import ResolveDialog
from frontdesk.ui.complaints.step_dialogs import (
    AcknowledgeDialog,
    FeedbackDialog,
    FindingsDialog,
    StepDialog,
)
from frontdesk.ui.main_window import MainWindow
from tests.ui.test_desk_keys import back_to, choose, desk_of, modal
from tests.ui.visible_text import untranslated, visible_texts

WAIT = 15_000
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def visit(services: Services, admin: Actor) -> tuple[int, int]:
    """A client checked in for a facial by a beautician: (client id, visit id)."""
    item = services.catalog.add_service_item(admin, "补水护理", 38800, 60).id
    beautician = services.staff.add_staff(admin, "fang", "王芳", Role.THERAPIST, None).id
    client = services.clients.register(admin, NewClient(name="单丽华",
                                                        phone="138 0013 1234")).client_id
    visit_id = services.visits.check_in(admin, CheckIn(client_id=client,
                                                       service_item_ids=(item,),
                                                       therapist_id=beautician))
    return client, visit_id


def english_left(widget: QWidget) -> list[str]:
    """The widget's untranslated texts, reference numbers (TS2611230001) aside."""
    return untranslated([re.sub(r"TS\d+", "", t) for t in visible_texts(widget)])


def cases_of(qtbot, window: MainWindow) -> CasesTab:
    window.show_page("complaints")
    page = window.page("complaints")
    assert isinstance(page, ComplaintsPage)
    return page.cases


def step(qtbot, window: MainWindow, cases: CasesTab, key: Qt.Key,
         kind: type[StepDialog]) -> StepDialog:
    back_to(qtbot, window)
    qtbot.waitUntil(lambda: cases.panel.case is not None and cases.buttons["ack"] is not None,
                    timeout=WAIT)
    qtbot.keyClick(cases.table, key)
    dialog = modal(qtbot, kind)
    assert isinstance(dialog, kind)
    assert english_left(dialog) == []
    return dialog


def at_stage(qtbot, cases: CasesTab, stage: ComplaintStage) -> None:
    qtbot.waitUntil(lambda: cases.panel.case is not None
                    and cases.panel.case.row.stage is stage, timeout=WAIT)


def take_at_desk(qtbot, window: MainWindow, visit_id: int) -> str:
    desk = desk_of(window)
    qtbot.waitUntil(lambda: desk.board.select(BoardSection.WAITING, visit_id)
                    or desk.board.select(BoardSection.IN_SERVICE, visit_id), timeout=WAIT)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_T, CTRL)
    dialog = modal(qtbot, IntakeDialog)
    assert isinstance(dialog, IntakeDialog)
    assert english_left(dialog) == []
    assert "单丽华" in dialog.who.text() and dialog.visit.currentData() == visit_id
    qtbot.waitUntil(dialog.channel.hasFocus, timeout=WAIT)
    choose(qtbot, dialog.category, "安全")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)  # no words yet: refused under the field
    assert dialog.row is None and dialog.errors.text("words")
    dialog.words.setFocus()
    dialog.words.insertPlainText("做完补水护理后脸上发红发痒")  # an input method's text
    dialog.asks.insert("重做一次")
    qtbot.keyClick(dialog.asks, Qt.Key.Key_Return, CTRL)
    assert dialog.row is not None
    assert dialog.ref_no.text() == dialog.row.ref_no and dialog.ref_no.hasSelectedText()
    ref = dialog.row.ref_no
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert ref in desk.message.text()
    return ref


def test_a_complaint_from_the_desk_to_closed_with_a_voucher(
        qtbot, main_window: MainWindow, services: Services, admin: Actor,
        visit: tuple[int, int]) -> None:
    client_id, visit_id = visit
    ref = take_at_desk(qtbot, main_window, visit_id)
    with services.db.read() as s:
        case = s.scalars(select(Complaint)).one()
        assert (case.ref_no, case.client_id, case.visit_id, case.category) == \
            (ref, client_id, visit_id, ComplaintCategory.SAFETY)

    cases = cases_of(qtbot, main_window)
    at_stage(qtbot, cases, ComplaintStage.INTAKE)
    assert cases.rows[0].ref_no == ref
    assert not cases.buttons["feedback"].isEnabled()  # not offered at intake
    back_to(qtbot, main_window)
    qtbot.keyClick(cases.table, Qt.Key.Key_F8)
    assert "受理" in cases.message.text()

    illegal = FeedbackDialog(services, admin, cases.panel.case, cases)  # a stale screen's
    cases.open_step(illegal)
    illegal.go()
    assert illegal.isVisible() and "受理" in illegal.errors.text() and \
        "调查" in illegal.errors.text()
    illegal.reject()

    ack = step(qtbot, main_window, cases, Qt.Key.Key_F4, AcknowledgeDialog)
    ack.focusWidget().insertPlainText("已致电客户致歉")
    qtbot.keyClick(ack.focusWidget(), Qt.Key.Key_Return, CTRL)
    at_stage(qtbot, cases, ComplaintStage.INVESTIGATION)

    found = step(qtbot, main_window, cases, Qt.Key.Key_F6, FindingsDialog)
    found.focusWidget().insertPlainText("精油批次过敏，未做皮试")
    qtbot.keyClick(found.focusWidget(), Qt.Key.Key_Return, CTRL)
    at_stage(qtbot, cases, ComplaintStage.RESOLUTION)

    resolve = step(qtbot, main_window, cases, Qt.Key.Key_F7, ResolveDialog)
    assert isinstance(resolve, ResolveDialog)
    qtbot.keyClick(resolve.focusWidget(), Qt.Key.Key_Space)  # the apology
    choose(qtbot, resolve.kind, "代金券")
    assert resolve.remedies[resolve.remedies.__iter__().__next__()].isChecked()
    resolve.corrective.setFocus()
    resolve.corrective.insertPlainText("护理前必做皮试")
    qtbot.keyClicks(resolve.value, "200.5")
    qtbot.keyClick(resolve.value, Qt.Key.Key_Return, CTRL)
    at_stage(qtbot, cases, ComplaintStage.FEEDBACK)
    with services.db.read() as s:
        [voucher] = open_vouchers(s, client_id)
        case = s.scalars(select(Complaint)).one()
        op = s.get(CardOperation, case.compensation_op_id)
    assert (voucher.kind, voucher.value_fen, voucher.source) == \
        (VoucherKind.SPA, 20050, VoucherSource.COMPLAINT)
    assert op is not None and op.kind is OperationKind.VOUCHER_ISSUE and op.client_id == client_id
    assert voucher.code in cases.panel.body.toPlainText()

    feedback = step(qtbot, main_window, cases, Qt.Key.Key_F8, FeedbackDialog)
    assert feedback.satisfied.currentData() is True
    qtbot.keyClick(feedback.satisfied, Qt.Key.Key_Return, CTRL)
    at_stage(qtbot, cases, ComplaintStage.CLOSED)
    with services.db.read() as s:
        case = s.scalars(select(Complaint)).one()
        assert case.satisfied is True and case.corrective_action == "护理前必做皮试"
    steps = cases.panel.case.steps
    assert [st.kind for st in steps][:1] == [StepKind.TAKEN]
    assert all(st.staff_name for st in steps) and steps[-1].to_stage is ComplaintStage.CLOSED
    assert cases.buttons["reopen"].isEnabled() and not cases.buttons["resolve"].isEnabled()


def test_the_profile_lists_it_and_the_due_list_opens_its_case(
        qtbot, main_window: MainWindow, services: Services, admin: Actor,
        visit: tuple[int, int]) -> None:
    client_id, _visit_id = visit
    from frontdesk.models.complaint import ComplaintChannel, ComplaintSeverity
    from frontdesk.services.complaints.views import ComplaintDraft

    row = services.complaints.take(admin, ComplaintDraft(
        client_id, ComplaintChannel.PHONE, ComplaintCategory.ATTITUDE, ComplaintSeverity.LOW,
        "前台态度不好"), key="k1")
    main_window.show_page("clients")
    clients = main_window.page("clients")
    clients.open_client(client_id)
    section = clients.profile.findChild(ClientComplaints)
    assert section.rows and section.rows[0].complaint_id == row.complaint_id
    assert english_left(section) == []

    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    care = main_window.page("care")
    qtbot.waitUntil(lambda: care.due is not None and len(care.due.tasks) == 1, timeout=WAIT)
    care.tree.select_task(care.due.tasks[0].task_id)
    assert care.panel.case_button.isVisibleTo(care)
    assert care.due.tasks[0].kind is CareKind.COMPLAINT_DEADLINE
    assert row.ref_no in care.panel.why.text() and "受理" in care.panel.numbers.text()
    assert english_left(care.panel) == []
    qtbot.keyClick(care.tree, Qt.Key.Key_Return)
    cases = cases_of(qtbot, main_window)
    qtbot.waitUntil(lambda: cases.panel.case is not None
                    and cases.panel.case.row.ref_no == row.ref_no, timeout=WAIT)
    assert main_window.page("complaints").isVisible()
    back_to(qtbot, main_window)
    cases.table.setFocus()
    qtbot.keyClick(cases.table, Qt.Key.Key_Tab)  # Tab leaves the list
    assert not cases.table.hasFocus()
    QApplication.processEvents()


def test_a_credit_asks_a_manager_in_place(qtbot, main_window: MainWindow, services: Services,
                                          admin: Actor) -> None:
    """A credit to the client's card: the approval panel opens; a wrong password is said in
    it; the manager's name and password book the credit to the card's bonus through the
    ledger, with the manager as approver."""
    from frontdesk.models.card import CardKind
    from frontdesk.models.complaint import ComplaintChannel, ComplaintSeverity
    from frontdesk.services.complaints.views import ComplaintDraft
    from tests.cards import client, product

    services.staff.add_staff(admin, "dianzhang", "张店长", Role.MANAGER, "manager-pass-1")
    owner = client(services, admin, "单丽华")
    stored = product(services.db, admin.branch_id, CardKind.STORED_VALUE, "储值卡")
    card = services.cards.issue(admin, client_id=owner, product_id=stored, key="c1",
                                method="cash", amount_fen=100_000).card
    flow = services.complaints
    row = flow.take(admin, ComplaintDraft(owner, ComplaintChannel.PHONE,
                                          ComplaintCategory.PRICE_BILLING,
                                          ComplaintSeverity.MEDIUM, "多扣了一次卡"), key="k")
    version = flow.acknowledge(admin, row.complaint_id, row.version).row.version
    version = flow.investigate(admin, row.complaint_id, version, "重复扣款").row.version
    cases = cases_of(qtbot, main_window)
    at_stage(qtbot, cases, ComplaintStage.RESOLUTION)
    resolve = step(qtbot, main_window, cases, Qt.Key.Key_F7, ResolveDialog)
    assert isinstance(resolve, ResolveDialog)
    choose(qtbot, resolve.kind, "会员卡")
    assert resolve.approval.isVisible() and resolve.remedies[Remedy.CREDIT].isChecked()
    assert english_left(resolve) == []
    qtbot.keyClicks(resolve.value, "88")
    resolve.approval.username.setText("dianzhang")
    resolve.approval.password.setText("wrong-pass")
    qtbot.keyClick(resolve.approval.password, Qt.Key.Key_Return)
    assert resolve.isVisible() and resolve.approval.error.text()
    qtbot.keyClicks(resolve.approval.password, "manager-pass-1")
    qtbot.keyClick(resolve.approval.password, Qt.Key.Key_Return)
    at_stage(qtbot, cases, ComplaintStage.FEEDBACK)
    with services.db.read() as s:
        case = s.get(Complaint, row.complaint_id)
        op = s.get(CardOperation, case.compensation_op_id)
        assert op is not None and op.approved_by_id is not None
    assert services.cards.card(admin, card.id).bonus_fen == 8800


def test_the_desk_takes_complaints_and_only_handlers_move_them(
        qtbot, services: Services, admin: Actor, worker, translations) -> None:
    from tests.actors import staff_in_role

    desk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST, "reception1")
    handler = staff_in_role(services.db, admin.branch_id, Role.COMPLAINT_HANDLER, "complaints1")
    inspector = staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "qc1")
    shown = {}
    for who in (desk, handler, inspector):
        tab = CasesTab(services, who, worker)
        qtbot.addWidget(tab)
        shown[who.username] = set(tab.buttons)
    assert shown["reception1"] == {"new"} and shown["qc1"] == set()
    assert shown["complaints1"] == {"new", "ack", "findings", "resolve", "feedback", "reopen",
                                    "assign"}


def test_ctrl_tab_leaves_the_questionnaire_for_the_next_tab(
        qtbot, main_window: MainWindow) -> None:
    """The questionnaire is a table of editors, which would keep Ctrl+Tab to itself."""
    main_window.show_page("complaints")
    page = main_window.page("complaints")
    assert isinstance(page, ComplaintsPage)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert len(titles) == 4  # cases, surveys, spot checks, deadlines (the admin's)
    surveys = page.tabs.widget(1)
    page.tabs.setCurrentWidget(surveys)
    editor = surveys.findChild(QWidget, "surveyQuestions")
    qtbot.waitUntil(lambda: editor.rowCount() > 0, timeout=WAIT)
    editor.setFocus()
    editor.setCurrentCell(0, 2)
    qtbot.keyClick(editor, Qt.Key.Key_Tab, CTRL)
    assert page.tabs.currentIndex() == 2
    qtbot.keyClick(page.tabs.currentWidget(), Qt.Key.Key_Tab,
                   CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert page.tabs.currentIndex() == 1


def test_a_handler_and_an_inspector_start_on_the_complaints_page(
        qtbot, services: Services, admin: Actor, local_settings, worker, translations) -> None:
    from tests.actors import staff_in_role

    handler = staff_in_role(services.db, admin.branch_id, Role.COMPLAINT_HANDLER, "complaints1")
    inspector = staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "qc1")
    tabs = {}
    for who in (handler, inspector):
        window = MainWindow(services, who, local_settings, worker)
        qtbot.addWidget(window)
        page = window.page("complaints")
        assert window.pages.currentWidget() is page
        assert isinstance(page, ComplaintsPage)
        tabs[who.username] = [page.tabs.widget(i).objectName() for i in range(page.tabs.count())]
        window.close()
    assert tabs["complaints1"] == ["complaintCases", "surveysTab"]
    assert tabs["qc1"] == ["spotChecksTab"]  # no cases: an inspector does not take complaints
