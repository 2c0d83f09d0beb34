"""rotations

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 05:15:09.269156
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('rotation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('from_school_id', sa.Integer(), nullable=False),
    sa.Column('to_school_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('direction', sa.Enum('dispatch', 'training', name='rotation_direction', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('kind', sa.Enum('teaching', 'secondment', 'shadowing', 'replacement', name='rotation_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('subjects', sa.JSON(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('weekly_periods', sa.Integer(), nullable=False),
    sa.Column('personnel_moved', sa.Boolean(), nullable=False),
    sa.Column('living_allowance_yuan', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('transport_allowance_yuan', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('status', sa.Enum('planned', 'approved', 'active', 'completed', 'withdrawn', name='rotation_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('withdraw_reason', sa.Text(), nullable=False),
    sa.Column('arrived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_rotation_end_not_before_start')),
    sa.CheckConstraint('from_school_id <> to_school_id', name=op.f('ck_rotation_schools_differ')),
    sa.CheckConstraint('weekly_periods >= 0', name=op.f('ck_rotation_weekly_periods_non_negative')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_rotation_agreement_id_agreement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_rotation_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['from_school_id'], ['school.id'], name=op.f('fk_rotation_from_school_id_school'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_rotation_teacher_id_teacher'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['to_school_id'], ['school.id'], name=op.f('fk_rotation_to_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rotation'))
    )
    with op.batch_alter_table('rotation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rotation_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rotation_end_date'), ['end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_rotation_from_school_id'), ['from_school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rotation_start_date'), ['start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_rotation_status'), ['status'], unique=False)
        batch_op.create_index('ix_rotation_teacher_dates', ['teacher_id', 'start_date', 'end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_rotation_to_school_id'), ['to_school_id'], unique=False)

    op.create_table('checkin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rotation_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('latitude', sa.Double(), nullable=True),
    sa.Column('longitude', sa.Double(), nullable=True),
    sa.Column('distance_m', sa.Integer(), nullable=True),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['rotation_id'], ['rotation.id'], name=op.f('fk_checkin_rotation_id_rotation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_checkin_teacher_id_teacher'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin')),
    sa.UniqueConstraint('teacher_id', 'date', name=op.f('uq_checkin_teacher_id_date'))
    )
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_rotation_id'), ['rotation_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkin_rotation_id'))

    op.drop_table('checkin')
    with op.batch_alter_table('rotation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rotation_to_school_id'))
        batch_op.drop_index('ix_rotation_teacher_dates')
        batch_op.drop_index(batch_op.f('ix_rotation_status'))
        batch_op.drop_index(batch_op.f('ix_rotation_start_date'))
        batch_op.drop_index(batch_op.f('ix_rotation_from_school_id'))
        batch_op.drop_index(batch_op.f('ix_rotation_end_date'))
        batch_op.drop_index(batch_op.f('ix_rotation_agreement_id'))

    op.drop_table('rotation')

