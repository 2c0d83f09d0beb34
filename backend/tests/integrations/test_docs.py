"""The Python example of docs/integrations.md, run against the app."""

import re
from pathlib import Path
from typing import Any

from httpx import AsyncClient

from tests.factories import CLIENT_SECRET, World

DOC = Path(__file__).resolve().parents[3] / "docs" / "integrations.md"


def documented_python() -> dict[str, Any]:
    """What the Python examples of docs/integrations.md define (our own documentation, run as is)."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert blocks, "docs/integrations.md should hold its Python examples"
    namespace: dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)
    return namespace


async def test_the_documented_python_example_works(client: AsyncClient, world: World) -> None:
    schools = await documented_python()["weak_schools"](client, world.client.client_id, CLIENT_SECRET)
    ids = {s["id"] for s in schools}
    assert world.a2.id in ids and world.a1.id not in ids and world.b1.id not in ids  # weak, ours only
