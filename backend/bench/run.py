"""`make bench`: the benchmark harness. Writes docs/benchmarks.md.

1. PostgreSQL, the province data set (`seed-scale --size province`, generated once into the bench
   database and reused), the application under uvicorn with 2 workers, driven by wrk on 127.0.0.1
   as realistic users: county bureau staff on their lists and dashboards, the province on the
   province-wide figures, school administrators on their lists, teachers checking in (each request
   a new check-in, with its audit and outbox writes). A bare FastAPI endpoint (bench/baseline.py)
   runs on the same server settings in the same run, so each figure is also a ratio to it.
2. SQLite, the smaller city data set, the application in one process (embedded mode).
3. Embedded mode on the demo county: each read endpoint's median latency against /health's.

Tokens are minted with the server's secret (signing in 24,000 accounts through Argon2 would take
longer than the benchmark). Durations are bounded (`--seconds`, default 10 per measurement).
"""

import argparse
import asyncio
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BACKEND = Path(__file__).resolve().parents[1]
ROOT = BACKEND.parent
LUA = Path(__file__).with_name("requests.lua")
SECRET = "benchmark-secret-key-not-for-production-0123456789"
YEAR = "2026"


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    file: str  # which prepared request file
    connections: int
    # Sent with `Cache-Control: no-cache, no-store`: every answer computed, none kept (core/answers.py).
    fresh: bool = False


@dataclass
class Result:
    scenario: Scenario
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int
    requests: int


@dataclass
class Run:
    title: str
    results: dict[str, Result] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Result:
        return self.results[key]


LISTS = ("agreements", "rotations", "meetings", "teachers")
LIST_PATHS = {
    "agreements": "/api/v1/agreements?status=active&limit=50",
    "rotations": "/api/v1/rotations?status=completed&limit=50",
    "meetings": "/api/v1/meetings?status=held&limit=50",
    "teachers": "/api/v1/teachers?backbone_level=none&limit=50",
}
REPORTS = {
    "summary": f"/api/v1/dashboard/summary?school_year={YEAR}",
    "meeting_compliance": f"/api/v1/compliance/meetings?school_year={YEAR}",
    "rotation_compliance": f"/api/v1/compliance/rotations?school_year={YEAR}",
}
DEEP = {
    "teachers": ("/api/v1/teachers?limit=50", "/api/v1/teachers?limit=50&offset=50000"),
    "activities": ("/api/v1/activities?limit=50", "/api/v1/activities?limit=50&offset=59900"),
    "rotations": ("/api/v1/rotations?limit=50", "/api/v1/rotations?limit=50&offset=19900"),
}


FRESH = " — computed each time (`no-cache`)"
WARM_UP_SECONDS = 3


def scenarios(full: bool) -> list[Scenario]:
    found = [Scenario("baseline50", "bare FastAPI `GET /ping` (baseline)", "baseline", 50)]
    found += [Scenario("baseline20", "bare FastAPI `GET /ping` (baseline)", "baseline", 20)]
    found += [Scenario("health20", "`GET /api/v1/health`", "health", 20)]
    for name in LISTS:
        label = f"county staff: `{LIST_PATHS[name]}`"
        found.append(Scenario(f"{name}50", label, f"list_{name}", 50))
        found.append(Scenario(f"{name}20", label, f"list_{name}", 20))
        if full:  # SQLite (embedded mode) keeps no answers: there every read is computed each time
            found.append(Scenario(f"{name}50_fresh", label + FRESH, f"list_{name}", 50, fresh=True))
            found.append(Scenario(f"{name}20_fresh", label + FRESH, f"list_{name}", 20, fresh=True))
    found.append(
        Scenario(
            "school_rotations20", "school admins: `GET /api/v1/rotations?limit=50`", "school_rotations", 20
        )
    )
    for name, path in REPORTS.items():
        for who, label in (("province", f"province: `{path}`"), ("county", f"county staff: `{path}`")):
            if full or who == "county":
                found.append(Scenario(f"{who}_{name}", label, f"{who}_{name}", 10))
                if full:
                    fresh = Scenario(f"{who}_{name}_fresh", label + FRESH, f"{who}_{name}", 10, fresh=True)
                    found.append(fresh)
    if full:
        # Computed each time: the budget is the database's work for a deep page, not a kept answer's.
        for name, pages in DEEP.items():
            for which, path in zip(("first", "deep"), pages, strict=True):
                label = f"province: `{path}`" + FRESH
                found.append(Scenario(f"{which}_{name}", label, f"{which}_{name}", 10, fresh=True))
    found.append(
        Scenario(
            "checkin20", "teachers: `POST /api/v1/rotations/{id}/checkins` (each a new one)", "checkins", 20
        )
    )
    return found


# --- preparing the requests ---------------------------------------------------------------------


async def prepare(database_url: str, workdir: Path, seconds: int) -> dict[str, Path]:
    """Request files: one line per request, "METHOD PATH TOKEN [BODY]", tokens of real accounts."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["SECRET_KEY"] = SECRET
    from sqlalchemy import select

    from app.auth.service import claims_for
    from app.core.config import get_settings
    from app.core.db import dispose_engine, session_scope
    from app.core.enums import Role, RotationStatus
    from app.core.security import create_access_token
    from app.regions.models import Organization, Region
    from app.rotations.models import CheckIn, Rotation
    from app.users.models import User

    get_settings.cache_clear()  # prepared once per database: read this one's settings
    files: dict[str, list[str]] = {"baseline": ["GET /ping -"], "health": ["GET /api/v1/health -"]}
    async with session_scope() as session:
        paths = dict(
            (
                await session.execute(
                    select(Organization.id, Region.path).join(Region, Organization.region_id == Region.id)
                )
            ).all()
        )

        def token(user: User) -> str:
            return create_access_token(claims_for(user, paths.get(user.organization_id or 0)))[0]

        users = (await session.scalars(select(User).where(User.is_active.is_(True)).order_by(User.id))).all()
        # County bureaus (their region is a county), the widest bureau (the province), school admins.
        county_staff = [
            u
            for u in users
            if u.role == Role.bureau_admin and paths.get(u.organization_id or 0, "").count("/") == 4
        ]
        widest = min(
            (u for u in users if u.role == Role.bureau_admin),
            key=lambda u: paths.get(u.organization_id or 0, "/" * 9).count("/"),
        )
        school_admins = [u for u in users if u.role == Role.school_admin][:500]
        county_tokens = [token(u) for u in county_staff[:100]] or [token(widest)]
        province = token(widest)
        for name in LISTS:
            files[f"list_{name}"] = [f"GET {LIST_PATHS[name]} {t}" for t in county_tokens]
        files["school_rotations"] = [f"GET /api/v1/rotations?limit=50 {token(u)}" for u in school_admins]
        for name, path in REPORTS.items():
            files[f"province_{name}"] = [f"GET {path} {province}"]
            files[f"county_{name}"] = [f"GET {path} {t}" for t in county_tokens]
        for name, (first, deep) in DEEP.items():
            files[f"first_{name}"] = [f"GET {first} {province}"]
            files[f"deep_{name}"] = [f"GET {deep} {province}"]
        # Check-ins: for teachers on an active rotation, days of it (school days before today) not yet
        # checked in, so that every request writes a new check-in (a repeated tap would write nothing).
        wanted = 1_000 * seconds * 2
        teachers = {u.teacher_id: u for u in users if u.role == Role.teacher and u.teacher_id}
        rotations = (
            await session.execute(
                select(Rotation.id, Rotation.teacher_id, Rotation.start_date)
                .where(Rotation.status == RotationStatus.active, Rotation.teacher_id.in_(list(teachers)))
                .order_by(Rotation.id)
            )
        ).all()
        taken = set(
            (
                await session.execute(
                    select(CheckIn.teacher_id, CheckIn.date).where(
                        CheckIn.rotation_id.in_([r.id for r in rotations])
                    )
                )
            ).all()
        )
        lines: list[str] = []
        yesterday = date.today() - timedelta(days=1)
        tokens = {tid: token(u) for tid, u in teachers.items() if tid in {r.teacher_id for r in rotations}}
        day = yesterday
        while len(lines) < wanted and day >= date(int(YEAR), 9, 1):
            if day.weekday() < 5:
                for rotation_id, teacher_id, start in rotations:
                    if start <= day and (teacher_id, day) not in taken:
                        body = json.dumps({"date": day.isoformat(), "note": "bench"})
                        lines.append(
                            f"POST /api/v1/rotations/{rotation_id}/checkins {tokens[teacher_id]} {body}"
                        )
            day -= timedelta(days=1)
        files["checkins"] = lines[:wanted] or ["GET /api/v1/health -"]
    await dispose_engine()
    written = {}
    for name, rows in files.items():
        path = workdir / f"{name}.txt"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        written[name] = path
    return written


# --- servers and the load tool --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(app: str, env: dict[str, str], workers: int, health: str) -> Iterator[str]:
    port = free_port()
    log_path = Path(tempfile.mkstemp(prefix="bench-server-", suffix=".log")[1])
    log = log_path.open("w")
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=BACKEND, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if process.poll() is not None:
                raise RuntimeError(f"{app} exited: {log_path.read_text()[-2000:]}")
            try:
                subprocess.run(["curl", "-sf", "-o", "/dev/null", base + health], check=True, timeout=2)
                break
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
                time.sleep(0.2)
        else:
            raise RuntimeError(f"{app} did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
        log_path.unlink(missing_ok=True)


def wrk(base: str, file: Path, connections: int, seconds: int, fresh: bool = False) -> dict[str, Any]:
    threads = 2
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        base,
        "--",
        str(file),
        str(threads),
        "fresh" if fresh else "kept",
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(
    run: Run, base: str, files: dict[str, Path], chosen: list[Scenario], seconds: int, baseline: str
) -> None:
    for scenario in chosen:
        target = baseline if scenario.file == "baseline" else base
        # Warm-up: connections, prepared statements, each caller's statements and kept answer in each
        # worker (a county's first summary in a worker took 21-24 ms, computed again 13, kept 0.9). Reads get
        # WARM_UP_SECONDS; the check-ins one second, since the run starts again at the file's first line
        # and the warm-up's check-ins are then taps already recorded.
        warm_up = 1 if scenario.file == "checkins" else WARM_UP_SECONDS
        wrk(target, files[scenario.file], scenario.connections, warm_up, scenario.fresh)
        raw = wrk(target, files[scenario.file], scenario.connections, seconds, scenario.fresh)
        if raw["requests"] == 0:
            # Nothing answered within the run: record it as the run's length, so the budget shows it missed.
            raw = {**raw, "p50_us": seconds * 1e6, "p95_us": seconds * 1e6, "p99_us": seconds * 1e6}
        result = Result(
            scenario,
            rps=raw["requests"] / (raw["duration_us"] / 1e6),
            p50=raw["p50_us"] / 1000,
            p95=raw["p95_us"] / 1000,
            p99=raw["p99_us"] / 1000,
            errors=raw["status_errors"] + raw["socket_errors"],
            requests=raw["requests"],
        )
        run.results[scenario.key] = result
        print(
            f"  {scenario.key:<28} {result.rps:8.0f} req/s  p50 {result.p50:7.1f}  p95 {result.p95:7.1f}  "
            f"p99 {result.p99:7.1f} ms  errors {result.errors}",
            file=sys.stderr,
        )


def app_env(database_url: str, data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATA_DIR": str(data_dir),
        "SECRET_KEY": SECRET,
        "ENVIRONMENT": "production",
        "RATE_LIMIT_CLIENT_PER_MINUTE": "0",
        "RATE_LIMIT_ADDRESS_PER_MINUTE": "0",
        "RUN_REMINDERS_IN_PROCESS": "false",
        "FRONTEND_DIST": str(data_dir / "no-spa"),
    }


def cli(database_url: str, data_dir: Path, *args: str) -> None:
    env = app_env(database_url, data_dir)
    subprocess.run([sys.executable, "-m", *args], cwd=BACKEND, env=env, check=True)


def ensure_data(database_url: str, data_dir: Path, size: str) -> None:
    cli(database_url, data_dir, "alembic", "upgrade", "head")

    async def seeded() -> bool:
        os.environ["DATABASE_URL"] = database_url
        from sqlalchemy import text

        from app.core.config import normalise_database_url
        from app.core.db import build_engine

        engine = build_engine(normalise_database_url(database_url))
        async with engine.connect() as conn:
            found = await conn.scalar(text("SELECT count(*) FROM region WHERE code = 'SC001'"))
        await engine.dispose()
        return bool(found)

    if not asyncio.run(seeded()):
        cli(database_url, data_dir, "app.cli", "seed-scale", "--size", size)


def ensure_postgres_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", admin, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", admin, "-c", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    # As docker-compose.yml configures production's server (SSD, data in memory); see docs/deploy.md.
    subprocess.run(
        ["psql", admin, "-c", f'ALTER DATABASE "{name}" SET random_page_cost = 1.1'],
        check=True,
        capture_output=True,
    )


# --- the report -----------------------------------------------------------------------------------


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    tool = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return [
        f"- CPU: {os.cpu_count()} × {cpu}; memory {int(memory) // 1024 // 1024} GiB; {platform.platform()}",
        f"- Python {platform.python_version()}; {pg} (server on 127.0.0.1); load tool: {tool} (2 threads)",
        "- the load tool runs on the same 2 cores as the server (as the budgets assume)",
    ]


def table(run: Run) -> list[str]:
    base = run["baseline50"].rps
    rows = [
        "| scenario | connections | req/s | × baseline | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in run.results.values():
        rows.append(
            f"| {r.scenario.label} | {r.scenario.connections} | {r.rps:,.0f} | {r.rps / base:.3f} "
            f"| {r.p50:.1f} | {r.p95:.1f} | {r.p99:.1f} | {r.errors} |"
        )
    return rows


def budgets(pg: Run, embedded: dict[str, float] | None) -> list[tuple[str, str, bool]]:
    checks = []
    base = pg["baseline50"].rps

    def computed(key: str, figure: str) -> str:
        """The same figure with every answer computed (no answer cache), beside the budget's."""
        fresh = pg.results.get(f"{key}_fresh")
        if fresh is None:
            return ""
        shown = f"{fresh.rps / base:.1%}" if figure == "share" else f"{fresh.p95:.1f} ms"
        return f" (computed each time: {shown})"

    for name in LISTS:
        share = pg[f"{name}50"].rps / base
        shown = f"{share:.1%}" + computed(f"{name}50", "share")
        checks.append((f"{name} list at 50 connections ≥ 15 % of baseline", shown, share >= 0.15))
        p95 = pg[f"{name}20"].p95
        shown = f"{p95:.1f} ms" + computed(f"{name}20", "p95")
        checks.append((f"{name} list p95 at 20 connections < 50 ms", shown, p95 < 50))
    for name in REPORTS:
        for who, budget in (("province", 200), ("county", 50)):
            if f"{who}_{name}" in pg.results:
                p95 = pg[f"{who}_{name}"].p95
                shown = f"{p95:.1f} ms" + computed(f"{who}_{name}", "p95")
                area = "whole province" if who == "province" else "one county"
                checks.append((f"{name}, {area}, p95 < {budget} ms", shown, p95 < budget))
    c = pg["checkin20"]
    checks.append(("check-ins ≥ 500/s", f"{c.rps:,.0f}/s", c.rps >= 500))
    checks.append(
        (
            "check-ins p99 < 100 ms, no errors",
            f"{c.p99:.1f} ms, {c.errors} errors",
            c.p99 < 100 and c.errors == 0,
        )
    )
    for name in DEEP:
        if f"deep_{name}" in pg.results:
            ratio = pg[f"deep_{name}"].p50 / max(pg[f"first_{name}"].p50, 0.001)
            checks.append((f"{name}: deep page p50 ≤ 5 × first page", f"{ratio:.1f} ×", ratio <= 5))
    if embedded:
        health = embedded["health"]
        worst = max((v / health, k) for k, v in embedded.items() if k != "health")
        checks.append(
            (
                "embedded: every read median ≤ 8 × /health's",
                f"worst {worst[0]:.1f} × ({worst[1]})",
                worst[0] <= 8,
            )
        )
    return checks


def plan_province(database_url: str, data_dir: Path) -> dict[str, float]:
    """`plan-counties` for the whole province: every county's plan solved and stored, one by one."""
    env = app_env(database_url, data_dir)
    command = [sys.executable, "-m", "app.cli", "plan-counties", "--username", "sc001-province"]
    command += ["--school-year", YEAR]
    out = subprocess.run(command, cwd=BACKEND, env=env, capture_output=True, text=True, check=True).stdout
    found = re.search(r"(\d+) counties in ([\d.]+) s \(slowest .*?: ([\d.]+) s\); (\d+) of (\d+) seats", out)
    if found is None:
        raise RuntimeError(f"plan-counties said: {out}")
    counties, total, slowest, filled, seats = (float(x) for x in found.groups())
    print(f"  planning: {counties:.0f} counties in {total} s, slowest {slowest} s", file=sys.stderr)
    return {"counties": counties, "total": total, "slowest": slowest, "filled": filled, "seats": seats}


def write_report(
    pg: Run,
    sqlite: Run | None,
    embedded: dict[str, float] | None,
    planning: dict[str, float] | None,
    args: argparse.Namespace,
) -> None:
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {date.today().isoformat()} ({args.seconds} s per measurement "
        f"after a {WARM_UP_SECONDS}-s warm-up, 1 s for check-ins). "
        "Reproduce: `make bench` (PostgreSQL on 127.0.0.1:5432; `BENCH_DATABASE_URL` "
        "to choose the database; the province data set is generated into it once, in about 70 s).",
        "",
        "## Machine",
        *machine(),
        "",
        "## Budgets",
        "",
        "| budget | measured | |",
        "|---|---|---|",
    ]
    checks = budgets(pg, embedded)
    if planning:
        checks.append(
            (
                "rotation plan of the slowest county < 2 s",
                f"{planning['slowest']:.2f} s",
                planning["slowest"] < 2,
            )
        )
        checks.append(
            (
                "the whole province, county by county, < 60 s",
                f"{planning['total']:.1f} s",
                planning["total"] < 60,
            )
        )
    for name, value, ok in checks:
        lines.append(f"| {name} | {value} | {'met' if ok else '**missed**'} |")
    lines += ["", f"## {pg.title}", "", *table(pg)]
    if planning:
        lines += [
            "",
            "## Rotation planning (PostgreSQL, province data set)",
            "",
            f"`python -m app.cli plan-counties --username sc001-province --school-year {YEAR}`: "
            f"{planning['counties']:.0f} counties solved (HiGHS) and stored in {planning['total']:.1f} s, "
            f"the slowest county in {planning['slowest']:.2f} s; {planning['filled']:.0f} of "
            f"{planning['seats']:.0f} requested teachers placed (the rest lack a free eligible teacher of "
            "the subject and stage).",
        ]
    if sqlite:
        lines += ["", f"## {sqlite.title}", "", *table(sqlite)]
    if embedded:
        lines += [
            "",
            "## Embedded mode (SQLite, demo county, one process): median latency, 4 connections",
            "",
            "| endpoint | p50 ms | × /health |",
            "|---|---:|---:|",
        ]
        for name, value in embedded.items():
            lines.append(f"| `{name}` | {value:.1f} | {value / embedded['health']:.1f} |")
    notes = ROOT / "docs" / "benchmarks-notes.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


EMBEDDED_READS = [
    "/api/v1/schools?limit=50",
    "/api/v1/teachers?limit=50",
    "/api/v1/agreements?limit=50",
    "/api/v1/meetings?limit=50",
    "/api/v1/rotations?limit=50",
    "/api/v1/activities?limit=50",
    f"/api/v1/dashboard/summary?school_year={YEAR}",
    f"/api/v1/compliance/meetings?school_year={YEAR}",
    f"/api/v1/compliance/rotations?school_year={YEAR}",
    "/api/v1/notifications",
    "/api/v1/needs?limit=50",
    "/api/v1/assessments",
]


def embedded_run(seconds: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-embedded-") as tmp:
        data = Path(tmp)
        url = f"sqlite+aiosqlite:///{data / 'pairing.db'}"
        cli(url, data, "alembic", "upgrade", "head")
        cli(url, data, "app.cli", "seed-demo")
        files = asyncio.run(prepare(url, data, 1))
        bureau = files["province_summary"].read_text().split()[2]
        result: dict[str, float] = {}
        with server("app.main:app", app_env(url, data), 1, "/api/v1/health") as base:
            for path in ["/api/v1/health", *EMBEDDED_READS]:
                file = data / "one.txt"
                file.write_text(f"GET {path} {bureau}\n")
                wrk(base, file, 4, 1)
                raw = wrk(base, file, 4, max(2, seconds // 3))
                key = "health" if path.endswith("/health") else path.removeprefix("/api/v1")
                result[key] = raw["p50_us"] / 1000
                print(f"  embedded {key:<40} p50 {result[key]:6.1f} ms", file=sys.stderr)
        return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/bench"),
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument(
        "--only",
        metavar="KEYS",
        help="comma-separated scenario keys (such as checkin20,deep_teachers): measure just these on "
        "PostgreSQL and print them, without writing docs/benchmarks.md (to check one fix quickly)",
    )
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        ensure_postgres_database(args.database_url)
        print("bench: PostgreSQL, province data set", file=sys.stderr)
        ensure_data(args.database_url, work, "province")
        files = asyncio.run(prepare(args.database_url, work, args.seconds))
        pg = Run("PostgreSQL, province data set, uvicorn with 2 workers")
        env = app_env(args.database_url, work)
        with (
            server("bench.baseline:app", env, 2, "/ping") as baseline,
            server("app.main:app", env, 2, "/api/v1/health") as base,
        ):
            wanted = only | {"baseline50"} if only is not None else None  # the ratios need the baseline
            chosen = [s for s in scenarios(full=True) if wanted is None or s.key in wanted]
            measure(pg, base, files, chosen, args.seconds, baseline)
        if only is not None:
            return
        planning = plan_province(args.database_url, work)
        sqlite = None
        embedded = None
        if not args.skip_sqlite:
            print("bench: SQLite, city data set, one process", file=sys.stderr)
            url = f"sqlite+aiosqlite:///{work / 'city.db'}"
            ensure_data(url, work, "city")
            files = asyncio.run(prepare(url, work, args.seconds))
            sqlite = Run("SQLite, city data set (1,000 schools), one process (embedded mode)")
            env = app_env(url, work)
            with (
                server("bench.baseline:app", env, 1, "/ping") as baseline,
                server("app.main:app", env, 1, "/api/v1/health") as base,
            ):
                measure(sqlite, base, files, scenarios(full=False), max(3, args.seconds // 2), baseline)
            print("bench: embedded mode, demo county", file=sys.stderr)
            embedded = embedded_run(args.seconds)
        write_report(pg, sqlite, embedded, planning, args)
    print("bench: wrote docs/benchmarks.md", file=sys.stderr)


if __name__ == "__main__":
    main()
