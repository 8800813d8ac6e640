"""The manager's "all my data": a demo store exported and restored into an empty database.

The source store is filled once (a SQLite file, with values that test the format's
corners: a 70,000-character text with control characters and ``_xHHHH_`` look-alikes, a
name that looks like a formula, an empty text where NULL is allowed, a big integer, a
photo's bytes) and exported once; each test restores that workbook into the ``db``
fixture (SQLite, and PostgreSQL when configured) or exports from it.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
import subprocess
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, insert, select, update

from frontdesk.cli import main
from frontdesk.core.context import Actor, Role
from frontdesk.core.jobs import Cancelled
from frontdesk.db import Database
from frontdesk.demo.fill import DemoOptions, fill_demo
from frontdesk.models import AuditEntry, Base, Client, Staff
from frontdesk.models.audit import AuditAction
from frontdesk.models.card import CardEntry, MemberCard
from frontdesk.models.client import ClientSearchKey
from frontdesk.models.consultation import ConsultationPhoto, ConsultationRecord, PhotoKind
from frontdesk.services.cards.check import run_check
from frontdesk.services.exports.all_data_format import MAX_CELL_CHARS
from frontdesk.services.exports.everything import AllDataService
from frontdesk.services.imports.limits import FileRefused
from frontdesk.services.imports.restore import (
    DatabaseNotEmpty,
    NotAllData,
    SchemaMismatch,
    restore_all_data,
)
from frontdesk.services.imports.restore_cells import BadCell
from tests.actors import signed_actor
from tests.conftest import NOW, FakeClock

CLIENTS = 300
ODD_TEXT = ("=SUM(A1)\r\n\x01\x1f_x0041_ _x005F_ tab\there " + "中文" * 100) * 300
PHOTO = random.Random(4).randbytes(100_000)
BIG = 2**62 + 1


def admin_of(db: Database) -> Actor:
    with db.read() as s:
        staff_id = s.scalar(select(Staff.id).where(Staff.role == Role.ADMIN).order_by(Staff.id))
    assert staff_id is not None
    return signed_actor(db, staff_id)


def odd_values(db: Database) -> None:
    """The format's corners, written straight into the tables."""
    with db.write() as s:
        first, second = s.scalars(select(Client.id).order_by(Client.id).limit(2)).all()
        s.execute(update(Client).where(Client.id == first).values(name="=1+1", note=ODD_TEXT))
        s.execute(update(Client).where(Client.id == second).values(member_no=""))
        s.execute(update(ClientSearchKey).where(ClientSearchKey.client_id == first)
                  .values(seen=BIG))
        s.add(AuditEntry(at=NOW.replace(microsecond=123456), action=AuditAction.SETTING_CHANGED,
                         detail="-@+=\t" + ODD_TEXT + "\ufffe\uffff"))
        record = s.scalars(select(ConsultationRecord).limit(1)).one()
        photo = ConsultationPhoto(record_id=record.id, client_id=record.client_id,
                                  kind=PhotoKind.BEFORE, sha256="0" * 64, media_type="image/jpeg",
                                  size_bytes=len(PHOTO), added_at=NOW)
        s.add(photo)
        s.flush()
        s.execute(insert(Base.metadata.tables["consultation_photo_data"])
                  .values(photo_id=photo.id, data=PHOTO))


def fill_store(db: Database) -> None:
    fill_demo(db, DemoOptions(clients=CLIENTS, seed=3, anchor=NOW.date()), clock=FakeClock())
    odd_values(db)


def empty_sqlite(template: Path, path: Path) -> Database:
    shutil.copy(template, path)
    return Database(f"sqlite:///{path}")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> tuple[Path, Path]:
    """The filled store (an SQLite file) and its export."""
    folder = tmp_path_factory.mktemp("all_data")
    db = empty_sqlite(sqlite_template, folder / "source.sqlite3")
    try:
        fill_store(db)
        result = AllDataService(db, FakeClock()).export(admin_of(db), folder / "all.xlsx")
        assert result.rows == sum(counts(db).values()) - 1  # the export's audit row after it
    finally:
        db.dispose()
    return folder / "source.sqlite3", result.path


def tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables]


def counts(db: Database) -> dict[str, int]:
    with db.connect() as conn:
        return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in tables()}


def rows(db: Database, table: Table) -> list[tuple[Any, ...]]:
    with db.connect() as conn:
        return [tuple(r) for r in conn.execute(select(table)
                                                .order_by(*table.primary_key.columns))]


def ledger(db: Database) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The ledger's sums per card, and the cards' cached balances."""
    with db.connect() as conn:
        sums = conn.execute(
            select(CardEntry.card_id, func.sum(CardEntry.paid_fen), func.sum(CardEntry.bonus_fen),
                   func.sum(CardEntry.sessions), func.sum(CardEntry.points))
            .group_by(CardEntry.card_id)).all()
        cards = conn.execute(select(MemberCard.id, MemberCard.paid_fen, MemberCard.bonus_fen,
                                    MemberCard.sessions).order_by(MemberCard.id)).all()
    return sorted(map(_ints, sums), key=_nulls_last), [_ints(r) for r in cards]


def _ints(row: Any) -> tuple[int | None, ...]:
    """A row of sums as ints (PostgreSQL's SUM of a BIGINT is a Decimal)."""
    return tuple(None if v is None else int(v) for v in row)


def _nulls_last(row: tuple[int | None, ...]) -> tuple[bool, int]:
    return row[0] is None, row[0] or 0


def assert_same_store(restored: Database, original: Database) -> None:
    """Every row the same, but the last audit row: the export's there, the restore's here."""
    assert counts(restored) == counts(original)
    for table in tables():
        if table.name != "audit_entry":
            assert rows(restored, table) == rows(original, table), table.name
    audit = Base.metadata.tables["audit_entry"]
    assert rows(restored, audit)[:-1] == rows(original, audit)[:-1]
    with restored.read() as s:
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1)) \
            is AuditAction.ALL_DATA_RESTORE
    assert ledger(restored) == ledger(original)
    assert ledger(restored)[0], "the demo store has a card ledger"
    assert run_check(restored, FakeClock(), admin_of(restored)).ok


def test_the_restored_store_is_the_exported_one(db: Database, source: tuple[Path, Path],
                                               tmp_path: Path) -> None:
    original_file, workbook = source
    original = Database(f"sqlite:///{original_file}")
    try:
        restored = restore_all_data(db, workbook)
        assert sum(restored.values()) == sum(counts(original).values()) - 1
        assert_same_store(db, original)
        with db.read() as s:
            assert s.scalar(select(Client.note).where(Client.name == "=1+1")) == ODD_TEXT
            assert s.scalar(select(func.max(ClientSearchKey.seen))) == BIG
            assert s.scalar(select(Client.id).where(Client.member_no == "")) is not None
            assert s.scalar(select(AuditEntry.detail).where(
                AuditEntry.action == AuditAction.ALL_DATA_RESTORE)).startswith("file=all.xlsx")
        with db.write() as s:  # ids go on after the restored ones (PostgreSQL's sequences)
            s.add(AuditEntry(at=NOW, action=AuditAction.SETTING_CHANGED))
    finally:
        original.dispose()


def test_frontdesk_import_restores_the_workbook_into_a_new_database(
        source: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command a store runs on a new machine: no account yet, so no --as."""
    original_file, workbook = source
    new_file = tmp_path / "new" / "frontdesk.sqlite3"
    new_file.parent.mkdir()
    assert main(["--database", f"sqlite:///{new_file}", "import", str(workbook)]) == 0
    assert "restored" in capsys.readouterr().out
    original, restored = Database(f"sqlite:///{original_file}"), Database(f"sqlite:///{new_file}")
    try:
        assert_same_store(restored, original)
    finally:
        original.dispose()
        restored.dispose()


def test_an_export_from_each_backend_restores_into_sqlite(db: Database, tmp_path: Path,
                                                          sqlite_template: Path) -> None:
    fill_store(db)
    result = AllDataService(db, FakeClock()).export(admin_of(db), tmp_path / "mine.xlsx")
    restored = empty_sqlite(sqlite_template, tmp_path / "restored.sqlite3")
    try:
        restore_all_data(restored, result.path)
        assert_same_store(restored, db)  # the export's audit row is in both
    finally:
        restored.dispose()


def test_a_long_table_continues_on_further_sheets(sqlite_db: Database, tmp_path: Path,
                                                  source: tuple[Path, Path]) -> None:
    from python_calamine import CalamineWorkbook

    shutil.copy(source[0], tmp_path / "copy.sqlite3")  # the shared store keeps its audit rows
    original = Database(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    try:
        small = AllDataService(original, FakeClock(), rows_per_sheet=1000).export(
            admin_of(original), tmp_path / "cut.xlsx")
        names = CalamineWorkbook.from_path(str(small.path)).sheet_names
        keys = counts(original)["client_search_key"]
        assert keys > 2000
        more = [f"client_search_key.{n}" for n in range(2, -(-keys // 1000) + 1)]
        assert [n for n in names if n.startswith("client_search_key")] == [
            "client_search_key", *more]
        restore_all_data(sqlite_db, small.path)
        assert_same_store(sqlite_db, original)
    finally:
        original.dispose()


def test_the_workbook_keeps_long_values_within_a_cell(source: tuple[Path, Path]) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(source[1]))
    assert book.sheet_names[0] == "_frontdesk"
    clients = book.get_sheet_by_name("client").to_python()
    heading, first = [h for h in clients[0] if h], clients[1]  # rows padded to the widest
    assert first[heading.index("name")] == "=1+1"
    pieces = int(first[heading.index("note")])
    assert pieces >= len(ODD_TEXT) / MAX_CELL_CHARS > 1
    assert all(len(str(cell)) <= MAX_CELL_CHARS for row in clients for cell in row)
    assert "".join(first[len(heading):len(heading) + pieces]) == ODD_TEXT
    assert all(len(str(cell)) <= MAX_CELL_CHARS
               for row in book.get_sheet_by_name("audit_entry").to_python() for cell in row)


def test_a_database_with_rows_is_refused_and_left_as_it_was(db: Database,
                                                            source: tuple[Path, Path]) -> None:
    with db.write() as s:
        s.execute(insert(AuditEntry).values(at=NOW, action=AuditAction.SETTING_CHANGED,
                                            detail="mine"))
    before = counts(db)
    with pytest.raises(DatabaseNotEmpty):
        restore_all_data(db, source[1])
    assert counts(db) == before


def test_cancel_half_way_leaves_the_database_empty(db: Database,
                                                   source: tuple[Path, Path]) -> None:
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        seen.append((done, total))
        if done >= total // 2:
            cancel.set()

    with pytest.raises(Cancelled):
        restore_all_data(db, source[1], cancel=cancel, progress=progress)
    done, total = max(seen)
    assert total // 2 <= done < total  # it went half-way, then stopped
    assert set(counts(db).values()) == {0}


def test_another_schema_revision_is_refused(sqlite_db: Database,
                                            source: tuple[Path, Path]) -> None:
    with sqlite_db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0012'")
    with pytest.raises(SchemaMismatch, match="0012"):
        restore_all_data(sqlite_db, source[1])
    assert set(counts(sqlite_db).values()) == {0}


def test_a_cancelled_export_leaves_no_file(db: Database, tmp_path: Path) -> None:
    fill_demo(db, DemoOptions(clients=50, seed=2, anchor=NOW.date()), clock=FakeClock())
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        AllDataService(db, FakeClock()).export(admin_of(db), tmp_path / "out" / "all.xlsx",
                                               cancel=cancel)
    assert list((tmp_path / "out").iterdir()) == []


def test_only_a_manager_exports_everything(db: Database, tmp_path: Path) -> None:
    from frontdesk.errors import PermissionDenied
    from tests.actors import staff_in_role

    fill_demo(db, DemoOptions(clients=5, seed=2, anchor=NOW.date()), clock=FakeClock())
    with db.read() as s:
        branch = s.scalar(select(Staff.branch_id).limit(1))
    assert branch is not None
    desk = staff_in_role(db, branch, Role.RECEPTIONIST, "desk9")
    with pytest.raises(PermissionDenied):
        AllDataService(db, FakeClock()).export(desk, tmp_path / "all.xlsx")
    assert not (tmp_path / "all.xlsx").exists()


def test_an_edited_or_foreign_workbook_is_refused(sqlite_db: Database, tmp_path: Path,
                                                  source: tuple[Path, Path]) -> None:
    from openpyxl import Workbook, load_workbook

    book = load_workbook(source[1])
    book["client"]["A3"] = "two"  # the second client's id
    book.save(tmp_path / "edited.xlsx")
    with pytest.raises(BadCell, match="Sheet client, row 3, column id: 'two'"):
        restore_all_data(sqlite_db, tmp_path / "edited.xlsx")
    foreign = Workbook()
    foreign.active.append(["姓名", "手机"])
    foreign.save(tmp_path / "clients.xlsx")
    with pytest.raises(NotAllData):
        restore_all_data(sqlite_db, tmp_path / "clients.xlsx")
    assert set(counts(sqlite_db).values()) == {0}


@pytest.mark.parametrize("make,code", [
    (lambda p: p.write_text("name,phone\n张三,138\n"), "not_spreadsheet"),
    (lambda p: _zip(p, {"xl/worksheets/sheet1.xml": b"<a/>" + b" " * 50_000_000}), "zip_bomb"),
    (lambda p: _zip(p, {"xl/workbook.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a '
                        b'"aaaa">]><x>&a;</x>'}), "xml_entities"),
])
def test_hostile_files_are_refused_before_reading(sqlite_db: Database, tmp_path: Path,
                                                  make: Any, code: str) -> None:
    path = tmp_path / "all.xlsx"
    make(path)
    with pytest.raises(FileRefused) as refused:
        restore_all_data(sqlite_db, path)
    assert refused.value.code == code
    assert set(counts(sqlite_db).values()) == {0}


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_a_formula_look_alike_as_text(tmp_path: Path,
                                                        sqlite_db: Database) -> None:
    fill_demo(sqlite_db, DemoOptions(clients=3, seed=2, anchor=NOW.date()), clock=FakeClock())
    with sqlite_db.write() as s:
        s.execute(update(Client).where(Client.id == 1).values(name="=1+1"))
    result = AllDataService(sqlite_db, FakeClock()).export(admin_of(sqlite_db),
                                                           tmp_path / "all.xlsx")
    lines = list(csv.reader(_sheet_as_csv(result.path, tmp_path, "client").splitlines()))
    heading, first = lines[0], lines[1]
    assert (first[heading.index("id")], first[heading.index("name")]) == ("1", "=1+1")


def _sheet_as_csv(workbook: Path, folder: Path, sheet: str) -> str:
    """One sheet as LibreOffice shows it, through its CSV filter (every sheet to a file)."""
    out = folder / "csv"
    subprocess.run(["soffice", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), str(workbook)], check=True, capture_output=True,
                   timeout=300)
    return (out / f"{workbook.stem}-{sheet}.csv").read_text(encoding="utf-8")


def test_datetimes_keep_their_microseconds(source: tuple[Path, Path], tmp_path: Path,
                                           sqlite_template: Path) -> None:
    restored = empty_sqlite(sqlite_template, tmp_path / "r.sqlite3")
    try:
        restore_all_data(restored, source[1])
        with restored.read() as s:
            at = s.scalar(select(AuditEntry.at).where(AuditEntry.detail.startswith("-@+=")))
        assert at == NOW.replace(microsecond=123456).astimezone(dt.UTC)
    finally:
        restored.dispose()
