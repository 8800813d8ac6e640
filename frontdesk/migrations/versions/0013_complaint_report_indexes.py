"""the month's complaints report reads its resolutions and steps by index

``ix_complaint_branch_resolved`` (branch, resolved_at): the cases resolved in a month,
whenever they were received; ``ix_complaint_step_kind_at`` (kind, at): the month's
escalations and reopens, without reading every step of the store's history.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 18:36:00
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.create_index("ix_complaint_branch_resolved", ["branch_id", "resolved_at"],
                              unique=False)
    with op.batch_alter_table("complaint_step", schema=None) as batch_op:
        batch_op.create_index("ix_complaint_step_kind_at", ["kind", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("complaint_step", schema=None) as batch_op:
        batch_op.drop_index("ix_complaint_step_kind_at")
    with op.batch_alter_table("complaint", schema=None) as batch_op:
        batch_op.drop_index("ix_complaint_branch_resolved")
