"""search keys: every reading of a name, ranked by the last visit

One table, ``client_search_key``, replaces the name's pinyin and initials
columns and the ``client_name_part`` table: a row per key a client's name is
found by (see :func:`frontdesk.core.names.search_keys`), with the key's grade
and the client's last visit, so a name lookup reads its hits already ranked.

The keys of the clients on file are made here, with the same function the
program uses, a batch of clients at a time, and written in client order (the
primary key's order); the lookup index is built once they are all in, which
sorts once instead of inserting 16 million entries in random places. At
1,000,000 clients this takes a minute or two (see the README's figures).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 05:23:15.739974
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

BATCH = 10_000
"""Clients read and keyed per round trip."""
_LOOKUP = ("key", "grade", "seen", "client_id")


def upgrade() -> None:
    op.create_table('client_search_key',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=100).with_variant(sa.String(length=100, collation='C'), 'postgresql'), nullable=False),
    sa.Column('grade', sa.SmallInteger(), nullable=False),
    sa.Column('seen', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_client_search_key_client_id_client'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('client_id', 'key', name=op.f('pk_client_search_key')),
    sqlite_with_rowid=False
    )
    _write_keys(op.get_bind())
    op.create_index('ix_client_search_key_lookup', 'client_search_key', list(_LOOKUP))
    op.drop_index('ix_client_name_part_client_id', table_name='client_name_part')
    op.drop_table('client_name_part')
    # Plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35), not a batch copy of the client table.
    op.drop_index('ix_client_name_initials', table_name='client')
    op.drop_index('ix_client_name_pinyin', table_name='client')
    op.drop_column('client', 'name_pinyin')
    op.drop_column('client', 'name_initials')


def _write_keys(conn: sa.Connection) -> None:
    """Every client's search keys, written in client-id order."""
    raw = conn.connection.driver_connection
    assert raw is not None
    postgres = conn.dialect.name == "postgresql"
    for rows in _key_batches(conn):
        if postgres:
            with raw.cursor() as cur, cur.copy(
                    "COPY client_search_key (client_id, key, grade, seen) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            raw.executemany("INSERT INTO client_search_key (client_id, key, grade, seen) "
                            "VALUES (?, ?, ?, ?)", rows)


def _key_batches(conn: sa.Connection) -> Iterator[list[tuple[Any, ...]]]:
    from frontdesk.core.names import search_keys
    from frontdesk.db import UTCDateTime

    query = sa.text("SELECT id, name, last_visit_at FROM client WHERE id > :after "
                    "ORDER BY id LIMIT :n").columns(last_visit_at=UTCDateTime())
    after = 0
    while True:
        clients = conn.execute(query, {"after": after, "n": BATCH}).all()
        if not clients:
            return
        yield [(client_id, key, int(grade), _seconds(last))
               for client_id, name, last in clients
               for key, grade in sorted(search_keys(name).items())]
        after = clients[-1][0]


def _seconds(at: dt.datetime | None) -> int:
    """As ``frontdesk.models.client.visit_seconds`` (kept here: a migration stays as written)."""
    return 0 if at is None else int(at.timestamp())


def downgrade() -> None:
    op.add_column('client', sa.Column('name_pinyin', sa.String(length=64).with_variant(sa.String(length=64, collation='C'), 'postgresql'), nullable=False, server_default=''))
    op.add_column('client', sa.Column('name_initials', sa.String(length=64).with_variant(sa.String(length=64, collation='C'), 'postgresql'), nullable=False, server_default=''))
    op.create_table('client_name_part',
    sa.Column('part', sa.String(length=16), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_client_name_part_client_id_client'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('part', 'client_id', name=op.f('pk_client_name_part'))
    )
    _write_old_keys(op.get_bind())
    op.create_index('ix_client_name_part_client_id', 'client_name_part', ['client_id'])
    op.create_index('ix_client_name_pinyin', 'client', ['name_pinyin'])
    op.create_index('ix_client_name_initials', 'client', ['name_initials'])
    op.drop_index('ix_client_search_key_lookup', table_name='client_search_key')
    op.drop_table('client_search_key')


def _write_old_keys(conn: sa.Connection) -> None:
    """The first reading as pinyin and initials, and the parts, from the keys kept."""
    conn.execute(sa.text(
        "INSERT INTO client_name_part (part, client_id) SELECT key, client_id "
        "FROM client_search_key WHERE grade = 0 AND length(key) <= 16"))
    for column, grade in (("name_pinyin", 4), ("name_initials", 2)):
        conn.execute(sa.text(
            f"UPDATE client SET {column} = coalesce((SELECT min(k.key) FROM client_search_key k "
            f"WHERE k.client_id = client.id AND k.grade = {grade} "
            "AND k.key < '{'), '')"))
