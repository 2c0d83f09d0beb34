"""Settings: one class, read from the environment (and an optional .env file).

Every field here is also listed, with a comment, in the repository's `.env.example`;
a test keeps the two in step.
"""

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

BACKEND_DIR = Path(__file__).resolve().parents[2]
REPO_DIR = BACKEND_DIR.parent
DEFAULT_DATA_DIR = BACKEND_DIR / "data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str = ""
    secret_key: str = ""
    access_token_minutes: int = Field(default=30, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=14, ge=1, le=365)
    # Comma-separated origins allowed to call the API from another site (the SPA itself is same-origin).
    cors_origins: str = ""
    frontend_dist: Path = REPO_DIR / "frontend" / "dist"
    demo_password: str = ""
    # Argon2 cost. Lower only in tests (the suite logs in hundreds of times); never in production.
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_cost: int = Field(default=65536, ge=8)
    # Uploaded documents (signed agreements, photos): directory (default DATA_DIR/attachments) and size cap.
    storage_dir: Path | None = None
    attachment_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    # Where uploads are kept: `local` (STORAGE_DIR, one machine) or `s3`, an S3-compatible object store
    # (MinIO, AWS S3, ...) shared by every API machine. S3_ENDPOINT_URL empty = AWS's own endpoint;
    # empty keys = boto3's default credential chain (AWS_* variables, an instance role).
    storage_backend: Literal["local", "s3"] = "local"
    s3_endpoint_url: str = ""
    s3_bucket: str = ""
    s3_access_key_id: str = ""
    s3_secret_access_key: SecretStr = SecretStr("")
    s3_region: str = "us-east-1"
    # The reminder job: how often it runs (0 = never), and whether the API process runs it itself
    # (embedded mode) or leaves it to `python -m app.worker` (the compose deployment).
    reminder_interval_seconds: int = Field(default=600, ge=0)
    run_reminders_in_process: bool = True
    login_max_failures: int = Field(default=5, ge=1)
    login_lockout_minutes: int = Field(default=15, ge=1)
    # Requests per minute, per API worker: for each integration client, and for each client address
    # (0 = no limit). Production adds nginx's own limit per address in front.
    rate_limit_client_per_minute: int = Field(default=1200, ge=0)
    rate_limit_address_per_minute: int = Field(default=6000, ge=0)
    # Webhooks: how often the worker delivers (seconds, 0 = never), and whether, in production,
    # subscriptions may point at private or loopback addresses (refused by default: request forgery).
    webhook_interval_seconds: int = Field(default=5, ge=0)
    webhook_allow_private_addresses: bool = False
    # The schools' time zone: what "today" is for check-ins, attendance and due dates.
    timezone: str = "Asia/Shanghai"
    # Log lines: `json` (one object per line, the default in production) or `text`; and the level.
    log_format: Literal["json", "text"] | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Memory per API process for answers kept while their data is unchanged (core/answers.py; PostgreSQL
    # only), in megabytes; 0 turns the cache off.
    answer_cache_mb: int = Field(default=64, ge=0)
    # Where each API process listens for the database's change notifications (default DATABASE_URL): a
    # direct connection to PostgreSQL, or a pooler in session mode (transaction mode does not keep LISTEN).
    listen_database_url: str = ""

    @model_validator(mode="after")
    def _fill_defaults(self) -> "Settings":
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir / 'pairing.db'}"
        self.database_url = normalise_database_url(self.database_url)
        self.listen_database_url = normalise_database_url(self.listen_database_url or self.database_url)
        if not self.secret_key:
            if self.environment == "production":
                raise ValueError("SECRET_KEY must be set when ENVIRONMENT=production")
            self.secret_key = _development_secret(self.data_dir)
        elif self.environment == "production" and len(self.secret_key) < 32:
            raise ValueError("SECRET_KEY must be at least 32 characters in production")
        if self.environment == "production" and (
            self.argon2_time_cost < 2 or self.argon2_memory_cost < 19456
        ):
            raise ValueError("Argon2 cost below the OWASP minimum is refused in production")
        if self.storage_backend == "s3" and not self.s3_bucket:
            raise ValueError("STORAGE_BACKEND=s3 needs S3_BUCKET")
        return self

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    @property
    def json_logs(self) -> bool:
        return self.log_format == "json" if self.log_format else self.environment == "production"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def normalise_database_url(url: str) -> str:
    """Accept plain `postgresql://` and `sqlite:///` URLs and pick the async driver."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.split(":///", 1)[1]
    return url


def _development_secret(data_dir: Path) -> str:
    """Generate the signing key once and keep it beside the database, so tokens survive restarts."""
    data_dir.mkdir(parents=True, exist_ok=True)
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(48)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
