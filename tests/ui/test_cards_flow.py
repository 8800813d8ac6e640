"""The member-card issue's end-to-end test, on the screens and a real database: a demo client's
card topped up on the member-card screen, a visit checked out at the desk and paid by that card,
the receipt PDFs read back with pdftotext, and the day's closing report reconciling.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.demo.fill import DemoOptions, fill_demo
from frontdesk.models import Client, PaymentMethod
from frontdesk.models.card import OperationKind
from frontdesk.services.desk.visits import BoardSection, CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.cards.cards_page import CardsPage
from frontdesk.ui.cards.closing_dialog import ClosingDialog
from frontdesk.ui.cards.money_dialogs import TopUpDialog
from frontdesk.ui.cards.receipt_dialog import CardReceiptDialog
from frontdesk.ui.desk.checkout_dialog import CheckoutDialog
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.desk.receipt_dialog import ReceiptDialog
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.worker import DbWorker
from tests.cards import drift, shop
from tests.conftest import FakeClock

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

FACIAL = 38_800
"""The shop's facial (tests.cards.shop), paid by the card."""


@pytest.fixture
def demo(db: Database, clock: FakeClock, tmp_path: Path) -> tuple[Services, Actor]:
    """A small demo store, its manager signed in, and the card products of tests.cards."""
    fill_demo(db, DemoOptions(clients=40, anchor=clock().date()), clock=clock)
    services = Services(db, clock, photos_dir=tmp_path / "photos")
    manager = services.auth.sign_in("admin", DEMO_PASSWORD)
    return services, manager


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def modal(qtbot, kind: type) -> object:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=5000)
    return QApplication.activeModalWidget()


def test_top_up_on_the_card_screen_pay_at_the_desk_print_and_close_the_day(
        qtbot, demo: tuple[Services, Actor], worker: DbWorker, local_settings: LocalSettings,
        translations, tmp_path: Path) -> None:
    services, manager = demo
    cards = shop(services, manager)
    with services.db.read() as s:  # a demo client
        guest = s.scalar(select(Client.id).order_by(Client.id).limit(1))
    assert guest is not None
    card = services.cards.issue(manager, client_id=guest, product_id=cards.stored,
                                key="issue", method="cash", amount_fen=10_000).card
    window = MainWindow(services, manager, local_settings, worker)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    # 1. The card screen: swipe the card, F4, the ¥1,000 offer (¥200 bonus), Enter, Enter.
    window.show_page("cards")
    page = window.page("cards")
    assert isinstance(page, CardsPage)
    qtbot.keyClicks(page.finder.box, card.card_no)
    qtbot.keyClick(page.finder.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card is not None, timeout=5000)
    qtbot.keyClick(page.finder.box, Qt.Key.Key_F4)
    top_up = modal(qtbot, TopUpDialog)
    assert isinstance(top_up, TopUpDialog)
    top_up.offer.setCurrentIndex(top_up.offer.findData(cards.offer))
    top_up.method.setCurrentIndex(top_up.method.findData(PaymentMethod.WECHAT))
    qtbot.keyClick(top_up.offer, Qt.Key.Key_Return)
    assert "¥1,300.00" in top_up.confirmation.text()  # ¥100 + ¥1,000 + ¥200 bonus
    qtbot.keyClick(top_up.ok, Qt.Key.Key_Return)
    receipt = modal(qtbot, CardReceiptDialog)
    assert isinstance(receipt, CardReceiptDialog)
    top_up_pdf = tmp_path / "top-up.pdf"
    assert receipt.write(str(top_up_pdf))
    receipt.close()
    text = pdf_text(top_up_pdf)
    assert "¥1,000.00" in text and "+¥200.00" in text and "¥1,300.00" in text, text
    assert card.card_no in text

    # 2. The desk: check the guest in for the facial, F8, pay it all by the member card.
    visit = services.visits.check_in(manager, CheckIn(guest,
                                                      service_item_ids=(cards.facial,)))
    services.visits.start_service(manager, visit, None, None)
    services.visits.finish(manager, visit)
    window.show_page("desk")
    desk = window.page("desk")
    assert isinstance(desk, DeskPage)
    desk.board.refresh_now()
    assert desk.board.select(BoardSection.FINISHED, visit)
    qtbot.keyClick(desk.board.tree, Qt.Key.Key_F8)
    checkout = modal(qtbot, CheckoutDialog)
    assert isinstance(checkout, CheckoutDialog)
    checkout.pay.method.setCurrentIndex(checkout.pay.method.findData(PaymentMethod.MEMBER_CARD))
    checkout.confirm()
    assert checkout.receipt is not None, checkout.errors.text()
    paid = checkout.receipt.total_fen
    assert 0 < paid <= FACIAL  # the facial, at the member price if the tier gives one
    modal(qtbot, ReceiptDialog).close()  # type: ignore[union-attr]

    # 3. Back on the card screen: the balance went down by what the visit cost; the charge's
    #    receipt says so.
    window.show_page("cards")
    qtbot.waitUntil(lambda: page.card is not None and page.card.balance_fen == 130_000 - paid,
                    timeout=5000)
    qtbot.waitUntil(lambda: page.history.model.rowCount() >= 3, timeout=5000)
    charge = page.history.model.rows[0]
    assert charge.kind is OperationKind.CHARGE and charge.visit_id == visit
    window.activateWindow()  # the desk's receipt was the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    page.history.focus_table()
    qtbot.keyClick(page.history.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    charge_receipt = modal(qtbot, CardReceiptDialog)
    assert isinstance(charge_receipt, CardReceiptDialog)
    charge_pdf = tmp_path / "charge.pdf"
    assert charge_receipt.write(str(charge_pdf))
    charge_receipt.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    from frontdesk.core.money import format_fen

    text = pdf_text(charge_pdf)
    assert format_fen(130_000 - paid) in text, text  # the total balance after the charge

    # 4. The day's closing (Ctrl+D) reconciles, and lists the top-up by its method.
    qtbot.keyClick(page.finder.box, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    closing = modal(qtbot, ClosingDialog)
    assert isinstance(closing, ClosingDialog)
    qtbot.waitUntil(lambda: closing.report is not None, timeout=5000)
    report = closing.report
    assert report is not None and report.reconciles
    assert report.top_ups.get(PaymentMethod.WECHAT) == 100_000
    assert report.charged.paid_fen + report.charged.bonus_fen == paid
    assert closing.verdict.text().startswith("✓")
    closing_pdf = tmp_path / "closing.pdf"
    closing.write_pdf(str(closing_pdf))
    text = pdf_text(closing_pdf)
    assert format_fen(100_000) in text and "✓" in text, text  # the top-up by WeChat
    closing.close()
    assert drift(services.db) == []
