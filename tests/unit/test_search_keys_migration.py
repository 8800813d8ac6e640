"""Migration 0006 on a store with clients: every client's search keys are made, with the
last visit, and the old pinyin columns and name-part table are gone; on SQLite and on
PostgreSQL (in a schema of its own, so the other tests' schema is left alone)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import bindparam, inspect, text

from frontdesk.core.context import Role
from frontdesk.core.names import search_keys
from frontdesk.db import Database, UTCDateTime
from frontdesk.migrate import alembic_config, migrating, upgrade
from frontdesk.models import Branch
from frontdesk.models.client import visit_seconds
from frontdesk.services.clients.search import ClientSearch
from tests.actors import staff_in_role
from tests.conftest import BACKENDS, NOW, PG_URL, FakeClock

NAMES = ("李长青", "汪曾祺", "张朝晖", "单田芳", "欧阳娜娜", "Anna Lee", "王芳")
CLIENTS = 10_050
"""More than one batch of the migration (10,000 clients)."""
SCHEMA = "migration_0006"


@pytest.fixture(params=BACKENDS)
def old_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database at revision 0005 (before the search keys)."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    else:
        _on_the_server(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE", f"CREATE SCHEMA {SCHEMA}")
        db = Database(f"{PG_URL}?options=-csearch_path%3D{SCHEMA}")
    config = alembic_config()
    with migrating(db) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
    yield db
    db.dispose()
    if request.param != "sqlite":
        _on_the_server(f"DROP SCHEMA {SCHEMA} CASCADE")


def _on_the_server(*statements: str) -> None:
    server = Database(PG_URL)
    with server.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    server.dispose()


def _last_visit(i: int) -> dt.datetime | None:
    return None if i % 5 == 0 else NOW - dt.timedelta(days=i % 400, seconds=i)


def _fill_the_old_way(db: Database) -> None:
    """Clients as revision 0005 stored them (pinyin columns, name parts)."""
    rows = [{"id": i, "name": NAMES[i % len(NAMES)], "visit": _last_visit(i)}
            for i in range(1, CLIENTS + 1)]
    with db.write() as s:
        s.add(Branch(id=1, name="老店"))
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO client (id, branch_id, name, name_pinyin, name_initials, gender, "
            "birth_leap_month, source, visitor_class, tier, allergies, note, consent_marketing, "
            "consent_health, last_visit_at, created_at, updated_at, version) VALUES (:id, 1, "
            ":name, 'old', 'o', 'unknown', false, 'walk_in', 'general', '', '', '', false, "
            "false, :visit, :now, :now, 1)").bindparams(
                bindparam("visit", type_=UTCDateTime()), bindparam("now", type_=UTCDateTime())),
            [{**row, "now": NOW} for row in rows])
        conn.execute(text("INSERT INTO client_name_part (part, client_id) VALUES ('旧', 1)"))


def test_the_upgrade_makes_every_client_s_keys(old_db: Database) -> None:
    _fill_the_old_way(old_db)
    upgrade(old_db)
    with old_db.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        columns = {c["name"] for c in inspect(conn).get_columns("client")}
        stored: dict[int, dict[str, int]] = {}
        seen: dict[int, set[int]] = {}
        for client_id, key, grade, at in conn.execute(text(
                "SELECT client_id, key, grade, seen FROM client_search_key")):
            stored.setdefault(client_id, {})[key] = grade
            seen.setdefault(client_id, set()).add(at)
    assert "client_name_part" not in tables and "client_search_key" in tables
    assert not {"name_pinyin", "name_initials"} & columns
    assert len(stored) == CLIENTS
    for i in range(1, CLIENTS + 1):
        assert stored[i] == search_keys(NAMES[i % len(NAMES)]), i
        assert seen[i] == {visit_seconds(_last_visit(i))}, i


def test_the_upgraded_store_is_searched_by_readings_latest_visit_first(
        old_db: Database) -> None:
    _fill_the_old_way(old_db)
    upgrade(old_db)
    desk = staff_in_role(old_db, 1, Role.RECEPTIONIST)
    hits = ClientSearch(old_db, FakeClock()).search(desk, "lzq", limit=3)
    named = [i for i in range(1, CLIENTS + 1) if NAMES[i % len(NAMES)] == "李长青"]
    latest = sorted(named, key=lambda i: (_last_visit(i) is None, -visit_seconds(_last_visit(i)),
                                          -i))
    assert [h.client_id for h in hits] == latest[:3]
