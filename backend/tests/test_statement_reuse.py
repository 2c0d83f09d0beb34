"""Statements PostgreSQL can prepare once and reuse, where reuse is right, and not where it is not.

Each distinct SQL text is a prepared statement of its own on every connection, planned again until
PostgreSQL settles on a generic plan. So counties must share their scope's text (one prepared statement,
one generic plan: a county's dashboard spent half its database time planning when each county's path was
written in), while the province's path, a page's size and a deep page's offset are written in, where a
generic plan would be the wrong one (see app/core/policy.py and app/core/listing.py)."""

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


def test_a_page_writes_its_size_in_and_binds_a_shallow_offset() -> None:
    # A bound LIMIT let the generic plan price an unknown page as a tenth of the rows: a county's
    # rotations read backwards along the start_date index, 8,239 rows discarded to keep 50.
    stmt = readable(_bureau("/1/"), Teacher).order_by(Teacher.id)
    spec = ListSpec(read_model=TeacherRead, sortable={}, default_sort=())
    deep = _sql(_page(stmt, ListParams(limit=50, offset=50_000, q=None, sort=None, format=None), spec))
    assert "LIMIT 50 OFFSET 50000" in deep
    first = _sql(_page(stmt, ListParams(limit=50, offset=0, q=None, sort=None, format=None), spec))
    assert "LIMIT 50 OFFSET %(param_" in first
    second = _sql(_page(stmt, ListParams(limit=50, offset=50, q=None, sort=None, format=None), spec))
    assert second == first  # every shallow page of a size shares one statement


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


def test_a_callers_scope_is_built_once_and_is_that_callers_own() -> None:
    county, other_county, province = _bureau("/1/2/19/"), _bureau("/1/3/40/"), _bureau("/1/")
    assert readable(county, Rotation) is readable(_bureau("/1/2/19/"), Rotation)  # kept, for an equal caller
    assert readable(county, Rotation) is not readable(other_county, Rotation)
    assert readable(county, Rotation) is not readable(county, Teacher)
    # The kept statements still carry each caller's own values.
    bound = {
        caller.region_path: readable(caller, Rotation).compile(dialect=postgresql.dialect()).params
        for caller in (county, other_county)
    }
    assert "/1/2/19/" in bound["/1/2/19/"].values() and "/1/3/40/" in bound["/1/3/40/"].values()
    assert "'/1/'" in _sql(readable(province, Rotation)) and "'/1/'" not in _sql(readable(county, Rotation))
