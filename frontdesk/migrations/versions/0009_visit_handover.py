"""the consultation's visit, the visit's handover and its other beauticians

A consultation record may name the visit it was taken at (older records keep
none); a visit may have a handover (交接) with its lines, and beauticians beside
its lead (``visit_helper``). New tables and one nullable column: nothing to fill.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 06:12:36.522152
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import frontdesk.models.base

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('visit_handover',
    sa.Column('visit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('written_by_id', sa.Integer(), nullable=True),
    sa.Column('written_at', frontdesk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_visit_handover_branch_id_branch')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_handover_visit_id_visit')),
    sa.ForeignKeyConstraint(['written_by_id'], ['staff.id'], name=op.f('fk_visit_handover_written_by_id_staff')),
    sa.PrimaryKeyConstraint('visit_id', name=op.f('pk_visit_handover'))
    )
    with op.batch_alter_table('visit_handover', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_handover_branch_id'), ['branch_id'], unique=False)

    op.create_table('visit_helper',
    sa.Column('visit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_visit_helper_staff_id_staff')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_helper_visit_id_visit')),
    sa.PrimaryKeyConstraint('visit_id', 'staff_id', name=op.f('pk_visit_helper'))
    )
    with op.batch_alter_table('visit_helper', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_helper_staff_id'), ['staff_id'], unique=False)

    op.create_table('handover_line',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('visit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('position', sa.SmallInteger(), nullable=False),
    sa.Column('kind', sa.Enum('service', 'product', name='linekind', native_enum=False, length=24), nullable=False),
    sa.Column('service_item_id', sa.Integer(), nullable=True),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('purpose', sa.String(length=255), nullable=False),
    sa.Column('amount', sa.String(length=40), nullable=False),
    sa.Column('price_fen', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_handover_line_product_id_product')),
    sa.ForeignKeyConstraint(['service_item_id'], ['service_item.id'], name=op.f('fk_handover_line_service_item_id_service_item')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit_handover.visit_id'], name=op.f('fk_handover_line_visit_id_visit_handover'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handover_line'))
    )
    with op.batch_alter_table('handover_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_handover_line_visit_id'), ['visit_id'], unique=False)

    with op.batch_alter_table('consultation_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.create_index(batch_op.f('ix_consultation_record_visit_id'), ['visit_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_consultation_record_visit_id_visit'), 'visit', ['visit_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('consultation_record', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_consultation_record_visit_id_visit'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_consultation_record_visit_id'))
        batch_op.drop_column('visit_id')

    with op.batch_alter_table('handover_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_handover_line_visit_id'))

    op.drop_table('handover_line')
    with op.batch_alter_table('visit_helper', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_helper_staff_id'))

    op.drop_table('visit_helper')
    with op.batch_alter_table('visit_handover', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_handover_branch_id'))

    op.drop_table('visit_handover')
