"""The care page gives a gift task's gift by keyboard: Ctrl+G, a spa voucher of ¥200, Enter;
the task leaves the list, the client has the voucher (from care) and the page says its code.
The button shows on gift tasks only; a refusal stays in the dialog under its field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from frontdesk.core.context import Actor
from frontdesk.models.card import VoucherKind, VoucherSource
from frontdesk.models.care import CareChannel, CareKind, CareTask, GiftType
from frontdesk.services.cards.views import open_vouchers
from frontdesk.services.registry import Services
from frontdesk.ui.care.due_page import DuePage
from frontdesk.ui.care.gift_dialog import GiftDialog
from frontdesk.ui.main_window import MainWindow
from tests.care_tasks import client, task
from tests.ui.visible_text import untranslated, visible_texts

WAIT = 15_000


@pytest.fixture
def gift_day(services: Services, admin: Actor) -> tuple[int, int, int]:
    """A client with a Mid-Autumn gift task (products or a spa voucher), and a churn call."""
    c = client(services, admin, "王丽华")
    gift = task(services.db, admin.branch_id, c, CareKind.FESTIVAL, channel=CareChannel.GIFT,
                priority=1, detail={"festival": "mid_autumn", "name": "Mid-Autumn Festival"})
    with services.db.write() as s:
        s.execute(update(CareTask).where(CareTask.id == gift)
                  .values(gift_types="store_products,spa_voucher"))
    call = task(services.db, admin.branch_id, client(services, admin, "李秀英"), priority=9)
    return c, gift, call


def open_page(qtbot, window: MainWindow, count: int) -> DuePage:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    page = window.page("care")
    assert isinstance(page, DuePage)
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) == count,
                    timeout=WAIT)
    qtbot.waitUntil(page.tree.hasFocus, timeout=WAIT)
    return page


def test_ctrl_g_gives_a_spa_voucher_through_the_card_ledger(
        qtbot, main_window: MainWindow, services: Services, admin: Actor,
        gift_day: tuple[int, int, int]) -> None:
    client_id, gift, call = gift_day
    page = open_page(qtbot, main_window, 2)
    page.tree.select_task(call)
    assert not page.gift_button.isVisibleTo(page)  # a call: no gift
    qtbot.keyClick(page.tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert page.dialog is None and page.message.text()
    page.tree.select_task(gift)
    assert page.gift_button.isVisibleTo(page)

    qtbot.keyClick(page.tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, GiftDialog)
    qtbot.waitUntil(dialog.gift.hasFocus, timeout=WAIT)
    assert untranslated(visible_texts(dialog)) == []
    assert not dialog.value.isVisibleTo(dialog)  # products first: no value to type
    qtbot.keyClick(dialog.gift, Qt.Key.Key_Down)  # the spa voucher
    assert dialog.chosen() is GiftType.SPA_VOUCHER and dialog.value.isVisibleTo(dialog)
    qtbot.keyClick(dialog.gift, Qt.Key.Key_Return)  # no value yet: refused under its field
    assert dialog.isVisible() and dialog.errors.text("value_fen")
    qtbot.keyClicks(dialog.value, "¥200")
    qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.due is not None and len(page.due.tasks) == 1, timeout=WAIT)

    with services.db.read() as s:
        [voucher] = open_vouchers(s, client_id)
    assert (voucher.kind, voucher.value_fen, voucher.source) == \
        (VoucherKind.SPA, 20000, VoucherSource.CARE)
    assert voucher.code in page.message.text()
