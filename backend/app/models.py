"""Every domain's models, imported once so Alembic and relationships see the whole schema."""

from app.activities.models import Activity, Donation
from app.agreements.models import Agreement, AgreementAreaRow, AgreementEvent, Amendment, Goal
from app.assessments.models import Assessment, AssessmentItem, AssessmentScore, AssessmentSheet
from app.attachments.models import Attachment
from app.audit.models import AuditEvent
from app.auth.models import LoginAttempt, RefreshToken
from app.core.db import Base
from app.integrations.models import (
    IdempotencyRecord,
    IntegrationClient,
    OutboxEvent,
    WebhookAttempt,
    WebhookDelivery,
    WebhookSubscription,
)
from app.meetings.models import ActionItem, Meeting
from app.notifications.models import Notification
from app.planning.models import PlanningProposal, StaffingNeed, TeacherUnavailability
from app.programmes.models import Programme
from app.regions.models import Organization, Region
from app.rotations.models import CheckIn, Rotation
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject
from app.users.models import User

__all__ = [
    "ActionItem",
    "Activity",
    "Agreement",
    "AgreementAreaRow",
    "AgreementEvent",
    "Amendment",
    "Assessment",
    "AssessmentItem",
    "AssessmentScore",
    "AssessmentSheet",
    "Attachment",
    "AuditEvent",
    "Base",
    "CheckIn",
    "Donation",
    "Goal",
    "IdempotencyRecord",
    "IntegrationClient",
    "LoginAttempt",
    "Meeting",
    "Notification",
    "Organization",
    "OutboxEvent",
    "PlanningProposal",
    "Programme",
    "RefreshToken",
    "Region",
    "Rotation",
    "School",
    "StaffingNeed",
    "Teacher",
    "TeacherSubject",
    "TeacherUnavailability",
    "User",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookSubscription",
]
