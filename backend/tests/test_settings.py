import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.core.config import REPO_DIR, Settings, normalise_database_url


def test_every_setting_is_documented_in_env_example() -> None:
    # Settings appear as `NAME=value`, or commented out as `#NAME=value` to keep the default.
    documented = set(re.findall(r"^#?([A-Z][A-Z0-9_]*)=", (REPO_DIR / ".env.example").read_text(), re.M))
    missing = {name.upper() for name in Settings.model_fields} - documented
    assert missing == set(), f"add to .env.example: {sorted(missing)}"


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(environment="production", secret_key="", data_dir=tmp_path)
    with pytest.raises(ValidationError, match="32"):
        Settings(environment="production", secret_key="short", data_dir=tmp_path)
    with pytest.raises(ValidationError, match="Argon2"):
        Settings(environment="production", secret_key="x" * 40, data_dir=tmp_path, argon2_time_cost=1)


def test_development_generates_and_keeps_a_secret_key(tmp_path: Path) -> None:
    first = Settings(environment="development", secret_key="", data_dir=tmp_path).secret_key
    second = Settings(environment="development", secret_key="", data_dir=tmp_path).secret_key
    assert len(first) >= 32 and first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_database_urls_pick_async_drivers() -> None:
    assert normalise_database_url("postgresql://u@h:5432/d") == "postgresql+asyncpg://u@h:5432/d"
    assert normalise_database_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"


def test_s3_storage_needs_a_bucket(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path).storage_backend == "local"
    with pytest.raises(ValidationError, match="S3_BUCKET"):
        Settings(data_dir=tmp_path, storage_backend="s3")
    settings = Settings(
        data_dir=tmp_path, storage_backend="s3", s3_bucket="uploads", s3_secret_access_key="k"
    )
    assert settings.s3_region == "us-east-1"
    assert "k" not in repr(settings.s3_secret_access_key)  # never printed in logs or tracebacks
    with pytest.raises(ValidationError):
        Settings(data_dir=tmp_path, storage_backend="ftp")
