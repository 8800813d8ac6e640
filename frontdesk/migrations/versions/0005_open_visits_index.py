"""open visits: a partial index of the visits not yet closed (the desk's board reads them)

A plain CREATE INDEX (no batch mode): SQLite adds an index without copying the
table, which matters on a store with millions of visits. Only the open visits
are indexed, so it is built by one pass over the table and stays tiny.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 05:17:24.298112
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

OPEN = sa.text("status IN ('waiting', 'in_service', 'finished')")


def upgrade() -> None:
    op.create_index('ix_visit_open', 'visit', ['branch_id', 'arrived_at'], unique=False,
                    sqlite_where=OPEN, postgresql_where=OPEN)


def downgrade() -> None:
    op.drop_index('ix_visit_open', table_name='visit')
