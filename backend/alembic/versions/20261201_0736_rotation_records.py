"""rotation records

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 07:36:23.170084
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('calendar_day',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('holiday', 'workday', name='calendar_day_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_calendar_day_organization_id_organization'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_day')),
    sa.UniqueConstraint('organization_id', 'date', name=op.f('uq_calendar_day_organization_id_date'))
    )
    with op.batch_alter_table('calendar_day', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_day_date'), ['date'], unique=False)

    op.create_table('evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rotation_id', sa.Integer(), nullable=False),
    sa.Column('evaluator_school_id', sa.Integer(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('weights', sa.JSON(), nullable=False),
    sa.Column('total', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('grade', sa.Enum('excellent', 'good', 'pass', 'fail', name='evaluation_grade', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('comments', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', name='evaluation_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('total >= 0 AND total <= 100', name=op.f('ck_evaluation_total_range')),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_evaluation_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['evaluator_school_id'], ['school.id'], name=op.f('fk_evaluation_evaluator_school_id_school'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['rotation_id'], ['rotation.id'], name=op.f('fk_evaluation_rotation_id_rotation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation')),
    sa.UniqueConstraint('rotation_id', 'evaluator_school_id', name=op.f('uq_evaluation_rotation_id_evaluator_school_id'))
    )
    op.create_table('leave',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rotation_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('status', sa.Enum('pending', 'approved', 'rejected', name='leave_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('decision_comment', sa.String(length=500), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_leave_end_not_before_start')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_leave_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['rotation_id'], ['rotation.id'], name=op.f('fk_leave_rotation_id_rotation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_leave_teacher_id_teacher'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leave'))
    )
    with op.batch_alter_table('leave', schema=None) as batch_op:
        batch_op.create_index('ix_leave_rotation_dates', ['rotation_id', 'start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_leave_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_leave_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('work_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rotation_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('lesson', 'open_class', 'demonstration_lesson', 'lecture', 'mentoring', 'lesson_prep', 'research', 'marking', 'exam_analysis', 'other', name='work_log_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('periods', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('photo_key', sa.String(length=200), nullable=True),
    sa.Column('photo_content_type', sa.String(length=50), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('periods >= 0 AND periods <= 20', name=op.f('ck_work_log_periods_range')),
    sa.ForeignKeyConstraint(['rotation_id'], ['rotation.id'], name=op.f('fk_work_log_rotation_id_rotation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_work_log_teacher_id_teacher'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_log'))
    )
    with op.batch_alter_table('work_log', schema=None) as batch_op:
        batch_op.create_index('ix_work_log_rotation_date', ['rotation_id', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_log_teacher_id'), ['teacher_id'], unique=False)

    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evaluation_weights', sa.JSON(), server_default='{"attitude": 20, "attendance": 20, "teaching": 30, "results": 20, "contribution": 10}', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.drop_column('evaluation_weights')

    with op.batch_alter_table('work_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_log_teacher_id'))
        batch_op.drop_index('ix_work_log_rotation_date')

    op.drop_table('work_log')
    with op.batch_alter_table('leave', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leave_teacher_id'))
        batch_op.drop_index(batch_op.f('ix_leave_status'))
        batch_op.drop_index('ix_leave_rotation_dates')

    op.drop_table('leave')
    op.drop_table('evaluation')
    with op.batch_alter_table('calendar_day', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_day_date'))

    op.drop_table('calendar_day')
