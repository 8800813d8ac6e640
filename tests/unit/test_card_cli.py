"""``frontdesk card show CARD``: the card in words, the phone masked for the desk."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.core.context import Actor, Role
from frontdesk.models import Staff
from frontdesk.services.registry import Services
from frontdesk.services.staff.auth import hash_password
from tests.cards import client, shop
from tests.conftest import ADMIN_PASSWORD

PASSWORD = "desk-password-7"


def _desk_account(services: Services, branch_id: int) -> None:
    with services.db.write() as s:
        s.add(Staff(branch_id=branch_id, username="desk", display_name="前台小李",
                    role=Role.RECEPTIONIST, password_hash=hash_password(PASSWORD)))


@pytest.fixture
def card_no(services: Services, admin: Actor) -> str:
    cards = shop(services, admin)
    owner = client(services, admin, "王芳")
    card = services.cards.issue(admin, client_id=owner, product_id=cards.stored, key="i1",
                                card_no="A0012345", method="cash", amount_fen=50_000).card
    services.cards.top_up(admin, card_id=card.id, method="wechat", offer_id=cards.offer,
                          key="t1")
    services.cards.charge(admin, card_id=card.id, amount_fen=12_000, key="c1")
    return card.card_no


def test_card_show_prints_the_card_and_its_last_operations(
        services: Services, admin: Actor, card_no: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    _desk_account(services, admin.branch_id)
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    assert main(["--database", services.db.url, "card", "show", card_no, "--as", "desk"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "card A0012345\t储值卡 (stored_value)\tactive"
    owner = out[1].split("\t")
    assert owner[0] == "owner: 王芳" and "****" in owner[1]  # masked for the desk
    # ¥500 + ¥1,000 + ¥200 bonus − ¥120, spent in proportion (split_charge)
    assert out[3] == "balance: ¥1,580.00 (paid ¥1,394.11, bonus ¥185.89)"
    assert out[5] == "last operations:"
    kinds = [line.split("\t")[1] for line in out[6:]]
    assert kinds == ["charge", "top_up", "issue"]  # newest first
    top_up = out[7].split("\t")
    assert top_up[2] == "paid +¥1,000.00 bonus +¥200.00" and top_up[4] == "wechat +¥1,000.00"


def test_a_manager_sees_the_full_number_and_an_unknown_card_is_refused(
        services: Services, admin: Actor, card_no: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", ADMIN_PASSWORD)
    assert main(["--database", services.db.url, "card", "show", card_no, "--last", "1",
                 "--as", "admin"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "****" not in out[1] and out[1].startswith("owner: 王芳\t")
    assert len([line for line in out if line.startswith("  ")]) == 1
    assert main(["--database", services.db.url, "card", "show", "Z999", "--as", "admin"]) == 2
    assert capsys.readouterr().err.strip() == "frontdesk: No card with number Z999."
