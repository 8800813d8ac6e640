"""The import's commit against the database (rows built by hand; files: test_import_files.py).

On SQLite and PostgreSQL (the ``db`` fixture): new clients with their search keys, tiers and
opening balances as migrated ledger rows; existing ones matched by phone (or, without a
phone, by name) and updated only where the sheet has a value and the person asked; a second
import of the same rows changes nothing; a Cancel or a failure half-way leaves every table as
it was; two terminals importing overlapping lists at once make one client per phone.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.core.jobs import Cancelled
from frontdesk.db import Database
from frontdesk.errors import PermissionDenied
from frontdesk.models import AuditEntry, Client
from frontdesk.models.audit import AuditAction
from frontdesk.models.card import (
    CardEntry,
    CardOperation,
    CardProduct,
    ClientTier,
    MemberCard,
    OperationKind,
    TierReason,
)
from frontdesk.models.client import ClientSearchKey, Gender
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.imports.balances import PRODUCT_NAME
from frontdesk.services.imports.fields import Outcome, Reason
from frontdesk.services.imports.service import ImportResult
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.concurrency import Background, PauseBefore
from tests.imports import phone, preview_of, row, solar, table_contents, table_counts
from tests.parallel import at_once


def clients_by_phone(services: Services) -> dict[str | None, Client]:
    with services.db.read() as s:
        return {c.phone_e164: c for c in s.scalars(select(Client))}


def test_new_clients_come_in_with_keys_tiers_and_migrated_balances(
        services: Services, admin: Actor) -> None:
    rows = [row(2, "张伟", phone(1), gender="male", birthday=solar(1990, 5, 3), tier="金卡",
                balance_fen=123_450, notes="老客户", allergies="芒果", member_no="M001"),
            row(3, "李娜", phone(2), balance_fen=0),
            row(4, "王芳")]
    preview = preview_of(rows, name="会员名单.xlsx")
    result = services.imports.commit(admin, preview)
    assert result == ImportResult(created=3, updated=0, unchanged=0, rejected=0,
                                  balance_fen=123_450, cards=1)
    assert [r.outcome for r in rows] == [Outcome.CREATED] * 3
    found = clients_by_phone(services)
    zhang = found[phone(1)]
    assert (zhang.name, zhang.gender, zhang.birth_year, zhang.birth_month, zhang.birth_day,
            zhang.tier, zhang.note, zhang.allergies, zhang.member_no, zhang.phone_last4) == (
        "张伟", Gender.MALE, 1990, 5, 3, "金卡", "老客户", "芒果", "M001", "0001")
    assert found[None].name == "王芳" and found[None].gender is Gender.UNKNOWN
    with services.db.read() as s:
        keys = set(s.scalars(select(ClientSearchKey.key)
                             .where(ClientSearchKey.client_id == zhang.id)))
        assert {"张伟", "zw", "zhangwei"} <= keys
        tier = s.scalars(select(ClientTier)).one()
        assert (tier.client_id, tier.tier_code, tier.reason) == (
            zhang.id, "gold", TierReason.IMPORT)
        assert tier.valid_until is not None
        card = s.scalars(select(MemberCard)).one()
        op = s.scalars(select(CardOperation)).one()
        entry = s.scalars(select(CardEntry)).one()
        product = s.get(CardProduct, card.product_id)
        assert product is not None and product.name == PRODUCT_NAME
        assert (card.client_id, card.paid_fen, card.bonus_fen) == (zhang.id, 123_450, 0)
        assert (op.kind, op.money_fen, op.card_id, op.reference, op.idempotency_key) == (
            OperationKind.MIGRATE, 0, card.id, "会员名单.xlsx:row 2", f"import-balance:{zhang.id}")
        assert (entry.operation_id, entry.card_id, entry.paid_fen) == (op.id, card.id, 123_450)
        trail = s.scalars(select(AuditEntry).where(
            AuditEntry.action == AuditAction.CLIENTS_IMPORT)).one()
        assert "file=会员名单.xlsx" in trail.detail and "created=3" in trail.detail
        assert f"sha256={'0' * 64}" in trail.detail
    assert services.card_report.check(admin).ok
    assert services.search.search(admin, "zw")[0].name == "张伟"


def test_the_same_rows_again_change_nothing_at_all(services: Services, admin: Actor) -> None:
    def rows() -> list:
        return [row(2, "张伟", phone(1), tier="银卡", balance_fen=5_000, member_no="M1"),
                row(3, "王芳", gender="female"), row(4, "Anna Li", phone(3), notes="VIP")]

    services.imports.commit(admin, preview_of(rows()))
    before = table_contents(services.db)
    for update_existing in (False, True):
        again = rows()
        result = services.imports.commit(admin, preview_of(again, update_existing=update_existing))
        assert [r.outcome for r in again] == [Outcome.UNCHANGED] * 3
        assert (result.created, result.updated, result.unchanged, result.cards) == (0, 0, 3, 0)
        after = table_contents(services.db)
        audit = "audit_entry"
        assert {k: v for k, v in after.items() if k != audit} == \
            {k: v for k, v in before.items() if k != audit}
        assert len(after[audit]) == len(before[audit]) + 1 + update_existing  # the import's row


def test_existing_clients_change_only_where_the_sheet_has_a_value_and_when_asked(
        services: Services, admin: Actor) -> None:
    services.clients.register(admin, NewClient("张伟", phone(1), gender="male", note="old note",
                                               allergies="花粉"))
    plain = [row(2, "张伟", phone(1), gender="female", notes="", tier="金卡",
                 balance_fen=10_000)]
    result = services.imports.commit(admin, preview_of(plain))
    assert (result.updated, result.unchanged, result.cards) == (0, 1, 0)
    assert clients_by_phone(services)[phone(1)].gender is Gender.MALE

    asked = [row(2, "张伟", phone(1), gender="female", notes="", tier="金卡",
                 balance_fen=10_000)]
    result = services.imports.commit(admin, preview_of(asked, update_existing=True))
    assert (result.updated, result.cards, result.balance_fen) == (1, 1, 10_000)
    client = clients_by_phone(services)[phone(1)]
    assert (client.gender, client.note, client.allergies, client.tier, client.version) == (
        Gender.FEMALE, "old note", "花粉", "金卡", 2)
    again = [row(2, "张伟", phone(1), balance_fen=99_999)]
    result = services.imports.commit(admin, preview_of(again, update_existing=True))
    assert (result.unchanged, result.cards) == (1, 0)  # migrated once, never twice
    assert services.card_report.check(admin).ok


def test_a_name_written_differently_is_updated_with_its_search_keys(
        services: Services, admin: Actor) -> None:
    services.clients.register(admin, NewClient("anna li", phone(1)))
    rows = [row(2, "Anna Li", phone(1))]
    services.imports.commit(admin, preview_of(rows, update_existing=True))
    assert rows[0].outcome is Outcome.UPDATED
    assert clients_by_phone(services)[phone(1)].name == "Anna Li"
    assert services.search.search(admin, "anna")[0].name == "Anna Li"


def test_a_row_without_a_phone_is_matched_by_name_among_clients_without_one(
        services: Services, admin: Actor) -> None:
    services.clients.register(admin, NewClient("王芳", phone(9)))
    services.imports.commit(admin, preview_of([row(2, "王芳", notes="first")]))
    rows = [row(2, "王芳", notes="second"), row(3, "王芳", notes="third")]
    services.imports.commit(admin, preview_of(rows, update_existing=True))
    assert rows[0].outcome is Outcome.UPDATED
    assert rows[1].reasons == [Reason.DUPLICATE_ROW]
    with services.db.read() as s:
        notes = sorted(s.scalars(select(Client.note).where(Client.name == "王芳")))
    assert notes == ["", "second"]


def test_taken_phones_and_member_numbers_are_refused(services: Services, admin: Actor) -> None:
    services.clients.register(admin, NewClient("李娜", phone(1), member_no="M1"))
    rows = [row(2, "张伟", phone(1)), row(3, "王芳", phone(2), member_no="M1"),
            row(4, "赵敏", phone(3), member_no="M7"), row(5, "钱多", phone(4), member_no="M7"),
            row(6, "李娜", phone(1), member_no="M1")]
    result = services.imports.commit(admin, preview_of(rows))
    assert [r.reasons for r in rows] == [[Reason.PHONE_TAKEN], [Reason.MEMBER_NO_TAKEN], [],
                                         [Reason.MEMBER_NO_TAKEN], []]
    assert all(r.details for r in rows if r.reasons)
    assert (result.created, result.unchanged, result.rejected) == (1, 1, 3)
    assert clients_by_phone(services)[phone(1)].name == "李娜"


def test_an_unknown_tier_and_rows_refused_before_are_not_written(
        services: Services, admin: Actor) -> None:
    bad = row(3, "钱多", phone(2))
    bad.reasons.append(Reason.BIRTHDAY_INVALID)
    rows = [row(2, "张伟", phone(1), tier="黑卡"), bad]
    result = services.imports.commit(admin, preview_of(rows))
    assert rows[0].reasons == [Reason.TIER_UNKNOWN]
    assert (result.created, result.rejected) == (0, 2)
    assert table_counts(services.db)["client"] == 0


def many(count: int, start: int = 0) -> list:
    return [row(i + 2, f"客户{i}", phone(start + i), balance_fen=100 + i, tier="银卡")
            for i in range(count)]


def test_a_cancel_half_way_leaves_every_table_as_it_was(services: Services, admin: Actor) -> None:
    services.imports.commit(admin, preview_of(many(10)))
    before = table_contents(services.db)
    cancel = threading.Event()

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "clients" and done >= 2_000:
            cancel.set()

    with pytest.raises(Cancelled):
        services.imports.commit(admin, preview_of(many(5_000, start=100)), cancel=cancel,
                                progress=progress)
    assert table_contents(services.db) == before


def test_a_failure_half_way_leaves_every_table_as_it_was(services: Services, admin: Actor) -> None:
    services.imports.commit(admin, preview_of(many(10)))
    before = table_counts(services.db)

    def progress(stage: str, done: int, total: int) -> None:
        if done >= 2_000:
            raise OSError("the disk went away")

    with pytest.raises(OSError):
        services.imports.commit(admin, preview_of(many(4_500, start=100)), progress=progress)
    assert table_counts(services.db) == before
    result = services.imports.commit(admin, preview_of(many(4_500, start=100)))
    assert (result.created, result.cards) == (4_500, 4_500)
    assert services.card_report.check(admin).ok


def test_only_managers_and_admins_import(services: Services, admin: Actor) -> None:
    desk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST, "desk1")
    manager = staff_in_role(services.db, admin.branch_id, Role.MANAGER, "boss")
    with pytest.raises(PermissionDenied):
        services.imports.commit(desk, preview_of([row(2, "张伟", phone(1))]))
    assert services.imports.commit(manager, preview_of([row(2, "张伟", phone(1))])).created == 1


def test_two_terminals_importing_overlapping_lists_make_one_client_per_phone(
        services: Services, admin: Actor) -> None:
    lists = [many(300), many(300, start=150)]

    def attempt(db: object, i: int) -> object:
        terminal = Services(db, services.clock, photos_dir=services.photos_dir)  # type: ignore[arg-type]
        rows = [row(r.line, f"客户{r.phone_e164[-3:]}", r.phone_e164, balance_fen=500)
                for r in lists[i]]
        return terminal.imports.commit(admin, preview_of(rows, update_existing=True))

    results = at_once(services.db.url, 2, attempt)
    assert all(isinstance(r, ImportResult) for r in results), results
    assert sorted(r.created for r in results) == [150, 300]  # type: ignore[union-attr]
    found = clients_by_phone(services)
    assert len(found) == 450
    assert table_counts(services.db)["member_card"] == 450
    assert services.card_report.check(admin).ok


def test_a_phone_the_desk_registers_during_the_commit_makes_it_run_again(
        services: Services, admin: Actor) -> None:
    if services.db.is_sqlite:
        pytest.skip("SQLite: the import holds the write lock from BEGIN; the desk waits")
    importer = Database(services.db.url)
    try:
        paused = PauseBefore(importer, "SELECT nextval")
        terminal = Services(importer, services.clock, photos_dir=services.photos_dir)
        rows = [row(2, "张伟", phone(1), balance_fen=500), row(3, "李娜", phone(2))]
        running = Background(lambda: terminal.imports.commit(admin, preview_of(rows)))
        paused.wait()
        services.clients.register(admin, NewClient("张伟", phone(1)))
        paused.release()
        result = running.result()
    finally:
        importer.dispose()
    assert isinstance(result, ImportResult), result
    assert (result.created, result.unchanged, result.cards) == (1, 1, 0)
    assert len(clients_by_phone(services)) == 2
