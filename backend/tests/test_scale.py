"""The benchmark data generator: deterministic, realistic in shape, consistent with the rules."""

import asyncio
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.db import build_engine
from app.scale import SIZES, seed_scale
from tests.conftest import alembic_config


async def _fresh(tmp_path: Path, name: str) -> AsyncEngine:
    url = f"sqlite+aiosqlite:///{tmp_path / name}"
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
    return build_engine(url)


async def _digest(engine: AsyncEngine, sql: str) -> list[tuple[object, ...]]:
    async with engine.connect() as conn:
        return [tuple(row) for row in await conn.execute(text(sql))]


async def test_a_county_data_set_is_deterministic_and_realistic(tmp_path: Path) -> None:
    first, second = await _fresh(tmp_path, "a.db"), await _fresh(tmp_path, "b.db")
    try:
        counts = await seed_scale(first, size="county", seed=7, progress=False)
        again = await seed_scale(second, size="county", seed=7, progress=False)
        shape = SIZES["county"]
        assert counts == again
        assert (counts["school"], counts["agreement"] <= shape.agreements, counts["meeting"]) == (
            100,
            True,
            300,
        )
        assert counts["rotation"] == shape.rotations and counts["activity"] == shape.activities
        sample = "SELECT code, name, locale, is_weak, teacher_count FROM school ORDER BY id"
        assert await _digest(first, sample) == await _digest(second, sample)  # same seed, same data
        rotations = "SELECT teacher_id, start_date, end_date, status FROM rotation ORDER BY id"
        assert await _digest(first, rotations) == await _digest(second, rotations)
        async with first.connect() as conn:
            rural = await conn.scalar(text("SELECT count(*) FROM school WHERE locale IN ('rural', 'remote')"))
            assert rural is not None and rural > 50  # most schools are rural and small
            biggest, smallest = (
                await conn.execute(text("SELECT max(teacher_count), min(teacher_count) FROM school"))
            ).one()
            assert biggest >= 5 * smallest
            # Each teacher in one place at a time: no two non-withdrawn rotations of a teacher overlap.
            overlaps = await conn.scalar(
                text(
                    "SELECT count(*) FROM rotation a JOIN rotation b ON a.teacher_id = b.teacher_id "
                    "AND a.id < b.id AND a.start_date <= b.end_date AND b.start_date <= a.end_date"
                )
            )
            assert overlaps == 0
            # Check-ins fall inside their rotation, on school days, before today.
            outside = await conn.scalar(
                text(
                    "SELECT count(*) FROM checkin c JOIN rotation r ON r.id = c.rotation_id "
                    "WHERE c.date < r.start_date OR c.date > r.end_date OR c.teacher_id <> r.teacher_id"
                )
            )
            assert outside == 0
            autumn = await conn.scalar(
                text("SELECT count(*) FROM rotation WHERE strftime('%m', start_date) = '09'")
            )
            assert autumn is not None and autumn > counts["rotation"] / 2  # clustered at the start of terms
            admins = await conn.scalar(text("SELECT count(*) FROM user_account WHERE role = 'school_admin'"))
            assert admins == counts["school"]
    finally:
        await first.dispose()
        await second.dispose()


async def test_a_second_run_with_the_same_seed_is_refused(tmp_path: Path) -> None:
    engine = await _fresh(tmp_path, "c.db")
    try:
        await seed_scale(engine, size="county", seed=3, progress=False)
        with pytest.raises(SystemExit, match="already"):
            await seed_scale(engine, size="county", seed=3, progress=False)
        other = await seed_scale(engine, size="county", seed=4, progress=False)  # another seed adds a county
        async with engine.connect() as conn:
            assert (
                await conn.scalar(select(func.count()).select_from(text("school"))) == 100 + other["school"]
            )
    finally:
        await engine.dispose()
