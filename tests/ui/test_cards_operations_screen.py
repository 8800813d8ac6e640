"""The card screen's other operations by keyboard: issue (F3), freeze and unfreeze (F7), report
lost and replace (F8), a family member (F11), extend with a manager's approval (Ctrl+E), redeem
points (F9), use a voucher (F12); and the history's kind filter and its pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.models import Client
from frontdesk.models.card import (
    CardHolder,
    CardOperation,
    CardStatus,
    MemberCard,
    OperationKind,
    PointsReward,
    Voucher,
    VoucherStatus,
)
from frontdesk.services.registry import Services
from frontdesk.ui.cards.cards_page import CardsPage
from frontdesk.ui.cards.issue_dialog import IssueDialog
from frontdesk.ui.cards.op_dialog import CardOpDialog
from frontdesk.ui.cards.points_dialogs import RedeemDialog, UseVoucherDialog
from frontdesk.ui.cards.receipt_dialog import CardReceiptDialog
from frontdesk.ui.cards.state_dialogs import ExtendDialog, FreezeDialog, HolderDialog, ReplaceDialog
from tests.cards import Shop, client, drift, shop

PASSWORD = "manager-pass-1"


@pytest.fixture
def cards(services: Services, admin: Actor) -> Shop:
    services.staff.add_staff(admin, "dianzhang", "张店长", Role.MANAGER, PASSWORD)
    return shop(services, admin)


@pytest.fixture
def card(services: Services, admin: Actor, cards: Shop) -> int:
    owner = client(services, admin)
    return services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="issue-1",
                                method="cash", amount_fen=50_000).card.id


def row(services: Services, card_id: int) -> MemberCard:
    with services.db.read() as s:
        found = s.get(MemberCard, card_id)
        assert found is not None
        s.expunge(found)
        return found


def opened(qtbot, main_window, services: Services, card_id: int) -> CardsPage:
    main_window.show_page("cards")
    page = main_window.page("cards")
    assert isinstance(page, CardsPage)
    qtbot.keyClicks(page.finder.box, row(services, card_id).card_no)
    qtbot.keyClick(page.finder.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card is not None and page.card.id == card_id, timeout=5000)
    return page


def press(qtbot, page: CardsPage, key: Qt.Key, kind: type,
          mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> CardOpDialog:
    qtbot.keyClick(page.finder.box, key, mod)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CardOpDialog)
    return dialog


def activate(qtbot, window) -> None:
    """The window active again after a dialog closed (its shortcuts work only then)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def enter_twice(qtbot, dialog: CardOpDialog) -> None:
    """Enter checks and shows the confirmation; Enter again books."""
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)
    assert dialog.confirming, dialog.errors.text()
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)


def test_f3_issues_a_card_to_the_open_cards_owner(qtbot, main_window, services: Services,
                                                   cards: Shop, card: int) -> None:
    page = opened(qtbot, main_window, services, card)
    dialog = press(qtbot, page, Qt.Key.Key_F3, IssueDialog)
    assert isinstance(dialog, IssueDialog)
    dialog.product.setCurrentIndex(dialog.product.findData(cards.session))
    enter_twice(qtbot, dialog)
    qtbot.waitUntil(lambda: page.card is not None and page.card.id != card, timeout=5000)
    assert page.card is not None and page.card.sessions == 10
    assert page.card.client_id == row(services, card).client_id
    receipt = QApplication.activeModalWidget()
    assert isinstance(receipt, CardReceiptDialog)  # the card was sold for ¥2,000.00
    assert "¥2,000.00" in receipt.text.toPlainText()


def test_f7_freezes_then_unfreezes(qtbot, main_window, services: Services, card: int) -> None:
    page = opened(qtbot, main_window, services, card)
    enter_twice(qtbot, press(qtbot, page, Qt.Key.Key_F7, FreezeDialog))
    assert row(services, card).status is CardStatus.FROZEN
    assert page.card_panel.badge.text().strip() and "F7" in page.message.text()
    activate(qtbot, main_window)
    enter_twice(qtbot, press(qtbot, page, Qt.Key.Key_F7, FreezeDialog))
    assert row(services, card).status is CardStatus.ACTIVE


def test_f8_replaces_a_lost_card_with_its_balance(qtbot, main_window, services: Services,
                                                   card: int) -> None:
    page = opened(qtbot, main_window, services, card)
    dialog = press(qtbot, page, Qt.Key.Key_F8, ReplaceDialog)
    assert isinstance(dialog, ReplaceDialog)
    assert "¥500.00" in (dialog.check())
    qtbot.keyClicks(dialog.new_no, "A1234567")
    enter_twice(qtbot, dialog)
    assert row(services, card).status is CardStatus.REPLACED
    assert page.card is not None and page.card.card_no == "A1234567"
    assert page.card.balance_fen == 50_000


def test_f11_adds_a_family_member_found_by_the_search(qtbot, main_window, services: Services,
                                                      admin: Actor, card: int) -> None:
    daughter = client(services, admin, "李小雨")
    with services.db.read() as s:
        phone = s.get(Client, daughter).phone_e164  # type: ignore[union-attr]
    page = opened(qtbot, main_window, services, card)
    dialog = press(qtbot, page, Qt.Key.Key_F11, HolderDialog)
    assert isinstance(dialog, HolderDialog)
    qtbot.keyClicks(dialog.search.box, phone[-11:])
    qtbot.keyClick(dialog.search.box, Qt.Key.Key_Return)  # a whole phone number picks her
    assert dialog.picked is not None and dialog.picked[0] == daughter
    enter_twice(qtbot, dialog)
    with services.db.read() as s:
        assert s.scalar(select(CardHolder.client_id).where(CardHolder.card_id == card)) \
            == daughter
    assert page.card is not None and [h.client_id for h in page.card.holders] == [daughter]


def test_ctrl_e_extends_with_a_managers_approval(qtbot, main_window, services: Services,
                                                  admin: Actor, cards: Shop) -> None:
    owner = client(services, admin)
    card = services.cards.issue(admin, client_id=owner, product_id=cards.session, key="s",
                                method="cash").card
    page = opened(qtbot, main_window, services, card.id)
    dialog = press(qtbot, page, Qt.Key.Key_E, ExtendDialog, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(dialog, ExtendDialog)
    qtbot.keyClicks(dialog.approval.username, "dianzhang")
    qtbot.keyClicks(dialog.approval.password, PASSWORD)
    qtbot.keyClicks(dialog.approval.reason, "client was ill")
    enter_twice(qtbot, dialog)
    assert card.expires_on is not None
    extended = row(services, card.id).expires_on
    assert extended is not None and extended > card.expires_on


def test_f9_redeems_points_and_f12_uses_the_voucher(qtbot, main_window, services: Services,
                                                    admin: Actor, card: int) -> None:
    owner = row(services, card).client_id
    with services.db.write() as s:
        s.add(PointsReward(branch_id=admin.branch_id, name="SPA体验", points=100,
                           voucher_kind="spa", voucher_value_fen=38_800))
    page = opened(qtbot, main_window, services, card)
    dialog = press(qtbot, page, Qt.Key.Key_F9, RedeemDialog)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Return)
    assert not dialog.confirming and dialog.errors.text("reward_id")  # no points yet
    dialog.reject()
    services.cards.issue_voucher(admin, client_id=owner, kind="dining", title="双人下午茶",
                                 key="v1")
    page.open_card(card)
    qtbot.waitUntil(lambda: page.card is not None and len(page.card.vouchers) == 1,
                    timeout=5000)
    activate(qtbot, main_window)
    enter_twice(qtbot, press(qtbot, page, Qt.Key.Key_F12, UseVoucherDialog))
    with services.db.read() as s:
        assert s.scalar(select(Voucher.status)) is VoucherStatus.USED
    qtbot.waitUntil(lambda: page.card is not None and not page.card.vouchers, timeout=5000)


def test_the_history_filters_by_kind_and_loads_older_pages(qtbot, main_window,
                                                           services: Services, admin: Actor,
                                                           card: int) -> None:
    for i in range(60):
        services.cards.top_up(admin, card_id=card, method="cash", amount_fen=100, key=f"t{i}")
    page = opened(qtbot, main_window, services, card)
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 50, timeout=5000)
    page.history.load_more()
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 61, timeout=5000)
    assert not page.history.more.isEnabled()
    page.history.kind.setCurrentIndex(page.history.kind.findData(OperationKind.ISSUE))
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 1, timeout=5000)
    assert page.history.model.rows[0].kind is OperationKind.ISSUE
    with services.db.read() as s:
        assert s.scalar(select(func.count(CardOperation.id))) == 61
    assert drift(services.db) == []
