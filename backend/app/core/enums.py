"""Enumerations fixed by the public API contract (values are part of the contract)."""

from enum import StrEnum
from typing import Any

from sqlalchemy import Enum as SAEnum


class RegionLevel(StrEnum):
    province = "province"
    city = "city"
    county = "county"


class Stage(StrEnum):
    kindergarten = "kindergarten"
    primary = "primary"
    junior = "junior"
    nine_year = "nine_year"
    senior = "senior"
    complete = "complete"
    vocational = "vocational"
    special = "special"


class SchoolLocale(StrEnum):
    urban = "urban"
    town = "town"
    rural = "rural"
    remote = "remote"


class Role(StrEnum):
    bureau_admin = "bureau_admin"
    bureau_viewer = "bureau_viewer"
    school_admin = "school_admin"
    teacher = "teacher"


class Gender(StrEnum):
    female = "female"
    male = "male"


class TitleRank(StrEnum):
    none = "none"
    third = "third"
    second = "second"
    first = "first"
    senior = "senior"
    principal_senior = "principal_senior"


class BackboneLevel(StrEnum):
    none = "none"
    school = "school"
    county = "county"
    city = "city"
    province = "province"


def db_enum(enum_cls: type[StrEnum], name: str) -> Any:
    """A portable enum column: VARCHAR plus a named CHECK constraint, same on SQLite and PostgreSQL."""
    return SAEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class MeetingCadence(StrEnum):
    per_year = "per_year"
    per_term = "per_term"


class BackboneShareBase(StrEnum):
    rotated = "rotated"
    eligible = "eligible"


class AgreementStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    confirmed = "confirmed"
    active = "active"
    completed = "completed"
    terminated = "terminated"


class AgreementArea(StrEnum):
    management = "management"
    teaching = "teaching"
    teacher_development = "teacher_development"
    campus_culture = "campus_culture"
    conditions = "conditions"


class AssistanceForm(StrEnum):
    staff = "staff"
    teaching = "teaching"
    material = "material"
    funds = "funds"


class GoalStatus(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    achieved = "achieved"
    missed = "missed"


class ActivityKind(StrEnum):
    lecture = "lecture"
    demonstration_lesson = "demonstration_lesson"
    exchange_lesson = "exchange_lesson"
    lessons_to_countryside = "lessons_to_countryside"
    joint_research = "joint_research"
    seminar = "seminar"
    leader_visit = "leader_visit"
    student_exchange = "student_exchange"
    training_visit = "training_visit"
    other = "other"


class DonationKind(StrEnum):
    funds = "funds"
    books = "books"
    equipment = "equipment"
    furniture = "furniture"
    other = "other"


class Party(StrEnum):
    """Who acts on an agreement: one of its two schools, or the bureau."""

    supporting_school = "supporting_school"
    receiving_school = "receiving_school"
    bureau = "bureau"


class MeetingKind(StrEnum):
    regular = "regular"
    leader_visit = "leader_visit"
    other = "other"


class MeetingStatus(StrEnum):
    planned = "planned"
    held = "held"
    cancelled = "cancelled"


class MinutesStatus(StrEnum):
    draft = "draft"
    final = "final"


class ActionItemStatus(StrEnum):
    open = "open"
    done = "done"


class ComplianceStatus(StrEnum):
    compliant = "compliant"
    at_risk = "at_risk"
    non_compliant = "non_compliant"


class RotationDirection(StrEnum):
    dispatch = "dispatch"  # supporting school → receiving school (支教)
    training = "training"  # receiving school → supporting school (跟岗, 顶岗)


class RotationKind(StrEnum):
    teaching = "teaching"
    secondment = "secondment"
    shadowing = "shadowing"
    replacement = "replacement"


class RotationStatus(StrEnum):
    planned = "planned"
    approved = "approved"
    active = "active"
    completed = "completed"
    withdrawn = "withdrawn"


class Term(StrEnum):
    autumn = "autumn"
    spring = "spring"
    year = "year"


class LeaveStatus(StrEnum):
    pending = "pending"
    approved = "approved"
    rejected = "rejected"


class WorkLogKind(StrEnum):
    lesson = "lesson"
    open_class = "open_class"
    demonstration_lesson = "demonstration_lesson"
    lecture = "lecture"
    mentoring = "mentoring"
    lesson_prep = "lesson_prep"
    research = "research"
    marking = "marking"
    exam_analysis = "exam_analysis"
    other = "other"


class EvaluationStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"


class EvaluationGrade(StrEnum):
    excellent = "excellent"
    good = "good"
    # "pass" is a Python keyword: the member is pass_, its value the contract's "pass".
    pass_ = "pass"
    fail = "fail"


class CalendarDayKind(StrEnum):
    holiday = "holiday"  # a weekday without school (national holidays, the bureau's closures)
    workday = "workday"  # a weekend day with school (调休 make-up days)


class AssessmentStatus(StrEnum):
    draft = "draft"  # the template can change and inspectors score
    published = "published"  # final: scores and ranking locked


class AssessmentSource(StrEnum):
    """Where an assessment item's points come from: an inspector, or the pair's data for the year."""

    manual = "manual"
    meetings = "meetings"  # meetings held vs required by the programme
    rotations = "rotations"  # teachers exchanged under the agreement vs the item's target
    activities = "activities"  # activities recorded vs the item's target
    goals = "goals"  # goals achieved vs goals due in the year (or the item's target)


class DeliveryStatus(StrEnum):
    pending = "pending"  # waiting for its next attempt
    delivered = "delivered"  # the receiver answered 2xx
    failed = "failed"  # no 2xx within 24 hours: given up (a person may redeliver)


class WebhookEvent(StrEnum):
    agreement_status_changed = "agreement.status_changed"
    meeting_held = "meeting.held"
    rotation_status_changed = "rotation.status_changed"
    checkin_created = "checkin.created"
    evaluation_submitted = "evaluation.submitted"


class NeedPriority(StrEnum):
    urgent = "urgent"
    normal = "normal"


class ProposalStatus(StrEnum):
    draft = "draft"  # under review: assignments may be moved or removed
    accepted = "accepted"  # turned into planned rotations; final
