"""Backups and restores of the SQLite file: consistent while the desk writes, verified, pruned,
made once per upgrade, and a restore drill that brings back exactly what was backed up."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from frontdesk.core.context import Actor
from frontdesk.db import Database, sqlite_path
from frontdesk.errors import StorageError, StorageProblem
from frontdesk.migrate import (
    alembic_config,
    is_known_revision,
    migrating,
    recorded_revision,
    upgrade,
)
from frontdesk.migrations import HEAD
from frontdesk.models import Client
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from frontdesk.storage.backups import (
    BEFORE_RESTORE,
    DAILY,
    BackupDamaged,
    BackupTooNew,
    NotABackup,
    RestoreOntoItself,
    check_backup,
    copy_database,
    list_backups,
    restore,
)
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.damaged import (
    garbage_in_a_page,
    index_out_of_step,
    newer_schema,
    text_file,
    zero_bytes,
)

WHEN = dt.datetime(2026, 11, 23, 2, 30, tzinfo=dt.UTC)


def _file(db: Database) -> Path:
    path = sqlite_path(db.url)
    assert path is not None
    return path


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to compare two databases."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in sorted(tables)}
    finally:
        con.close()


@pytest.fixture
def store(sqlite_db: Database, clock: FakeClock, tmp_path: Path) -> tuple[Services, Actor]:
    """Services on an SQLite file (backups are an SQLite matter) and its admin."""
    services = Services(sqlite_db, clock, photos_dir=tmp_path / "photos")
    return services, services.store.initialise("水沐莲清", "admin", "管理员", ADMIN_PASSWORD)


def _register(services: Services, admin: Actor, n: int) -> int:
    return services.clients.register(admin, NewClient(name=f"客户{n}",
                                                      phone=f"1390000{n:04d}")).client_id


def test_a_backup_taken_while_a_writer_runs_is_a_consistent_snapshot(
        sqlite_db: Database, store: tuple[Services, Actor], tmp_path: Path) -> None:
    """A writer thread (its own connection) registers clients without pause; a backup taken
    meanwhile passes integrity_check and holds exactly the first k registrations, every
    one acknowledged before the backup began among them."""
    admin = store[1]
    writer_db = Database(sqlite_db.url)
    writer = Services(writer_db, FakeClock(), photos_dir=tmp_path / "photos")
    acknowledged: list[int] = []
    failed: list[BaseException] = []
    stop, going = threading.Event(), threading.Event()

    def write() -> None:
        n = 0
        try:
            while not stop.is_set():
                acknowledged.append(_register(writer, admin, n))
                n += 1
                if n == 20:
                    going.set()
        except BaseException as exc:  # pragma: no cover - reported below
            failed.append(exc)
            going.set()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        assert going.wait(60) and not failed, failed
        before = len(acknowledged)
        backup = copy_database(_file(sqlite_db), tmp_path, DAILY, WHEN)
        after = len(acknowledged)
    finally:
        stop.set()
        thread.join()
        writer_db.dispose()
    assert not failed, failed
    assert check_backup(backup.path) == HEAD  # integrity_check ok, a FrontDesk database
    con = sqlite3.connect(backup.path)
    ids = [r[0] for r in con.execute("SELECT id FROM client ORDER BY id")]
    con.close()
    assert ids == acknowledged[:len(ids)], "not one snapshot: a gap in the registrations"
    assert before <= len(ids) <= after + 1
    assert len(acknowledged) > after, "the writer went on while the backup was taken"


def test_restore_drill(sqlite_db: Database, store: tuple[Services, Actor],
                       tmp_path: Path) -> None:
    """Back up, change, restore: the change is gone and everything before it is there."""
    services, admin = store
    for n in range(5):
        _register(services, admin, n)
    database = _file(sqlite_db)
    backup = copy_database(database, tmp_path, DAILY, WHEN).path
    before = _dump(database)
    _register(services, admin, 99)
    with sqlite_db.write() as s:
        s.execute(text("UPDATE client SET note = '改过' WHERE id = 1"))
    assert _dump(database) != before
    done = restore(backup, database, tmp_path / "kept", WHEN, is_known_revision)
    assert _dump(database) == before
    with sqlite_db.read() as s:  # the open engine reads the restored data
        assert s.scalar(select(Client.note).where(Client.id == 1)) != "改过"
    assert done.kept is not None and done.kept.name.endswith(f"-{BEFORE_RESTORE}.sqlite3")
    kept = sqlite3.connect(done.kept)
    assert ("客户99",) in kept.execute("SELECT name FROM client").fetchall(), "not kept"
    kept.close()


@pytest.mark.parametrize("damage", [zero_bytes, text_file, garbage_in_a_page],
                         ids=["0-byte", "text file", "garbage"])
def test_restore_mends_a_file_sqlite_cannot_use(damage: object, sqlite_db: Database,
                                                store: tuple[Services, Actor],
                                                tmp_path: Path) -> None:
    services, admin = store
    _register(services, admin, 1)
    database = _file(sqlite_db)
    backup = copy_database(database, tmp_path, DAILY, WHEN).path
    before = _dump(database)
    sqlite_db.dispose()
    damage(database)  # type: ignore[operator]
    damaged = database.read_bytes()
    done = restore(backup, database, tmp_path / "kept", WHEN, is_known_revision)
    assert _dump(database) == before
    assert done.kept is not None and done.kept.read_bytes() == damaged


def _bad_backup(kind: str, tmp_path: Path, database: Path) -> Path:
    backup = copy_database(database, tmp_path, DAILY, WHEN).path
    {"not a database": text_file, "damaged": garbage_in_a_page,
     "index out of step": index_out_of_step, "newer": newer_schema}[kind](backup)
    return backup


@pytest.mark.parametrize(("kind", "refusal"), [("not a database", NotABackup),
                                               ("damaged", BackupDamaged),
                                               ("index out of step", BackupDamaged),
                                               ("newer", BackupTooNew)])
def test_restore_refuses_what_is_not_a_good_frontdesk_backup(
        kind: str, refusal: type[Exception], sqlite_db: Database,
        store: tuple[Services, Actor], tmp_path: Path) -> None:
    services, admin = store
    _register(services, admin, 1)
    database = _file(sqlite_db)
    backup = _bad_backup(kind, tmp_path, database)
    before = _dump(database)
    with pytest.raises(refusal):
        restore(backup, database, tmp_path / "kept", WHEN, is_known_revision)
    assert _dump(database) == before
    assert not (tmp_path / "kept").exists(), "nothing was replaced, so nothing was kept"


def test_restore_refuses_the_database_itself(sqlite_db: Database, tmp_path: Path) -> None:
    database = _file(sqlite_db)
    with pytest.raises(RestoreOntoItself):
        restore(database, database, tmp_path / "kept", WHEN, is_known_revision)


def _at_0002_with_a_clash(path: Path) -> Database:
    """A database at revision 0002 whose upgrade fails in 0003 (a table 0003 makes exists)."""
    db = Database(f"sqlite:///{path}")
    config = alembic_config()
    with migrating(db) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(text("CREATE TABLE consultation_photo (id INTEGER PRIMARY KEY)"))
    return db


def test_a_failing_upgrade_copies_the_file_once_and_changes_nothing(tmp_path: Path) -> None:
    db = _at_0002_with_a_clash(tmp_path / "old.sqlite3")
    before = _dump(tmp_path / "old.sqlite3")
    for _start in range(3):
        with pytest.raises(StorageError) as caught:
            upgrade(db, tmp_path / "backups")
        assert caught.value.problem is StorageProblem.UPGRADE_FAILED
        db.dispose()
    copies = list_backups(tmp_path / "backups", "old")
    assert [c.kind for c in copies] == [f"upgrade-0002-to-{HEAD}"]
    assert _dump(tmp_path / "old.sqlite3") == before and recorded_revision(db) == "0002"
    with db.write() as s:  # the store was used again (an older FrontDesk): a new copy
        s.execute(text("INSERT INTO branch (name, address, phone, created_at) "
                       "VALUES ('二店', '', '', '2026-01-01 00:00:00')"))
    db.dispose()
    with pytest.raises(StorageError):
        upgrade(db, tmp_path / "backups")
    assert len(list_backups(tmp_path / "backups", "old")) == 2
    db.dispose()


def test_a_newer_schema_is_refused_before_any_copy(sqlite_db: Database, tmp_path: Path) -> None:
    sqlite_db.dispose()
    newer_schema(_file(sqlite_db))
    with pytest.raises(StorageError) as caught:
        upgrade(sqlite_db, tmp_path / "backups")
    assert caught.value.problem is StorageProblem.NEWER_SCHEMA
    assert not (tmp_path / "backups").exists()


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.commit()
    con.close()
    db = Database(f"sqlite:///{path}")
    with pytest.raises(StorageError) as caught:
        upgrade(db, tmp_path / "backups")
    db.dispose()
    assert caught.value.problem is StorageProblem.NOT_A_DATABASE
    assert list(_dump(path)) == ["invoices"]


def test_upgrade_copies_beyond_the_newest_three_are_pruned(tmp_path: Path) -> None:
    template = tmp_path / "t.sqlite3"
    _at_0002_with_a_clash(template).dispose()
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 6):
        taken = WHEN.replace(day=day)
        shutil.copy(template, folder / f"old-{taken.astimezone():%Y%m%d-%H%M%S}-upgrade-"
                                       f"000{day}-to-{HEAD}.sqlite3")
    shutil.copy(template, tmp_path / "old.sqlite3")
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    with pytest.raises(StorageError):
        upgrade(db, folder)
    db.dispose()
    kinds = [c.kind for c in list_backups(folder, "old")]
    assert kinds == [f"upgrade-0002-to-{HEAD}", f"upgrade-0005-to-{HEAD}",
                     f"upgrade-0004-to-{HEAD}"]
