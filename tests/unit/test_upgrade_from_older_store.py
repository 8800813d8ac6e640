"""A store's database made by earlier code, opened by this code as the program opens it at start.

Installing a newer FrontDesk over an older one keeps the data folder; at first start the
schema is upgraded after a backup. Each fixture in ``tests/data/stores/`` is an SQL dump of
a demo store made by an earlier commit's own ``frontdesk init`` and ``frontdesk demo``
(``tools/store_fixture.py``; the folder's README says which and how). Each is loaded into a
fresh SQLite file in a data folder and opened with :func:`frontdesk.bootstrap.open_database`:
the schema reaches HEAD; a database behind it is copied to the backups folder first (the copy
is the old database); no table loses a row and no card's money or sessions change; the demo
staff still sign in, and search, the analysis sheet, card show and the card check read the
old data; opening it again changes nothing and copies nothing.

SQLite only: the dumps are SQLite files' (a PostgreSQL store is upgraded by the same
migrations, and backed up by its administrator).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import sqlite3
from pathlib import Path

import pytest

from frontdesk.bootstrap import build_services, open_database
from frontdesk.config import DB_FILE_NAME, Paths, load_paths
from frontdesk.db import Database
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.migrate import recorded_revision
from frontdesk.migrations import HEAD
from frontdesk.services.registry import Services
from frontdesk.services.sheet.words import SheetWords
from frontdesk.storage.backups import BackupFile, default_folder, list_backups
from tools.store_fixture import ADMIN_PASSWORD

STORES = Path(__file__).resolve().parents[1] / "data" / "stores"
FIXTURES = sorted(STORES.glob("*.sql.gz"))
CARDS = "SELECT card_no, client_id, status, paid_fen, bonus_fen, sessions FROM member_card"
KEPT = ("client", "visit", "member_card", "card_operation", "card_entry", "consultation_record")
"""Tables whose every row (by id) must still be there after the upgrade."""
LEDGER = ("SELECT card_id, SUM(paid_fen), SUM(bonus_fen), SUM(sessions), SUM(points) "
          "FROM card_entry GROUP BY card_id")


def test_there_are_fixtures_to_upgrade() -> None:
    assert len(FIXTURES) >= 2, f"expected at least two store fixtures in {STORES}"


def fixture_head(fixture: Path) -> str:
    """The Alembic head of the code that made the fixture (its header line says it)."""
    with gzip.open(fixture, "rt", encoding="utf-8") as f:
        found = re.search(r"alembic head (\w+);", f.readline())
    assert found, f"{fixture.name} has no header line"
    return found[1]


def load(fixture: Path, database: Path) -> None:
    database.parent.mkdir(parents=True)
    conn = sqlite3.connect(database)
    with gzip.open(fixture, "rt", encoding="utf-8") as f:
        conn.executescript(f.read())
    conn.close()


def read(database: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(database)
    try:
        return sorted(conn.execute(sql).fetchall(), key=repr)
    finally:
        conn.close()


def row_counts(database: Path) -> dict[str, int]:
    conn = sqlite3.connect(database)
    try:
        tables = [t for (t,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def digest(database: Path) -> str:
    conn = sqlite3.connect(database)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def start(paths: Paths) -> Database:
    """What the program does first at start: open the database (upgrading it)."""
    return open_database(paths)


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    monkeypatch.delenv("FRONTDESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_LOG_DIR", str(tmp_path / "log"))
    return load_paths()


def backups(database: Path) -> list[BackupFile]:
    return list_backups(default_folder(database), database.stem)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_the_new_code_upgrades_an_older_store_and_keeps_everything(
        fixture: Path, paths: Paths) -> None:
    database = paths.data_dir / DB_FILE_NAME
    load(fixture, database)
    old_head = fixture_head(fixture)
    before = row_counts(database)
    cards, ledger = read(database, CARDS), read(database, LEDGER)
    ids = {t: read(database, f"SELECT id FROM {t}") for t in KEPT}
    assert before["client"] and before["visit"] and cards and ledger

    start(paths).dispose()

    assert read(database, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    after = row_counts(database)
    assert set(before) <= set(after)
    assert [t for t in before if after[t] < before[t]] == []
    assert {t: read(database, f"SELECT id FROM {t}") for t in KEPT} == ids
    assert read(database, CARDS) == cards and read(database, LEDGER) == ledger
    _check_the_backup(database, old_head, before)


def _check_the_backup(database: Path, old_head: str, before: dict[str, int]) -> None:
    copies = backups(database)
    if old_head == HEAD:
        assert copies == []
        return
    assert [c.kind for c in copies] == [f"upgrade-{old_head}-to-{HEAD}"]
    assert read(copies[0].path, "SELECT version_num FROM alembic_version") == [(old_head,)]
    assert row_counts(copies[0].path) == before


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_opening_the_upgraded_store_again_changes_nothing(fixture: Path, paths: Paths) -> None:
    database = paths.data_dir / DB_FILE_NAME
    load(fixture, database)
    start(paths).dispose()
    upgraded, copies = digest(database), backups(database)

    db = start(paths)
    assert recorded_revision(db) == HEAD
    db.dispose()
    assert digest(database) == upgraded
    assert backups(database) == copies


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_the_new_services_read_the_older_store(fixture: Path, paths: Paths) -> None:
    database = paths.data_dir / DB_FILE_NAME
    load(fixture, database)
    (client_id, name), *_ = read(database, "SELECT id, name FROM client WHERE anonymised_at "
                                           "IS NULL ORDER BY id LIMIT 1")
    [(card_no, paid, bonus, sessions)] = read(
        database, "SELECT card_no, paid_fen, bonus_fen, sessions FROM member_card "
                  "ORDER BY id LIMIT 1")
    [(with_sheet,)] = read(database, "SELECT client_id FROM consultation_record "
                                     "ORDER BY id LIMIT 1")
    db = start(paths)
    try:
        services = build_services(paths, db)
        assert services.auth.sign_in("admin", ADMIN_PASSWORD).username == "admin"
        desk = services.auth.sign_in("reception1", DEMO_PASSWORD)
        assert client_id in {hit.client_id for hit in services.search.search(desk, str(name))}
        card = services.cards.card_by_no(desk, str(card_no))
        assert (card.paid_fen, card.bonus_fen, card.sessions) == (paid, bonus, sessions)
        assert services.cards.history(desk, card.id, limit=10)
        _check_sheet_and_ledger(services, int(str(with_sheet)))
    finally:
        db.dispose()


def _check_sheet_and_ledger(services: Services, client_id: int) -> None:
    consultant = services.auth.sign_in("consultant1", DEMO_PASSWORD)
    sheet = services.sheet.sheet_data(consultant, client_id, SheetWords())
    assert sheet.plan.lines
    manager = services.auth.sign_in("manager", DEMO_PASSWORD)
    report = services.card_report.check(manager)
    assert report.ok, [item for item in report.items if item.found]
