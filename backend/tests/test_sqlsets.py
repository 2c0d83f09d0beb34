"""member_of: the same rows as IN, written for PostgreSQL so that the column's index answers."""

from sqlalchemy import or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.sqlsets import member_of
from app.rotations.models import Rotation
from app.schools.models import School
from tests.factories import World, make_rotation


def _county_schools(world: World) -> object:
    return select(School.id).where(School.region_id == world.county_a.id)


def test_postgresql_gets_an_array_membership_and_sqlite_the_plain_in(world: World) -> None:
    condition = member_of(Rotation.to_school_id, _county_schools(world))  # type: ignore[arg-type]
    pg = str(select(Rotation.id).where(condition).compile(dialect=postgresql.dialect()))
    lite = str(select(Rotation.id).where(condition).compile(dialect=sqlite.dialect()))
    assert "rotation.to_school_id = ANY(ARRAY(SELECT school.id" in pg
    assert "rotation.to_school_id IN (SELECT school.id" in lite


async def test_selects_the_rows_in_does_and_caches_per_value(world: World, session: AsyncSession) -> None:
    await make_rotation(session, world.teacher_b1, world.b2)  # another county: selected by neither
    ids = _county_schools(world)
    plain = or_(Rotation.from_school_id.in_(ids), Rotation.to_school_id.in_(ids))  # type: ignore[arg-type]
    arrays = or_(member_of(Rotation.from_school_id, ids), member_of(Rotation.to_school_id, ids))  # type: ignore[arg-type]
    expected = set(await session.scalars(select(Rotation.id).where(plain)))
    assert expected and set(await session.scalars(select(Rotation.id).where(arrays))) == expected
    # The statement cache keys on the sub-query: another county's schools are another statement.
    other = select(School.id).where(School.region_id == world.county_b.id)
    theirs = set(await session.scalars(select(Rotation.id).where(member_of(Rotation.to_school_id, other))))  # type: ignore[arg-type]
    assert theirs and not theirs & expected
