"""Every domain's models, imported once so Alembic and relationships see the whole schema."""

from app.audit.models import AuditEvent
from app.auth.models import LoginAttempt, RefreshToken
from app.core.db import Base
from app.regions.models import Organization, Region
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject
from app.users.models import User

__all__ = [
    "AuditEvent",
    "Base",
    "LoginAttempt",
    "Organization",
    "RefreshToken",
    "Region",
    "School",
    "Teacher",
    "TeacherSubject",
    "User",
]
