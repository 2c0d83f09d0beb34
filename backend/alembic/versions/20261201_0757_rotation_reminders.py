"""rotation reminders

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 07:57:47.862031
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rotation_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_notification_rotation_id'), ['rotation_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_notification_rotation_id_rotation'), 'rotation', ['rotation_id'], ['id'], ondelete='CASCADE')



def downgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notification_rotation_id_rotation'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_notification_rotation_id'))
        batch_op.drop_column('rotation_id')

