"""One request's cost, measured in-process: `python -m bench.inprocess list_agreements checkins …`.

Under load on this 2-core machine two runs of the same code differ by up to 25 %, which hides a change
of 10 %. In one process, without the load tool and a second worker competing for the cores, the wall
and CPU time of a request repeat to a few per cent. The requests are the benchmark's own (the request
files `bench.run.prepare` writes for wrk: the same accounts, paths and check-in bodies), sent through
the whole application (middleware, routing, dependencies, the database of DATABASE_URL) by httpx's ASGI
transport, in the benchmark server's settings. Its logs go to stderr, as the server's do: `2>/dev/null`.
For where the time goes, run it under a sampling profiler: `py-spy record -f raw -o out.txt -- python
-m bench.inprocess …` (cProfile misattributes time across awaits).
"""

import argparse
import asyncio
import gc
import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.run import app_env, prepare


async def measure(requests: dict[str, list[str]], count: int, turns: int) -> None:
    import httpx

    from app.main import create_app

    gc.collect()  # the preparing read every account: the server's process never held those objects
    app = create_app()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:

        async def send(line: str) -> None:
            method, path, token, *body = line.split(" ", 3)
            headers = {"Authorization": f"Bearer {token}"} if token != "-" else {}
            if body:
                headers["Content-Type"] = "application/json"
            answer = await client.request(method, path, headers=headers, content=body[0] if body else None)
            if answer.status_code >= 400:
                raise SystemExit(f"{method} {path}: {answer.status_code} {answer.text[:300]}")

        for name, lines_of_file in requests.items():
            lines = itertools.cycle(lines_of_file)
            for _ in range(min(count, 20)):  # warm-up: routes resolved, statements prepared, caches filled
                await send(next(lines))
            walls, cpus = [], []
            for _ in range(turns):
                wall, cpu = time.perf_counter(), time.process_time()
                for _ in range(count):
                    await send(next(lines))
                walls.append((time.perf_counter() - wall) / count * 1000)
                cpus.append((time.process_time() - cpu) / count * 1000)
            print(
                f"{name}: wall {statistics.median(walls):.2f} ms ({min(walls):.2f}-{max(walls):.2f}), "
                f"CPU {statistics.median(cpus):.2f} ms ({min(cpus):.2f}-{max(cpus):.2f}), "
                f"{turns} turns of {count}"
            )


def main(argv: Any = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+", help="request files: health, list_agreements, checkins, …")
    parser.add_argument("--count", type=int, default=200, help="requests per turn")
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--reuse", type=Path, help="the request files of an earlier run (not for check-ins)")
    args = parser.parse_args(argv)
    database_url = os.environ["DATABASE_URL"]
    workdir = args.reuse or Path(tempfile.mkdtemp(prefix="bench-inprocess-"))
    os.environ.update(app_env(database_url, workdir))
    if args.reuse:  # an earlier run's request files (tokens valid for their lifetime; its check-ins taken)
        files = {path.stem: path for path in args.reuse.glob("*.txt")}
    else:  # enough distinct check-ins for every turn, each one a new day of a rotation
        seconds = max(1, (args.count * (args.turns + 1)) // 1000 + 1)
        files = asyncio.run(prepare(database_url, workdir, seconds=seconds))
        print(f"request files in {workdir} (--reuse it to skip preparing)")
    unknown = [name for name in args.names if name not in files]
    if unknown:
        raise SystemExit(f"unknown request files {unknown}; known: {', '.join(sorted(files))}")
    requests = {name: files[name].read_text(encoding="utf-8").splitlines() for name in args.names}
    asyncio.run(measure(requests, args.count, args.turns))


if __name__ == "__main__":
    main()
