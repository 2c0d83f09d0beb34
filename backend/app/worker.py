"""The background worker: reminders on a schedule, webhook delivery, forgetting expired idempotency keys.
`python -m app.worker [--once]`.

In embedded mode the API process runs the same loop itself (see main.lifespan). Several workers may
run at once: reminders are deduplicated by the database, so none is written twice.
"""

import argparse
import asyncio
import logging

from app.core.config import get_settings
from app.core.db import dispose_engine, session_scope
from app.integrations.idempotency import purge_expired
from app.integrations.webhooks import BATCH, deliver_due
from app.notifications.producer import produce_reminders

logger = logging.getLogger("app.worker")


async def run_once() -> dict[str, int]:
    async with session_scope() as session:
        created = await produce_reminders(session)
        forgotten = await purge_expired(session)
    logger.info("reminders produced: %s; expired idempotency keys forgotten: %s", created, forgotten)
    return created


async def run_forever(interval_seconds: int) -> None:
    while True:
        try:
            await run_once()
        except Exception:  # a failed round is logged and retried next time; the loop must not die
            logger.exception("reminder round failed")
        await asyncio.sleep(interval_seconds)


async def deliver_webhooks_forever(interval_seconds: int) -> None:
    """Deliver due webhooks every few seconds; a busy round goes again at once."""
    while True:
        try:
            attempted = await deliver_due(session_scope)
        except Exception:
            logger.exception("webhook round failed")
            attempted = 0
        if attempted < BATCH:
            await asyncio.sleep(interval_seconds)


async def run_jobs(reminder_interval: int, webhook_interval: int) -> None:
    """Every background job of the worker, side by side."""
    jobs = [run_forever(reminder_interval)]
    if webhook_interval > 0:
        jobs.append(deliver_webhooks_forever(webhook_interval))
    await asyncio.gather(*jobs)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m app.worker", description="Reminder worker")
    parser.add_argument("--once", action="store_true", help="run one round and exit")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    async def run() -> None:
        try:
            if args.once:
                print(await run_once(), await deliver_due(session_scope))
            else:
                settings = get_settings()
                await run_jobs(max(settings.reminder_interval_seconds, 30), settings.webhook_interval_seconds)
        finally:
            await dispose_engine()

    asyncio.run(run())


if __name__ == "__main__":
    main()
