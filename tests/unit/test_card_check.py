"""``frontdesk check``: passes on a consistent ledger, finds each kind of violation planted
with raw SQL (and exits 1), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text

from frontdesk.cli import main
from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import PermissionDenied
from frontdesk.models import AuditEntry
from frontdesk.models.card import Voucher, VoucherKind, VoucherSource, VoucherStatus
from frontdesk.models.visit import (
    ConsumptionLine,
    LineKind,
    Payment,
    PaymentMethod,
    Visit,
    VisitStatus,
)
from frontdesk.services.cards.check import CheckReport
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.bench.cards_ledger import generate
from tests.conftest import ADMIN_PASSWORD, NOW

CARDS = 40


@pytest.fixture
def ledger(db: Database, admin: Actor) -> Actor:
    """A small ledger as the benchmarks make it: 40 cards, about 600 entries."""
    generate(db, 600, CARDS, say=lambda _: None, admin=admin)
    return admin


def _found(report: CheckReport) -> dict[str, list[str]]:
    return {item.name.split(":")[0]: [v.detail for v in item.violations]
            for item in report.items if item.found}


def _plant(db: Database, sql: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql))


def test_a_consistent_ledger_passes_and_the_run_is_audited(
        services: Services, ledger: Actor) -> None:
    report = services.card_report.check(ledger)
    assert report.ok and report.found == 0
    checked = {item.name.split(":")[0]: item.checked for item in report.items}
    assert checked["member cards"] == CARDS
    assert checked["points accounts"] > 0
    assert ("database file (PRAGMA integrity_check)" in checked) == services.db.is_sqlite
    with services.db.read() as s:
        assert s.scalar(select(AuditEntry.detail).where(
            AuditEntry.action == "card.check")) == "found=0"


def test_a_cached_balance_that_differs_from_the_ledger_is_found(
        services: Services, ledger: Actor) -> None:
    _plant(services.db, "UPDATE member_card SET bonus_fen = bonus_fen + 1 WHERE id = 7")
    _plant(services.db, "UPDATE member_card SET sessions = sessions + 2 WHERE id = 10")
    found = _found(services.card_report.check(ledger))
    assert list(found) == ["member cards"]
    assert [d.split(":")[0] for d in found["member cards"]] == ["card 8800000007",
                                                               "card 8800000010"]
    assert "the ledger says" in found["member cards"][0]


def test_an_entry_edited_in_the_ledger_is_found(services: Services, ledger: Actor) -> None:
    _plant(services.db, "UPDATE card_entry SET paid_fen = paid_fen - 100 "
                        "WHERE id = (SELECT MIN(id) FROM card_entry WHERE card_id = 3)")
    assert list(_found(services.card_report.check(ledger))) == ["member cards"]


def test_points_that_differ_or_have_no_account_are_found(
        services: Services, ledger: Actor) -> None:
    with services.db.read() as s:
        first, second = s.scalars(text(
            "SELECT client_id FROM points_account ORDER BY client_id LIMIT 2")).all()
    _plant(services.db, f"UPDATE points_account SET points = points + 5 WHERE client_id = {first}")
    _plant(services.db, f"DELETE FROM points_account WHERE client_id = {second}")
    found = _found(services.card_report.check(ledger))["points accounts"]
    assert found[0].startswith(f"points of client {first}: cached")
    assert found[1].startswith(f"points of client {second}:") and "no points account" in found[1]


def test_a_negative_balance_is_found(sqlite_db: Database, tmp_path: Path) -> None:
    """Only SQLite can be made to store one (its check constraints switched off); PostgreSQL
    refuses it whatever is tried."""
    services = Services(sqlite_db, photos_dir=tmp_path)
    admin = services.store.initialise("店", "admin", "管理员", ADMIN_PASSWORD)
    generate(sqlite_db, 600, CARDS, say=lambda _: None, admin=admin)
    with sqlite_db.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
        conn.exec_driver_sql("UPDATE member_card SET paid_fen = -5 WHERE id = 2")
        conn.exec_driver_sql("INSERT INTO card_entry (operation_id, branch_id, at, card_id, "
                             "client_id, paid_fen, bonus_fen, sessions, points) SELECT "
                             "operation_id, branch_id, at, card_id, client_id, "
                             "-5 - (SELECT SUM(paid_fen) FROM card_entry WHERE card_id = 2), "
                             "0, 0, 0 FROM card_entry WHERE card_id = 2 LIMIT 1")
    found = _found(services.card_report.check(admin))["member cards"]
    assert found == ["card 8800000002: below zero (paid -¥0.05, bonus ¥0.00, sessions 0)"] \
        or (len(found) == 1 and "below zero" in found[0]), found


def _closed_visit(db: Database, branch_id: int, total: int, paid: int, lines: int) -> int:
    at = NOW - dt.timedelta(hours=1)
    with db.write() as s:
        visit = Visit(branch_id=branch_id, client_id=1, status=VisitStatus.CLOSED, arrived_at=at,
                      closed_at=NOW, total_fen=total)
        s.add(visit)
        s.flush()
        s.add(ConsumptionLine(branch_id=branch_id, visit_id=visit.id, client_id=1, at=NOW,
                              kind=LineKind.SERVICE, description="面部护理", quantity=1,
                              unit_price_fen=lines, amount_fen=lines))
        s.add(Payment(branch_id=branch_id, visit_id=visit.id, method=PaymentMethod.CASH,
                      amount_fen=paid, at=NOW))
        return visit.id


def test_a_visit_whose_payments_or_lines_do_not_add_up_is_found(
        services: Services, ledger: Actor) -> None:
    _closed_visit(services.db, ledger.branch_id, 38000, 38000, 38000)
    short = _closed_visit(services.db, ledger.branch_id, 38000, 30000, 38000)
    lines = _closed_visit(services.db, ledger.branch_id, 38000, 38000, 40000)
    report = services.card_report.check(ledger)
    assert _found(report) == {"closed visits": [
        f"visit {short}: total ¥380.00, payments ¥300.00, lines ¥380.00",
        f"visit {lines}: total ¥380.00, payments ¥380.00, lines ¥400.00"]}
    assert [i.checked for i in report.items if i.name.startswith("closed")] == [3]


def test_a_voucher_whose_status_its_entries_do_not_bear_out_is_found(
        services: Services, ledger: Actor) -> None:
    with services.db.write() as s:
        s.add(Voucher(branch_id=ledger.branch_id, client_id=1, code="V0001",
                      kind=VoucherKind.SPA, title="水疗券", value_fen=20000,
                      source=VoucherSource.MANUAL, status=VoucherStatus.USED, issued_at=NOW))
    found = _found(services.card_report.check(ledger))
    assert found == {"vouchers": ["voucher V0001: status used, issued 0 time(s), used 0, "
                                  "voided 0"]}


def test_the_check_is_a_manager_s(services: Services, ledger: Actor) -> None:
    desk = staff_in_role(services.db, ledger.branch_id, Role.RECEPTIONIST, "desk")
    with pytest.raises(PermissionDenied):
        services.card_report.check(desk)


def test_the_command_prints_what_it_checked_and_exits_1_on_a_violation(
        services: Services, ledger: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", ADMIN_PASSWORD)
    url = services.db.url
    assert main(["--database", url, "check", "--as", "admin"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"checked {CARDS}\tmember cards: cached paid, bonus and sessions = ledger sums, " \
           "none below zero: ok" in out
    assert out[-1].startswith("consistent (")
    _plant(services.db, "UPDATE member_card SET paid_fen = paid_fen + 1 WHERE id = 5")
    assert main(["--database", url, "check", "--as", "admin"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("  card 8800000005: cached paid") for line in out)
    assert out[-1].startswith("1 violation(s) (")
