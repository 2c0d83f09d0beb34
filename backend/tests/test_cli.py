"""The command line, run as a user would: a fresh SQLite database, `seed-demo` twice, `create-user`."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[1]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TEST_DATABASE_URL", "DEMO_PASSWORD")
    }
    env.update(
        DATA_DIR=str(tmp_path), ENVIRONMENT="development", ARGON2_TIME_COST="1", ARGON2_MEMORY_COST="64"
    )
    subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=BACKEND, env=env, check=True)
    return env


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("school", "teacher", "user_account", "assessment", "assessment_sheet")
        }


def test_seed_demo_is_idempotent_and_prints_accounts(cli_env: dict[str, str], tmp_path: Path) -> None:
    first = run_cli(cli_env, "seed-demo")
    password = (tmp_path / "demo_password").read_text().strip()
    assert password in first.stdout and "admin_YX001" in first.stdout
    after_first = counts(tmp_path / "pairing.db")
    assert after_first["school"] == 13 and after_first["user_account"] == 16 and after_first["teacher"] > 60
    # The annual assessment of the current school year, drafted with all pairs but one scored.
    assert (after_first["assessment"], after_first["assessment_sheet"]) == (1, 3)
    second = run_cli(cli_env, "seed-demo")
    assert password in second.stdout
    assert counts(tmp_path / "pairing.db") == after_first


def test_demo_password_from_environment(cli_env: dict[str, str], tmp_path: Path) -> None:
    run_cli({**cli_env, "DEMO_PASSWORD": "from-env-123"}, "seed-demo")
    assert not (tmp_path / "demo_password").exists()
    with sqlite3.connect(tmp_path / "pairing.db") as conn:
        hashed = conn.execute("SELECT password_hash FROM user_account WHERE username='leader'").fetchone()[0]
    assert hashed.startswith("$argon2id$")


def test_create_user_creates_then_updates(cli_env: dict[str, str], tmp_path: Path) -> None:
    run_cli(cli_env, "seed-demo")
    created = run_cli(
        cli_env,
        "create-user",
        "--username",
        "ops",
        "--password",
        "pw-123456",
        "--role",
        "school_admin",
        "--school-code",
        "YX005",
    )
    assert "created user ops" in created.stdout
    updated = run_cli(
        cli_env, "create-user", "--username", "ops", "--password", "pw-654321", "--role", "bureau_viewer"
    )
    assert "updated user ops" in updated.stdout
    with sqlite3.connect(tmp_path / "pairing.db") as conn:
        role, school = conn.execute(
            "SELECT role, school_id FROM user_account WHERE username='ops'"
        ).fetchone()
    assert (role, school) == ("bureau_viewer", None)
