"""The curl examples of docs/integrations.md, run as written against a real server process."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.factories import CLIENT_SECRET, World

DOC = Path(__file__).resolve().parents[3] / "docs" / "integrations.md"
DOC_HOST = "https://pairing.example.gov.cn"
DOC_CLIENT_ID = "pc_1a2b3c4d5e6f7a8b"
DOC_AGREEMENT = "/agreements/12/"
BACKEND = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(committed_world: World) -> Iterator[str]:
    """uvicorn serving the test database (the committed world) on a free local port."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=BACKEND,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"the server did not start: {process.stderr.read() if process.stderr else ''}"
                )
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _run(block: str, base: str, world: World, env: dict[str, str]) -> str:
    script = (
        block.replace(DOC_HOST, base)
        .replace(DOC_CLIENT_ID, world.client.client_id)
        .replace(DOC_AGREEMENT, f"/agreements/{world.agreement.id}/")
    )
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_documented_curl_examples_work(server: str, committed_world: World) -> None:
    token_block, list_block, goal_block = re.findall(
        r"```bash\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S
    )
    env = {**os.environ, "SECRET": CLIENT_SECRET}
    token = json.loads(_run(token_block, server, committed_world, env))
    assert token["token_type"] == "bearer" and token["refresh_token"] is None
    env["TOKEN"] = token["access_token"]
    schools = json.loads(_run(list_block, server, committed_world, env))
    ids = {s["id"] for s in schools["items"]}
    assert committed_world.a2.id in ids and committed_world.a1.id not in ids  # weak ones, ours only
    goal = json.loads(_run(goal_block, server, committed_world, env))
    assert goal["title"] == "开设英语送教" and goal["agreement_id"] == committed_world.agreement.id
    again = json.loads(_run(goal_block, server, committed_world, env))  # same Idempotency-Key
    assert again["id"] == goal["id"]
