"""Mass assignment: no write body sets what the server decides (ids, versions, statuses, stamps, who
approved, the caller's own organization, school or role), except where the API contract makes it data.

Every write operation of the OpenAPI document has a row in WRITES, so a new one cannot slip by
(`test_every_write_operation_is_listed`). JSON bodies are closed (`extra="forbid"`): the schema test
checks every object in them says so, the property test that no server-owned name is writable beyond
the row's allow-list, and the request test that the application really refuses such names with 422.
The behavioural tests at the end cover the writable references: a value pointing outside the caller's
reach is refused or ignored, and what is stored is read back.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.assessments.models import AssessmentItem
from app.attachments.models import Attachment
from app.main import create_app
from app.meetings.models import Meeting
from app.rotations.models import Rotation, WorkLog
from app.schools.models import School
from app.teachers.models import Teacher
from app.users.models import User
from tests.factories import PNG, World
from tests.test_authorization_matrix import EXPECTED

# Names a client must not choose: the server assigns them, or they are the caller's own standing.
SERVER_OWNED = frozenset(
    {
        "id", "version", "status", "created_at", "updated_at", "created_by_id", "updated_by_id",
        "approved_by", "approved_by_id", "approved_at", "submitted_at", "published_at", "revoked_at",
        "deleted_at", "organization_id", "school_id", "region_id", "role", "teacher_id", "user_id",
        "is_active", "password_hash", "secret_hash", "secret_generation", "client_id", "client_secret",
        "service_user_id", "uploaded_by_id", "evaluator_school_id", "total", "grade", "weights",
        "minutes_status", "minutes_recorded_by", "minutes_final_at", "allowed_actions", "next_actor",
        "filled", "sha256", "storage_key", "last_used_at", "requests_on_day",
    }
)  # fmt: skip

NO_BODY = "no body"
FORM = "form"  # multipart or URL-encoded: FastAPI drops unknown form fields (see the attachment test)
JSON = frozenset[str]  # a JSON body: the server-owned names it may carry, as dotted paths

# (method, OpenAPI path) -> NO_BODY, FORM, or the server-owned names the contract (api.md) lets it set.
WRITES: dict[tuple[str, str], str | JSON] = {
    ("POST", "/api/v1/auth/token"): FORM,  # credentials, nothing stored from it
    ("POST", "/api/v1/auth/refresh"): frozenset(),
    ("POST", "/api/v1/auth/logout"): frozenset(),
    ("PATCH", "/api/v1/auth/me"): frozenset(),  # one's own name, contact and language; never one's role
    ("POST", "/api/v1/auth/password"): frozenset(),
    # api.md schools: `region_id` (checked to be a county of the bureau: test below).
    ("POST", "/api/v1/schools"): frozenset({"region_id"}),
    ("PATCH", "/api/v1/schools/{school_id}"): frozenset({"region_id"}),
    # api.md teachers: `school_id` (a school the caller may staff: test below).
    ("POST", "/api/v1/teachers"): frozenset({"school_id"}),
    ("PATCH", "/api/v1/teachers/{teacher_id}"): frozenset({"school_id"}),
    # api.md users: `role, school_id, organization_id, is_active` (and a teacher account's teacher, as in
    # /auth/me); bureau admins only, the links derived from the role and kept in the county (test below).
    ("POST", "/api/v1/users"): frozenset({"role", "school_id", "organization_id", "teacher_id"}),
    ("PATCH", "/api/v1/users/{user_id}"): frozenset(
        {"role", "school_id", "organization_id", "teacher_id", "is_active"}
    ),
    # The rows' school codes are checked like `school_id` (tests/imports/test_imports.py
    # test_school_admin_imports_own_teachers_and_nobody_elses).
    ("POST", "/api/v1/imports/{kind}"): FORM,
    ("POST", "/api/v1/needs"): frozenset({"school_id"}),  # api.md staffing needs: `school_id`
    ("PATCH", "/api/v1/needs/{need_id}"): frozenset(),
    ("DELETE", "/api/v1/needs/{need_id}"): NO_BODY,
    ("POST", "/api/v1/planning/unavailable-teachers"): frozenset({"teacher_id"}),  # whom the mark is about
    ("DELETE", "/api/v1/planning/unavailable-teachers/{mark_id}"): NO_BODY,
    ("POST", "/api/v1/planning/proposals"): frozenset({"region_id"}),  # api.md: `{region_id, school_year}`
    ("PATCH", "/api/v1/planning/proposals/{proposal_id}"): frozenset({"assignments.teacher_id"}),
    ("POST", "/api/v1/planning/proposals/{proposal_id}/accept"): NO_BODY,
    ("POST", "/api/v1/programmes"): frozenset(),
    ("PATCH", "/api/v1/programmes/{programme_id}"): frozenset(),
    # api.md goals: `status: planned/in_progress/achieved/missed` is plain data (no goal transitions).
    ("POST", "/api/v1/agreements"): frozenset({"goals.status"}),
    ("PATCH", "/api/v1/agreements/{agreement_id}"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/submit"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/confirm"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/approve"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/reject"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/complete"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/terminate"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/renew"): NO_BODY,
    ("POST", "/api/v1/agreements/{agreement_id}/goals"): frozenset({"status"}),
    ("PATCH", "/api/v1/goals/{goal_id}"): frozenset({"status"}),
    ("POST", "/api/v1/agreements/{agreement_id}/amendments"): frozenset(),
    ("POST", "/api/v1/amendments/{amendment_id}/submit"): frozenset(),
    ("POST", "/api/v1/amendments/{amendment_id}/confirm"): frozenset(),
    ("POST", "/api/v1/amendments/{amendment_id}/approve"): frozenset(),
    ("POST", "/api/v1/amendments/{amendment_id}/reject"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/activities"): frozenset(),
    ("PATCH", "/api/v1/activities/{activity_id}"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/donations"): frozenset(),
    ("PATCH", "/api/v1/donations/{donation_id}"): frozenset(),
    ("POST", "/api/v1/agreements/{agreement_id}/meetings"): frozenset(),
    # api.md meetings: `status` is "set by PATCH"; `attendees: [{name, school_id, role}]` (school_id one
    # of the two schools: test below), with an optional user_id added beside them.
    ("PATCH", "/api/v1/meetings/{meeting_id}"): frozenset(
        {"status", "attendees.school_id", "attendees.role", "attendees.user_id"}
    ),
    ("POST", "/api/v1/meetings/{meeting_id}/minutes/confirm"): frozenset(),
    ("POST", "/api/v1/meetings/{meeting_id}/minutes/return"): frozenset(),
    ("POST", "/api/v1/meetings/{meeting_id}/action-items"): frozenset(),
    ("PATCH", "/api/v1/action-items/{item_id}"): frozenset({"status"}),  # api.md: `status: open/done`
    # api.md rotations: `teacher_id` (the home school's own teacher: test below); the status never.
    ("POST", "/api/v1/rotations"): frozenset({"teacher_id"}),
    ("POST", "/api/v1/rotations/bulk"): frozenset(),
    ("POST", "/api/v1/rotations/{rotation_id}/approve"): frozenset(),
    ("POST", "/api/v1/rotations/{rotation_id}/arrive"): frozenset(),
    ("POST", "/api/v1/rotations/{rotation_id}/complete"): frozenset(),
    ("POST", "/api/v1/rotations/{rotation_id}/withdraw"): frozenset(),
    ("POST", "/api/v1/rotations/{rotation_id}/checkins"): frozenset(),
    ("POST", "/api/v1/rotations/{rotation_id}/leaves"): frozenset(),
    ("POST", "/api/v1/leaves/{leave_id}/approve"): frozenset(),
    ("POST", "/api/v1/leaves/{leave_id}/reject"): frozenset(),
    ("POST", "/api/v1/rotations/{rotation_id}/logs"): frozenset(),
    ("PATCH", "/api/v1/logs/{log_id}"): frozenset(),
    ("POST", "/api/v1/logs/{log_id}/photo"): FORM,
    ("POST", "/api/v1/rotations/{rotation_id}/evaluations"): frozenset(),  # the evaluator is the host
    ("PATCH", "/api/v1/evaluations/{evaluation_id}"): frozenset(),
    ("POST", "/api/v1/evaluations/{evaluation_id}/submit"): NO_BODY,
    ("POST", "/api/v1/calendar-days"): frozenset(),
    ("DELETE", "/api/v1/calendar-days/{day_id}"): NO_BODY,
    ("POST", "/api/v1/agreements/{agreement_id}/attachments"): FORM,
    ("DELETE", "/api/v1/attachments/{attachment_id}"): NO_BODY,
    ("POST", "/api/v1/notifications/{notification_id}/read"): NO_BODY,
    ("POST", "/api/v1/notifications/read-all"): NO_BODY,
    # An item's id keeps an existing item of this assessment's form (any other is refused: test below).
    ("POST", "/api/v1/assessments"): frozenset({"items.id"}),
    ("PATCH", "/api/v1/assessments/{assessment_id}"): frozenset({"items.id"}),
    ("POST", "/api/v1/assessments/{assessment_id}/publish"): NO_BODY,
    ("PUT", "/api/v1/assessments/{assessment_id}/sheets/{agreement_id}"): frozenset(),
    ("POST", "/api/v1/integrations/clients"): frozenset(),
    ("PATCH", "/api/v1/integrations/clients/{client_id}"): frozenset(),
    ("DELETE", "/api/v1/integrations/clients/{client_id}"): NO_BODY,
    ("POST", "/api/v1/integrations/clients/{client_id}/rotate-secret"): NO_BODY,
    ("POST", "/api/v1/integrations/webhooks"): frozenset(),
    ("PATCH", "/api/v1/integrations/webhooks/{webhook_id}"): frozenset({"is_active"}),  # pause, resume
    ("DELETE", "/api/v1/integrations/webhooks/{webhook_id}"): NO_BODY,
    ("POST", "/api/v1/integrations/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver"): NO_BODY,
}
JSON_WRITES = sorted(route for route, kind in WRITES.items() if isinstance(kind, frozenset))
# Bodies that only present a refresh token to look up and store nothing: they stay open to extra fields,
# as OAuth clients tend to send some (`grant_type`).
OPEN_BODIES = {("POST", "/api/v1/auth/refresh"), ("POST", "/api/v1/auth/logout")}
CLOSED_JSON_WRITES = [route for route in JSON_WRITES if route not in OPEN_BODIES]

_OPENAPI = create_app().openapi()
_COMPONENTS = _OPENAPI["components"]["schemas"]


def _operation(route: tuple[str, str]) -> dict[str, Any]:
    return _OPENAPI["paths"][route[1]][route[0].lower()]


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = _COMPONENTS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _objects(schema: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema in `schema` with its dotted path (list items take their list's name)."""
    schema = _resolve(schema)
    for variant in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", []):
        yield from _objects(variant, prefix)
    if "items" in schema:
        yield from _objects(schema["items"], prefix)
    if isinstance(schema.get("additionalProperties"), dict):
        yield from _objects(schema["additionalProperties"], prefix)
    if "properties" in schema:
        yield prefix, schema
        for name, prop in schema["properties"].items():
            yield from _objects(prop, f"{prefix}{name}.")


def _json_body(route: tuple[str, str]) -> dict[str, Any]:
    content = _operation(route)["requestBody"]["content"]
    assert list(content) == ["application/json"], content
    return content["application/json"]["schema"]


def test_every_write_operation_is_listed() -> None:
    writes = {
        (method.upper(), path)
        for path, ops in _OPENAPI["paths"].items()
        for method in ops
        if method in ("post", "put", "patch", "delete")
    }
    assert writes - WRITES.keys() == set(), "add these write operations to WRITES"
    assert WRITES.keys() - writes == set(), "WRITES names operations that no longer exist"
    for route, kind in WRITES.items():
        body = _operation(route).get("requestBody")
        if kind == NO_BODY:
            assert body is None, route
        elif kind == FORM:
            assert body and set(body["content"]) <= {
                "multipart/form-data",
                "application/x-www-form-urlencoded",
            }
        else:
            assert body and list(body["content"]) == ["application/json"], route


@pytest.mark.parametrize("route", CLOSED_JSON_WRITES, ids=lambda r: f"{r[0]} {r[1]}")
def test_json_bodies_refuse_unknown_fields(route: tuple[str, str]) -> None:
    objects = list(_objects(_json_body(route)))
    assert objects, f"{route}: no object schema in the body"
    for path, schema in objects:
        assert schema.get("additionalProperties") is False, f"{route} {path or 'body'} accepts any field"


@pytest.mark.parametrize("route", JSON_WRITES, ids=lambda r: f"{r[0]} {r[1]}")
def test_no_server_owned_field_is_writable_beyond_the_contract(route: tuple[str, str]) -> None:
    writable = {
        f"{path}{name}"
        for path, schema in _objects(_json_body(route))
        for name in schema["properties"]
        if name in SERVER_OWNED
    }
    # Equality, not inclusion: a field dropped from a schema must leave the allow-list too.
    assert writable == WRITES[route]


def _hostile(w: World) -> dict[str, Any]:
    """A value for each server-owned name that would hurt if taken: another county's, or a later state."""
    values = {
        "organization_id": w.bureau_b.id, "school_id": w.b1.id, "region_id": w.county_b.id,
        "status": "active", "role": "bureau_admin", "is_active": True,
    }  # fmt: skip
    return {name: values.get(name, 987654) for name in SERVER_OWNED}


async def test_every_json_write_refuses_server_owned_fields(client: AsyncClient, world: World) -> None:
    """The valid request of the authorization matrix, plus every server-owned name it may not carry: all
    of them refused as unknown fields, so nothing reaches the database (each request is a 422; one world
    serves them all)."""
    hostile = _hostile(world)
    problems = []
    for route in CLOSED_JSON_WRITES:
        url, kwargs = EXPECTED[route][0](world, False)
        body = kwargs.get("json") or {}
        added = {name: value for name, value in hostile.items() if name not in WRITES[route] | body.keys()}
        response = await client.request(
            route[0], url, json={**body, **added}, headers=world.headers["bureau_admin"]
        )
        errors = response.json().get("errors") if response.status_code == 422 else None
        refused = {
            error["loc"][-1]
            for error in errors or []
            if error["type"] == "extra_forbidden" and len(error["loc"]) == 2
        }
        if response.status_code != 422 or refused != added.keys():
            problems.append((route, response.status_code, sorted(added.keys() - refused)))
    assert problems == []


# --- what the writable references may point at ----------------------------------------------


async def _stored(session: AsyncSession, column: Any, row_id: int) -> Any:
    return await session.scalar(select(column).where(column.class_.id == row_id))


async def test_a_rotation_starts_planned_whatever_status_it_asks_for(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    url, kwargs = EXPECTED[("POST", "/api/v1/rotations")][0](world, False)
    headers = world.headers["school_admin"]
    for status in ("active", "approved", "completed"):
        refused = await client.post(url, json={**kwargs["json"], "status": status}, headers=headers)
        assert refused.status_code == 422, refused.text
    count = select(func.count()).select_from(Rotation).where(Rotation.teacher_id == world.teacher_a1.id)
    assert await session.scalar(count) == 1  # the world's, and none of the refused ones
    created = await client.post(url, json=kwargs["json"], headers=headers)
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "planned"
    assert await _stored(session, Rotation.status, created.json()["id"]) == "planned"


async def test_a_school_admin_keeps_its_teachers_and_accounts_where_they_are(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    headers = world.headers["school_admin"]
    teacher = f"/api/v1/teachers/{world.teacher_a1.id}"
    # Another county's school is not found; the partner's is not the admin's to staff.
    assert (await client.patch(teacher, json={"school_id": world.b1.id}, headers=headers)).status_code == 422
    assert (await client.patch(teacher, json={"school_id": world.a2.id}, headers=headers)).status_code == 403
    assert await _stored(session, Teacher.school_id, world.teacher_a1.id) == world.a1.id
    created = await client.post(
        "/api/v1/teachers",
        json={"name": "越权", "gender": "male", "school_id": world.a2.id, "hire_date": "2020-09-01"},
        headers=headers,
    )
    assert created.status_code == 403, created.text
    # Roles and accounts are the bureau's.
    user = world.users["teacher"]
    for change in ({"role": "bureau_admin"}, {"school_id": world.a2.id}, {"is_active": False}):
        answer = await client.patch(f"/api/v1/users/{user.id}", json=change, headers=headers)
        assert answer.status_code == 403, answer.text
    assert (
        await client.patch("/api/v1/auth/me", json={"role": "bureau_admin"}, headers=headers)
    ).status_code == 422
    row = (
        await session.execute(select(User.role, User.school_id, User.is_active).where(User.id == user.id))
    ).one()
    assert tuple(row) == ("teacher", world.a1.id, True)
    me = world.users["school_admin"]
    assert await _stored(session, User.role, me.id) == "school_admin"


async def test_a_bureau_admin_keeps_accounts_and_schools_in_its_county(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    headers = world.headers["bureau_admin"]
    school_admin, viewer = world.users["school_admin"], world.users["bureau_viewer"]
    # A school account's organization follows from its school: the value sent is not taken.
    moved = await client.patch(
        f"/api/v1/users/{school_admin.id}", json={"organization_id": world.bureau_b.id}, headers=headers
    )
    assert moved.status_code == 200 and moved.json()["organization_id"] == world.bureau_a.id, moved.text
    refused = [
        ("PATCH", f"/api/v1/users/{viewer.id}", {"organization_id": world.bureau_b.id}),
        ("PATCH", f"/api/v1/users/{school_admin.id}", {"school_id": world.b1.id}),
        ("PATCH", f"/api/v1/users/{world.users['teacher'].id}", {"teacher_id": world.teacher_b1.id}),
        ("PATCH", f"/api/v1/schools/{world.a1.id}", {"region_id": world.county_b.id}),
        ("PATCH", f"/api/v1/teachers/{world.teacher_a1.id}", {"school_id": world.b1.id}),
    ]
    for method, url, change in refused:
        answer = await client.request(method, url, json=change, headers=headers)
        assert answer.status_code == 422, f"{url} {change}: {answer.text}"
    for role, link in (
        ("bureau_admin", {"organization_id": world.bureau_b.id}),
        ("school_admin", {"school_id": world.b1.id}),
    ):
        body = {
            "username": f"x_{role}",
            "display_name": "越权",
            "role": role,
            "password": "long-enough-1",
            **link,
        }
        answer = await client.post("/api/v1/users", json=body, headers=headers)
        assert answer.status_code == 422, answer.text
    school = {
        "code": "X-1",
        "name": "越界学校",
        "stage": "primary",
        "locale": "rural",
        "region_id": world.county_b.id,
    }
    assert (await client.post("/api/v1/schools", json=school, headers=headers)).status_code == 422
    need = {"school_id": world.b1.id, "school_year": 2026, "subject": "音乐"}
    assert (await client.post("/api/v1/needs", json=need, headers=headers)).status_code == 422
    proposal = {"region_id": world.county_b.id, "school_year": 2026}
    assert (
        await client.post("/api/v1/planning/proposals", json=proposal, headers=headers)
    ).status_code == 422
    # References into lists: another assessment's form item, the other county's teacher and need.
    foreign_item = await session.scalar(
        select(AssessmentItem.id).where(AssessmentItem.assessment_id == world.foreign_assessment.id).limit(1)
    )
    items = [{"id": foreign_item, "title": "越权", "max_points": "10"}]
    form = await client.patch(
        f"/api/v1/assessments/{world.assessment.id}", json={"items": items}, headers=headers
    )
    assert form.status_code == 422, form.text
    assert await _stored(session, AssessmentItem.assessment_id, foreign_item) == world.foreign_assessment.id
    plan = {"assignments": [{"teacher_id": world.teacher_b1.id, "need_id": world.foreign_need.id}]}
    patched = await client.patch(
        f"/api/v1/planning/proposals/{world.proposal.id}", json=plan, headers=headers
    )
    assert patched.status_code == 422, patched.text
    for user in (school_admin, viewer):
        assert await _stored(session, User.organization_id, user.id) == world.bureau_a.id
    assert await _stored(session, User.school_id, school_admin.id) == world.a1.id
    assert await _stored(session, School.region_id, world.a1.id) == world.county_a.id
    assert await session.scalar(select(func.count()).select_from(School).where(School.code == "X-1")) == 0


async def test_references_in_an_agreement_stay_with_its_two_schools(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    """Organizers, donors, owners and attendees are one of the two schools; a foreign school, teacher
    or agreement in a body is refused, whoever of the parties sends it."""
    w, headers = world, world.headers["school_admin"]
    agreement, ledger = f"/api/v1/agreements/{w.agreement.id}", w.ledger
    activity = {"kind": "lecture", "date": "2026-11-01", "participants": 10}
    donation = {"kind": "books", "quantity": "10", "unit": "册", "value_yuan": "200.00", "date": "2026-11-01"}
    item = {"description": "整理", "due_date": "2027-01-15"}
    rotation = EXPECTED[("POST", "/api/v1/rotations")][0](w, False)[1]["json"]
    draft = EXPECTED[("POST", "/api/v1/agreements")][0](w, False)[1]["json"]
    for school in (w.b1.id, w.a3.id):  # another county's school, and one of this county outside the pair
        refused = [
            ("POST", f"{agreement}/activities", {**activity, "organizer_school_id": school}),
            ("PATCH", f"/api/v1/activities/{ledger.activity.id}", {"organizer_school_id": school}),
            ("POST", f"{agreement}/donations", {**donation, "donor_school_id": school}),
            ("PATCH", f"/api/v1/donations/{ledger.donation.id}", {"donor_school_id": school}),
            (
                "POST",
                f"/api/v1/meetings/{ledger.meeting.id}/action-items",
                {**item, "owner_school_id": school},
            ),
            ("PATCH", f"/api/v1/action-items/{ledger.action_item.id}", {"owner_school_id": school}),
            (
                "PATCH",
                f"/api/v1/meetings/{ledger.meeting.id}",
                {"attendees": [{"name": "访客", "school_id": school}]},
            ),
        ]
        for method, url, body in refused:
            answer = await client.request(method, url, json=body, headers=headers)
            assert answer.status_code == 422, f"{url} {body}: {answer.text}"
    assert await _stored(session, Meeting.attendees, ledger.meeting.id) == []
    for body in (
        {**rotation, "agreement_id": w.foreign_agreement.id},
        {**rotation, "teacher_id": w.teacher_a2.id},  # the partner's teacher, from our school
        {**rotation, "to_school_id": w.b1.id},
    ):
        answer = await client.post("/api/v1/rotations", json=body, headers=headers)
        assert answer.status_code == 422, f"{body}: {answer.text}"
    for body in (
        {**draft, "assistant_principal_teacher_id": w.teacher_b1.id},
        {**draft, "receiving_school_id": w.b1.id},
        {**draft, "programme_id": w.programme_b.id},
    ):
        answer = await client.post("/api/v1/agreements", json=body, headers=headers)
        assert answer.status_code == 422, f"{body}: {answer.text}"
    # Two other schools of the county: a school admin drafts only agreements it is party to.
    others = {**draft, "supporting_school_id": w.a2.id, "receiving_school_id": w.a3.id}
    assert (await client.post("/api/v1/agreements", json=others, headers=headers)).status_code == 403
    # The attendees of the pair's own schools are recorded as sent.
    ours = [
        {"name": "王校长", "school_id": w.a1.id, "role": "校长"},
        {"name": "李主任", "school_id": w.a2.id},
    ]
    recorded = await client.patch(
        f"/api/v1/meetings/{ledger.meeting.id}", json={"attendees": ours}, headers=headers
    )
    assert recorded.status_code == 200, recorded.text
    assert [a["school_id"] for a in recorded.json()["attendees"]] == [w.a1.id, w.a2.id]


async def test_form_fields_beyond_the_upload_are_ignored(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    """Form bodies cannot forbid extra fields: a hostile one must not reach the stored row."""
    w = world
    hostile = {
        "agreement_id": str(w.foreign_agreement.id), "id": "987654", "version": "99", "sha256": "0" * 64,
        "uploaded_by_id": str(w.users["bureau_admin"].id), "storage_key": "../../etc/passwd",
    }  # fmt: skip
    upload = await client.post(
        f"/api/v1/agreements/{w.agreement.id}/attachments",
        files={"file": ("a.pdf", b"%PDF-1.4 x", "application/pdf")},
        data=hostile,
        headers=w.headers["school_admin"],
    )
    assert upload.status_code == 201, upload.text
    stored = await session.get(Attachment, upload.json()["id"], populate_existing=True)
    assert stored is not None and stored.id != 987654
    assert (stored.agreement_id, stored.uploaded_by_id) == (w.agreement.id, w.users["school_admin"].id)
    assert stored.sha256 != "0" * 64 and stored.storage_key != hostile["storage_key"]
    # An attachment target is checked against the agreement in the path.
    misfiled = await client.post(
        f"/api/v1/agreements/{w.agreement.id}/attachments",
        files={"file": ("a.pdf", b"%PDF-1.4 x", "application/pdf")},
        data={"activity_id": str(w.foreign_ledger.activity.id)},
        headers=w.headers["school_admin"],
    )
    assert misfiled.status_code == 422, misfiled.text
    log = w.records.work_log
    photo = await client.post(
        f"/api/v1/logs/{log.id}/photo",
        files={"file": ("p.png", PNG, "image/png")},
        data={"teacher_id": str(w.teacher_b1.id), "rotation_id": str(w.foreign_rotation.id)},
        headers=w.headers["teacher"],
    )
    assert photo.status_code == 200, photo.text
    row = (
        await session.execute(select(WorkLog.teacher_id, WorkLog.rotation_id).where(WorkLog.id == log.id))
    ).one()
    assert tuple(row) == (w.teacher_a1.id, w.rotation.id)
