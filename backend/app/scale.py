"""A province-scale data set for benchmarks: `python -m app.cli seed-scale [--size province] [--seed 1]`.

Deterministic for a given size and seed. The shape follows the programme as the documents describe
it: most schools are small rural primary schools, a few large urban schools each support several;
rotations start in the autumn or spring term (a few for a whole year), teachers check in on school
days and log their work, pairs meet and organise activities through the year.

Rows are written with bulk INSERTs in batches (SQLAlchemy Core executemany, which asyncpg and
sqlite run as multi-row statements), with ids assigned here so that references need no round trip;
on PostgreSQL the id sequences are moved past them at the end. One transaction per table, so an
interrupted run leaves whole tables; a second run with the same seed is refused (codes are unique).
"""

import math
import random
import sys
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from tqdm import tqdm

from app.core.db import Base
from app.core.enums import (
    ActivityKind,
    AgreementArea,
    AgreementStatus,
    BackboneLevel,
    Gender,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NeedPriority,
    Party,
    RegionLevel,
    Role,
    RotationDirection,
    RotationKind,
    RotationStatus,
    SchoolLocale,
    Stage,
    Term,
    TitleRank,
    WorkLogKind,
)
from app.core.security import hash_password
from app.demo_data import GIVEN, SUBJECTS_BY_STAGE, SURNAMES
from app.programmes.models import DEFAULT_WEIGHTS

BATCH = 5_000
BENCH_PASSWORD = "bench-Pass-2026"  # every generated account's; a benchmark data set, never production


@dataclass(frozen=True)
class Size:
    counties: int
    schools: int
    agreements: int
    meetings: int
    teachers: int
    rotations: int
    checkins: int
    work_logs: int
    activities: int


SIZES = {
    # The province: what the benchmark budgets are measured on.
    "province": Size(100, 10_000, 5_000, 30_000, 50_000, 20_000, 1_000_000, 300_000, 60_000),
    # For the SQLite benchmark run and quick trials.
    "city": Size(10, 1_000, 500, 3_000, 5_000, 2_000, 100_000, 30_000, 6_000),
    "county": Size(1, 100, 50, 300, 500, 200, 10_000, 3_000, 600),
}

# Locale shares of schools, and the relative size of their staff (urban schools are far larger).
LOCALES = (
    (SchoolLocale.urban, 0.12, 16),
    (SchoolLocale.town, 0.20, 7),
    (SchoolLocale.rural, 0.56, 3),
    (SchoolLocale.remote, 0.12, 2),
)
STAGES = (
    (Stage.primary, 0.55),
    (Stage.junior, 0.22),
    (Stage.nine_year, 0.08),
    (Stage.kindergarten, 0.07),
    (Stage.senior, 0.05),
    (Stage.complete, 0.02),
    (Stage.vocational, 0.01),
)
STAGE_NAMES = {
    Stage.primary: "小学",
    Stage.junior: "初级中学",
    Stage.nine_year: "九年一贯制学校",
    Stage.kindergarten: "幼儿园",
    Stage.senior: "高级中学",
    Stage.complete: "完全中学",
    Stage.vocational: "职业中学",
    Stage.special: "特殊教育学校",
}
TOWNS = "城关 青山 河口 三元 石桥 柳林 双河 新集 马家 长岭 白沙 黄土 高庄 大坪 南阳 杨柳 梨园 桃源 龙泉 凤鸣"
WORK_KINDS = (WorkLogKind.lesson,) * 6 + (
    WorkLogKind.lesson_prep,
    WorkLogKind.mentoring,
    WorkLogKind.open_class,
    WorkLogKind.marking,
    WorkLogKind.research,
)
MINUTES = (
    "双方校长就本学期帮扶重点进行了交流：一是推进同课异构，二是安排骨干教师送教下乡，三是共建教研组。"
    "会议明确了分工和时间节点，由双方教务处负责落实，下次会议通报进展。"
)
YEARS = (2023, 2024, 2025, 2026)  # school years the data spans (2026 is the current one)
TODAY = date(2026, 12, 1)


def _weighted(rng: random.Random, choices: Iterable[tuple[Any, float]]) -> Any:
    items = list(choices)
    return rng.choices([c for c, _ in items], weights=[w for _, w in items])[0]


def _school_days(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        if day.weekday() < 5:
            yield day
        day += timedelta(days=1)


def _term(rng: random.Random, school_year: int) -> tuple[date, date]:
    # Clustered at the start of terms: most rotations run for a term, a few for the whole year.
    roll = rng.random()
    if roll < 0.55:
        return date(school_year, 9, 1), date(school_year + 1, 1, 20)
    if roll < 0.9:
        return date(school_year + 1, 2, 20), date(school_year + 1, 7, 10)
    return date(school_year, 9, 1), date(school_year + 1, 7, 10)


class Writer:
    """Bulk inserts with ids assigned here, one transaction per table, with a progress bar."""

    def __init__(self, target: AsyncEngine | AsyncConnection, progress: bool) -> None:
        self.target = target
        self.dialect = target.dialect.name
        self.progress = progress
        self.counts: dict[str, int] = {}
        self.next_ids: dict[str, int] = {}

    async def start_ids(self, tables: Iterable[str]) -> None:
        async with self.transaction() as conn:
            for name in tables:
                table = Base.metadata.tables[name]
                self.next_ids[name] = (await conn.scalar(select(func.max(table.c.id))) or 0) + 1

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """A transaction per table on an engine; on a connection (the tests'), its own transaction."""
        if isinstance(self.target, AsyncConnection):
            yield self.target
            return
        async with self.target.begin() as conn:
            yield conn

    def ids(self, name: str, n: int) -> range:
        first = self.next_ids[name]
        self.next_ids[name] = first + n
        return range(first, first + n)

    async def write(self, name: str, rows: Iterable[dict[str, Any]], total: int) -> None:
        table: Table = Base.metadata.tables[name]
        bar = tqdm(total=total, desc=f"{name:>16}", unit="row", file=sys.stderr, disable=not self.progress)
        written = 0
        async with self.transaction() as conn:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    await conn.execute(insert(table), batch)
                    written += len(batch)
                    bar.update(len(batch))
                    batch = []
            if batch:
                await conn.execute(insert(table), batch)
                written += len(batch)
                bar.update(len(batch))
        bar.close()
        self.counts[name] = self.counts.get(name, 0) + written

    async def finish(self) -> None:
        """Fresh planner statistics (a bulk load leaves none: plans would assume empty tables) and, on
        PostgreSQL, id sequences moved past the ids assigned here."""
        if self.dialect == "postgresql" and not isinstance(self.target, AsyncConnection):
            # Also VACUUM, as PostgreSQL's manual advises after a bulk load and as autovacuum would do
            # in time: it marks the freshly written pages all-visible, which index-only scans need (a
            # province's teacher count reads the school_id index instead of the table). Outside a
            # transaction, as VACUUM must run.
            async with self.target.connect() as conn:
                autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await autocommit.execute(text("VACUUM (ANALYZE)"))
        else:
            async with self.transaction() as conn:
                await conn.execute(text("ANALYZE"))
        if self.dialect != "postgresql":
            return  # SQLite's INTEGER PRIMARY KEY continues after the largest id by itself
        async with self.transaction() as conn:
            for name in self.next_ids:
                # `name` is one of our own table names, never input.
                sql = f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))"  # noqa: S608
                await conn.execute(text(sql))


async def seed_scale(
    target: AsyncEngine | AsyncConnection, *, size: str = "province", seed: int = 1, progress: bool = True
) -> dict[str, int]:
    """Generate the data set (on an engine: committed table by table; on a connection: inside its
    transaction, as the tests do); returns the rows written per table."""
    shape = SIZES[size]
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    marker = f"SC{seed:03d}"
    w = Writer(target, progress)
    async with w.transaction() as conn:
        if await conn.scalar(
            select(Base.metadata.tables["region"].c.id).where(text("code = :c")).params(c=marker)
        ):
            raise SystemExit(f"seed-scale: a data set with seed {seed} is already in this database")
    await w.start_ids(
        [
            "region",
            "organization",
            "school",
            "teacher",
            "user_account",
            "programme",
            "agreement",
            "meeting",
            "rotation",
            "checkin",
            "work_log",
            "activity",
            "staffing_need",
        ]
    )
    now = datetime(2026, 11, 30, 20, 0, tzinfo=UTC)
    stamp = {"version": 1, "created_at": now, "updated_at": now}

    # Regions and bureaus: a province, ten counties to a city, a bureau for the province and each county.
    cities = max(1, math.ceil(shape.counties / 10))
    province_id, *city_ids = w.ids("region", 1 + cities)
    county_ids = list(w.ids("region", shape.counties))
    regions = [
        {
            "id": province_id,
            "code": marker,
            "name": f"规模测试省{seed}",
            "level": RegionLevel.province,
            "parent_id": None,
            "path": f"/{province_id}/",
        }
    ]
    county_city = {}
    for i, city_id in enumerate(city_ids):
        regions.append(
            {
                "id": city_id,
                "code": f"{marker}C{i:02d}",
                "name": f"第{i + 1}市",
                "level": RegionLevel.city,
                "parent_id": province_id,
                "path": f"/{province_id}/{city_id}/",
            }
        )
    for i, county_id in enumerate(county_ids):
        city_id = city_ids[i // 10]
        county_city[county_id] = city_id
        regions.append(
            {
                "id": county_id,
                "code": f"{marker}X{i:03d}",
                "name": f"第{i + 1}县",
                "level": RegionLevel.county,
                "parent_id": city_id,
                "path": f"/{province_id}/{city_id}/{county_id}/",
            }
        )
    await w.write("region", regions, len(regions))
    province_org, *county_orgs = w.ids("organization", 1 + shape.counties)
    orgs = [
        {"id": province_org, "name": f"规模测试省{seed}教育厅", "kind": "bureau", "region_id": province_id}
    ]
    orgs += [
        {
            "id": org,
            "name": f"规模测试省{seed}第{i + 1}县教育局",
            "kind": "bureau",
            "region_id": county_ids[i],
        }
        for i, org in enumerate(county_orgs)
    ]
    await w.write("organization", orgs, len(orgs))

    # Schools: per county, a share of each locale; large urban schools, many small rural ones.
    per_county = shape.schools // shape.counties
    schools: list[dict[str, Any]] = []
    school_ids = iter(w.ids("school", per_county * shape.counties))
    towns = TOWNS.split()
    for c, county_id in enumerate(county_ids):
        base_lat, base_lon = 24 + (c % 10) * 1.1, 100 + (c // 10) * 1.2
        for n in range(per_county):
            locale = _weighted(rng, ((loc, share) for loc, share, _ in LOCALES))
            stage = _weighted(rng, STAGES)
            schools.append(
                {
                    "id": next(school_ids),
                    "code": f"{marker}-{c:03d}-{n:03d}",
                    "name": f"第{c + 1}县{towns[n % len(towns)]}{STAGE_NAMES[stage]}{n // len(towns) + 1}",
                    "stage": stage,
                    "locale": locale,
                    "region_id": county_id,
                    "address": "",
                    "student_count": {SchoolLocale.urban: 2400, SchoolLocale.town: 900}.get(locale, 160)
                    + rng.randint(0, 200),
                    "teacher_count": 0,
                    "is_weak": locale in (SchoolLocale.rural, SchoolLocale.remote) and rng.random() < 0.75,
                    "latitude": round(base_lat + rng.uniform(-0.4, 0.4), 5),
                    "longitude": round(base_lon + rng.uniform(-0.4, 0.4), 5),
                    **stamp,
                }
            )
    weight = {loc: size for loc, _, size in LOCALES}
    total_weight = sum(weight[s["locale"]] for s in schools)
    staff = [max(1, round(shape.teachers * weight[s["locale"]] / total_weight)) for s in schools]
    for school, n in zip(schools, staff, strict=True):
        school["teacher_count"] = n
    await w.write("school", schools, len(schools))

    # Teachers with their subjects (most have one, some two), a share of backbone teachers.
    teacher_rows: list[dict[str, Any]] = []
    subject_rows: list[dict[str, Any]] = []
    by_school: dict[int, list[int]] = {}
    backbone: set[int] = set()
    subjects_of: dict[int, list[str]] = {}
    teacher_ids = iter(w.ids("teacher", sum(staff)))
    for school, n in zip(schools, staff, strict=True):
        subjects = SUBJECTS_BY_STAGE.get(school["stage"], SUBJECTS_BY_STAGE[Stage.primary])
        for k in range(n):
            tid = next(teacher_ids)
            level = _weighted(
                rng,
                (
                    (BackboneLevel.none, 78),
                    (BackboneLevel.school, 10),
                    (BackboneLevel.county, 8),
                    (BackboneLevel.city, 3),
                    (BackboneLevel.province, 1),
                ),
            )
            if level != BackboneLevel.none:
                backbone.add(tid)
            teacher_rows.append(
                {
                    "id": tid,
                    "name": SURNAMES[rng.randrange(len(SURNAMES))] + GIVEN[rng.randrange(len(GIVEN))],
                    "gender": Gender.female if rng.random() < 0.68 else Gender.male,
                    "school_id": school["id"],
                    "title_rank": _weighted(
                        rng,
                        (
                            (TitleRank.second, 35),
                            (TitleRank.first, 40),
                            (TitleRank.senior, 15),
                            (TitleRank.third, 8),
                            (TitleRank.none, 2),
                        ),
                    ),
                    "backbone_level": level,
                    "hire_date": date(rng.randint(1995, 2025), 9, 1),
                    "birth_date": date(rng.randint(1968, 2001), rng.randint(1, 12), rng.randint(1, 28)),
                    "phone": f"139{tid % 100_000_000:08d}",
                    **stamp,
                }
            )
            own = [subjects[k % len(subjects)]]
            if rng.random() < 0.2:
                own.append(subjects[(k + 3) % len(subjects)])
            own = list(dict.fromkeys(own))
            subjects_of[tid] = own
            subject_rows += [{"teacher_id": tid, "subject": s, "position": i} for i, s in enumerate(own)]
            by_school.setdefault(school["id"], []).append(tid)
    await w.write("teacher", teacher_rows, len(teacher_rows))
    await w.write("teacher_subject", subject_rows, len(subject_rows))

    # Programmes, one per county bureau, and agreements: strong schools support weak ones of the county.
    programme_ids = list(w.ids("programme", shape.counties))
    await w.write(
        "programme",
        (
            {
                "id": pid,
                "organization_id": county_orgs[i],
                "name": f"城乡学校结对帮扶（2024—2027）第{i + 1}县",
                "description": "",
                "start_date": date(2024, 9, 1),
                "end_date": date(2027, 8, 31),
                "meeting_cadence": "per_year",
                "min_meetings": 2,
                "min_rotation_share": 0.10,
                "min_backbone_share": 0.20,
                "backbone_share_base": "rotated",
                "rotation_eligibility_years": 6,
                "required_rural_service_days": 0,
                "required_weak_service_days": 0,
                "evaluation_weights": DEFAULT_WEIGHTS,
                **stamp,
            }
            for i, pid in enumerate(programme_ids)
        ),
        shape.counties,
    )
    county_schools: dict[int, list[dict[str, Any]]] = {}
    for school in schools:
        county_schools.setdefault(school["region_id"], []).append(school)
    pairs: list[tuple[int, dict[str, Any], dict[str, Any], AgreementStatus]] = []
    per_county_pairs = shape.agreements // shape.counties
    for c, county_id in enumerate(county_ids):
        strong = [
            s
            for s in county_schools[county_id]
            if not s["is_weak"] and s["locale"] in (SchoolLocale.urban, SchoolLocale.town)
        ]
        weak = [s for s in county_schools[county_id] if s["is_weak"]] or county_schools[county_id]
        strong = strong or county_schools[county_id][:1]
        # A few large schools support several: the supporter is drawn with weight on its staff size.
        weights = [s["teacher_count"] for s in strong]
        rng.shuffle(weak)
        for k in range(per_county_pairs):
            receiving = weak[k % len(weak)]
            supporting = rng.choices(strong, weights=weights)[0]
            if supporting["id"] == receiving["id"]:
                continue
            status = _weighted(
                rng,
                (
                    (AgreementStatus.active, 80),
                    (AgreementStatus.completed, 8),
                    (AgreementStatus.submitted, 5),
                    (AgreementStatus.draft, 4),
                    (AgreementStatus.confirmed, 3),
                ),
            )
            pairs.append((programme_ids[c], supporting, receiving, status))
    agreement_ids = list(w.ids("agreement", len(pairs)))
    await w.write(
        "agreement",
        (
            {
                "id": aid,
                "programme_id": pid,
                "supporting_school_id": sup["id"],
                "receiving_school_id": rec["id"],
                "title": f"{sup['name']}—{rec['name']}结对帮扶协议",
                "start_date": date(2024, 9, 1),
                "end_date": date(2027, 8, 31),
                "commitments": "",
                "forms": ["teaching", "staff"],
                "status": status,
                "round": 1,
                **stamp,
            }
            for aid, (pid, sup, rec, status) in zip(agreement_ids, pairs, strict=True)
        ),
        len(pairs),
    )
    await w.write(
        "agreement_area",
        ({"agreement_id": aid, "area": AgreementArea.teaching, "position": 0} for aid in agreement_ids),
        len(agreement_ids),
    )
    running = [
        (aid, sup, rec)
        for aid, (_, sup, rec, status) in zip(agreement_ids, pairs, strict=True)
        if status in (AgreementStatus.active, AgreementStatus.completed)
    ]

    # Meetings: spread over the running agreements and school years; past ones held with minutes.
    meeting_ids = w.ids("meeting", shape.meetings)

    def meetings() -> Iterator[dict[str, Any]]:
        for mid in meeting_ids:
            aid, sup, rec = running[rng.randrange(len(running))]
            day = date(2024, 9, 1) + timedelta(days=rng.randrange(800))
            held = day < TODAY
            yield {
                "id": mid,
                "agreement_id": aid,
                "kind": MeetingKind.regular if rng.random() < 0.85 else MeetingKind.leader_visit,
                "scheduled_date": day,
                "held_date": day if held else None,
                "status": MeetingStatus.held if held else MeetingStatus.planned,
                "cancel_reason": "",
                "location": rec["name"],
                "online_link": "",
                "agenda": "本学期帮扶工作安排",
                "attendees": [
                    {"name": "校长", "school_id": sup["id"], "role": "校长"},
                    {"name": "校长", "school_id": rec["id"], "role": "校长"},
                ],
                "minutes": MINUTES if held else "",
                "decisions": "开展同课异构两次。" if held else "",
                "minutes_status": MinutesStatus.final if held else MinutesStatus.draft,
                "minutes_recorded_by": Party.supporting_school if held else None,
                "minutes_comment": "",
                "minutes_final_at": now if held else None,
                **stamp,
            }

    await w.write("meeting", meetings(), shape.meetings)

    # Rotations: teachers of supporting schools sent to their partners, one stay per teacher per year.
    rotations: list[dict[str, Any]] = []
    busy: set[tuple[int, int]] = set()
    attempts = 0
    while len(rotations) < shape.rotations and attempts < shape.rotations * 20:
        attempts += 1
        aid, sup, rec = running[rng.randrange(len(running))]
        pool = by_school.get(sup["id"])
        if not pool:
            continue
        teacher_id = pool[rng.randrange(len(pool))]
        school_year = _weighted(rng, ((2023, 20), (2024, 27), (2025, 28), (2026, 25)))
        if (teacher_id, school_year) in busy:
            continue
        busy.add((teacher_id, school_year))
        start, end = _term(rng, school_year)
        status = (
            RotationStatus.completed
            if end < TODAY
            else RotationStatus.active
            if start <= TODAY
            else _weighted(rng, ((RotationStatus.approved, 70), (RotationStatus.planned, 30)))
        )
        rotations.append(
            {
                "teacher_id": teacher_id,
                "from_school_id": sup["id"],
                "to_school_id": rec["id"],
                "agreement_id": aid,
                "direction": RotationDirection.dispatch,
                "kind": RotationKind.teaching,
                "subjects": subjects_of[teacher_id][:1],
                "start_date": start,
                "end_date": end,
                "weekly_periods": rng.choice((8, 10, 12, 14)),
                "personnel_moved": False,
                "living_allowance_yuan": 800,
                "transport_allowance_yuan": 200,
                "status": status,
                "withdraw_reason": "",
                "arrived_at": datetime.combine(start, time(8), tzinfo=UTC)
                if status in (RotationStatus.active, RotationStatus.completed)
                else None,
                **stamp,
            }
        )
    for rotation, rid in zip(rotations, w.ids("rotation", len(rotations)), strict=True):
        rotation["id"] = rid
    await w.write("rotation", rotations, len(rotations))

    # Check-ins and work logs of the rotations under way or done, up to the sizes asked for.
    served = [r for r in rotations if r["status"] in (RotationStatus.active, RotationStatus.completed)]
    days_of = {
        r["id"]: [d for d in _school_days(r["start_date"], min(r["end_date"], TODAY - timedelta(days=1)))]
        for r in served
    }
    available = sum(len(d) for d in days_of.values())
    share = min(1.0, shape.checkins / available) if available else 0.0
    checkin_ids = iter(w.ids("checkin", shape.checkins))

    def checkins() -> Iterator[dict[str, Any]]:
        made = 0
        for r in served:
            for day in days_of[r["id"]]:
                if made >= shape.checkins:
                    return
                if share < 1.0 and rng.random() > share:
                    continue
                made += 1
                yield {
                    "id": next(checkin_ids),
                    "rotation_id": r["id"],
                    "teacher_id": r["teacher_id"],
                    "date": day,
                    "checked_in_at": datetime.combine(day, time(7, 30 + rng.randrange(30)), tzinfo=UTC),
                    "note": "",
                    "latitude": None,
                    "longitude": None,
                    "distance_m": None,
                    "flagged": False,
                }

    await w.write("checkin", checkins(), min(shape.checkins, available))
    log_ids = iter(w.ids("work_log", shape.work_logs))
    per_rotation = math.ceil(shape.work_logs / max(1, len(served)))

    def work_logs() -> Iterator[dict[str, Any]]:
        made = 0
        for r in served:
            days = days_of[r["id"]]
            for day in rng.sample(days, min(per_rotation, len(days))):
                if made >= shape.work_logs:
                    return
                made += 1
                yield {
                    "id": next(log_ids),
                    "rotation_id": r["id"],
                    "teacher_id": r["teacher_id"],
                    "date": day,
                    "kind": rng.choice(WORK_KINDS),
                    "periods": rng.randint(1, 4),
                    "description": f"{r['subjects'][0]}课堂教学",
                    "photo_key": None,
                    "photo_content_type": None,
                    **stamp,
                }

    await w.write(
        "work_log",
        work_logs(),
        min(shape.work_logs, sum(min(per_rotation, len(d)) for d in days_of.values())),
    )
    activity_ids = w.ids("activity", shape.activities)
    kinds = list(ActivityKind)

    def activities() -> Iterator[dict[str, Any]]:
        for act_id in activity_ids:
            aid, sup, _ = running[rng.randrange(len(running))]
            kind = kinds[rng.randrange(len(kinds))]
            yield {
                "id": act_id,
                "agreement_id": aid,
                "kind": kind,
                "date": date(2024, 9, 1) + timedelta(days=rng.randrange(820)),
                "title": "送教下乡" if kind == ActivityKind.lessons_to_countryside else "联合教研",
                "organizer_school_id": sup["id"],
                "participants": rng.randint(5, 60),
                "subjects": ["语文"],
                "description": "",
                **stamp,
            }

    await w.write("activity", activities(), shape.activities)

    # Staffing needs of the current school year: each weak school asks for teachers of one to three
    # subjects of its stage (about 100 needs a county, one in five urgent) — the rotation planner's input.
    needs = []
    school_year = TODAY.year if TODAY.month >= 9 else TODAY.year - 1
    for school in schools:
        if not school["is_weak"]:
            continue
        subjects = SUBJECTS_BY_STAGE.get(school["stage"], SUBJECTS_BY_STAGE[Stage.primary])
        for subject in rng.sample(subjects, min(len(subjects), rng.choice((1, 2, 2, 3)))):
            needs.append(
                {
                    "school_id": school["id"],
                    "school_year": school_year,
                    "term": _weighted(rng, ((Term.year, 60), (Term.autumn, 20), (Term.spring, 20))),
                    "subject": subject,
                    "stage": school["stage"],
                    "teacher_count": 1 if rng.random() < 0.8 else 2,
                    "priority": NeedPriority.urgent if rng.random() < 0.2 else NeedPriority.normal,
                    "notes": "",
                    "created_by_id": None,
                    **stamp,
                }
            )
    for need, need_id in zip(needs, w.ids("staffing_need", len(needs)), strict=True):
        need["id"] = need_id
    await w.write("staffing_need", needs, len(needs))

    # Accounts: the bureaus' staff, an administrator per school, and the rotated teachers.
    password_hash = hash_password(BENCH_PASSWORD)  # one hash for all: Argon2 per account would take hours
    accounts: list[dict[str, Any]] = [
        {
            "username": f"{marker.lower()}-province",
            "display_name": "省厅管理员",
            "role": Role.bureau_admin,
            "organization_id": province_org,
            "school_id": None,
            "teacher_id": None,
        },
    ]
    for i, org in enumerate(county_orgs):
        accounts.append(
            {
                "username": f"{marker.lower()}-x{i:03d}-admin",
                "display_name": f"第{i + 1}县管理员",
                "role": Role.bureau_admin,
                "organization_id": org,
                "school_id": None,
                "teacher_id": None,
            }
        )
        accounts.append(
            {
                "username": f"{marker.lower()}-x{i:03d}-leader",
                "display_name": f"第{i + 1}县领导",
                "role": Role.bureau_viewer,
                "organization_id": org,
                "school_id": None,
                "teacher_id": None,
            }
        )
    org_of_county = dict(zip(county_ids, county_orgs, strict=True))
    for school in schools:
        accounts.append(
            {
                "username": school["code"].lower(),
                "display_name": f"{school['name']}管理员",
                "role": Role.school_admin,
                "organization_id": org_of_county[school["region_id"]],
                "school_id": school["id"],
                "teacher_id": None,
            }
        )
    school_county = {s["id"]: s["region_id"] for s in schools}
    teacher_school = {t["id"]: t["school_id"] for t in teacher_rows}
    for teacher_id in sorted({r["teacher_id"] for r in rotations}):
        school_id = teacher_school[teacher_id]
        accounts.append(
            {
                "username": f"t{teacher_id}",
                "display_name": f"教师{teacher_id}",
                "role": Role.teacher,
                "organization_id": org_of_county[school_county[school_id]],
                "school_id": school_id,
                "teacher_id": teacher_id,
            }
        )
    for account, uid in zip(accounts, w.ids("user_account", len(accounts)), strict=True):
        account.update(
            id=uid,
            password_hash=password_hash,
            is_active=True,
            phone="",
            email="",
            locale="zh-CN",
            last_login_at=None,
            **stamp,
        )
    await w.write("user_account", accounts, len(accounts))
    await w.finish()
    return w.counts
