"""check-in desk: appointments, services planned at check-in, check-out idempotency keys

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 11:50:15.292450
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import frontdesk.models.base

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('appointment',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('service_item_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('starts_at', frontdesk.models.base.UTCDateTime(), nullable=False),
    sa.Column('ends_at', frontdesk.models.base.UTCDateTime(), nullable=False),
    sa.Column('status', sa.Enum('booked', 'arrived', 'cancelled', 'no_show', name='appointmentstatus', native_enum=False, length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('overlap_overridden', sa.Boolean(), nullable=False),
    sa.Column('visit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', frontdesk.models.base.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_appointment_branch_id_branch')),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_appointment_client_id_client')),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_appointment_created_by_staff')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_appointment_room_id_room')),
    sa.ForeignKeyConstraint(['service_item_id'], ['service_item.id'], name=op.f('fk_appointment_service_item_id_service_item')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_appointment_staff_id_staff')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_appointment_visit_id_visit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment'))
    )
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index('ix_appointment_branch_starts', ['branch_id', 'starts_at'], unique=False)
        batch_op.create_index('ix_appointment_client_starts', ['client_id', 'starts_at'], unique=False)
        batch_op.create_index('ix_appointment_room_starts', ['room_id', 'starts_at'], unique=False)
        batch_op.create_index('ix_appointment_staff_starts', ['staff_id', 'starts_at'], unique=False)

    op.create_table('checkout_key',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('visit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('at', frontdesk.models.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_checkout_key_staff_id_staff')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_checkout_key_visit_id_visit')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_checkout_key')),
    sa.UniqueConstraint('visit_id', name=op.f('uq_checkout_key_visit_id'))
    )
    op.create_table('planned_service',
    sa.Column('visit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('service_item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.SmallInteger(), nullable=False),
    sa.ForeignKeyConstraint(['service_item_id'], ['service_item.id'], name=op.f('fk_planned_service_service_item_id_service_item')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_planned_service_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', 'service_item_id', name=op.f('pk_planned_service'))
    )


def downgrade() -> None:
    op.drop_table('planned_service')
    op.drop_table('checkout_key')
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_index('ix_appointment_staff_starts')
        batch_op.drop_index('ix_appointment_room_starts')
        batch_op.drop_index('ix_appointment_client_starts')
        batch_op.drop_index('ix_appointment_branch_starts')

    op.drop_table('appointment')
