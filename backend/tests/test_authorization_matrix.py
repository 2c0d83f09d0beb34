"""Every API route × every role, against an object of the caller's county and one of another county;
as an integration client with and without the route's scope (CLIENT_SCOPE); and, for every route
taking an object id, as a school admin on its partner school's objects (PARTNER).

The route list comes from the application's own OpenAPI document: a new route without a row in
EXPECTED (CLIENT_SCOPE, PARTNER) fails `test_every_route_has_expectations` (and its two siblings), so
permissions cannot be forgotten.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import now, today
from app.core.i18n import t
from app.integrations.scopes import SCOPES
from app.main import create_app
from app.notifications.models import Notification
from app.regions.models import Organization
from tests.factories import (
    CLIENT_SECRET,
    PNG,
    World,
    make_agreement,
    make_ledger,
    make_need,
    make_records,
    make_rotation,
    make_unavailable,
)

ROLES = ("anonymous", "bureau_admin", "bureau_viewer", "school_admin", "teacher", "foreign_bureau_admin")
STRANGER_ROLES = ("bureau_admin", "bureau_viewer", "school_admin", "teacher")
# The school admin of the caller's county whose school is no party to the agreement.
OUTSIDER = "outsider_school_admin"


def _all(status: int, anonymous: int = 401) -> dict[str, int]:
    return {role: (anonymous if role == "anonymous" else status) for role in ROLES}


def _roles(admin: int, viewer: int, school: int, teacher: int, foreign: int) -> dict[str, int]:
    return {
        "anonymous": 401,
        "bureau_admin": admin,
        "bureau_viewer": viewer,
        "school_admin": school,
        "teacher": teacher,
        "foreign_bureau_admin": foreign,
    }


Request = tuple[str, dict[str, Any]]  # url, httpx keyword arguments
Builder = Callable[[World, bool], Request]  # (world, stranger?) -> request


def _school(w: World, stranger: bool) -> Request:
    return f"/api/v1/schools/{(w.b1 if stranger else w.a1).id}", {}


def _teacher(w: World, stranger: bool) -> Request:
    return f"/api/v1/teachers/{(w.teacher_b1 if stranger else w.teacher_a1).id}", {}


def _user(w: World, stranger: bool) -> Request:
    return f"/api/v1/users/{w.users['foreign_school_admin' if stranger else 'teacher'].id}", {}


def _with(builder: Builder, **kwargs: Any) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        url, _ = builder(w, stranger)
        return url, kwargs

    return build


def _plain(url: str, **kwargs: Any) -> Builder:
    return lambda w, stranger: (url, kwargs)


def _new_teacher(w: World, stranger: bool) -> Request:
    return "/api/v1/teachers", {
        "json": {
            "name": "新教师",
            "gender": "male",
            "school_id": w.a1.id,
            "subjects": ["数学"],
            "hire_date": "2020-09-01",
        }
    }


def _import_teachers(w: World, stranger: bool) -> Request:
    csv = f"姓名,性别,学校代码,入职日期\n导入教师,女,{w.a1.code},2018-09-01\n".encode()
    return "/api/v1/imports/teachers", {"files": {"file": ("t.csv", csv, "text/csv")}}


def _need(w: World, stranger: bool) -> Request:
    return f"/api/v1/needs/{(w.foreign_need if stranger else w.need).id}", {}


def _unavailable(w: World, stranger: bool) -> Request:
    mark = w.foreign_unavailable if stranger else w.unavailable
    return f"/api/v1/planning/unavailable-teachers/{mark.id}", {}


def _proposal_path(suffix: str = "", **kwargs: Any) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        proposal = w.foreign_proposal if stranger else w.proposal
        return f"/api/v1/planning/proposals/{proposal.id}{suffix}", kwargs

    return build


def _new_need(w: World, stranger: bool) -> Request:
    return "/api/v1/needs", {"json": {"school_id": w.a2.id, "school_year": 2026, "subject": "音乐"}}


def _new_mark(w: World, stranger: bool) -> Request:
    body = {"teacher_id": w.teacher_a1.id, "school_year": 2026, "reason": "病假"}
    return "/api/v1/planning/unavailable-teachers", {"json": body}


def _new_proposal(w: World, stranger: bool) -> Request:
    return "/api/v1/planning/proposals", {"json": {"region_id": w.county_a.id, "school_year": 2026}}


def _new_school(w: World, stranger: bool) -> Request:
    return "/api/v1/schools", {
        "json": {
            "code": "MATRIX-1",
            "name": "矩阵小学",
            "stage": "primary",
            "locale": "rural",
            "region_id": w.county_a.id,
        }
    }


def _new_user(w: World, stranger: bool) -> Request:
    return "/api/v1/users", {
        "json": {
            "username": "matrix_admin",
            "display_name": "矩阵",
            "role": "school_admin",
            "password": "long-enough-1",
            "school_id": w.a2.id,
        }
    }


def _agreement_path(suffix: str = "", **kwargs: Any) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        agreement = w.foreign_agreement if stranger else w.agreement
        return f"/api/v1/agreements/{agreement.id}{suffix}", kwargs

    return build


def _ledger_path(kind: str, suffix: str = "", **kwargs: Any) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        record = getattr(w.foreign_ledger if stranger else w.ledger, kind)
        plural = {"activity": "activities", "action_item": "action-items"}.get(kind, f"{kind}s")
        return f"/api/v1/{plural}/{record.id}{suffix}", kwargs

    return build


def _assessment_path(suffix: str = "", **kwargs: Any) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        assessment, agreement = (
            (w.foreign_assessment, w.foreign_agreement) if stranger else (w.assessment, w.agreement)
        )
        return f"/api/v1/assessments/{assessment.id}{suffix.format(agreement=agreement.id)}", kwargs

    return build


def _client_path(suffix: str = "", **kwargs: Any) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        return (
            f"/api/v1/integrations/clients/{(w.foreign_client if stranger else w.client).id}{suffix}",
            kwargs,
        )

    return build


def _webhook_path(suffix: str = "", **kwargs: Any) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        delivery = w.foreign_webhook if stranger else w.webhook
        return (
            f"/api/v1/integrations/webhooks/{delivery.subscription_id}{suffix.format(delivery=delivery.id)}",
            kwargs,
        )

    return build


ASSESSMENT_READ = _roles(200, 200, 404, 404, 404)
ASSESSMENT_WRITE = _roles(200, 403, 404, 404, 404)


def _programme(w: World, stranger: bool) -> Request:
    return f"/api/v1/programmes/{(w.programme_b if stranger else w.programme_a).id}", {}


def _new_programme(w: World, stranger: bool) -> Request:
    return "/api/v1/programmes", {
        "json": {"name": "新一轮结对", "start_date": "2029-09-01", "end_date": "2032-08-31"}
    }


def _new_agreement(w: World, stranger: bool) -> Request:
    return "/api/v1/agreements", {
        "json": {
            "programme_id": w.programme_a.id,
            "supporting_school_id": w.a1.id,
            "receiving_school_id": w.a3.id,
            "title": "新协议",
            "areas": ["teaching"],
            "start_date": "2030-09-01",
            "end_date": "2033-08-31",
        }
    }


ACTIVITY = {"kind": "lecture", "date": "2026-11-01", "participants": 10}
DONATION = {"kind": "books", "quantity": "10", "unit": "册", "value_yuan": "200.00", "date": "2026-11-01"}
GOAL = {"title": "新目标", "area": "teaching", "target_date": "2027-06-30"}
# The world's teacher is rotated under the world's agreement, so reads it (and what is under it) read-only.
READ = _roles(
    200, 200, 200, 200, 404
)  # the parties, the bureau and the rotated teacher read; other counties not
RECORD = _roles(201, 403, 201, 403, 404)  # the parties and the bureau admin record
EDIT = _roles(200, 403, 200, 403, 404)
ILLEGAL = _roles(409, 409, 409, 409, 404)  # a step that does not exist from the current status
BUREAU_STEP = _roles(200, 403, 403, 403, 404)


def _organizer(builder: Builder) -> Builder:
    """An activity body naming the agreement's supporting school as organizer."""

    def build(w: World, stranger: bool) -> Request:
        url, _ = builder(w, stranger)
        agreement = w.foreign_agreement if stranger else w.agreement
        return url, {"json": {**ACTIVITY, "organizer_school_id": agreement.supporting_school_id}}

    return build


def _item_body(builder: Builder) -> Builder:
    """A follow-up item owned by the agreement's receiving school."""

    def build(w: World, stranger: bool) -> Request:
        url, _ = builder(w, stranger)
        agreement = w.foreign_agreement if stranger else w.agreement
        return url, {
            "json": {
                "description": "整理听课记录",
                "owner_school_id": agreement.receiving_school_id,
                "due_date": "2027-01-15",
            }
        }

    return build


def _rotation_path(suffix: str = "", **kwargs: Any) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        return f"/api/v1/rotations/{(w.foreign_rotation if stranger else w.rotation).id}{suffix}", kwargs

    return build


def _new_rotation(bulk: bool) -> Builder:
    def build(w: World, stranger: bool) -> Request:
        body: dict[str, Any] = {
            "from_school_id": w.a1.id,
            "to_school_id": w.a3.id,
            "direction": "dispatch",
            "start_date": "2035-09-01",
            "end_date": "2036-01-31",
        }
        body.update({"teacher_ids": [w.teacher_a1.id]} if bulk else {"teacher_id": w.teacher_a1.id})
        return ("/api/v1/rotations/bulk" if bulk else "/api/v1/rotations"), {"json": body}

    return build


def _record_path(kind: str, suffix: str = "", **kwargs: Any) -> Builder:
    """A record under the world's rotation (or the foreign one): leave, work_log, evaluation, calendar_day."""

    def build(w: World, stranger: bool) -> Request:
        record = getattr(w.foreign_records if stranger else w.records, kind)
        plural = {"work_log": "logs", "calendar_day": "calendar-days"}.get(kind, f"{kind}s")
        return f"/api/v1/{plural}/{record.id}{suffix}", kwargs

    return build


def _leave_body(w: World, stranger: bool) -> Request:
    url, _ = _rotation_path("/leaves")(w, stranger)
    day = (today() + timedelta(days=20)).isoformat()
    return url, {"json": {"start_date": day, "end_date": day, "reason": "家访"}}


SCORES = {"attitude": 90, "attendance": 90, "teaching": 90, "results": 90, "contribution": 90}
# Only the rotated teacher writes their leave requests and log.
TEACHER_WRITES = _roles(403, 403, 403, 201, 404)
# The host school or the bureau admin decides leave and evaluates (the matrix's school is the home school).
HOST_STEP = _roles(200, 403, 403, 403, 404)
# A draft evaluation is not shown to the teacher.
DRAFT_EVALUATION = _roles(200, 403, 403, 404, 404)
ROTATION_READ = _roles(200, 200, 200, 200, 404)


def _service_record(w: World, stranger: bool) -> Request:
    return f"/api/v1/teachers/{(w.teacher_b1 if stranger else w.teacher_a1).id}/service-record", {}


# (method, OpenAPI path) -> (request builder, expected status per role for the caller's-county object,
#                            whether a stranger's object must answer 404)
EXPECTED: dict[tuple[str, str], tuple[Builder, dict[str, int], bool]] = {
    ("GET", "/api/v1/health"): (_plain("/api/v1/health"), _all(200, anonymous=200), False),
    ("POST", "/api/v1/auth/token"): (
        _plain("/api/v1/auth/token", data={"username": "nobody", "password": "wrong"}),
        _all(401),
        False,
    ),
    ("POST", "/api/v1/auth/refresh"): (
        _plain("/api/v1/auth/refresh", json={"refresh_token": "x"}),
        _all(401),
        False,
    ),
    ("POST", "/api/v1/auth/logout"): (_plain("/api/v1/auth/logout"), _all(204, anonymous=204), False),
    ("GET", "/api/v1/auth/me"): (_plain("/api/v1/auth/me"), _all(200), False),
    ("PATCH", "/api/v1/auth/me"): (_plain("/api/v1/auth/me", json={"locale": "en"}), _all(200), False),
    ("POST", "/api/v1/auth/password"): (
        _plain("/api/v1/auth/password", json={"current_password": "wrong", "new_password": "new-password-1"}),
        _all(422),
        False,
    ),
    ("GET", "/api/v1/regions"): (_plain("/api/v1/regions"), _all(200), False),
    ("GET", "/api/v1/organizations"): (_plain("/api/v1/organizations"), _all(200), False),
    ("GET", "/api/v1/schools"): (_plain("/api/v1/schools"), _all(200), False),
    ("POST", "/api/v1/schools"): (_new_school, _roles(201, 403, 403, 403, 422), False),
    ("GET", "/api/v1/schools/{school_id}"): (_school, _roles(200, 200, 200, 200, 404), True),
    ("PATCH", "/api/v1/schools/{school_id}"): (
        _with(_school, json={"address": "新地址"}),
        _roles(200, 403, 403, 403, 404),
        True,
    ),
    ("GET", "/api/v1/teachers"): (_plain("/api/v1/teachers"), _all(200), False),
    ("POST", "/api/v1/teachers"): (_new_teacher, _roles(201, 403, 201, 403, 422), False),
    ("GET", "/api/v1/teachers/{teacher_id}"): (_teacher, _roles(200, 200, 200, 200, 404), True),
    ("PATCH", "/api/v1/teachers/{teacher_id}"): (
        _with(_teacher, json={"phone": "13900000000"}),
        _roles(200, 403, 200, 403, 404),
        True,
    ),
    ("GET", "/api/v1/users"): (_plain("/api/v1/users"), _all(200), False),
    ("POST", "/api/v1/users"): (_new_user, _roles(201, 403, 403, 403, 422), False),
    ("GET", "/api/v1/users/{user_id}"): (_user, _roles(200, 200, 200, 200, 404), True),
    ("PATCH", "/api/v1/users/{user_id}"): (
        _with(_user, json={"phone": "13900000001"}),
        _roles(200, 403, 403, 403, 404),
        True,
    ),
    # Imports: the bureau admin and school admins (teachers of their own school) only; a bureau of
    # another county gets its own template and a dry run that finds no such school (rows in error).
    ("GET", "/api/v1/imports/{kind}/template"): (
        _plain("/api/v1/imports/teachers/template"),
        _roles(200, 403, 200, 403, 200),
        False,
    ),
    ("POST", "/api/v1/imports/{kind}"): (
        _import_teachers,
        _roles(200, 403, 200, 403, 200),
        False,
    ),
    # Staffing needs: the school (a2's admin is "other_school_admin"), its partner a1 reads them,
    # the bureau admin records for any school; teachers see none.
    ("GET", "/api/v1/needs"): (_plain("/api/v1/needs"), _all(200), False),
    ("POST", "/api/v1/needs"): (_new_need, _roles(201, 403, 403, 403, 422), False),
    ("GET", "/api/v1/needs/{need_id}"): (_need, _roles(200, 200, 200, 404, 404), True),
    ("PATCH", "/api/v1/needs/{need_id}"): (
        _with(_need, json={"notes": "三月起无英语教师"}),
        _roles(200, 403, 403, 404, 404),
        True,
    ),
    ("DELETE", "/api/v1/needs/{need_id}"): (_need, _roles(204, 403, 403, 404, 404), True),
    ("GET", "/api/v1/planning/supply"): (
        _plain("/api/v1/planning/supply", params={"school_year": 2026}),
        _roles(200, 200, 200, 403, 200),
        False,
    ),
    ("GET", "/api/v1/planning/unavailable-teachers"): (
        _plain("/api/v1/planning/unavailable-teachers"),
        _all(200),
        False,
    ),
    ("POST", "/api/v1/planning/unavailable-teachers"): (_new_mark, _roles(201, 403, 201, 403, 422), False),
    ("DELETE", "/api/v1/planning/unavailable-teachers/{mark_id}"): (
        _unavailable,
        _roles(204, 403, 204, 404, 404),
        True,
    ),
    # Plans are the bureau's: schools and teachers see none (404), viewers read but do not act.
    ("GET", "/api/v1/planning/proposals"): (_plain("/api/v1/planning/proposals"), _all(200), False),
    ("POST", "/api/v1/planning/proposals"): (_new_proposal, _roles(201, 403, 403, 403, 422), False),
    ("GET", "/api/v1/planning/proposals/{proposal_id}"): (
        _proposal_path(),
        _roles(200, 200, 404, 404, 404),
        True,
    ),
    ("PATCH", "/api/v1/planning/proposals/{proposal_id}"): (
        _proposal_path(json={"assignments": []}),
        _roles(200, 403, 404, 404, 404),
        True,
    ),
    ("POST", "/api/v1/planning/proposals/{proposal_id}/accept"): (
        _proposal_path("/accept"),
        _roles(409, 403, 404, 404, 404),  # the admin's: an empty plan has nothing to accept
        True,
    ),
    ("GET", "/api/v1/audit-events"): (_plain("/api/v1/audit-events"), _roles(200, 200, 403, 403, 200), False),
    ("GET", "/api/v1/notifications"): (_plain("/api/v1/notifications"), _all(200), False),
    # A notification is its owner's alone (the teacher's here): everyone else is told it does not exist.
    ("POST", "/api/v1/notifications/{notification_id}/read"): (
        lambda w, stranger: (f"/api/v1/notifications/{w.notification.id}/read", {}),
        _roles(404, 404, 404, 204, 404),
        False,
    ),
    ("POST", "/api/v1/notifications/read-all"): (_plain("/api/v1/notifications/read-all"), _all(204), False),
    ("GET", "/api/v1/programmes"): (_plain("/api/v1/programmes"), _all(200), False),
    ("POST", "/api/v1/programmes"): (_new_programme, _roles(201, 403, 403, 403, 201), False),
    ("GET", "/api/v1/programmes/{programme_id}"): (_programme, _roles(200, 200, 200, 404, 404), True),
    ("PATCH", "/api/v1/programmes/{programme_id}"): (
        _with(_programme, json={"description": "说明"}),
        _roles(200, 403, 403, 404, 404),
        True,
    ),
    ("GET", "/api/v1/agreements"): (_plain("/api/v1/agreements"), _all(200), False),
    ("POST", "/api/v1/agreements"): (_new_agreement, _roles(201, 403, 201, 403, 422), False),
    ("GET", "/api/v1/agreements/{agreement_id}"): (_agreement_path(), READ, True),
    ("PATCH", "/api/v1/agreements/{agreement_id}"): (
        _agreement_path(json={"title": "改名"}),
        _roles(409, 403, 409, 403, 404),
        True,
    ),
    ("POST", "/api/v1/agreements/{agreement_id}/submit"): (_agreement_path("/submit"), ILLEGAL, True),
    ("POST", "/api/v1/agreements/{agreement_id}/confirm"): (_agreement_path("/confirm"), ILLEGAL, True),
    ("POST", "/api/v1/agreements/{agreement_id}/approve"): (_agreement_path("/approve"), ILLEGAL, True),
    ("POST", "/api/v1/agreements/{agreement_id}/reject"): (
        _agreement_path("/reject", json={"comment": "x"}),
        ILLEGAL,
        True,
    ),
    ("POST", "/api/v1/agreements/{agreement_id}/complete"): (_agreement_path("/complete"), BUREAU_STEP, True),
    ("POST", "/api/v1/agreements/{agreement_id}/terminate"): (
        _agreement_path("/terminate", json={"comment": "撤并"}),
        BUREAU_STEP,
        True,
    ),
    ("POST", "/api/v1/agreements/{agreement_id}/renew"): (_agreement_path("/renew"), RECORD, True),
    ("GET", "/api/v1/agreements/{agreement_id}/events"): (_agreement_path("/events"), READ, True),
    ("GET", "/api/v1/agreements/{agreement_id}/goals"): (_agreement_path("/goals"), READ, True),
    ("POST", "/api/v1/agreements/{agreement_id}/goals"): (_agreement_path("/goals", json=GOAL), RECORD, True),
    ("PATCH", "/api/v1/goals/{goal_id}"): (_ledger_path("goal", json={"status": "achieved"}), EDIT, True),
    ("GET", "/api/v1/agreements/{agreement_id}/amendments"): (_agreement_path("/amendments"), READ, True),
    ("POST", "/api/v1/agreements/{agreement_id}/amendments"): (
        _agreement_path("/amendments", json={"summary": "调整", "effective_date": "2027-03-01"}),
        RECORD,
        True,
    ),
    ("POST", "/api/v1/amendments/{amendment_id}/submit"): (_ledger_path("amendment", "/submit"), EDIT, True),
    ("POST", "/api/v1/amendments/{amendment_id}/confirm"): (
        _ledger_path("amendment", "/confirm"),
        ILLEGAL,
        True,
    ),
    ("POST", "/api/v1/amendments/{amendment_id}/approve"): (
        _ledger_path("amendment", "/approve"),
        ILLEGAL,
        True,
    ),
    ("POST", "/api/v1/amendments/{amendment_id}/reject"): (
        _ledger_path("amendment", "/reject", json={"comment": "x"}),
        ILLEGAL,
        True,
    ),
    ("GET", "/api/v1/agreements/{agreement_id}/activities"): (_agreement_path("/activities"), READ, True),
    ("POST", "/api/v1/agreements/{agreement_id}/activities"): (
        _organizer(_agreement_path("/activities")),
        RECORD,
        True,
    ),
    ("GET", "/api/v1/activities/{activity_id}"): (_ledger_path("activity"), READ, True),
    ("PATCH", "/api/v1/activities/{activity_id}"): (
        _ledger_path("activity", json={"participants": 5}),
        EDIT,
        True,
    ),
    ("GET", "/api/v1/agreements/{agreement_id}/donations"): (_agreement_path("/donations"), READ, True),
    ("POST", "/api/v1/agreements/{agreement_id}/donations"): (
        _agreement_path("/donations", json=DONATION),
        RECORD,
        True,
    ),
    ("PATCH", "/api/v1/donations/{donation_id}"): (_ledger_path("donation", json={"unit": "本"}), EDIT, True),
    ("GET", "/api/v1/agreements/{agreement_id}/summary"): (_agreement_path("/summary"), READ, True),
    ("GET", "/api/v1/meetings"): (_plain("/api/v1/meetings"), _all(200), False),
    ("GET", "/api/v1/agreements/{agreement_id}/meetings"): (_agreement_path("/meetings"), READ, True),
    ("POST", "/api/v1/agreements/{agreement_id}/meetings"): (
        _agreement_path("/meetings", json={"scheduled_date": "2027-03-15", "agenda": "学期计划"}),
        RECORD,
        True,
    ),
    ("GET", "/api/v1/meetings/{meeting_id}"): (_ledger_path("meeting"), READ, True),
    ("PATCH", "/api/v1/meetings/{meeting_id}"): (
        _ledger_path("meeting", json={"decisions": "按计划送课"}),
        EDIT,
        True,
    ),
    # The supporting school recorded the minutes: the receiving school (or the bureau for it) confirms.
    ("POST", "/api/v1/meetings/{meeting_id}/minutes/confirm"): (
        _ledger_path("meeting", "/minutes/confirm"),
        _roles(200, 403, 409, 403, 404),
        True,
    ),
    ("POST", "/api/v1/meetings/{meeting_id}/minutes/return"): (
        _ledger_path("meeting", "/minutes/return", json={"comment": "请补充出席人员"}),
        _roles(200, 403, 409, 403, 404),
        True,
    ),
    ("GET", "/api/v1/meetings/{meeting_id}/minutes.pdf"): (
        _ledger_path("meeting", "/minutes.pdf"),
        _roles(409, 409, 409, 409, 404),
        True,
    ),  # minutes still a draft
    ("GET", "/api/v1/meetings/{meeting_id}/action-items"): (
        _ledger_path("meeting", "/action-items"),
        READ,
        True,
    ),
    ("POST", "/api/v1/meetings/{meeting_id}/action-items"): (
        _item_body(_ledger_path("meeting", "/action-items")),
        RECORD,
        True,
    ),
    ("GET", "/api/v1/activities"): (
        _plain("/api/v1/activities", params={"kind": "lecture"}),
        _all(200),
        False,
    ),
    ("GET", "/api/v1/donations"): (
        _plain("/api/v1/donations", params={"from": "2026-09-01"}),
        _all(200),
        False,
    ),
    ("GET", "/api/v1/action-items"): (
        _plain("/api/v1/action-items", params={"overdue": "true"}),
        _all(200),
        False,
    ),
    ("PATCH", "/api/v1/action-items/{item_id}"): (
        _ledger_path("action_item", json={"status": "done"}),
        EDIT,
        True,
    ),
    ("GET", "/api/v1/compliance/meetings"): (
        _plain("/api/v1/compliance/meetings", params={"school_year": 2026}),
        _all(200),
        False,
    ),
    ("GET", "/api/v1/rotations"): (_plain("/api/v1/rotations"), _all(200), False),
    ("POST", "/api/v1/rotations"): (_new_rotation(False), _roles(201, 403, 201, 403, 422), False),
    ("POST", "/api/v1/rotations/bulk"): (_new_rotation(True), _roles(201, 403, 201, 403, 422), False),
    ("GET", "/api/v1/rotations/{rotation_id}"): (_rotation_path(), _roles(200, 200, 200, 200, 404), True),
    # The world's rotation is active: approving or arriving again is no step from here.
    ("POST", "/api/v1/rotations/{rotation_id}/approve"): (
        _rotation_path("/approve"),
        _roles(409, 409, 409, 409, 404),
        True,
    ),
    ("POST", "/api/v1/rotations/{rotation_id}/arrive"): (
        _rotation_path("/arrive"),
        _roles(409, 409, 409, 409, 404),
        True,
    ),
    # The host school's evaluation is still a draft: the rotation cannot complete yet.
    ("POST", "/api/v1/rotations/{rotation_id}/complete"): (
        _rotation_path("/complete"),
        _roles(409, 403, 403, 403, 404),
        True,
    ),
    ("POST", "/api/v1/rotations/{rotation_id}/withdraw"): (
        _rotation_path("/withdraw", json={"comment": "病假"}),
        _roles(200, 403, 200, 403, 404),
        True,
    ),
    ("GET", "/api/v1/rotations/{rotation_id}/checkins"): (
        _rotation_path("/checkins"),
        _roles(200, 200, 200, 200, 404),
        True,
    ),
    ("POST", "/api/v1/rotations/{rotation_id}/checkins"): (
        _rotation_path("/checkins", json={"note": "到校"}),
        _roles(403, 403, 403, 201, 404),
        True,
    ),
    ("GET", "/api/v1/rotations/{rotation_id}/leaves"): (_rotation_path("/leaves"), ROTATION_READ, True),
    ("POST", "/api/v1/rotations/{rotation_id}/leaves"): (_leave_body, TEACHER_WRITES, True),
    ("POST", "/api/v1/leaves/{leave_id}/approve"): (_record_path("leave", "/approve"), HOST_STEP, True),
    ("POST", "/api/v1/leaves/{leave_id}/reject"): (
        _record_path("leave", "/reject", json={"comment": "课程冲突"}),
        HOST_STEP,
        True,
    ),
    ("GET", "/api/v1/rotations/{rotation_id}/logs"): (_rotation_path("/logs"), ROTATION_READ, True),
    ("POST", "/api/v1/rotations/{rotation_id}/logs"): (
        _rotation_path("/logs", json={"kind": "lesson", "periods": 2}),
        TEACHER_WRITES,
        True,
    ),
    ("PATCH", "/api/v1/logs/{log_id}"): (
        _record_path("work_log", json={"periods": 3}),
        _roles(403, 403, 403, 200, 404),
        True,
    ),
    ("POST", "/api/v1/logs/{log_id}/photo"): (
        _record_path("work_log", "/photo", files={"file": ("p.png", PNG, "image/png")}),
        _roles(403, 403, 403, 200, 404),
        True,
    ),
    ("GET", "/api/v1/logs/{log_id}/photo"): (_record_path("work_log", "/photo"), ROTATION_READ, True),
    ("GET", "/api/v1/rotations/{rotation_id}/evaluations"): (
        _rotation_path("/evaluations"),
        ROTATION_READ,
        True,
    ),
    # The host school already has a (draft) evaluation of this rotation.
    ("POST", "/api/v1/rotations/{rotation_id}/evaluations"): (
        _rotation_path("/evaluations", json={"scores": SCORES}),
        _roles(409, 403, 403, 403, 404),
        True,
    ),
    ("PATCH", "/api/v1/evaluations/{evaluation_id}"): (
        _record_path("evaluation", json={"comments": "认真负责"}),
        DRAFT_EVALUATION,
        True,
    ),
    ("POST", "/api/v1/evaluations/{evaluation_id}/submit"): (
        _record_path("evaluation", "/submit"),
        DRAFT_EVALUATION,
        True,
    ),
    ("GET", "/api/v1/rotations/{rotation_id}/attendance"): (
        _rotation_path("/attendance"),
        ROTATION_READ,
        True,
    ),
    ("GET", "/api/v1/calendar-days"): (_plain("/api/v1/calendar-days"), _all(200), False),
    ("POST", "/api/v1/calendar-days"): (
        _plain("/api/v1/calendar-days", json={"date": "2026-10-08", "name": "国庆节"}),
        _roles(201, 403, 403, 403, 201),
        False,
    ),
    ("DELETE", "/api/v1/calendar-days/{day_id}"): (
        _record_path("calendar_day"),
        _roles(204, 403, 403, 403, 404),
        True,
    ),
    ("GET", "/api/v1/compliance/rotations"): (
        _plain("/api/v1/compliance/rotations", params={"school_year": 2026}),
        _roles(200, 200, 200, 403, 200),
        False,
    ),
    ("GET", "/api/v1/compliance/rotations/candidates"): (
        _plain("/api/v1/compliance/rotations/candidates", params={"school_year": 2026}),
        _all(200),
        False,
    ),
    ("GET", "/api/v1/rotations/roster"): (_plain("/api/v1/rotations/roster"), _all(200), False),
    ("GET", "/api/v1/rotations/archive"): (_plain("/api/v1/rotations/archive"), _all(200), False),
    ("GET", "/api/v1/reports/service-records"): (_plain("/api/v1/reports/service-records"), _all(200), False),
    # The world's rotation is still active: no certificate yet.
    ("GET", "/api/v1/rotations/{rotation_id}/certificate.pdf"): (
        _rotation_path("/certificate.pdf"),
        _roles(409, 409, 409, 409, 404),
        True,
    ),
    ("GET", "/api/v1/dashboard/summary"): (
        _plain("/api/v1/dashboard/summary", params={"school_year": 2026}),
        _roles(200, 200, 200, 403, 200),
        False,
    ),
    ("GET", "/api/v1/dashboard/series"): (
        _plain("/api/v1/dashboard/series", params={"school_year": 2026}),
        _roles(200, 200, 200, 403, 200),
        False,
    ),
    ("GET", "/api/v1/reports/bulletin"): (
        _plain("/api/v1/reports/bulletin", params={"month": "2026-10"}),
        _roles(200, 200, 200, 403, 200),
        False,
    ),
    # The annual assessment: the world's is a draft (schools see assessments only once published).
    ("GET", "/api/v1/assessments"): (_plain("/api/v1/assessments"), _all(200), False),
    ("POST", "/api/v1/assessments"): (
        lambda w, stranger: (
            "/api/v1/assessments",
            {"json": {"programme_id": w.programme_a.id, "school_year": 2027}},
        ),
        _roles(201, 403, 403, 403, 404),
        False,
    ),
    ("GET", "/api/v1/assessments/{assessment_id}"): (_assessment_path(), ASSESSMENT_READ, True),
    ("PATCH", "/api/v1/assessments/{assessment_id}"): (
        _assessment_path(json={"title": "年度考核"}),
        ASSESSMENT_WRITE,
        True,
    ),
    # Nobody is scored yet: publishing is refused.
    ("POST", "/api/v1/assessments/{assessment_id}/publish"): (
        _assessment_path("/publish"),
        _roles(409, 403, 404, 404, 404),
        True,
    ),
    ("GET", "/api/v1/assessments/{assessment_id}/results"): (
        _assessment_path("/results"),
        ASSESSMENT_READ,
        True,
    ),
    ("GET", "/api/v1/assessments/{assessment_id}/sheets/{agreement_id}"): (
        _assessment_path("/sheets/{agreement}"),
        ASSESSMENT_READ,
        True,
    ),
    ("PUT", "/api/v1/assessments/{assessment_id}/sheets/{agreement_id}"): (
        _assessment_path("/sheets/{agreement}", json={"scores": [], "remarks": "已检查"}),
        ASSESSMENT_WRITE,
        True,
    ),
    ("GET", "/api/v1/reports/assessment"): (
        _plain("/api/v1/reports/assessment", params={"school_year": 2026}),
        _all(200),
        False,
    ),
    # Integration clients: the bureau admin manages its own bureau's; the leadership may look.
    ("GET", "/api/v1/integrations/clients"): (_plain("/api/v1/integrations/clients"), _all(200), False),
    ("POST", "/api/v1/integrations/clients"): (
        _plain("/api/v1/integrations/clients", json={"name": "市平台", "scopes": ["schools:read"]}),
        _roles(201, 403, 403, 403, 201),
        False,
    ),
    ("GET", "/api/v1/integrations/clients/{client_id}"): (
        _client_path(),
        _roles(200, 200, 404, 404, 404),
        True,
    ),
    ("PATCH", "/api/v1/integrations/clients/{client_id}"): (
        _client_path(json={"name": "新名称"}),
        _roles(200, 403, 404, 404, 404),
        True,
    ),
    ("POST", "/api/v1/integrations/clients/{client_id}/rotate-secret"): (
        _client_path("/rotate-secret"),
        _roles(200, 403, 404, 404, 404),
        True,
    ),
    ("DELETE", "/api/v1/integrations/clients/{client_id}"): (
        _client_path(),
        _roles(204, 403, 404, 404, 404),
        True,
    ),
    ("GET", "/api/v1/integrations/webhooks"): (_plain("/api/v1/integrations/webhooks"), _all(200), False),
    ("POST", "/api/v1/integrations/webhooks"): (
        _plain(
            "/api/v1/integrations/webhooks",
            json={"url": "https://hooks.example.org/in", "events": ["meeting.held"]},
        ),
        _roles(201, 403, 403, 403, 201),
        False,
    ),
    ("GET", "/api/v1/integrations/webhooks/{webhook_id}"): (
        _webhook_path(),
        _roles(200, 200, 404, 404, 404),
        True,
    ),
    ("PATCH", "/api/v1/integrations/webhooks/{webhook_id}"): (
        _webhook_path(json={"is_active": False}),
        _roles(200, 403, 404, 404, 404),
        True,
    ),
    ("DELETE", "/api/v1/integrations/webhooks/{webhook_id}"): (
        _webhook_path(),
        _roles(204, 403, 404, 404, 404),
        True,
    ),
    ("GET", "/api/v1/integrations/webhooks/{webhook_id}/deliveries"): (
        _webhook_path("/deliveries"),
        _roles(200, 200, 404, 404, 404),
        True,
    ),
    ("POST", "/api/v1/integrations/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"): (
        _webhook_path("/deliveries/{delivery}/redeliver"),
        _roles(200, 403, 404, 404, 404),
        True,
    ),
    ("GET", "/api/v1/teachers/{teacher_id}/service-record"): (
        _service_record,
        _roles(200, 200, 200, 200, 404),
        True,
    ),
    ("GET", "/api/v1/agreements/{agreement_id}/attachments"): (_agreement_path("/attachments"), READ, True),
    ("POST", "/api/v1/agreements/{agreement_id}/attachments"): (
        _agreement_path("/attachments", files={"file": ("a.pdf", b"%PDF-1.4 x", "application/pdf")}),
        RECORD,
        True,
    ),
    ("GET", "/api/v1/attachments/{attachment_id}/content"): (
        _ledger_path("attachment", "/content"),
        READ,
        True,
    ),
    ("DELETE", "/api/v1/attachments/{attachment_id}"): (
        _ledger_path("attachment"),
        _roles(204, 403, 204, 403, 404),
        True,
    ),
}


def _routes() -> set[tuple[str, str]]:
    schema = create_app().openapi()
    return {(method.upper(), path) for path, ops in schema["paths"].items() for method in ops}


def test_every_route_has_expectations() -> None:
    routes = _routes()
    assert routes - EXPECTED.keys() == set(), "add these routes to EXPECTED"
    assert EXPECTED.keys() - routes == set(), "EXPECTED names routes that no longer exist"


@pytest.mark.parametrize("route", sorted(EXPECTED), ids=lambda r: f"{r[0]} {r[1]}")
@pytest.mark.parametrize("role", ROLES)
async def test_role_on_own_county_object(
    client: AsyncClient, world: World, route: tuple[str, str], role: str
) -> None:
    builder, expected, _ = EXPECTED[route]
    url, kwargs = builder(world, False)
    response = await client.request(route[0], url, headers=world.headers[role], **kwargs)
    assert response.status_code == expected[role], response.text


STRANGER_ROUTES = sorted(r for r, (_, _, check) in EXPECTED.items() if check)


@pytest.mark.parametrize("route", STRANGER_ROUTES, ids=lambda r: f"{r[0]} {r[1]}")
async def test_strangers_object_is_404_for_every_role(
    client: AsyncClient, world: World, route: tuple[str, str]
) -> None:
    builder, _, _ = EXPECTED[route]
    url, kwargs = builder(world, True)
    for role in STRANGER_ROLES:
        response = await client.request(route[0], url, headers=world.headers[role], **kwargs)
        assert response.status_code == 404, f"{role}: {response.status_code} {response.text}"
    if "agreement" in route[1] or any(
        k in route[1]
        for k in ("goal", "amendment", "activit", "donation", "meeting", "action-item", "attachment")
    ):
        # A school of the same county that is no party to the agreement sees nothing under it.
        own_url, own_kwargs = builder(world, False)
        response = await client.request(route[0], own_url, headers=world.headers[OUTSIDER], **own_kwargs)
        assert response.status_code == 404, f"outsider: {response.status_code} {response.text}"
    anonymous = await client.request(route[0], url, **kwargs)
    assert anonymous.status_code == 401


# --- integration clients ---------------------------------------------------------------------
# A client acts as a bureau admin of its bureau (county A), but only on the routes its scopes open.
# The scope each route needs is written out here, from docs/integrations.md, rather than derived from
# app/integrations/scopes.py: a route mapped to the wrong scope there then fails below.
PUBLIC = "public"  # the route reads no bearer token: a client's answer is anyone's
ANY_CLIENT = "any client"  # open to every client, whatever its scopes
CLOSED = "closed"  # no scope opens it: 403 for every client
_SCOPED_ROUTES: dict[str, tuple[str, ...]] = {
    PUBLIC: ("GET /health", "POST /auth/token", "POST /auth/refresh", "POST /auth/logout"),
    ANY_CLIENT: ("GET /auth/me",),
    "schools:read": ("GET /regions", "GET /schools", "GET /schools/{school_id}"),
    "teachers:read": (
        "GET /teachers", "GET /teachers/{teacher_id}", "GET /teachers/{teacher_id}/service-record",
    ),
    "agreements:read": (
        "GET /programmes", "GET /programmes/{programme_id}", "GET /agreements",
        "GET /agreements/{agreement_id}", "GET /agreements/{agreement_id}/events",
        "GET /agreements/{agreement_id}/goals", "GET /agreements/{agreement_id}/amendments",
        "GET /agreements/{agreement_id}/activities", "GET /agreements/{agreement_id}/donations",
        "GET /agreements/{agreement_id}/summary", "GET /agreements/{agreement_id}/attachments",
        "GET /activities", "GET /activities/{activity_id}", "GET /donations",
        "GET /attachments/{attachment_id}/content",
    ),
    "agreements:write": (
        "POST /programmes", "PATCH /programmes/{programme_id}", "POST /agreements",
        "PATCH /agreements/{agreement_id}", "POST /agreements/{agreement_id}/submit",
        "POST /agreements/{agreement_id}/confirm", "POST /agreements/{agreement_id}/approve",
        "POST /agreements/{agreement_id}/reject", "POST /agreements/{agreement_id}/complete",
        "POST /agreements/{agreement_id}/terminate", "POST /agreements/{agreement_id}/renew",
        "POST /agreements/{agreement_id}/goals", "PATCH /goals/{goal_id}",
        "POST /agreements/{agreement_id}/amendments", "POST /amendments/{amendment_id}/submit",
        "POST /amendments/{amendment_id}/confirm", "POST /amendments/{amendment_id}/approve",
        "POST /amendments/{amendment_id}/reject", "POST /agreements/{agreement_id}/activities",
        "PATCH /activities/{activity_id}", "POST /agreements/{agreement_id}/donations",
        "PATCH /donations/{donation_id}", "POST /agreements/{agreement_id}/attachments",
        "DELETE /attachments/{attachment_id}",
    ),
    # Meetings are meetings, also where their path starts under the agreement they belong to.
    "meetings:read": (
        "GET /meetings", "GET /agreements/{agreement_id}/meetings", "GET /meetings/{meeting_id}",
        "GET /meetings/{meeting_id}/minutes.pdf", "GET /meetings/{meeting_id}/action-items",
        "GET /action-items", "GET /compliance/meetings",
    ),
    "meetings:write": (
        "POST /agreements/{agreement_id}/meetings", "PATCH /meetings/{meeting_id}",
        "POST /meetings/{meeting_id}/minutes/confirm", "POST /meetings/{meeting_id}/minutes/return",
        "POST /meetings/{meeting_id}/action-items", "PATCH /action-items/{item_id}",
    ),
    "rotations:read": (
        "GET /rotations", "GET /rotations/{rotation_id}", "GET /rotations/roster", "GET /rotations/archive",
        "GET /rotations/{rotation_id}/checkins", "GET /rotations/{rotation_id}/leaves",
        "GET /rotations/{rotation_id}/logs", "GET /logs/{log_id}/photo",
        "GET /rotations/{rotation_id}/evaluations", "GET /rotations/{rotation_id}/attendance",
        "GET /rotations/{rotation_id}/certificate.pdf", "GET /calendar-days", "GET /compliance/rotations",
        "GET /compliance/rotations/candidates", "GET /needs", "GET /needs/{need_id}", "GET /planning/supply",
        "GET /planning/unavailable-teachers", "GET /planning/proposals",
        "GET /planning/proposals/{proposal_id}",
    ),
    "rotations:write": (
        "POST /rotations", "POST /rotations/bulk", "POST /rotations/{rotation_id}/approve",
        "POST /rotations/{rotation_id}/arrive", "POST /rotations/{rotation_id}/complete",
        "POST /rotations/{rotation_id}/withdraw", "POST /rotations/{rotation_id}/leaves",
        "POST /leaves/{leave_id}/approve", "POST /leaves/{leave_id}/reject",
        "POST /rotations/{rotation_id}/logs", "PATCH /logs/{log_id}", "POST /logs/{log_id}/photo",
        "POST /rotations/{rotation_id}/evaluations", "PATCH /evaluations/{evaluation_id}",
        "POST /evaluations/{evaluation_id}/submit", "POST /calendar-days", "DELETE /calendar-days/{day_id}",
        "POST /needs", "PATCH /needs/{need_id}", "DELETE /needs/{need_id}",
        "POST /planning/unavailable-teachers", "DELETE /planning/unavailable-teachers/{mark_id}",
        "POST /planning/proposals", "PATCH /planning/proposals/{proposal_id}",
        "POST /planning/proposals/{proposal_id}/accept",
    ),
    "checkins:write": ("POST /rotations/{rotation_id}/checkins",),
    "reports:read": (
        "GET /dashboard/summary", "GET /dashboard/series", "GET /reports/bulletin", "GET /reports/assessment",
        "GET /reports/service-records", "GET /assessments", "GET /assessments/{assessment_id}",
        "GET /assessments/{assessment_id}/results", "GET /assessments/{assessment_id}/sheets/{agreement_id}",
    ),
    # Accounts, the audit trail, notifications, client management and imports are people's; no scope
    # writes schools, teachers or assessments.
    CLOSED: (
        "PATCH /auth/me", "POST /auth/password", "GET /organizations", "GET /users", "POST /users",
        "GET /users/{user_id}", "PATCH /users/{user_id}", "GET /audit-events", "GET /notifications",
        "POST /notifications/{notification_id}/read", "POST /notifications/read-all",
        "GET /imports/{kind}/template", "POST /imports/{kind}", "POST /schools", "PATCH /schools/{school_id}",
        "POST /teachers", "PATCH /teachers/{teacher_id}", "POST /assessments",
        "PATCH /assessments/{assessment_id}", "POST /assessments/{assessment_id}/publish",
        "PUT /assessments/{assessment_id}/sheets/{agreement_id}", "GET /integrations/clients",
        "POST /integrations/clients", "GET /integrations/clients/{client_id}",
        "PATCH /integrations/clients/{client_id}", "POST /integrations/clients/{client_id}/rotate-secret",
        "DELETE /integrations/clients/{client_id}", "GET /integrations/webhooks",
        "POST /integrations/webhooks",
        "GET /integrations/webhooks/{webhook_id}", "PATCH /integrations/webhooks/{webhook_id}",
        "DELETE /integrations/webhooks/{webhook_id}", "GET /integrations/webhooks/{webhook_id}/deliveries",
        "POST /integrations/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
    ),
}  # fmt: skip


def _scope_table() -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for scope, routes in _SCOPED_ROUTES.items():
        for route in routes:
            method, path = route.split(" ")
            key = (method, f"/api/v1{path}")
            assert key not in table, f"{route} is listed under {table.get(key)} and {scope}"
            table[key] = scope
    return table


CLIENT_SCOPE = _scope_table()


def test_every_route_has_a_client_scope() -> None:
    assert CLIENT_SCOPE.keys() == EXPECTED.keys()
    assert set(CLIENT_SCOPE.values()) - {PUBLIC, ANY_CLIENT, CLOSED} == set(SCOPES)


async def _client_headers(client: AsyncClient, w: World, scopes: set[str]) -> dict[str, str]:
    """A token of bureau A's client (granted every scope) that carries only `scopes`, from the
    client-credentials grant itself."""
    answer = await client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": w.client.client_id,
            "client_secret": CLIENT_SECRET,
            "scope": " ".join(sorted(scopes)),
        },
    )
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


@pytest.mark.parametrize("route", sorted(EXPECTED), ids=lambda r: f"{r[0]} {r[1]}")
async def test_integration_client_with_and_without_the_scope(
    client: AsyncClient, world: World, route: tuple[str, str]
) -> None:
    builder, expected, stranger_check = EXPECTED[route]
    scope = CLIENT_SCOPE[route]
    method = route[0]
    url, kwargs = builder(world, False)
    if scope in (PUBLIC, ANY_CLIENT):
        # A token with one unrelated scope: these routes never look at the scopes.
        headers = await _client_headers(client, world, {"reports:read"})
        response = await client.request(method, url, headers=headers, **kwargs)
        assert response.status_code == expected["bureau_admin"], response.text
        return
    if scope == CLOSED:
        # Not even a token with every scope opens it.
        headers = await _client_headers(client, world, set(SCOPES))
        response = await client.request(method, url, headers=headers, **kwargs)
        assert response.status_code == 403, response.text
        assert response.json()["detail"] == t("client_route_closed")
        return
    # Every scope but the one needed: refused, naming the scope (a route mapped to another scope passes).
    without = await _client_headers(client, world, set(SCOPES) - {scope})
    response = await client.request(method, url, headers=without, **kwargs)
    assert response.status_code == 403, response.text
    assert response.json()["detail"] == t("scope_missing", scope=scope)
    only = await _client_headers(client, world, {scope})
    if stranger_check:
        # With the scope, still only the own bureau's jurisdiction.
        stranger_url, stranger_kwargs = builder(world, True)
        response = await client.request(method, stranger_url, headers=only, **stranger_kwargs)
        assert response.status_code == 404, f"stranger: {response.status_code} {response.text}"
    # The scope alone opens the route, and past it the client answers as its bureau's admin would.
    response = await client.request(method, url, headers=only, **kwargs)
    assert response.status_code == expected["bureau_admin"], response.text


# --- partners' objects -----------------------------------------------------------------------
# a1 supports a2 under the world's agreement. A school admin sees its partner's school record and
# staffing needs and acts on what the two share (the agreement, its ledger and meetings, the rotations
# between them) as the side it stands on; the partner's own teachers, accounts, other pairings and
# rotations with other schools stay hidden (404) and the partner's school and needs read-only (403).
# Every route taking an object id is run twice, through the stranger builders of EXPECTED, on a copy of
# the world whose "foreign" objects are swapped for a partner's:
#   "supporter": a1's admin on a2's objects (a2 also supports a3, and sends teacher_a2 there);
#   "receiver": a2's admin on the objects of a1 and on those the two share.
SUPPORTER, RECEIVER = "school_admin", "other_school_admin"
NOT_A_SCHOOLS = None  # the object is the bureau's (or a person's), not a school's: no partner to it


@dataclass
class Partners:
    supporter: World  # the world as a1's admin meets a2's objects through the stranger builders
    receiver: World  # the world as a2's admin meets a1's (and the shared) objects


@pytest.fixture
async def partners(session: AsyncSession, world: World) -> Partners:
    w = world
    a2_supports_a3 = await make_agreement(session, w.programme_a, w.a2, w.a3)
    a2_rotation = await make_rotation(session, w.teacher_a2, w.a3, a2_supports_a3, checkin=True)
    a1_need = await make_need(session, w.a1, subject="美术")
    inbox = Notification(
        user_id=w.users[RECEIVER].id, kind="agreement_waiting", dedupe_key="partner",
        agreement_id=w.agreement.id, payload={}, created_at=now(),
    )  # fmt: skip
    # make_records adds a holiday to the organization given; bureau A has that one already (and the
    # calendar is the bureau's, no partner's): the partner's records get a holiday of an office of their own.
    office = Organization(name="甲县教研室", region_id=w.county_a.id)
    session.add_all([inbox, office])
    await session.flush()
    supporter = replace(
        w,
        b1=w.a2,
        teacher_b1=w.teacher_a2,
        users={**w.users, "foreign_school_admin": w.users[RECEIVER]},
        foreign_need=w.need,
        foreign_unavailable=await make_unavailable(session, w.teacher_a2),
        foreign_agreement=a2_supports_a3,
        foreign_ledger=await make_ledger(session, a2_supports_a3),
        foreign_rotation=a2_rotation,
        foreign_records=await make_records(session, a2_rotation, office),
        notification=inbox,
    )
    receiver = replace(
        w,
        b1=w.a1,
        teacher_b1=w.teacher_a1,
        users={**w.users, "foreign_school_admin": w.users["teacher"]},
        foreign_need=a1_need,
        foreign_unavailable=w.unavailable,
        foreign_agreement=w.agreement,
        foreign_ledger=w.ledger,
        foreign_rotation=w.rotation,
        foreign_records=w.records,
        notification=w.notification,
    )
    return Partners(supporter, receiver)


_BOTH_HIDDEN = (404, 404)
# (supporter's answer, receiver's answer) per route; the receiver acts on the shared agreement as the
# receiving school, and hosts the shared rotation (a1's teacher_a1 at a2).
PARTNER: dict[tuple[str, str], tuple[int, int] | None] = {
    ("GET", "/api/v1/schools/{school_id}"): (200, 200),  # the partner is found in the directory
    ("PATCH", "/api/v1/schools/{school_id}"): (403, 403),  # but only the bureau edits schools
    ("GET", "/api/v1/teachers/{teacher_id}"): _BOTH_HIDDEN,  # a school's roster is its own
    ("PATCH", "/api/v1/teachers/{teacher_id}"): _BOTH_HIDDEN,
    ("GET", "/api/v1/teachers/{teacher_id}/service-record"): _BOTH_HIDDEN,
    ("GET", "/api/v1/users/{user_id}"): _BOTH_HIDDEN,  # and so are its accounts
    ("PATCH", "/api/v1/users/{user_id}"): _BOTH_HIDDEN,
    ("POST", "/api/v1/notifications/{notification_id}/read"): _BOTH_HIDDEN,
    # A partner reads the needs it may send teachers for; only the school itself (or the bureau) edits.
    ("GET", "/api/v1/needs/{need_id}"): (200, 200),
    ("PATCH", "/api/v1/needs/{need_id}"): (403, 403),
    ("DELETE", "/api/v1/needs/{need_id}"): (403, 403),
    ("DELETE", "/api/v1/planning/unavailable-teachers/{mark_id}"): _BOTH_HIDDEN,  # a decision on its roster
    # The shared agreement: the receiving school reads and records like the supporting one; signing
    # steps follow the lifecycle (the agreement is active), closing it is the bureau's.
    ("GET", "/api/v1/agreements/{agreement_id}"): (404, 200),
    ("PATCH", "/api/v1/agreements/{agreement_id}"): (404, 409),
    ("POST", "/api/v1/agreements/{agreement_id}/submit"): (404, 409),
    ("POST", "/api/v1/agreements/{agreement_id}/confirm"): (404, 409),
    ("POST", "/api/v1/agreements/{agreement_id}/approve"): (404, 409),
    ("POST", "/api/v1/agreements/{agreement_id}/reject"): (404, 409),
    ("POST", "/api/v1/agreements/{agreement_id}/complete"): (404, 403),
    ("POST", "/api/v1/agreements/{agreement_id}/terminate"): (404, 403),
    ("POST", "/api/v1/agreements/{agreement_id}/renew"): (404, 201),
    ("GET", "/api/v1/agreements/{agreement_id}/events"): (404, 200),
    ("GET", "/api/v1/agreements/{agreement_id}/summary"): (404, 200),
    ("GET", "/api/v1/agreements/{agreement_id}/goals"): (404, 200),
    ("POST", "/api/v1/agreements/{agreement_id}/goals"): (404, 201),
    ("PATCH", "/api/v1/goals/{goal_id}"): (404, 200),
    ("GET", "/api/v1/agreements/{agreement_id}/amendments"): (404, 200),
    ("POST", "/api/v1/agreements/{agreement_id}/amendments"): (404, 201),
    ("POST", "/api/v1/amendments/{amendment_id}/submit"): (404, 403),  # the supporting school submits
    ("POST", "/api/v1/amendments/{amendment_id}/confirm"): (404, 409),
    ("POST", "/api/v1/amendments/{amendment_id}/approve"): (404, 409),
    ("POST", "/api/v1/amendments/{amendment_id}/reject"): (404, 409),
    ("GET", "/api/v1/agreements/{agreement_id}/activities"): (404, 200),
    ("POST", "/api/v1/agreements/{agreement_id}/activities"): (404, 201),
    ("GET", "/api/v1/activities/{activity_id}"): (404, 200),
    ("PATCH", "/api/v1/activities/{activity_id}"): (404, 200),
    ("GET", "/api/v1/agreements/{agreement_id}/donations"): (404, 200),
    ("POST", "/api/v1/agreements/{agreement_id}/donations"): (404, 201),
    ("PATCH", "/api/v1/donations/{donation_id}"): (404, 200),
    ("GET", "/api/v1/agreements/{agreement_id}/attachments"): (404, 200),
    ("POST", "/api/v1/agreements/{agreement_id}/attachments"): (404, 201),
    ("GET", "/api/v1/attachments/{attachment_id}/content"): (404, 200),
    ("DELETE", "/api/v1/attachments/{attachment_id}"): (404, 204),
    ("GET", "/api/v1/agreements/{agreement_id}/meetings"): (404, 200),
    ("POST", "/api/v1/agreements/{agreement_id}/meetings"): (404, 201),
    ("GET", "/api/v1/meetings/{meeting_id}"): (404, 200),
    ("PATCH", "/api/v1/meetings/{meeting_id}"): (404, 200),
    # The supporting school drafted the minutes: the receiving school confirms or returns them.
    ("POST", "/api/v1/meetings/{meeting_id}/minutes/confirm"): (404, 200),
    ("POST", "/api/v1/meetings/{meeting_id}/minutes/return"): (404, 200),
    ("GET", "/api/v1/meetings/{meeting_id}/minutes.pdf"): (404, 409),
    ("GET", "/api/v1/meetings/{meeting_id}/action-items"): (404, 200),
    ("POST", "/api/v1/meetings/{meeting_id}/action-items"): (404, 201),
    ("PATCH", "/api/v1/action-items/{item_id}"): (404, 200),
    # The shared rotation, as its host; the partner's rotation with another school is none of a1's.
    ("GET", "/api/v1/rotations/{rotation_id}"): (404, 200),
    ("POST", "/api/v1/rotations/{rotation_id}/approve"): (404, 409),
    ("POST", "/api/v1/rotations/{rotation_id}/arrive"): (404, 409),
    # The host completes, but only after submitting its (still draft) evaluation; the home school withdraws.
    ("POST", "/api/v1/rotations/{rotation_id}/complete"): (404, 409),
    ("POST", "/api/v1/rotations/{rotation_id}/withdraw"): (404, 403),
    ("GET", "/api/v1/rotations/{rotation_id}/checkins"): (404, 200),
    ("POST", "/api/v1/rotations/{rotation_id}/checkins"): (404, 403),
    ("GET", "/api/v1/rotations/{rotation_id}/leaves"): (404, 200),
    ("POST", "/api/v1/rotations/{rotation_id}/leaves"): (404, 403),
    ("POST", "/api/v1/leaves/{leave_id}/approve"): (404, 200),  # the host decides leave
    ("POST", "/api/v1/leaves/{leave_id}/reject"): (404, 200),
    ("GET", "/api/v1/rotations/{rotation_id}/logs"): (404, 200),
    ("POST", "/api/v1/rotations/{rotation_id}/logs"): (404, 403),
    ("PATCH", "/api/v1/logs/{log_id}"): (404, 403),  # the teacher's own log
    ("POST", "/api/v1/logs/{log_id}/photo"): (404, 403),
    ("GET", "/api/v1/logs/{log_id}/photo"): (404, 200),
    ("GET", "/api/v1/rotations/{rotation_id}/evaluations"): (404, 200),
    ("POST", "/api/v1/rotations/{rotation_id}/evaluations"): (404, 409),  # the host's draft exists
    ("PATCH", "/api/v1/evaluations/{evaluation_id}"): (404, 200),  # the host evaluates
    ("POST", "/api/v1/evaluations/{evaluation_id}/submit"): (404, 200),
    ("GET", "/api/v1/rotations/{rotation_id}/attendance"): (404, 200),
    ("GET", "/api/v1/rotations/{rotation_id}/certificate.pdf"): (404, 409),
    ("DELETE", "/api/v1/calendar-days/{day_id}"): NOT_A_SCHOOLS,
    ("GET", "/api/v1/programmes/{programme_id}"): NOT_A_SCHOOLS,
    ("PATCH", "/api/v1/programmes/{programme_id}"): NOT_A_SCHOOLS,
    ("GET", "/api/v1/planning/proposals/{proposal_id}"): NOT_A_SCHOOLS,
    ("PATCH", "/api/v1/planning/proposals/{proposal_id}"): NOT_A_SCHOOLS,
    ("POST", "/api/v1/planning/proposals/{proposal_id}/accept"): NOT_A_SCHOOLS,
    ("GET", "/api/v1/assessments/{assessment_id}"): NOT_A_SCHOOLS,
    ("PATCH", "/api/v1/assessments/{assessment_id}"): NOT_A_SCHOOLS,
    ("POST", "/api/v1/assessments/{assessment_id}/publish"): NOT_A_SCHOOLS,
    ("GET", "/api/v1/assessments/{assessment_id}/results"): NOT_A_SCHOOLS,
    ("GET", "/api/v1/assessments/{assessment_id}/sheets/{agreement_id}"): NOT_A_SCHOOLS,
    ("PUT", "/api/v1/assessments/{assessment_id}/sheets/{agreement_id}"): NOT_A_SCHOOLS,
    ("GET", "/api/v1/integrations/clients/{client_id}"): NOT_A_SCHOOLS,
    ("PATCH", "/api/v1/integrations/clients/{client_id}"): NOT_A_SCHOOLS,
    ("POST", "/api/v1/integrations/clients/{client_id}/rotate-secret"): NOT_A_SCHOOLS,
    ("DELETE", "/api/v1/integrations/clients/{client_id}"): NOT_A_SCHOOLS,
    ("GET", "/api/v1/integrations/webhooks/{webhook_id}"): NOT_A_SCHOOLS,
    ("PATCH", "/api/v1/integrations/webhooks/{webhook_id}"): NOT_A_SCHOOLS,
    ("DELETE", "/api/v1/integrations/webhooks/{webhook_id}"): NOT_A_SCHOOLS,
    ("GET", "/api/v1/integrations/webhooks/{webhook_id}/deliveries"): NOT_A_SCHOOLS,
    ("POST", "/api/v1/integrations/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"): NOT_A_SCHOOLS,
}
# Writes the receiving school may make on what it shares with its partner, and nothing else: a 2xx write
# added to PARTNER must be added here too, on purpose.
PARTNER_WRITES = {
    ("POST", "/api/v1/agreements/{agreement_id}/renew"),
    ("POST", "/api/v1/agreements/{agreement_id}/goals"),
    ("PATCH", "/api/v1/goals/{goal_id}"),
    ("POST", "/api/v1/agreements/{agreement_id}/amendments"),
    ("POST", "/api/v1/agreements/{agreement_id}/activities"),
    ("PATCH", "/api/v1/activities/{activity_id}"),
    ("POST", "/api/v1/agreements/{agreement_id}/donations"),
    ("PATCH", "/api/v1/donations/{donation_id}"),
    ("POST", "/api/v1/agreements/{agreement_id}/attachments"),
    ("DELETE", "/api/v1/attachments/{attachment_id}"),
    ("POST", "/api/v1/agreements/{agreement_id}/meetings"),
    ("PATCH", "/api/v1/meetings/{meeting_id}"),
    ("POST", "/api/v1/meetings/{meeting_id}/minutes/confirm"),
    ("POST", "/api/v1/meetings/{meeting_id}/minutes/return"),
    ("POST", "/api/v1/meetings/{meeting_id}/action-items"),
    ("PATCH", "/api/v1/action-items/{item_id}"),
    ("POST", "/api/v1/leaves/{leave_id}/approve"),
    ("POST", "/api/v1/leaves/{leave_id}/reject"),
    ("PATCH", "/api/v1/evaluations/{evaluation_id}"),
    ("POST", "/api/v1/evaluations/{evaluation_id}/submit"),
}


def _takes_an_id(path: str) -> bool:
    return "{" in path and "{kind}" not in path


def test_every_route_with_an_object_id_has_partner_expectations() -> None:
    assert PARTNER.keys() == {route for route in EXPECTED if _takes_an_id(route[1])}
    writes = {route for route, cell in PARTNER.items() if cell and route[0] != "GET" and cell[1] < 300}
    assert writes == PARTNER_WRITES
    # a1 may write nothing of a2's own (its school, needs, roster, accounts, other pairings, rotations).
    assert not [route for route, cell in PARTNER.items() if cell and route[0] != "GET" and cell[0] < 300]


PARTNER_ROUTES = sorted(route for route, cell in PARTNER.items() if cell)


@pytest.mark.parametrize("route", PARTNER_ROUTES, ids=lambda r: f"{r[0]} {r[1]}")
async def test_school_admin_on_its_partners_objects(
    client: AsyncClient, partners: Partners, route: tuple[str, str]
) -> None:
    builder, _, _ = EXPECTED[route]
    cell = PARTNER[route]
    assert cell is not None
    # The supporter first: it must change nothing, and the receiver's request may.
    for view, role, expected in (
        (partners.supporter, SUPPORTER, cell[0]),
        (partners.receiver, RECEIVER, cell[1]),
    ):
        if route == ("POST", "/api/v1/notifications/{notification_id}/read"):
            url, kwargs = f"/api/v1/notifications/{view.notification.id}/read", {}
        else:
            url, kwargs = builder(view, True)
        response = await client.request(route[0], url, headers=view.headers[role], **kwargs)
        assert response.status_code == expected, f"{role}: {response.status_code} {response.text}"
        if expected == 404 and route[0] == "GET":
            # Hidden, not missing: the bureau finds it (the writes' objects are these reads' objects).
            seen = await client.get(url, headers=view.headers["bureau_admin"], **kwargs)
            assert seen.status_code != 404, seen.text
