"""Storage backends behave alike: the same put/get/delete/missing-key checks run on local disk and on
S3 (moto's S3 server, in-process on a free port), and an attachment goes through the API to S3 and back.
"""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from moto.server import ThreadedMotoServer
from sqlalchemy.ext.asyncio import AsyncConnection

from app.core import storage as storage_module
from app.core.config import get_settings
from app.core.storage import LocalStorage, S3Storage, Storage, content_key, get_storage
from app.main import create_app
from tests.conftest import share_connection
from tests.factories import World

BUCKET = "pairing-test-uploads"
KEY_ID, SECRET = "test-key-id", "test-secret-key"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _s3_client(endpoint: str) -> Any:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=KEY_ID,
        aws_secret_access_key=SECRET,
        region_name="us-east-1",
    )


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A fake S3 (moto's server mode) with the test bucket created."""
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    _s3_client(endpoint).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


@pytest.fixture(params=["local", "s3"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    if request.param == "local":
        return LocalStorage(tmp_path / "attachments")
    endpoint = request.getfixturevalue("s3_endpoint")
    return S3Storage(
        bucket=BUCKET,
        endpoint_url=endpoint,
        access_key_id=KEY_ID,
        secret_access_key=SECRET,
        region="us-east-1",
    )


async def test_put_then_get_returns_the_bytes(backend: Storage) -> None:
    data = b"%PDF-1.7 signed agreement"
    key = content_key(data)
    await backend.put(key, data)
    assert await backend.get(key) == data


async def test_put_overwrites(backend: Storage) -> None:
    await backend.put("ab/overwritten", b"first")
    await backend.put("ab/overwritten", b"second")
    assert await backend.get("ab/overwritten") == b"second"


async def test_a_missing_key_raises_file_not_found(backend: Storage) -> None:
    with pytest.raises(FileNotFoundError):
        await backend.get("00/never-written")


async def test_delete_removes_and_is_idempotent(backend: Storage) -> None:
    await backend.put("cd/to-delete", b"x" * 10)
    await backend.delete("cd/to-delete")
    with pytest.raises(FileNotFoundError):
        await backend.get("cd/to-delete")
    await backend.delete("cd/to-delete")  # gone already: not an error
    await backend.delete("ef/never-written")


async def test_empty_and_binary_content_round_trip(backend: Storage) -> None:
    data = bytes(range(256)) * 64
    await backend.put("12/binary", data)
    await backend.put("12/empty", b"")
    assert await backend.get("12/binary") == data
    assert await backend.get("12/empty") == b""


def test_get_storage_follows_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(get_storage(), LocalStorage)
    settings = get_settings().model_copy(
        update={"storage_backend": "s3", "s3_bucket": BUCKET, "s3_endpoint_url": "http://127.0.0.1:9"}
    )
    monkeypatch.setattr(storage_module, "get_settings", lambda: settings)
    first = get_storage()
    assert isinstance(first, S3Storage) and first.bucket == BUCKET
    assert get_storage() is first  # one boto3 client per configuration, not one per request
    storage_module.clear_storage_cache()


# ---------------------------------------------------------------- through the API


@pytest.fixture
def app(connection: AsyncConnection, s3_endpoint: str) -> Iterator[FastAPI]:
    """An application whose settings, read from the environment, say STORAGE_BACKEND=s3."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("STORAGE_BACKEND", "s3")
        env.setenv("S3_ENDPOINT_URL", s3_endpoint)
        env.setenv("S3_BUCKET", BUCKET)
        env.setenv("S3_ACCESS_KEY_ID", KEY_ID)
        env.setenv("S3_SECRET_ACCESS_KEY", SECRET)
        get_settings.cache_clear()
        storage_module.clear_storage_cache()
        application = create_app()
        share_connection(application, connection)
        try:
            yield application
        finally:
            get_settings.cache_clear()  # the next test reads the settings without these variables
            storage_module.clear_storage_cache()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://testserver") as c:
        yield c


async def test_an_attachment_is_stored_in_s3_and_downloaded_back(
    client: AsyncClient, world: World, s3_endpoint: str
) -> None:
    assert get_settings().storage_backend == "s3"
    pdf = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% uploaded to s3\n"
    uploaded = await client.post(
        f"/api/v1/agreements/{world.agreement.id}/attachments",
        headers=world.headers["school_admin"],
        files={"file": ("签字页.pdf", pdf, "application/pdf")},
    )
    assert uploaded.status_code == 201, uploaded.text
    key = content_key(pdf)
    stored = _s3_client(s3_endpoint).get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert stored == pdf  # the object is in the bucket...
    local = get_settings().storage_dir or get_settings().data_dir / "attachments"
    assert not (local / key).exists()  # ...and not on the API machine's disk
    download = await client.get(
        f"/api/v1/attachments/{uploaded.json()['id']}/content", headers=world.headers["other_school_admin"]
    )
    assert download.status_code == 200 and download.content == pdf
    assert download.headers["content-type"] == "application/pdf"
