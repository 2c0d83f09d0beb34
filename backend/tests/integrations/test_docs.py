"""The Python example of docs/integrations.md, run against the app."""

import re
from pathlib import Path
from typing import Any

from httpx import AsyncClient

from tests.factories import CLIENT_SECRET, World

DOC = Path(__file__).resolve().parents[3] / "docs" / "integrations.md"


def _python_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    assert len(blocks) == 1, "docs/integrations.md should hold one Python example"
    return blocks[0]


async def test_the_documented_python_example_works(client: AsyncClient, world: World) -> None:
    namespace: dict[str, Any] = {}
    exec(compile(_python_example(), str(DOC), "exec"), namespace)  # our own documentation
    schools = await namespace["weak_schools"](client, world.client.client_id, CLIENT_SECRET)
    ids = {s["id"] for s in schools}
    assert world.a2.id in ids and world.a1.id not in ids and world.b1.id not in ids  # weak, ours only
