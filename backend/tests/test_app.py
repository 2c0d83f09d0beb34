"""Application shell: the SPA with history fallback, errors without stack traces, security headers."""

import gc
from pathlib import Path

import pytest
from fastapi import APIRouter
from httpx import ASGITransport, AsyncClient

from app.core.config import get_settings
from app.main import GC_YOUNG_THRESHOLD, create_app, lifespan


@pytest.fixture
def built_spa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    monkeypatch.setattr(get_settings(), "frontend_dist", tmp_path)
    return tmp_path


async def test_spa_is_served_with_history_fallback(built_spa: Path) -> None:
    transport = ASGITransport(app=create_app())
    async with AsyncClient(transport=transport, base_url="http://t") as client:
        deep_link = await client.get("/schools/12")
        assert deep_link.status_code == 200 and "root" in deep_link.text
        assert deep_link.headers["cache-control"] == "no-cache"
        asset = await client.get("/assets/index-abc123.js")
        assert asset.status_code == 200 and asset.text == "console.log(1)"
        assert (await client.get("/favicon.svg")).text == "<svg/>"
        escape = await client.get("/..%2F..%2Fetc%2Fpasswd")
        assert "root:" not in escape.text
        api_miss = await client.get("/api/v1/no-such-thing")
        assert api_miss.status_code == 404
        assert api_miss.headers["content-type"].startswith("application/problem+json")


async def test_unexpected_errors_answer_problem_json_without_traceback() -> None:
    app = create_app()
    boom = APIRouter()

    @boom.get("/api/v1/_boom")
    async def explode() -> None:
        raise RuntimeError("secret internals /srv/app/core.py line 42")

    app.include_router(boom)
    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/api/v1/_boom", headers={"Accept-Language": "en"})
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert response.json()["title"] == "Server error"


async def test_security_headers_and_openapi(client: AsyncClient) -> None:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    operation_ids = {op["operationId"] for path in response.json()["paths"].values() for op in path.values()}
    assert "schools-list_schools" in operation_ids


async def test_server_start_freezes_the_startup_objects_for_the_garbage_collector() -> None:
    app = create_app()
    saved = gc.get_threshold()
    try:
        async with lifespan(app):
            assert gc.get_freeze_count() > 10_000  # routes, schemas and mappers built by the imports
            assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD
    finally:
        gc.unfreeze()
        gc.set_threshold(*saved)
