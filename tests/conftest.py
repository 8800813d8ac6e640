"""Shared fixtures: a real, migrated database per test, a settable clock, a store.

Every service test runs on a real SQLite file, and on PostgreSQL as well when
``FRONTDESK_TEST_PG_URL`` is set (CI sets it). The schema comes from the
Alembic migrations, migrated once per run: SQLite tests copy a migrated
template file, PostgreSQL tests truncate every table.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

os.environ["TZ"] = "Asia/Shanghai"
time.tzset()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from frontdesk.core.context import Actor  # noqa: E402
from frontdesk.db import Database  # noqa: E402
from frontdesk.migrate import upgrade  # noqa: E402
from frontdesk.models import Base  # noqa: E402
from frontdesk.services.registry import Services  # noqa: E402

PG_URL = os.environ.get("FRONTDESK_TEST_PG_URL", "")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]
ADMIN_PASSWORD = "correct-horse-9"
NOW = dt.datetime(2026, 11, 23, 2, 30, tzinfo=dt.UTC)  # 10:30 in Shanghai


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime = NOW):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_migrated() -> str:
    db = Database(PG_URL)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    upgrade(db)
    db.dispose()
    return PG_URL


def _truncate_all(db: Database) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database: SQLite file, or PostgreSQL when configured."""
    if request.param == "sqlite":
        path = tmp_path / "frontdesk.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database(f"sqlite:///{path}")
    else:
        database = Database(request.getfixturevalue("pg_migrated"))
        _truncate_all(database)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A fresh SQLite database only (for SQLite-specific behaviour)."""
    path = tmp_path / "frontdesk.sqlite3"
    shutil.copy(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(db: Database, clock: FakeClock, tmp_path: Path) -> Services:
    return Services(db, clock, photos_dir=tmp_path / "photos")


@pytest.fixture
def admin(services: Services) -> Actor:
    """A set-up store with its admin account signed in."""
    return services.store.initialise("水沐莲清美容会所", "admin", "管理员", ADMIN_PASSWORD)
