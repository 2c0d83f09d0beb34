"""Command line: `python -m app.cli seed-demo | create-user | openapi`."""

import argparse
import asyncio
import json
import secrets
import sys
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tqdm import tqdm

from app import demo_data
from app.core import audit
from app.core.config import get_settings
from app.core.db import dispose_engine, session_scope
from app.core.enums import RegionLevel, Role
from app.core.security import hash_password, verify_password
from app.demo_agreements import PROGRAMME, seed_agreements, seed_meetings
from app.demo_assessments import seed_assessment
from app.demo_planning import seed_needs
from app.demo_rotations import seed_rotations
from app.regions.models import Organization, Region
from app.regions.service import governing_organization
from app.schools.models import School
from app.teachers.models import Teacher, TeacherSubject
from app.users.models import User


def demo_password() -> tuple[str, bool]:
    """DEMO_PASSWORD, or one random password generated once and kept beside the database."""
    settings = get_settings()
    if settings.demo_password:
        return settings.demo_password, False
    stored = settings.data_dir / "demo_password"
    if stored.exists():
        return stored.read_text().strip(), True
    password = secrets.token_urlsafe(9)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    stored.write_text(password)
    stored.chmod(0o600)
    return password, True


async def _region(
    session: AsyncSession, code: str, name: str, level: RegionLevel, parent: Region | None
) -> Region:
    region = await session.scalar(select(Region).where(Region.code == code))
    if region is None:
        region = Region(code=code, name=name, level=level, parent_id=parent.id if parent else None, path="")
        session.add(region)
        await session.flush()
        region.path = f"{parent.path if parent else '/'}{region.id}/"
        await session.flush()
    return region


class _DemoAccounts:
    """Creates demo accounts sharing one password hash (hashing is slow on purpose)."""

    def __init__(self, session: AsyncSession, password: str) -> None:
        self.session = session
        self.password = password
        self._hash: str | None = None
        self.created: list[str] = []

    def password_hash(self) -> str:
        if self._hash is None:
            self._hash = hash_password(self.password)
        return self._hash

    async def ensure(self, username: str, **fields: object) -> User:
        user = await self.session.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(username=username, password_hash=self.password_hash(), **fields)
            self.session.add(user)
            await self.session.flush()
            self.created.append(username)
        return user

    async def sync_passwords(self, usernames: list[str]) -> None:
        """If DEMO_PASSWORD changed since the last run, give every demo account the new one."""
        probe = await self.session.scalar(select(User).where(User.username == usernames[0]))
        if probe is None or verify_password(self.password, probe.password_hash)[0]:
            return
        for user in (await self.session.scalars(select(User).where(User.username.in_(usernames)))).all():
            user.password_hash = self.password_hash()


async def seed_demo() -> list[str]:
    password, generated = demo_password()
    usernames: list[str] = []
    async with session_scope() as session:
        province = await _region(session, *demo_data.PROVINCE, RegionLevel.province, None)
        city = await _region(session, *demo_data.CITY, RegionLevel.city, province)
        county = await _region(session, *demo_data.COUNTY, RegionLevel.county, city)
        bureau = await session.scalar(select(Organization).where(Organization.name == demo_data.BUREAU))
        if bureau is None:
            bureau = Organization(name=demo_data.BUREAU, kind="bureau", region_id=county.id)
            session.add(bureau)
            await session.flush()
        accounts = _DemoAccounts(session, password)
        await accounts.ensure(
            "bureau", display_name="县教体局管理员", role=Role.bureau_admin, organization_id=bureau.id
        )
        await accounts.ensure(
            "leader", display_name="县教体局领导", role=Role.bureau_viewer, organization_id=bureau.id
        )
        usernames += ["bureau", "leader"]
        schools = list(enumerate(demo_data.SCHOOLS))
        for index, (code, name, stage, locale, students, teachers, weak, address, (lat, lon)) in tqdm(
            schools, desc="demo schools", unit="school", file=sys.stderr
        ):
            school = await session.scalar(select(School).where(School.code == code))
            if school is None:
                school = School(
                    code=code,
                    name=name,
                    stage=stage,
                    locale=locale,
                    region_id=county.id,
                    address=address,
                    student_count=students,
                    teacher_count=teachers,
                    is_weak=weak,
                    latitude=lat,
                    longitude=lon,
                )
                session.add(school)
                await session.flush()
                for position, row in enumerate(demo_data.teachers_for(index, code, stage)):
                    subjects = row.pop("subjects")
                    teacher = Teacher(school_id=school.id, **row)
                    teacher.subject_rows = [
                        TeacherSubject(subject=s, position=i) for i, s in enumerate(subjects)
                    ]
                    session.add(teacher)
                    if position == 0 and code == demo_data.DEMO_TEACHER_SCHOOL:
                        await session.flush()
                        await accounts.ensure(
                            "teacher",
                            display_name=teacher.name,
                            role=Role.teacher,
                            organization_id=bureau.id,
                            school_id=school.id,
                            teacher_id=teacher.id,
                        )
            await accounts.ensure(
                f"admin_{code}",
                display_name=f"{name}管理员",
                role=Role.school_admin,
                organization_id=bureau.id,
                school_id=school.id,
            )
            usernames.append(f"admin_{code}")
        usernames.append("teacher")
        await accounts.sync_passwords(usernames)
        bureau_id = bureau.id  # services below expire loaded objects
        agreements = await seed_agreements(session, bureau)
        await session.refresh(bureau)
        meetings = await seed_meetings(session, bureau)
        await session.refresh(bureau)
        rotations = await seed_rotations(session, bureau)
        await session.refresh(bureau)
        assessed = await seed_assessment(session, bureau)
        await session.refresh(bureau)
        needs = await seed_needs(session, bureau)
        if needs:
            print(f"demo: {needs} staffing needs for rotation planning", file=sys.stderr)
        if assessed:
            print(f"demo: annual assessment drafted, {assessed} pairs scored", file=sys.stderr)
        if rotations:
            print(f"demo: {rotations} teacher rotations", file=sys.stderr)
        if meetings:
            print(f"demo: {meetings} meetings", file=sys.stderr)
        if agreements:
            print(f"demo: {agreements} pairing agreements in programme {PROGRAMME}", file=sys.stderr)
        if accounts.created:
            await audit.record(
                session,
                None,
                action="seed_demo",
                entity="user",
                entity_id=None,
                after={"created": accounts.created},
                organization_id=bureau_id,
            )
    await dispose_engine()
    print("\n演示账号 / Demo accounts (password from DEMO_PASSWORD" + (", generated)" if generated else ")"))
    print(
        f"  bureau (bureau_admin), leader (bureau_viewer), teacher (teacher), admin_YX001 … admin_YX013 "
        f"(school_admin)\n  密码 / password: {password}"
    )
    return usernames


async def create_user(args: argparse.Namespace) -> None:
    role = Role(args.role)
    async with session_scope() as session:
        school = None
        if args.school_code:
            school = await session.scalar(select(School).where(School.code == args.school_code))
            if school is None:
                raise SystemExit(f"no school with code {args.school_code}")
        if role == Role.school_admin and school is None:
            raise SystemExit("--school-code is required for school_admin")
        if role == Role.teacher and args.teacher_id is None:
            raise SystemExit("--teacher-id is required for teacher")
        teacher = await session.get(Teacher, args.teacher_id) if args.teacher_id else None
        if teacher is not None:
            school = await session.get(School, teacher.school_id)
        if school is not None:
            org = await governing_organization(session, school.region_id)
        else:
            org = await session.scalar(select(Organization).order_by(Organization.id).limit(1))
        if org is None:
            raise SystemExit("no bureau exists yet: run `python -m app.cli seed-demo` or add one first")
        user = await session.scalar(
            select(User).where(User.username == args.username).options(selectinload(User.school))
        )
        fields = {
            "display_name": args.display_name or args.username,
            "role": role,
            "organization_id": org.id,
            "school_id": school.id
            if school and role != Role.bureau_admin and role != Role.bureau_viewer
            else None,
            "teacher_id": teacher.id if teacher else None,
            "password_hash": hash_password(args.password),
            "is_active": True,
        }
        action = "update" if user else "create"
        if user is None:
            user = User(username=args.username, **fields)
            session.add(user)
        else:
            for key, value in fields.items():
                setattr(user, key, value)
        await session.flush()
        await audit.record(
            session,
            None,
            action=action,
            entity="user",
            entity_id=user.id,
            after={"username": user.username, "role": role.value, "via": "cli"},
            organization_id=org.id,
        )
        print(f"{action}d user {args.username} ({role.value})")
    await dispose_engine()


async def seed_scale_command(size: str, seed: int) -> None:
    from app.core.db import get_engine
    from app.scale import BENCH_PASSWORD, seed_scale

    started = time.perf_counter()
    counts = await seed_scale(get_engine(), size=size, seed=seed)
    await dispose_engine()
    seconds = time.perf_counter() - started
    print(f"seed-scale ({size}, seed {seed}): {sum(counts.values()):,} rows in {seconds:.0f} s")
    for table, n in counts.items():
        print(f"  {table:<16} {n:>10,}")
    print(f"  accounts' password: {BENCH_PASSWORD} (a benchmark data set: never on a production database)")


async def plan_counties(username: str, school_year: int) -> None:
    """Propose the rotation plan of every county of the account's jurisdiction, one by one, with progress."""
    from app.auth.service import claims_for
    from app.core.policy import Caller
    from app.planning.proposals import propose
    from app.planning.schemas import ProposalCreate
    from app.regions.service import region_path_of_organization

    async with session_scope() as session:
        user = await session.scalar(select(User).where(User.username == username))
        if user is None or user.role != Role.bureau_admin:
            raise SystemExit(f"plan-counties: {username} is no bureau administrator")
        path = await region_path_of_organization(session, user.organization_id)
        caller = Caller.from_claims(claims_for(user, path))
        counties = (
            await session.scalars(
                select(Region)
                .where(Region.level == RegionLevel.county, Region.path.startswith(path or "-"))
                .order_by(Region.code)
            )
        ).all()
    started = time.perf_counter()
    slowest = (0.0, "")
    filled = seats = 0
    for county in tqdm(counties, desc="counties", unit="county", file=sys.stderr):
        began = time.perf_counter()
        async with session_scope() as session:  # one transaction per county: a failure loses one plan
            proposal = await propose(
                session, caller=caller, data=ProposalCreate(region_id=county.id, school_year=school_year)
            )
            totals = proposal.result["totals"]
        filled, seats = filled + totals["filled"], seats + totals["seats"]
        slowest = max(slowest, (time.perf_counter() - began, county.name))
    await dispose_engine()
    seconds = time.perf_counter() - started
    print(
        f"plan-counties: {len(counties)} counties in {seconds:.1f} s "
        f"(slowest {slowest[1]}: {slowest[0]:.2f} s); {filled} of {seats} seats filled"
    )


def backup_command(output: Path | None) -> None:
    from app.backup import backup, default_name

    target = backup(output or get_settings().data_dir / "backups" / default_name())
    print(f"backup: {target} ({target.stat().st_size / 1_048_576:.1f} MB)")


def restore_command(source: Path) -> None:
    from app.backup import restore

    restore(source)
    print(f"restore: the database now holds the contents of {source}")


def write_openapi(target: Path | None) -> None:
    from app.main import create_app

    text = json.dumps(create_app().openapi(), ensure_ascii=False, indent=2) + "\n"
    if target is None:
        sys.stdout.write(text)
    else:
        target.write_text(text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m app.cli", description="School pairing platform")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("seed-demo", help="load the demo county (idempotent)")
    cu = sub.add_parser("create-user", help="create or update an account")
    cu.add_argument("--username", required=True)
    cu.add_argument("--password", required=True)
    cu.add_argument("--role", required=True, choices=[r.value for r in Role])
    cu.add_argument("--school-code")
    cu.add_argument("--teacher-id", type=int)
    cu.add_argument("--display-name")
    sc = sub.add_parser("seed-scale", help="generate a province-scale data set for benchmarks")
    sc.add_argument("--size", choices=["province", "city", "county"], default="province")
    sc.add_argument("--seed", type=int, default=1, help="same seed, same data")
    pc = sub.add_parser("plan-counties", help="propose the rotation plan of every county of a bureau")
    pc.add_argument("--username", required=True, help="a bureau administrator (the province's: all counties)")
    pc.add_argument("--school-year", type=int, required=True)
    bk = sub.add_parser("backup", help="back up the database (while the server runs)")
    bk.add_argument("--output", type=Path, help="default: DATA_DIR/backups/pairing-<time>.db|.dump")
    rs = sub.add_parser(
        "restore", help="replace the database's contents with a backup (stop the server first)"
    )
    rs.add_argument("file", type=Path)
    op = sub.add_parser("openapi", help="write the OpenAPI document")
    op.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    if args.command == "seed-demo":
        asyncio.run(seed_demo())
    elif args.command == "create-user":
        asyncio.run(create_user(args))
    elif args.command == "seed-scale":
        asyncio.run(seed_scale_command(args.size, args.seed))
    elif args.command == "plan-counties":
        asyncio.run(plan_counties(args.username, args.school_year))
    elif args.command == "backup":
        backup_command(args.output)
    elif args.command == "restore":
        restore_command(args.file)
    elif args.command == "openapi":
        write_openapi(args.output)


if __name__ == "__main__":
    main()
