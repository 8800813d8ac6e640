"""consultation photos in the database: their bytes in consultation_photo_data

Before, a photo's bytes were a file in the photos folder of the PC that added it
(``<client id>/<sha256>.<ext>``, recorded in ``rel_path``), so the other terminals of a
PostgreSQL store saw none. Now they are rows of ``consultation_photo_data``, one per
photo, apart from the metadata so that listing photos never reads a picture.

This revision changes the schema only. The files are moved in by every start that
finds a photos folder (:func:`frontdesk.bootstrap.open_database` calls
``PhotoService.adopt_files``), not here: on PostgreSQL each terminal holds the files it
added, and the revision runs on one of them only. The name of a file follows from the
photo's client, hash and type, so ``rel_path`` goes. The files stay where they are (a
copy from before the upgrade, if restored, still needs them).

The downgrade puts ``rel_path`` back as those names and drops the bytes: the files
still on a PC serve the older FrontDesk again.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 06:13:33.791138
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'consultation_photo_data',
        sa.Column('photo_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
                  nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ['photo_id'], ['consultation_photo.id'],
            name=op.f('fk_consultation_photo_data_photo_id_consultation_photo'),
            ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('photo_id', name=op.f('pk_consultation_photo_data')))
    with op.batch_alter_table('consultation_photo', schema=None) as batch_op:
        batch_op.drop_column('rel_path')


def downgrade() -> None:
    with op.batch_alter_table('consultation_photo', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rel_path', sa.String(length=255), nullable=False,
                                      server_default=''))
    ext = ("CASE media_type WHEN 'image/png' THEN '.png' WHEN 'image/webp' THEN '.webp' "
           "ELSE '.jpg' END")
    op.execute(f"UPDATE consultation_photo SET rel_path = "
               f"CAST(client_id AS VARCHAR(20)) || '/' || sha256 || {ext}")
    op.drop_table('consultation_photo_data')
