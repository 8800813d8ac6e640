"""Damaged, unknown and unreachable databases: the real CLI says what happened and what to do.

Each case (see :mod:`tests.damaged`) is fed to ``python -m frontdesk find`` as a
new process: the answer must be a message on stderr naming the problem and the
fix, exit code 3, no traceback, and every file of the store byte-for-byte as it
was (the 0-byte file is not turned into a new, empty store). Where the fix is a
backup, the message lists the backups with their dates.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk.bootstrap import connect
from frontdesk.config import Paths, sqlite_url
from frontdesk.db import Database
from frontdesk.errors import StorageError, StorageProblem
from frontdesk.migrations import HEAD
from frontdesk.storage.backups import DAILY, copy_database, default_folder
from frontdesk.storage.private import private_dir
from frontdesk.storage.sqlite_file import file_problem
from tests.conftest import PG_URL
from tests.damaged import (
    SQLITE_DAMAGE,
    Case,
    kept,
    pg_cases,
    run_cli,
    sqlite_case,
    sqlite_store,
)

EXIT_STORAGE = 3
SAYS = {
    "half-truncated file": "The database file is damaged",
    "garbage in a page": "The database file is damaged",
    "text file named frontdesk.sqlite3": "is not a FrontDesk database",
    "0-byte file": "The database file is empty (0 bytes)",
    "newer schema": "Upgrade FrontDesk",
    "read-only data folder": "The database cannot be written to",
    "wrong PostgreSQL password": "check the user name, the password",
    "PostgreSQL database that does not exist": "the database's name",
    "PostgreSQL server not listening": "the database server is running",
    "newer schema on PostgreSQL": "Upgrade FrontDesk",
}
LISTS_BACKUPS = {"half-truncated file", "garbage in a page", "text file named frontdesk.sqlite3",
                 "0-byte file"}
TAKEN = dt.datetime(2026, 11, 20, 1, 15, tzinfo=dt.UTC)  # 09:15 in Shanghai


def _back_up(path: Path) -> Path:
    return copy_database(path, private_dir(default_folder(path)), DAILY, TAKEN).path


def _back_up_name(case: Case) -> Path:
    return default_folder(case.data_dir / "frontdesk.sqlite3") / \
        "frontdesk-20261120-091500-daily.sqlite3"


def _assert_told(case: Case, stderr: str, code: int, traceback: bool) -> None:
    assert not traceback, stderr
    assert code == EXIT_STORAGE, stderr
    assert stderr.startswith("frontdesk: ") and SAYS[case.name] in stderr, stderr


@pytest.mark.parametrize("name", list(SQLITE_DAMAGE))
def test_a_damaged_sqlite_store_is_explained_and_left_as_it_was(name: str,
                                                                tmp_path: Path) -> None:
    case = sqlite_case(name, tmp_path, before_damage=_back_up)
    backup = _back_up_name(case)
    run = run_cli(case, "find", "0123", "--as", "admin")
    _assert_told(case, run.stderr, run.code, run.traceback)
    assert kept(case), "the CLI changed the damaged store's files"
    if name in LISTS_BACKUPS:
        assert "2026-11-20 09:15" in run.stderr and str(backup) in run.stderr, run.stderr
        assert "frontdesk restore FILE" in run.stderr


def test_the_empty_file_stays_empty_through_every_command(tmp_path: Path) -> None:
    """Not find only: init, demo and the schema upgrade refuse the 0-byte file too."""
    case = sqlite_case("0-byte file", tmp_path)
    for args in (["init", "--store", "新店", "--admin", "boss"], ["demo", "--clients", "5"],
                 ["db", "upgrade"]):
        run = run_cli(case, *args)
        _assert_told(case, run.stderr, run.code, run.traceback)
    assert (case.data_dir / "frontdesk.sqlite3").stat().st_size == 0 and kept(case)


@pytest.mark.parametrize("which", [0, 1, 2, 3], ids=["wrong password", "not listening",
                                                     "newer schema", "no such database"])
def test_an_unusable_postgresql_database_is_explained(
        which: int, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    if not PG_URL:
        pytest.skip("FRONTDESK_TEST_PG_URL is not set")
    url = request.getfixturevalue("pg_migrated")
    case = pg_cases(url, tmp_path)[which]
    try:
        run = run_cli(case, "find", "0123", "--as", "admin")
    finally:
        db = Database(url)
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": HEAD})
        db.dispose()
    _assert_told(case, run.stderr, run.code, run.traceback)


def test_a_file_cut_short_is_refused_before_sqlite_opens_it(tmp_path: Path) -> None:
    """Only the last page is missing: refused with how much is missing, before any query."""
    path = sqlite_store(tmp_path / "data", clients=50)
    os.truncate(path, path.stat().st_size - 4096)
    paths = Paths(tmp_path / "data", tmp_path / "log", sqlite_url(path))
    with pytest.raises(StorageError) as caught:
        connect(paths)
    assert caught.value.problem is StorageProblem.DAMAGED and "cut short" in caught.value.detail
    assert caught.value.path == str(path)


def test_a_file_that_does_not_begin_like_sqlite_is_named_so(tmp_path: Path) -> None:
    path = tmp_path / "frontdesk.sqlite3"
    path.write_bytes(b"PK\x03\x04" + bytes(200))  # a zip archive saved under the name
    assert file_problem(path) == (StorageProblem.NOT_A_DATABASE,
                                  f"{path} does not begin like an SQLite database")
