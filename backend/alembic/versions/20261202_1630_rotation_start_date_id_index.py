"""rotations: the index on start_date extended by id, the lists' order

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 16:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The composite index serves every lookup by start_date the old one did (its leading column).
    with op.batch_alter_table('rotation', schema=None) as batch_op:
        batch_op.create_index('ix_rotation_start_date_id', ['start_date', 'id'], unique=False)
        batch_op.drop_index('ix_rotation_start_date')


def downgrade() -> None:
    with op.batch_alter_table('rotation', schema=None) as batch_op:
        batch_op.create_index('ix_rotation_start_date', ['start_date'], unique=False)
        batch_op.drop_index('ix_rotation_start_date_id')
