"""activities: one index on (agreement_id, date), kind included on PostgreSQL

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 22:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The composite index serves every lookup by agreement_id the old one did (its leading column).
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(
            'ix_activity_agreement_id_date', ['agreement_id', 'date'], unique=False, postgresql_include=['kind']
        )
        batch_op.drop_index('ix_activity_agreement_id')


def downgrade() -> None:
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index('ix_activity_agreement_id', ['agreement_id'], unique=False)
        batch_op.drop_index('ix_activity_agreement_id_date')
