"""Collected only when `-m fuzz` selects it: collecting builds every operation's cases (seconds), which
a run that leaves the fuzz tests out (the default, `addopts` in pyproject.toml) should not pay."""

import re
from pathlib import Path

import pytest


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name.startswith("test_") and not re.search(
        r"(?<!not )\bfuzz\b", config.getoption("markexpr") or ""
    ):
        return True
    return None
