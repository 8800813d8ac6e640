"""The member-card page with a card open, and each of its dialogs, at 1366×768 and 1280×800 in
Chinese and English: nothing cut short, nothing scrolled sideways (test_layout's checks, on
its busy day, with a family card that has a long history)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.core.context import Actor, Role
from frontdesk.services.registry import Services
from frontdesk.ui.cards.cards_page import CardsPage
from frontdesk.ui.cards.closing_dialog import ClosingDialog
from frontdesk.ui.cards.issue_dialog import IssueDialog
from frontdesk.ui.cards.money_dialogs import RefundDialog, TopUpDialog
from frontdesk.ui.cards.points_dialogs import RedeemDialog, UseVoucherDialog
from frontdesk.ui.cards.receipt_dialog import CardReceiptDialog
from frontdesk.ui.cards.state_dialogs import ExtendDialog, FreezeDialog, HolderDialog, ReplaceDialog
from frontdesk.ui.main_window import MainWindow
from tests.cards import client, shop
from tests.ui.layout_checks import SMALL_SCREEN, TASKBAR, layout_problems
from tests.ui.test_layout import busy_day, language, screen, window  # noqa: F401 (fixtures)


@pytest.fixture
def family_card(services: Services, admin: Actor, busy_day: dict[str, list[int]]) -> int:  # noqa: F811
    """欧阳晓梅's stored-value card, shared with her daughter, topped up and charged often."""
    cards = shop(services, admin)
    owner = busy_day["clients"][0]
    issued = services.cards.issue(admin, client_id=owner, product_id=cards.stored,
                                  key="issue", method="wechat", amount_fen=1_000_000)
    daughter = client(services, admin, "欧阳小雨")
    services.cards.add_holder(admin, card_id=issued.card.id, client_id=daughter, relation="女儿",
                              key="holder")
    for i in range(12):
        services.cards.top_up(admin, card_id=issued.card.id, method="cash", offer_id=cards.offer,
                              key=f"top-up-{i}")
    services.cards.issue_voucher(admin, client_id=owner, kind="spa", title="生日SPA护理券",
                                 value_fen=58_800, key="voucher")
    services.staff.add_staff(admin, "cardmgr", "钱店长", Role.MANAGER, "manager-pass-1")
    return issued.card.id


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def open_card(qtbot, window: MainWindow, card_id: int) -> CardsPage:  # noqa: F811
    window.show_page("cards")
    page = window.page("cards")
    assert isinstance(page, CardsPage)
    page.open_card(card_id)
    qtbot.waitUntil(lambda: page.card is not None and page.history.model.rowCount() > 10,
                    timeout=5000)
    _settle()
    return page


def test_the_cards_page_with_a_family_card_fits(qtbot, window: MainWindow,  # noqa: F811
                                                language: str, family_card: int) -> None:  # noqa: F811
    page = open_card(qtbot, window, family_card)
    page.finder.box.setText("欧阳")
    page.finder.search_now()
    _settle()
    assert page.finder.model.rowCount() >= 1
    problems = layout_problems(window)
    assert problems == [], "\n".join(problems)


def _dialogs(page: CardsPage, services: Services, admin: Actor,
             worker) -> dict[str, Callable[[], QWidget]]:
    card = page.card
    assert card is not None
    op = page.history.model.rows[0].operation_id
    return {
        "issue": lambda: IssueDialog(services, admin, worker, (card.client_id, card.owner_name),
                                     page),
        "top up": lambda: TopUpDialog(services, admin, card, page),
        "refund": lambda: RefundDialog(services, admin, card, page),
        "freeze": lambda: FreezeDialog(services, admin, card, page),
        "replace": lambda: ReplaceDialog(services, admin, card, page),
        "extend": lambda: ExtendDialog(services, admin, card, page),
        "holders": lambda: HolderDialog(services, admin, worker, card, page),
        "receipt": lambda: CardReceiptDialog(services, admin,
                                             services.card_receipts.receipt(admin, op), page),
        "closing": lambda: ClosingDialog(services, admin, worker, page),
        "redeem": lambda: RedeemDialog(services, admin, card, page),
        "voucher": lambda: UseVoucherDialog(services, admin, card, page),
    }


@pytest.mark.parametrize("screen", [SMALL_SCREEN], ids=["1366x768"])
def test_every_card_dialog_fits_1366_by_768(qtbot, window: MainWindow, services: Services,  # noqa: F811
                                            admin: Actor, worker, language: str,  # noqa: F811
                                            family_card: int, screen: QSize) -> None:  # noqa: F811
    page = open_card(qtbot, window, family_card)
    room = QSize(screen.width(), screen.height() - TASKBAR)
    for name, make in _dialogs(page, services, admin, worker).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        _settle()
        if isinstance(dialog, ClosingDialog):
            qtbot.waitUntil(lambda d=dialog: d.report is not None, timeout=5000)
            _settle()
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), name
        assert layout_problems(dialog) == [], name
        dialog.close()
