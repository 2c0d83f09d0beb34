"""The benchmark's yardstick: a bare FastAPI endpoint returning a small JSON object, served with the same
uvicorn settings as the application, so every figure can be read as a share of what FastAPI itself does."""

from fastapi import FastAPI

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@app.get("/ping")
async def ping() -> dict[str, str]:
    return {"status": "ok", "service": "baseline"}
