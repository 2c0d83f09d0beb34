"""Schemathesis fuzzing of every API operation against the application's own OpenAPI document.

Each operation is called in-process (ASGI) on a committed two-county world (tests/factories.py), as a
bureau admin (schema-driven coverage cases, then random ones) and as a school admin (random cases:
validation does not depend on the caller, authorization and scoping do); coverage cases of invalid
input only on SQLite (they are refused before any query), valid boundary values on both. Every request
runs in its own transaction, rolled back after it, so deletions and state transitions never leak
into the next case. Every answer must be no 5xx, carry a documented status code and content type,
and match the documented body schema.

`make fuzz` runs it on SQLite and, with TEST_DATABASE_URL, on PostgreSQL (`pytest -m fuzz`; the
regular suite leaves it out). Cases are derandomized: a run repeats the last one. FUZZ_EXAMPLES sets
the random cases per operation and role.
"""

import os
from collections.abc import AsyncIterator
from typing import Any

import hypothesis
import pytest
import schemathesis
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from starlette.types import Receive, Scope, Send

from app.core.config import get_settings
from app.core.db import build_engine, write_intent
from app.core.deps import get_session
from app.main import create_app
from app.models import Base
from app.regions.models import Region
from tests.factories import World, build_world

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
# Not `negative_data_rejection`: pydantic reads a number as a date (a Unix time), which the schema's
# `format: date` does not allow, so it fails on every date; not `positive_data_acceptance`: valid data
# is refused by business rules all the time (another county's school, an agreement not in draft, …).
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
OPENAPI = "/api/v1/openapi.json"
SQLITE = get_settings().database_url.startswith("sqlite")


class FuzzedApp:
    """The application as the fuzz run calls it, with the database engine of Schemathesis's event loop
    (the one its ASGI client runs the application on): made at startup, disposed of at shutdown."""

    def __init__(self) -> None:
        self.app = create_app()
        self.engine: AsyncEngine | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":  # not the application's: no jobs, no global engine
            await self._lifespan(receive, send)
        else:
            await self.app(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self.engine = build_engine()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self.engine is not None:
                    await self.engine.dispose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def session(self) -> AsyncIterator[AsyncSession]:
        """The request's session, in a transaction of its own that is rolled back when the request ends."""
        assert self.engine is not None
        write_intent.set(True)
        async with self.engine.connect() as conn:
            transaction = await conn.begin()
            async with AsyncSession(
                bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False
            ) as session:
                try:
                    yield session
                    await session.commit()  # the request's own commit: releases the savepoint
                except BaseException:
                    await session.rollback()
                    raise
            await transaction.rollback()


def _config(*phases: str) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "generation": {
                "mode": "all",  # valid and invalid input
                "max-examples": EXAMPLES,
                "deterministic": True,
                "database": "none",
            },
            "phases": {
                "examples": {"enabled": "examples" in phases},
                "coverage": {
                    "enabled": "coverage" in phases,
                    "unexpected-methods": [],  # 405s: not what these checks look at
                    # Invalid input is refused before any query: on one database is enough.
                    "generation": {"mode": "all" if SQLITE else "positive"},
                },
                "fuzzing": {"enabled": "fuzzing" in phases},
                "stateful": {"enabled": False},
            },
            "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
        }
    )


fuzzed = FuzzedApp()
bureau_schema = schemathesis.openapi.from_asgi(
    OPENAPI, fuzzed, config=_config("examples", "coverage", "fuzzing")
)
school_schema = schemathesis.openapi.from_asgi(OPENAPI, fuzzed, config=_config("examples", "fuzzing"))

# Ids of the world's objects by parameter name: generated ids mostly miss, these reach real code.
KNOWN: dict[str, list[int]] = {}


def _known_ids(world: World) -> dict[str, list[int]]:
    ledger, foreign = world.ledger, world.foreign_ledger
    records, foreign_records = world.records, world.foreign_records
    return {
        "school_id": [world.a1.id, world.a2.id, world.b1.id],
        "teacher_id": [world.teacher_a1.id, world.teacher_a2.id, world.teacher_b1.id],
        "user_id": [world.users["teacher"].id, world.users["foreign_school_admin"].id],
        "region_id": [world.county_a.id, world.county_b.id],
        "programme_id": [world.programme_a.id, world.programme_b.id],
        "agreement_id": [world.agreement.id, world.foreign_agreement.id],
        "goal_id": [ledger.goal.id, foreign.goal.id],
        "amendment_id": [ledger.amendment.id, foreign.amendment.id],
        "activity_id": [ledger.activity.id, foreign.activity.id],
        "donation_id": [ledger.donation.id, foreign.donation.id],
        "attachment_id": [ledger.attachment.id, foreign.attachment.id],
        "meeting_id": [ledger.meeting.id, foreign.meeting.id],
        "item_id": [ledger.action_item.id, foreign.action_item.id],
        "notification_id": [world.notification.id],
        "rotation_id": [world.rotation.id, world.foreign_rotation.id],
        "leave_id": [records.leave.id, foreign_records.leave.id],
        "log_id": [records.work_log.id, foreign_records.work_log.id],
        "evaluation_id": [records.evaluation.id, foreign_records.evaluation.id],
        "day_id": [records.calendar_day.id, foreign_records.calendar_day.id],
        "assessment_id": [world.assessment.id, world.foreign_assessment.id],
        "client_id": [world.client.id, world.foreign_client.id],
        "webhook_id": [world.webhook.subscription_id, world.foreign_webhook.subscription_id],
        "delivery_id": [world.webhook.id, world.foreign_webhook.id],
        "need_id": [world.need.id, world.foreign_need.id],
        "mark_id": [world.unavailable.id, world.foreign_unavailable.id],
        "proposal_id": [world.proposal.id, world.foreign_proposal.id],
    }


def _steer(values: dict[str, Any] | None) -> st.SearchStrategy[dict[str, Any] | None]:
    """Ids drawn among the world's objects' (ours and the other county's) or the generated one."""
    if not values:
        return st.just(values)
    choices = {
        name: st.sampled_from([*KNOWN[name], value])
        if name in KNOWN and isinstance(value, int)
        else st.just(value)
        for name, value in values.items()
    }
    return st.fixed_dictionaries(choices)


for _schema in (bureau_schema, school_schema):
    _schema.hook("flatmap_path_parameters")(lambda context, path_parameters: _steer(path_parameters))
    _schema.hook("flatmap_query")(lambda context, query: _steer(query))


@pytest.fixture(scope="module")
async def fuzz_world(engine: AsyncEngine) -> AsyncIterator[World]:
    """The world, committed for the module's tests (their requests roll back), emptied afterwards."""
    write_intent.set(True)
    async with AsyncSession(engine, expire_on_commit=False) as session:
        world = await build_world(session)
        await session.commit()
    KNOWN.update(_known_ids(world))
    fuzzed.app.dependency_overrides[get_session] = fuzzed.session
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("app.api.get_engine", lambda: fuzzed.engine)  # /health's connection
        yield world
    fuzzed.app.dependency_overrides.clear()
    asgi.shutdown_lifespans()  # disposes of the engine on the loop its connections belong to
    KNOWN.clear()
    write_intent.set(True)
    async with engine.begin() as conn:
        await conn.execute(update(Region).values(parent_id=None))  # regions refer to each other
        for table in reversed(Base.metadata.sorted_tables):
            await conn.execute(delete(table))


SETTINGS = hypothesis.settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),  # a module-scoped world serves every example
)


@bureau_schema.parametrize()
@SETTINGS
def test_as_bureau_admin(case: schemathesis.Case, fuzz_world: World) -> None:
    case.call_and_validate(headers=fuzz_world.headers["bureau_admin"], checks=CHECKS)


@school_schema.parametrize()
@SETTINGS
def test_as_school_admin(case: schemathesis.Case, fuzz_world: World) -> None:
    case.call_and_validate(headers=fuzz_world.headers["school_admin"], checks=CHECKS)
