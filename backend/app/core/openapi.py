"""The OpenAPI document as the API answers: every error is problem+json with the `Problem` schema.

FastAPI documents a route's extra responses under the route's own media type (application/json) and
adds a 422 of its own shape (`HTTPValidationError`) to routes with parameters; the error handlers
(app/core/errors.py) answer every error as application/problem+json instead. The document is fixed up
once, when first built, so clients and `make openapi`'s generated types see what is really sent.
"""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from app.core.errors import PROBLEM_JSON
from app.core.schemas import Problem

PROBLEM_SCHEMA = {"$ref": "#/components/schemas/Problem"}
FASTAPI_VALIDATION = {"$ref": "#/components/schemas/HTTPValidationError"}


def _problem_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_JSON: {"schema": PROBLEM_SCHEMA}}}


def _is_problem(response: dict[str, Any]) -> bool:
    content = response.get("content") or {}
    if PROBLEM_JSON in content:  # problem_responses(...)
        return True
    return content.get("application/json", {}).get("schema") == FASTAPI_VALIDATION  # FastAPI's own 422


def _malformable(operation: dict[str, Any]) -> bool:
    """Whether a request can be malformed beyond validation: a body that is no JSON or form at all
    (not UTF-8, a broken multipart), or an If-Match that is no version."""
    if "requestBody" in operation:
        return True
    parameters = operation.get("parameters", [])
    return any(p.get("in") == "header" and p.get("name") == "If-Match" for p in parameters)


def fix_problems(document: dict[str, Any]) -> dict[str, Any]:
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for response in responses.values():
                if _is_problem(response):
                    response["content"] = {PROBLEM_JSON: {"schema": PROBLEM_SCHEMA}}
            if _malformable(operation) and "400" not in responses:
                responses["400"] = _problem_response("Bad Request")
                operation["responses"] = dict(sorted(responses.items()))
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Problem", Problem.model_json_schema())
    for name in ("HTTPValidationError", "ValidationError"):  # no answer has FastAPI's shape
        schemas.pop(name, None)
    return document


def document_problems(app: FastAPI) -> None:
    """Make `app.openapi()` (and /api/v1/openapi.json) return the fixed document."""
    generate: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = fix_problems(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
