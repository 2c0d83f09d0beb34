"""Backups of the database: `python -m app.cli backup [--output FILE]` and `restore FILE`.

SQLite (embedded mode): SQLite's online backup API copies the database page by page while the
server keeps running (readers and writers are not blocked for long; the copy is consistent). Restore
copies the backup back through the same API, so the WAL file stays coherent; stop the server first.
PostgreSQL: `pg_dump --format=custom` (a consistent snapshot, taken while the server runs) and
`pg_restore --clean --if-exists --single-transaction` (all or nothing). Attachments in object
storage are backed up by the storage (bucket versioning); on local disk, copy `DATA_DIR/files`.
"""

import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from tqdm import tqdm

from app.core.config import get_settings

PAGES_PER_STEP = 256


def _sqlite_path(url: str) -> Path:
    return Path(url.split(":///", 1)[1])


def _pg_url(url: str) -> str:
    """The libpq form of the URL (pg_dump does not know SQLAlchemy's driver suffix)."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def _copy_sqlite(source: Path, target: Path, label: str) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        bar = tqdm(desc=label, unit="page", file=sys.stderr)

        def progress(_status: int, remaining: int, total: int) -> None:
            bar.total = total
            bar.n = total - remaining
            bar.refresh()

        src.backup(dst, pages=PAGES_PER_STEP, progress=progress)
        bar.close()


def _run_tool(name: str, *args: str) -> None:
    """PostgreSQL's own client tools, found on PATH; the arguments are the configured URL and a path."""
    tool = shutil.which(name)
    if tool is None:
        raise SystemExit(f"{name} not found: install PostgreSQL's client tools (postgresql-client)")
    subprocess.run([tool, *args], check=True)  # noqa: S603


def default_name(now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"pairing-{stamp}.{'db' if get_settings().is_sqlite else 'dump'}"


def backup(output: Path) -> Path:
    settings = get_settings()
    output.parent.mkdir(parents=True, exist_ok=True)
    if settings.is_sqlite:
        _copy_sqlite(_sqlite_path(settings.database_url), output, "backup")
    else:
        _run_tool(
            "pg_dump", "--format=custom", "--no-owner", f"--file={output}", _pg_url(settings.database_url)
        )
    return output


def restore(source: Path) -> None:
    if not source.is_file():
        raise SystemExit(f"restore: {source} does not exist")
    settings = get_settings()
    if settings.is_sqlite:
        target = _sqlite_path(settings.database_url)
        with sqlite3.connect(source) as probe:  # refuse a file that is not a SQLite database
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not target.exists():
            shutil.copyfile(source, target)
            return
        _copy_sqlite(source, target, "restore")
    else:
        _run_tool(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={_pg_url(settings.database_url)}",
            str(source),
        )
