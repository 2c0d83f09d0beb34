"""Statements PostgreSQL can prepare once and reuse, where reuse is right, and not where it is not.

Each distinct SQL text is a prepared statement of its own on every connection, planned again until
PostgreSQL settles on a generic plan. So counties must share their scope's text (one prepared statement,
one generic plan: a county's dashboard spent half its database time planning when each county's path was
written in), while the province's path and a deep page's offset are written in, where a generic plan
would be the wrong one (see app/core/policy.py and app/core/listing.py)."""

import time

from sqlalchemy.dialects import postgresql

from app.core.enums import Role
from app.core.listing import ListParams, ListSpec, _page
from app.core.policy import Caller, readable
from app.core.security import AccessClaims, create_access_token, decode_access_token
from app.rotations.models import Rotation
from app.teachers.models import Teacher
from app.teachers.schemas import TeacherRead


def _bureau(path: str) -> Caller:
    return Caller(
        user_id=1,
        role=Role.bureau_admin,
        organization_id=1,
        school_id=None,
        teacher_id=None,
        region_path=path,
    )


def _sql(stmt: object) -> str:
    return str(stmt.compile(dialect=postgresql.dialect(), compile_kwargs={"render_postcompile": True}))  # type: ignore[attr-defined]


def test_counties_share_one_statement_and_the_province_has_its_own() -> None:
    county_a, county_b = (
        _sql(readable(_bureau("/1/2/19/"), Rotation)),
        _sql(readable(_bureau("/1/3/40/"), Rotation)),
    )
    assert county_a == county_b
    assert "/1/2/19/" not in county_a
    city = _sql(readable(_bureau("/1/2/"), Rotation))
    assert "/1/2/" not in city
    province = _sql(readable(_bureau("/1/"), Rotation))
    assert "'/1/'" in province  # written in: the planner must see that it is every region


def test_a_deep_page_writes_its_offset_in_and_a_first_page_binds_it() -> None:
    stmt = readable(_bureau("/1/"), Teacher).order_by(Teacher.id)
    spec = ListSpec(read_model=TeacherRead, sortable={}, default_sort=())
    deep = _sql(_page(stmt, ListParams(limit=50, offset=50_000, q=None, sort=None, format=None), spec))
    assert "LIMIT 50 OFFSET 50000" in deep
    first = _sql(_page(stmt, ListParams(limit=50, offset=0, q=None, sort=None, format=None), spec))
    assert "OFFSET 0" not in first and "LIMIT %(param_" in first


def test_a_remembered_token_still_expires(monkeypatch: object) -> None:
    claims = AccessClaims(
        user_id=7, role="bureau_admin", organization_id=1, school_id=None, teacher_id=None, region_path="/1/"
    )
    token, lifetime = create_access_token(claims)
    assert decode_access_token(token) == claims
    assert decode_access_token(token) == claims  # the second use answered from the verified tokens
    later = time.time() + lifetime + 1
    monkeypatch.setattr("app.core.security.time.time", lambda: later)  # type: ignore[attr-defined]
    assert decode_access_token(token) is None
    assert decode_access_token(token[:-2] + "xx") is None  # a forged signature is never remembered as valid
