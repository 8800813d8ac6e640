"""The member-card screen by keyboard: find a card by reader and by phone tail, top up with an
offer, refund with a manager's approval in place, a refusal said inline with nothing written."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.models import Client
from frontdesk.models.card import CardOperation, MemberCard
from frontdesk.services.registry import Services
from frontdesk.ui.cards.cards_page import CardsPage
from frontdesk.ui.cards.money_dialogs import RefundDialog, TopUpDialog
from frontdesk.ui.cards.receipt_dialog import CardReceiptDialog
from frontdesk.ui.cards_setup.tier_history import TierHistoryDialog
from tests.cards import Shop, client, drift, shop

PASSWORD = "manager-pass-1"


@pytest.fixture
def cards(services: Services, admin: Actor) -> Shop:
    services.staff.add_staff(admin, "dianzhang", "张店长", Role.MANAGER, PASSWORD)
    return shop(services, admin)


@pytest.fixture
def card(services: Services, admin: Actor, cards: Shop) -> int:
    """王芳's stored-value card with ¥500.00 paid in cash."""
    owner = client(services, admin)
    issued = services.cards.issue(admin, client_id=owner, product_id=cards.stored,
                                  key="issue-1", method="cash", amount_fen=50_000)
    return issued.card.id


def cards_page(qtbot, main_window) -> CardsPage:
    main_window.show_page("cards")
    page = main_window.page("cards")
    assert isinstance(page, CardsPage)
    qtbot.waitUntil(lambda: page.finder.box.hasFocus(), timeout=3000)
    return page


def find(qtbot, page: CardsPage, text: str) -> None:
    qtbot.keyClicks(page.finder.box, text)
    qtbot.keyClick(page.finder.box, Qt.Key.Key_Return)


def row(services: Services, card_id: int) -> MemberCard:
    with services.db.read() as s:
        found = s.get(MemberCard, card_id)
        assert found is not None
        s.expunge(found)
        return found


def operations(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count(CardOperation.id))) or 0


def modal(qtbot, kind: type) -> object:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=3000)
    return QApplication.activeModalWidget()


def test_a_card_reader_opens_the_card_by_its_number(qtbot, main_window, services: Services,
                                                    card: int) -> None:
    page = cards_page(qtbot, main_window)
    find(qtbot, page, row(services, card).card_no)  # the reader types the number and Enter
    qtbot.waitUntil(lambda: page.card is not None, timeout=3000)
    assert page.card is not None and page.card.id == card
    assert page.card_panel.balance.text() == "¥500.00"
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 1, timeout=3000)


def test_a_phone_tail_lists_the_cards_and_enter_opens_one(qtbot, main_window, services: Services,
                                                          admin: Actor, cards: Shop,
                                                          card: int) -> None:
    owner = row(services, card).client_id
    services.cards.issue(admin, client_id=owner, product_id=cards.session, key="issue-2",
                         method="wechat")
    with services.db.read() as s:
        phone = s.get(Client, owner).phone_e164  # type: ignore[union-attr]
    page = cards_page(qtbot, main_window)
    find(qtbot, page, phone[-4:])
    assert page.finder.model.rowCount() == 2  # her two cards
    assert page.finder.table.hasFocus()
    qtbot.keyClick(page.finder.table, Qt.Key.Key_Down)
    chosen = page.finder.model.rows[1].id
    qtbot.keyClick(page.finder.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card is not None and page.card.id == chosen, timeout=3000)
    assert "****" in page.finder.model.rows[0].phone or page.finder.model.rows[0].phone


def open_card(qtbot, main_window, services: Services, card: int) -> CardsPage:
    page = cards_page(qtbot, main_window)
    find(qtbot, page, row(services, card).card_no)
    qtbot.waitUntil(lambda: page.card is not None, timeout=3000)
    return page


def test_a_top_up_with_an_offer_states_the_amounts_and_books_once(
        qtbot, main_window, services: Services, cards: Shop, card: int) -> None:
    page = open_card(qtbot, main_window, services, card)
    qtbot.keyClick(page.finder.box, Qt.Key.Key_F4)
    dialog = modal(qtbot, TopUpDialog)
    assert isinstance(dialog, TopUpDialog)
    dialog.offer.setCurrentIndex(dialog.offer.findData(cards.offer))  # pay ¥1,000, get ¥200
    qtbot.keyClick(dialog.offer, Qt.Key.Key_Return)
    text = dialog.confirmation.text()
    assert "¥1,000.00" in text and "¥200.00" in text and "¥1,700.00" in text, text
    before = operations(services)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)
    assert row(services, card).paid_fen == 150_000 and row(services, card).bonus_fen == 20_000
    assert operations(services) == before + 1
    dialog._book()  # a second press of the same dialog: the key books once
    assert operations(services) == before + 1
    receipt = modal(qtbot, CardReceiptDialog)
    assert isinstance(receipt, CardReceiptDialog)
    assert "¥1,700.00" in receipt.text.toPlainText()
    assert page.card_panel.balance.text() == "¥1,700.00"
    assert drift(services.db) == []


def test_a_refund_is_approved_by_a_manager_in_place(qtbot, main_window, services: Services,
                                                    card: int) -> None:
    page = open_card(qtbot, main_window, services, card)
    qtbot.keyClick(page.finder.box, Qt.Key.Key_F6)
    dialog = modal(qtbot, RefundDialog)
    assert isinstance(dialog, RefundDialog)
    dialog.amount.setText("200")
    qtbot.keyClicks(dialog.approval.username, "dianzhang")
    qtbot.keyClicks(dialog.approval.password, "wrong-password")
    dialog.approval.reason.setText("搬家")  # typed with an input method
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert "¥200.00" in dialog.confirmation.text() and "¥300.00" in dialog.confirmation.text()
    before = operations(services)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.approval.error.isVisible()  # refused in place
    assert row(services, card).paid_fen == 50_000 and operations(services) == before
    qtbot.keyClicks(dialog.approval.password, PASSWORD)
    qtbot.keyClick(dialog.approval.password, Qt.Key.Key_Return)  # check again
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)  # confirm
    assert row(services, card).paid_fen == 30_000
    assert modal(qtbot, CardReceiptDialog) is not None
    assert drift(services.db) == []


def test_a_refusal_is_said_inline_and_nothing_is_written(qtbot, main_window, services: Services,
                                                         card: int) -> None:
    page = open_card(qtbot, main_window, services, card)
    qtbot.keyClick(page.finder.box, Qt.Key.Key_F6)
    dialog = modal(qtbot, RefundDialog)
    assert isinstance(dialog, RefundDialog)
    dialog.amount.setText("600")  # more than the ¥500.00 paid
    before = operations(services)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert not dialog.confirming
    assert "¥500.00" in dialog.errors.text("amount_fen")
    dialog.amount.setText("abc")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.errors.text("amount_fen")
    assert operations(services) == before and row(services, card).paid_fen == 50_000


def test_f10_from_the_desk_opens_the_card_screen_ready_for_a_reader(qtbot, main_window) -> None:
    main_window.show_page("desk")
    desk = main_window.page("desk")
    qtbot.waitUntil(lambda: main_window.pages.currentWidget() is desk, timeout=3000)
    qtbot.keyClick(main_window.focusWidget() or main_window, Qt.Key.Key_F10)
    page = main_window.page("cards")
    assert isinstance(page, CardsPage)
    qtbot.waitUntil(lambda: main_window.pages.currentWidget() is page, timeout=3000)
    qtbot.waitUntil(page.finder.box.hasFocus, timeout=3000)


def test_ctrl_t_shows_the_owners_tier_history(qtbot, main_window, services: Services,
                                              admin: Actor, cards: Shop) -> None:
    owner = client(services, admin, "赵敏")
    issued = services.cards.issue(admin, client_id=owner, product_id=cards.stored,
                                  key="issue-silver", method="cash", amount_fen=300_000)
    page = cards_page(qtbot, main_window)  # a first load of ¥3,000 earns 银卡 at once
    find(qtbot, page, issued.card.card_no)
    qtbot.waitUntil(lambda: page.card is not None, timeout=3000)
    qtbot.keyClick(page.finder.box, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, TierHistoryDialog)
    assert isinstance(dialog, TierHistoryDialog)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=3000)
    assert dialog.tree.topLevelItem(0).text(1) == "银卡"
    dialog.reject()
