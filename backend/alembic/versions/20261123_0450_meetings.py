"""meetings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 04:50:22.496242
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('regular', 'leader_visit', 'other', name='meeting_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('scheduled_date', sa.Date(), nullable=False),
    sa.Column('held_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('planned', 'held', 'cancelled', name='meeting_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.Column('online_link', sa.String(length=500), nullable=False),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('attendees', sa.JSON(), nullable=False),
    sa.Column('minutes', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('minutes_status', sa.Enum('draft', 'final', name='minutes_status', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('minutes_recorded_by', sa.Enum('supporting_school', 'receiving_school', 'bureau', name='minutes_party', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('minutes_comment', sa.Text(), nullable=False),
    sa.Column('minutes_final_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_meeting_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_meeting_created_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index('ix_meeting_agreement_status_held', ['agreement_id', 'status', 'held_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_held_date'), ['held_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_scheduled_date'), ['scheduled_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_status'), ['status'], unique=False)

    op.create_table('action_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner_school_id', sa.Integer(), nullable=False),
    sa.Column('owner_name', sa.String(length=100), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('open', 'done', name='action_item_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_action_item_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_action_item_meeting_id_meeting'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_school_id'], ['school.id'], name=op.f('fk_action_item_owner_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_item'))
    )
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.create_index('ix_action_item_agreement_status_due', ['agreement_id', 'status', 'due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_item_meeting_id'), ['meeting_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_item_meeting_id'))
        batch_op.drop_index('ix_action_item_agreement_status_due')

    op.drop_table('action_item')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_status'))
        batch_op.drop_index(batch_op.f('ix_meeting_scheduled_date'))
        batch_op.drop_index(batch_op.f('ix_meeting_held_date'))
        batch_op.drop_index('ix_meeting_agreement_status_held')

    op.drop_table('meeting')

