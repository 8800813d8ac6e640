"""The database layer: SQLite pragmas, BEGIN IMMEDIATE, storage errors, migrations."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, select, text

from frontdesk import db as db_module
from frontdesk.db import Database, is_on_network_share, sqlite_path
from frontdesk.errors import StorageError, StorageProblem, classify_storage_error
from frontdesk.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    migrating,
    recorded_revision,
    upgrade,
)
from frontdesk.migrations import HEAD
from frontdesk.models import Base, Branch


def test_sqlite_connection_pragmas(sqlite_db: Database) -> None:
    with sqlite_db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_write_transaction_begins_immediate(sqlite_db: Database) -> None:
    """A write transaction holds the write lock from its first statement (even a read)."""
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    with sqlite_db.write() as s:
        s.execute(select(Branch)).all()  # a read only, yet the lock is already taken
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_read_then_write_under_a_second_writer_does_not_fail(sqlite_db: Database) -> None:
    """Two threads each read then write; with BEGIN IMMEDIATE both succeed, one after the other."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def read_then_write(name: str) -> None:
        try:
            barrier.wait()
            with sqlite_db.write() as s:
                count = s.scalar(text("SELECT count(*) FROM branch"))
                s.add(Branch(name=f"{name}-{count}"))
        except BaseException as exc:  # pragma: no cover - the failure we guard against
            errors.append(exc)

    threads = [threading.Thread(target=read_then_write, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with sqlite_db.read() as s:
        names = sorted(s.scalars(select(Branch.name)))
    assert len(names) == 2 and {n.split("-")[1] for n in names} == {"0", "1"}


def test_a_locked_database_becomes_a_storage_error(sqlite_db: Database, tmp_path: Path) -> None:
    path = sqlite_path(sqlite_db.url)
    assert path is not None
    impatient = Database(sqlite_db.url)
    event.listen(impatient.engine, "connect",
                 lambda dbapi_conn, _rec: dbapi_conn.execute("PRAGMA busy_timeout=50"))
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as caught, impatient.write() as s:
            s.add(Branch(name="x"))
        assert caught.value.problem is StorageProblem.LOCKED
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        impatient.dispose()


def test_storage_error_classification() -> None:
    assert classify_storage_error("database is locked") is StorageProblem.LOCKED
    assert classify_storage_error("database or disk is full") is StorageProblem.DISK_FULL
    assert classify_storage_error("attempt to write a readonly database") \
        is StorageProblem.READ_ONLY
    assert classify_storage_error("connection refused") is StorageProblem.UNREACHABLE
    assert classify_storage_error("UNIQUE constraint failed: client.phone") is None


def test_read_only_database_gives_a_read_only_storage_error(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA query_only=ON")  # the pooled connection keeps it
    with pytest.raises(StorageError) as caught, sqlite_db.write() as s:
        s.add(Branch(name="x"))
    assert caught.value.problem is StorageProblem.READ_ONLY


def test_local_folder_is_not_a_network_share(tmp_path: Path) -> None:
    assert not is_on_network_share(tmp_path / "frontdesk.sqlite3")


def _mount_table(tmp_path: Path, reverse: bool) -> Path:
    """A /proc/mounts as Linux writes it: the root, an NFS share with a local disk mounted
    inside it, a Samba share whose mount point has a space (written ``\\040``)."""
    lines = [
        "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0",
        "/dev/sda2 / ext4 rw,relatime,errors=remount-ro 0 0",
        "tmpfs /run tmpfs rw,nosuid,nodev,size=1632540k,mode=755 0 0",
        f"nas.local:/export/salon {tmp_path}/nas nfs4 rw,relatime,vers=4.2,hard,proto=tcp 0 0",
        f"/dev/sdb1 {tmp_path}/nas/local ext4 rw,relatime 0 0",
        f"//fileserver/desk {tmp_path}/Front\\040Desk cifs rw,relatime,vers=3.1.1,uid=1000 0 0",
    ]
    table = tmp_path / "mounts"
    table.write_text("\n".join(reversed(lines) if reverse else lines) + "\n")
    return table


@pytest.mark.skipif(sys.platform == "win32", reason="Windows asks the drive, not a mount table")
@pytest.mark.parametrize("reverse", [False, True], ids=["mount-order", "reversed"])
def test_a_file_under_a_network_mount_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 reverse: bool) -> None:
    """The most specific mount point decides, whatever the order of the table's lines."""
    monkeypatch.setattr(db_module, "MOUNTS", _mount_table(tmp_path, reverse))
    for folder in ("nas/salon", "Front Desk", "nas/local", "nas-old"):
        (tmp_path / folder).mkdir(parents=True)
    for shared in ("nas", "nas/salon", "Front Desk"):  # nfs4 (not the / ext4), cifs
        path = tmp_path / shared / "frontdesk.sqlite3"
        with pytest.raises(StorageError) as caught:
            Database(f"sqlite:///{path}")
        assert caught.value.problem is StorageProblem.NETWORK_SHARE, shared
        assert not path.exists()
    # A local disk mounted inside the share, and a folder whose name only starts like it:
    for local in ("nas/local", "nas-old"):
        db = Database(f"sqlite:///{tmp_path / local / 'frontdesk.sqlite3'}")
        with db.read() as s:
            assert s.execute(text("SELECT 1")).scalar() == 1
        db.dispose()


def test_migrations_match_the_models(db: Database) -> None:
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_of_a_current_database_does_nothing(sqlite_db: Database, tmp_path: Path) -> None:
    result = upgrade(sqlite_db, tmp_path / "backups")
    assert not result.changed and result.backup is None


def test_new_database_is_created_by_upgrade(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    result = upgrade(db, tmp_path / "backups")
    assert result.from_revision is None and result.to_revision == head_revision()
    assert result.backup is None  # nothing to back up in a new file
    db.dispose()


def test_head_constant_is_the_newest_migration() -> None:
    # Start-up trusts HEAD instead of loading Alembic: a new migration must move it.
    assert head_revision() == HEAD, (
        f"frontdesk/migrations/__init__.py says HEAD = {HEAD!r} but the newest migration is "
        f"{head_revision()!r}: set HEAD to it")


def test_the_quick_check_reads_what_alembic_reads(db: Database, tmp_path: Path) -> None:
    assert recorded_revision(db) == current_revision(db) == HEAD
    empty = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert recorded_revision(empty) is None
    empty.dispose()


def test_a_database_behind_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = alembic_config()
    with migrating(db) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
    with db.write() as s:
        s.add(Branch(name="老店"))
    result = upgrade(db, tmp_path / "backups")
    assert (result.from_revision, result.to_revision) == ("0002", HEAD)
    assert result.backup is not None and result.backup.parent == tmp_path / "backups"
    assert recorded_revision(db) == HEAD
    copy = sqlite3.connect(result.backup)
    assert copy.execute("SELECT version_num, name FROM alembic_version, branch").fetchall() == [
        ("0002", "老店")]
    copy.close()
    db.dispose()


def test_postgresql_connections_never_jit_compile(db: Database) -> None:
    """JIT would spend ~20 ms compiling a search whose row estimate ran high (see db.py)."""
    if db.is_sqlite:
        pytest.skip("PostgreSQL only: SQLite has no JIT")
    with db.engine.connect() as conn:
        assert conn.execute(text("SHOW jit")).scalar() == "off"
    with db.read() as s:  # the pooled connection a read is given keeps it
        assert s.execute(text("SHOW jit")).scalar() == "off"
