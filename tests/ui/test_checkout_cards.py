"""Paying by member card at check-out, by keyboard: the client's cards listed, a swiped
number picks its card, the member price shown before paying, the card charged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from frontdesk.core.context import Actor, Role
from frontdesk.models.card import CardKind, MemberCard
from frontdesk.models.visit import PaymentMethod
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.desk.receipt_dialog import ReceiptDialog
from tests.cards import hold_gold, product
from tests.ui.test_checkout_approval import ctrl_enter, open_checkout

FACIAL = 38800


@pytest.fixture
def card_no(services: Services, admin: Actor) -> str:
    """单丽华 holds a ¥1,000 stored-value card and the 金卡 tier (八八折)."""
    stored = product(services.db, admin.branch_id, CardKind.STORED_VALUE, "储值卡")
    client = services.clients.register(admin, NewClient("单丽华", "138 0013 1234")).client_id
    hold_gold(services.db, admin.branch_id, client, percent=88)
    return services.cards.issue(admin, client_id=client, product_id=stored, method="cash",
                                amount_fen=100_000, key="issue").card.card_no


@pytest.fixture
def visit(services: Services, admin: Actor, card_no: str) -> int:
    facial = services.catalog.add_service_item(admin, "补水护理", FACIAL, 60).id
    room = services.catalog.add_room(admin, "牡丹厅").id
    therapist = services.staff.add_staff(admin, "fang", "王芳", Role.THERAPIST, None).id
    [hit] = services.search.search(admin, card_no)
    return services.visits.check_in(admin, CheckIn(hit.client_id, therapist_id=therapist,
                                                   room_id=room, service_item_ids=(facial,)))


def balance(services: Services, card_no: str) -> int:
    with services.db.read() as s:
        card = s.query(MemberCard).filter_by(card_no=card_no).one()
        return card.paid_fen + card.bonus_fen


def test_a_check_out_paid_by_a_swiped_card_at_the_member_price(
        qtbot, main_window, services: Services, visit: int, card_no: str) -> None:
    dialog = open_checkout(qtbot, main_window, visit)
    picker = dialog.pay.cards
    assert picker.isHidden()  # cash first
    qtbot.keyClick(dialog.table, Qt.Key.Key_F6)
    assert dialog.pay.chosen_method is PaymentMethod.MEMBER_CARD  # 会员卡, ready for a swipe
    assert dialog.focusWidget() is picker.swipe
    assert picker.isVisible() and picker.list.count() == 1
    assert "¥1,000.00" in picker.list.item(0).text() and "88%" in picker.list.item(0).text()
    # The chosen card gives the member price before anything is paid.
    assert dialog.total_fen == FACIAL * 88 // 100
    assert "¥341.44" in dialog.total.text() and "¥46.56" in dialog.total.text()
    assert "¥46.56" in dialog.table.item(0, 4).text()
    qtbot.keyClicks(picker.swipe, "NOT-A-CARD")
    qtbot.keyClick(picker.swipe, Qt.Key.Key_Return)
    assert "NOT-A-CARD" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    picker.swipe.clear()
    picker.list.setCurrentRow(-1)
    qtbot.keyClicks(picker.swipe, card_no.lower())  # a card reader's number and Enter
    qtbot.keyClick(picker.swipe, Qt.Key.Key_Return)
    assert picker.chosen is not None and picker.chosen.card_no == card_no
    ctrl_enter(qtbot, picker.list)
    assert dialog.receipt is not None, dialog.errors
    assert dialog.receipt.total_fen == 34144
    assert [(p.method, p.reference) for p in dialog.receipt.payments] == [
        (PaymentMethod.MEMBER_CARD, card_no)]
    assert balance(services, card_no) == 100_000 - 34144
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReceiptDialog)
                    or any(isinstance(w, ReceiptDialog) and w.isVisible()
                           for w in QApplication.topLevelWidgets()), timeout=3000)


def test_too_little_on_the_card_is_refused_in_the_dialog(
        qtbot, main_window, services: Services, admin: Actor, visit: int,
        card_no: str) -> None:
    card = services.cards.card_by_no(admin, card_no)
    services.cards.charge(admin, card_id=card.id, amount_fen=90_000,
                          key="spent elsewhere")  # ¥100 left
    dialog = open_checkout(qtbot, main_window, visit)
    dialog.method.setFocus()
    qtbot.keyClick(dialog.method, Qt.Key.Key_End)
    ctrl_enter(qtbot, dialog.method)
    assert dialog.receipt is None and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert card_no in texts


def test_a_session_card_fills_in_what_its_services_cost(
        qtbot, main_window, services: Services, admin: Actor, visit: int, card_no: str) -> None:
    [hit] = services.search.search(admin, card_no)
    facial = services.checkout.planned_services(admin, visit)[0].id
    session = product(services.db, admin.branch_id, CardKind.SESSION, "补水10次卡",
                      price_fen=300_000, sessions=10, validity_days=365, services=(facial,))
    sessions_no = services.cards.issue(admin, client_id=hit.client_id, product_id=session,
                                       method="cash", key="issue-session").card.card_no
    dialog = open_checkout(qtbot, main_window, visit)
    picker = dialog.pay.cards
    dialog.method.setFocus()
    qtbot.keyClick(dialog.method, Qt.Key.Key_End)
    assert picker.list.count() == 2 and "10" in picker.list.item(1).text()
    qtbot.keyClicks(picker.swipe, sessions_no)
    qtbot.keyClick(picker.swipe, Qt.Key.Key_Return)
    assert dialog.pay_amount.text() == "388.00"  # the facial, at full price: paid by a session
    assert dialog.total_fen == FACIAL
    dialog.pay_amount.setFocus()
    qtbot.keyClick(dialog.pay_amount, Qt.Key.Key_Return)  # added as a part
    assert [(p.amount_fen, p.reference) for p in dialog.payments] == [(FACIAL, sessions_no)]
    ctrl_enter(qtbot, dialog.pay_amount)
    assert dialog.receipt is not None
    card = services.cards.card_by_no(admin, sessions_no)
    assert card.sessions == 9
    assert balance(services, card_no) == 100_000  # the stored-value card was not touched
