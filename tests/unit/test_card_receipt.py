"""The 80 mm receipt of a card operation: its amounts and balances read back with pdftotext, the
barcode's card number, the phone masked, the words it is given, and what it refuses."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from frontdesk.core.context import Actor
from frontdesk.errors import NotFound, PermissionDenied, ValidationError
from frontdesk.services.cards.receipt_pdf import ReceiptWords, wrap
from frontdesk.services.printing.fonts import cjk_font
from frontdesk.services.registry import Services
from tests.cards import Shop, client, shop

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def cards(services: Services, admin: Actor) -> Shop:
    return shop(services, admin)


def test_a_top_up_receipt_has_its_amounts_and_the_balances_after(
        services: Services, admin: Actor, cards: Shop, tmp_path: Path) -> None:
    owner = client(services, admin, "李娜")
    issued = services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="k1",
                                  method="cash", amount_fen=50_000)
    topped = services.cards.top_up(admin, card_id=issued.card.id, method="wechat",
                                   offer_id=cards.offer, key="k2")
    later = services.cards.top_up(admin, card_id=issued.card.id, method="cash",
                                  amount_fen=12_345, key="k3")
    words = ReceiptWords(kinds={"top_up": "充值"}, methods={"wechat": "微信支付"})
    out = tmp_path / "receipt.pdf"
    data = services.card_receipts.write(admin, topped.operation_id, out, words)
    text = pdf_text(out)
    assert "充值" in text and "微信支付" in text and "李娜" in text
    assert "¥1,000.00" in text and "+¥200.00" in text  # received, bonus
    assert "¥1,500.00" in text and "¥1,700.00" in text  # paid and total after, not today's
    assert issued.card.card_no in text  # under the barcode
    assert data.phone_masked in text and "****" in data.phone_masked
    assert "¥123.45" not in text  # a later top-up is not on this receipt
    assert later.operation_id != topped.operation_id


def test_a_refused_receipt_writes_nothing(services: Services, admin: Actor, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        services.card_receipts.write(admin, 999_999, tmp_path / "r.pdf", ReceiptWords())
    with pytest.raises(ValidationError):
        services.card_receipts.receipt(admin, 2**63)
    assert not (tmp_path / "r.pdf").exists()


def test_a_role_without_cards_may_not_print_one(services: Services, admin: Actor,
                                                cards: Shop) -> None:
    from frontdesk.core.context import Role

    owner = client(services, admin)
    issued = services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="k1",
                                  method="cash", amount_fen=100)
    services.staff.add_staff(admin, "fang", "王芳", Role.THERAPIST, "therapist-pass-1")
    therapist = services.auth.sign_in("fang", "therapist-pass-1")
    with pytest.raises(PermissionDenied):
        services.card_receipts.receipt(therapist, issued.operation_id)


def test_chinese_wraps_inside_the_roll() -> None:
    font = cjk_font().name
    lines = wrap("客人要求退款，因搬家离开本市，余额全部退回原支付方式" * 2, font, 8.5)
    assert len(lines) > 1 and "".join(lines).startswith("客人要求退款")
