"""The search benchmark's PostgreSQL database: filled once by the demo's bulk fill, then reused.

``FRONTDESK_BENCH_PG_URL`` names a database on a server (the user needs the
right to create a schema in it). The demo store lives in a schema of its own,
``search_<clients>_s<seed>``, so the database's other contents are left alone and
a smaller trial (``--clients 20000``) does not replace the big one. The schema's
``bench_fill`` table records what was filled: clients, seed, the benchmark data's
version (:data:`~tests.bench.bench_search.DATA_VERSION`) and the schema revision;
when any of them differs from what this code would build, or the table is missing
(a fill that did not finish), the schema is dropped and filled again. After the
fill, ``VACUUM ANALYZE`` gives the planner its statistics and the lookup index its
visibility map (index-only scans), as autovacuum would a while later.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from frontdesk.db import Database
from frontdesk.migrate import upgrade
from frontdesk.migrations import HEAD

URL_VARIABLE = "FRONTDESK_BENCH_PG_URL"
Progress = Callable[[str, int, int], None]


def schema_name(clients: int, seed: int) -> str:
    return f"search_{clients}_s{seed}"


def in_schema(url: str, schema: str) -> tuple[str, str]:
    """(SQLAlchemy URL, libpq URL) of the database with ``schema`` first on the search path."""
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    return (scoped.render_as_string(hide_password=False),
            scoped.set(drivername="postgresql").render_as_string(hide_password=False))


def libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def ensure_pg_database(url: str, clients: int, seed: int, version: str,
                       progress: Progress) -> tuple[str, str]:
    """The benchmark schema for this client count and seed, filled on first use.

    Returns its (SQLAlchemy URL, libpq URL).
    """
    from frontdesk.demo.fill import DemoOptions, fill_demo

    schema = schema_name(clients, seed)
    wanted = (clients, seed, version, HEAD)
    with psycopg.connect(libpq_url(url), autocommit=True) as server:
        filled = _filled(server, schema)
        if filled == wanted:
            return in_schema(url, schema)
        if filled is not None and filled[:3] == wanted[:3]:  # the same store, an older schema
            return _upgraded(url, schema)
        name = sql.Identifier(schema)
        server.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(name))
        server.execute(sql.SQL("CREATE SCHEMA {}").format(name))
    scoped, raw = in_schema(url, schema)
    db = Database(scoped)
    try:
        upgrade(db)
        started = time.perf_counter()
        fill_demo(db, DemoOptions(clients=clients, seed=seed), progress=progress)
    finally:
        db.dispose()
    with psycopg.connect(raw, autocommit=True) as conn:
        progress("VACUUM ANALYZE", 0, 1)
        conn.execute("VACUUM ANALYZE")
        conn.execute("CREATE TABLE bench_fill (clients integer, seed integer, version text, "
                     "revision text, built_s real, built_at timestamptz DEFAULT now())")
        conn.execute("INSERT INTO bench_fill (clients, seed, version, revision, built_s) "
                     "VALUES (%s, %s, %s, %s, %s)",
                     (*wanted, time.perf_counter() - started))
    print(file=sys.stderr)
    return scoped, raw


def upgrade_in_place(url: str) -> None:
    """A benchmark database of an older revision brought to the newest by the migrations."""
    db = Database(url)
    try:
        upgrade(db)
    finally:
        db.dispose()


def _upgraded(url: str, schema: str) -> tuple[str, str]:
    """Bring a schema filled by the same demo up to the newest revision, as the migrations
    bring a store's database (a new revision alone does not refill a million clients)."""
    scoped, raw = in_schema(url, schema)
    upgrade_in_place(scoped)
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute("UPDATE bench_fill SET revision = %s", (HEAD,))
    return scoped, raw


def _filled(server: psycopg.Connection, schema: str) -> tuple[object, ...] | None:
    """What the schema's bench_fill table says was filled (None without one)."""
    found = server.execute("SELECT to_regclass(%s)", (f"{schema}.bench_fill",)).fetchone()
    if found is None or found[0] is None:
        return None
    row = server.execute(sql.SQL("SELECT clients, seed, version, revision FROM {}.bench_fill")
                         .format(sql.Identifier(schema))).fetchone()
    return tuple(row) if row else None


def built_in(url: str, clients: int, seed: int) -> float | None:
    """How long the fill of this schema took, in seconds (None when unknown)."""
    _, raw = in_schema(url, schema_name(clients, seed))
    with psycopg.connect(raw, autocommit=True) as conn:
        row = conn.execute("SELECT built_s FROM bench_fill").fetchone()
    return float(row[0]) if row else None
