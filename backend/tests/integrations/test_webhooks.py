"""Webhooks: events from the outbox, delivered signed to a local receiver, retried, given up, redelivered."""

import json
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from httpx import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.enums import DeliveryStatus
from app.integrations import webhooks
from app.integrations.models import OutboxEvent, WebhookAttempt, WebhookDelivery
from tests.factories import World
from tests.integrations.test_docs import documented_python

HOOKS = "/api/v1/integrations/webhooks"
SECRET = "receiver-shared-secret-0001"


class Receiver:
    """An HTTP server on 127.0.0.1 that records what it is sent and answers the statuses it is told."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.statuses: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def _sessions(session: AsyncSession) -> Any:
    """The worker's session factory, bound to the test's session."""

    @asynccontextmanager
    async def scope() -> AsyncIterator[AsyncSession]:
        yield session
        await session.flush()

    return scope


async def _subscribe(client: AsyncClient, world: World, url: str, events: list[str]) -> dict[str, Any]:
    answer = await client.post(
        HOOKS, json={"url": url, "events": events, "secret": SECRET}, headers=world.headers["bureau_admin"]
    )
    assert answer.status_code == 201, answer.text
    return answer.json()


async def _withdraw(client: AsyncClient, world: World) -> None:
    answer = await client.post(
        f"/api/v1/rotations/{world.rotation.id}/withdraw",
        json={"comment": "家中有事"},
        headers=world.headers["bureau_admin"],
    )
    assert answer.status_code == 200, answer.text


async def test_a_change_is_delivered_signed(
    client: AsyncClient, world: World, session: AsyncSession, receiver: Receiver
) -> None:
    hook = await _subscribe(client, world, receiver.url, ["rotation.status_changed"])
    assert hook["secret"] == SECRET and hook["pending"] == 0
    await _withdraw(client, world)
    async with httpx.AsyncClient() as http:
        assert await webhooks.deliver_due(_sessions(session), http=http) == 1
        assert await webhooks.deliver_due(_sessions(session), http=http) == 0  # nothing left to send
    [sent] = receiver.requests
    headers, body = sent["headers"], sent["body"]
    verify = documented_python()["verify_signature"]
    assert verify(SECRET, headers["X-Pairing-Timestamp"], body, headers["X-Pairing-Signature"])
    assert not verify(
        "another-secret-000000000", headers["X-Pairing-Timestamp"], body, headers["X-Pairing-Signature"]
    )
    event = json.loads(body)
    assert event["type"] == headers["X-Pairing-Event"] == "rotation.status_changed"
    assert event["data"]["rotation"]["id"] == world.rotation.id and event["data"]["to_status"] == "withdrawn"
    log = (
        await client.get(f"{HOOKS}/{hook['id']}/deliveries", headers=world.headers["bureau_viewer"])
    ).json()
    [delivery] = log["items"]
    assert delivery["status"] == "delivered" and delivery["event_id"] == event["id"]
    assert [(a["number"], a["status_code"]) for a in delivery["attempt_log"]] == [(1, 200)]


async def test_retries_back_off_then_give_up_and_redeliver(
    client: AsyncClient, world: World, session: AsyncSession, receiver: Receiver, frozen_clock: Any
) -> None:
    start = datetime(2026, 11, 2, 1, tzinfo=UTC)
    frozen_clock.freeze(start)
    hook = await _subscribe(client, world, receiver.url, ["rotation.status_changed"])
    await _withdraw(client, world)
    delivery_id = await session.scalar(
        select(WebhookDelivery.id).where(WebhookDelivery.subscription_id == hook["id"])
    )
    receiver.statuses = [500, 503, 500]
    async with httpx.AsyncClient() as http:
        await webhooks.deliver_due(_sessions(session), http=http)
        delivery = await session.get(WebhookDelivery, delivery_id)
        assert delivery is not None
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
            DeliveryStatus.pending,
            1,
            500,
        )
        assert delivery.next_attempt_at == start + timedelta(seconds=30)
        assert await webhooks.deliver_due(_sessions(session), http=http) == 0  # not due yet
        frozen_clock.freeze(start + timedelta(seconds=31))
        await webhooks.deliver_due(_sessions(session), http=http)
        assert delivery.attempts == 2 and delivery.next_attempt_at == start + timedelta(
            seconds=91
        )  # then 60 s
        # Past the 24-hour window the delivery is given up; the receiver meanwhile got the same event twice.
        frozen_clock.freeze(start + timedelta(hours=24))
        await webhooks.deliver_due(_sessions(session), http=http)
        assert delivery.status == DeliveryStatus.failed and delivery.attempts == 3
        ids = {json.loads(r["body"])["id"] for r in receiver.requests}
        assert len(receiver.requests) == 3 and len(ids) == 1  # one event id: receivers de-duplicate on it
        # A person redelivers once the receiver is fixed.
        redone = await client.post(
            f"{HOOKS}/{hook['id']}/deliveries/{delivery_id}/redeliver", headers=world.headers["bureau_admin"]
        )
        assert redone.status_code == 200 and redone.json()["status"] == "pending"
        await webhooks.deliver_due(_sessions(session), http=http)
    assert delivery.status == DeliveryStatus.delivered and delivery.attempts == 4
    numbers = await session.scalars(
        select(WebhookAttempt.status_code).where(WebhookAttempt.delivery_id == delivery_id)
    )
    assert list(numbers) == [500, 503, 500, 200]


async def test_a_claimed_delivery_is_not_taken_twice(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    await _subscribe(client, world, "https://hooks.example.org/x", ["rotation.status_changed"])
    await _withdraw(client, world)
    first = await webhooks.claim(session)
    assert len(first) == 1
    assert await webhooks.claim(session) == []  # a second worker finds it leased
    delivery = await session.get(WebhookDelivery, first[0])
    assert delivery is not None and delivery.attempts == 1
    # A worker that died mid-attempt loses its lease: the next one takes the next attempt.
    delivery.leased_until = datetime(2000, 1, 1, tzinfo=UTC)
    await session.flush()
    assert await webhooks.claim(session) == first and delivery.attempts == 2


async def test_only_committed_changes_send_events(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    await _subscribe(client, world, "https://hooks.example.org/x", ["checkin.created"])
    before = await session.scalar(select(func.count()).select_from(OutboxEvent))
    savepoint = await session.begin_nested()
    await webhooks.emit(session, "checkin.created", school_ids=[world.a2.id], data={"checkin": {"id": 0}})
    await savepoint.rollback()
    assert await session.scalar(select(func.count()).select_from(OutboxEvent)) == before
    # A request that fails writes nothing either: a check-in by someone who is not the teacher.
    refused = await client.post(
        f"/api/v1/rotations/{world.rotation.id}/checkins", json={}, headers=world.headers["bureau_admin"]
    )
    assert refused.status_code == 403
    assert await session.scalar(select(func.count()).select_from(OutboxEvent)) == before


async def test_events_stay_in_their_bureau(client: AsyncClient, world: World, session: AsyncSession) -> None:
    ours = await _subscribe(client, world, "https://hooks.example.org/a", ["rotation.status_changed"])
    theirs = await client.post(
        HOOKS,
        json={"url": "https://hooks.example.org/b", "events": ["rotation.status_changed"]},
        headers=world.headers["foreign_bureau_admin"],
    )
    await _withdraw(client, world)
    counts = dict(
        (
            await session.execute(
                select(WebhookDelivery.subscription_id, func.count()).group_by(
                    WebhookDelivery.subscription_id
                )
            )
        ).all()
    )
    assert counts.get(ours["id"]) == 1 and theirs.json()["id"] not in counts


async def test_an_event_goes_only_to_active_subscriptions_of_its_type(
    client: AsyncClient, world: World, session: AsyncSession
) -> None:
    """Which subscriptions get a delivery is decided in SQL (list membership in JSON, on each database)."""
    wanted = await _subscribe(client, world, "https://hooks.example.org/w", ["rotation.status_changed"])
    both = await _subscribe(
        client, world, "https://hooks.example.org/b", ["checkin.created", "rotation.status_changed"]
    )
    other_type = await _subscribe(client, world, "https://hooks.example.org/o", ["checkin.created"])
    paused = await _subscribe(client, world, "https://hooks.example.org/p", ["rotation.status_changed"])
    answer = await client.patch(
        f"{HOOKS}/{paused['id']}",
        json={"is_active": False},
        headers={**world.headers["bureau_admin"], "If-Match": str(paused["version"])},
    )
    assert answer.status_code == 200, answer.text
    events_before = await session.scalar(select(func.count()).select_from(OutboxEvent))
    await _withdraw(client, world)
    delivered = (
        await session.execute(
            select(WebhookDelivery.subscription_id, WebhookDelivery.status, WebhookDelivery.attempts)
            .join(OutboxEvent)
            .where(OutboxEvent.type == "rotation.status_changed")
        )
    ).all()
    assert sorted(delivered) == sorted(
        [(wanted["id"], DeliveryStatus.pending, 0), (both["id"], DeliveryStatus.pending, 0)]
    )
    assert other_type["id"] not in {row[0] for row in delivered}
    assert await session.scalar(select(func.count()).select_from(OutboxEvent)) == events_before + 1


async def test_private_addresses_are_refused_in_production(
    client: AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    production = SimpleNamespace(environment="production", webhook_allow_private_addresses=False)
    monkeypatch.setattr("app.integrations.webhooks.get_settings", lambda: production)
    for url in (
        "http://127.0.0.1:8000/hook",
        "http://10.1.2.3/hook",
        "http://[::1]/hook",
        "http://169.254.169.254/",
    ):
        with pytest.raises(webhooks.RefusedAddress):
            webhooks.check_url(url, resolve=True)
    refused = await client.post(
        HOOKS,
        json={"url": "http://127.0.0.1:9/x", "events": ["meeting.held"]},
        headers=world.headers["bureau_admin"],
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["loc"] == ["body", "url"]
    assert (await client.post(HOOKS, json={"url": "ftp://example.org/x", "events": ["meeting.held"]},
                              headers=world.headers["bureau_admin"])).status_code == 422  # fmt: skip
    production.webhook_allow_private_addresses = True
    webhooks.check_url("http://127.0.0.1:8000/hook", resolve=True)  # explicitly allowed
