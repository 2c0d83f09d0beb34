"""agreements

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 04:32:10.251586
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('programme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('meeting_cadence', sa.Enum('per_year', 'per_term', name='meeting_cadence', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('min_meetings', sa.Integer(), nullable=False),
    sa.Column('min_rotation_share', sa.Numeric(precision=3, scale=2), nullable=False),
    sa.Column('min_backbone_share', sa.Numeric(precision=3, scale=2), nullable=False),
    sa.Column('backbone_share_base', sa.Enum('rotated', 'eligible', name='backbone_share_base', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('rotation_eligibility_years', sa.Integer(), nullable=False),
    sa.Column('required_rural_service_days', sa.Integer(), nullable=False),
    sa.Column('required_weak_service_days', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date > start_date', name=op.f('ck_programme_end_after_start')),
    sa.CheckConstraint('min_backbone_share >= 0 AND min_backbone_share <= 1', name=op.f('ck_programme_backbone_share_range')),
    sa.CheckConstraint('min_meetings >= 1', name=op.f('ck_programme_min_meetings_positive')),
    sa.CheckConstraint('min_rotation_share >= 0 AND min_rotation_share <= 1', name=op.f('ck_programme_rotation_share_range')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_programme_organization_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme'))
    )
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_organization_id'), ['organization_id'], unique=False)

    op.create_table('agreement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('supporting_school_id', sa.Integer(), nullable=False),
    sa.Column('receiving_school_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('commitments', sa.Text(), nullable=False),
    sa.Column('forms', sa.JSON(), nullable=False),
    sa.Column('assistant_principal_teacher_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'submitted', 'confirmed', 'active', 'completed', 'terminated', name='agreement_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('previous_agreement_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('end_date > start_date', name=op.f('ck_agreement_end_after_start')),
    sa.CheckConstraint('supporting_school_id <> receiving_school_id', name=op.f('ck_agreement_schools_differ')),
    sa.ForeignKeyConstraint(['assistant_principal_teacher_id'], ['teacher.id'], name=op.f('fk_agreement_assistant_principal_teacher_id_teacher'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_agreement_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['previous_agreement_id'], ['agreement.id'], name=op.f('fk_agreement_previous_agreement_id_agreement'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_agreement_programme_id_programme'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['receiving_school_id'], ['school.id'], name=op.f('fk_agreement_receiving_school_id_school'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['supporting_school_id'], ['school.id'], name=op.f('fk_agreement_supporting_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement'))
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_end_date'), ['end_date'], unique=False)
        batch_op.create_index('ix_agreement_pair', ['supporting_school_id', 'receiving_school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_receiving_school_id'), ['receiving_school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_start_date'), ['start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_status'), ['status'], unique=False)

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('lecture', 'demonstration_lesson', 'exchange_lesson', 'lessons_to_countryside', 'joint_research', 'seminar', 'leader_visit', 'student_exchange', 'training_visit', 'other', name='activity_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('organizer_school_id', sa.Integer(), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('subjects', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('participants >= 0', name=op.f('ck_activity_participants_non_negative')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_activity_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_activity_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organizer_school_id'], ['school.id'], name=op.f('fk_activity_organizer_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_kind'), ['kind'], unique=False)

    op.create_table('agreement_area',
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('area', sa.Enum('management', 'teaching', 'teacher_development', 'campus_culture', 'conditions', name='agreement_area_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_agreement_area_agreement_id_agreement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agreement_id', 'area', name=op.f('pk_agreement_area'))
    )
    op.create_table('amendment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'confirmed', 'active', 'completed', 'terminated', name='amendment_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_amendment_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_amendment_created_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_amendment'))
    )
    with op.batch_alter_table('amendment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_amendment_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('donation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('funds', 'books', 'equipment', 'furniture', 'other', name='donation_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('value_yuan', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('donor_school_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('quantity >= 0', name=op.f('ck_donation_quantity_non_negative')),
    sa.CheckConstraint('value_yuan >= 0', name=op.f('ck_donation_value_non_negative')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_donation_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_donation_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['donor_school_id'], ['school.id'], name=op.f('fk_donation_donor_school_id_school'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_donation'))
    )
    with op.batch_alter_table('donation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_donation_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_donation_date'), ['date'], unique=False)

    op.create_table('goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('area', sa.Enum('management', 'teaching', 'teacher_development', 'campus_culture', 'conditions', name='goal_area', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=False),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('planned', 'in_progress', 'achieved', 'missed', name='goal_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_goal_agreement_id_agreement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal'))
    )
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_agreement_id'), ['agreement_id'], unique=False)

    op.create_table('agreement_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('amendment_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('acting_as', sa.Enum('supporting_school', 'receiving_school', 'bureau', name='party', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('on_behalf', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('extra', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_agreement_event_actor_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_agreement_event_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['amendment_id'], ['amendment.id'], name=op.f('fk_agreement_event_amendment_id_amendment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_event'))
    )
    with op.batch_alter_table('agreement_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_event_agreement_id'), ['agreement_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('agreement_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_event_agreement_id'))

    op.drop_table('agreement_event')
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_agreement_id'))

    op.drop_table('goal')
    with op.batch_alter_table('donation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_donation_date'))
        batch_op.drop_index(batch_op.f('ix_donation_agreement_id'))

    op.drop_table('donation')
    with op.batch_alter_table('amendment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_amendment_agreement_id'))

    op.drop_table('amendment')
    op.drop_table('agreement_area')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_kind'))
        batch_op.drop_index(batch_op.f('ix_activity_date'))
        batch_op.drop_index(batch_op.f('ix_activity_agreement_id'))

    op.drop_table('activity')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_status'))
        batch_op.drop_index(batch_op.f('ix_agreement_start_date'))
        batch_op.drop_index(batch_op.f('ix_agreement_receiving_school_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_programme_id'))
        batch_op.drop_index('ix_agreement_pair')
        batch_op.drop_index(batch_op.f('ix_agreement_end_date'))

    op.drop_table('agreement')
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_organization_id'))

    op.drop_table('programme')

