"""Applying a partial update (PATCH) body to a model object."""

from typing import Any

from pydantic import BaseModel


def changed_fields(obj: Any, patch: BaseModel, *, exclude: set[str] | None = None) -> dict[str, Any]:
    """The fields the client actually sent whose value differs from the stored one."""
    sent = patch.model_dump(exclude_unset=True, exclude=exclude or set())
    return {k: v for k, v in sent.items() if getattr(obj, k) != v}


def apply(obj: Any, changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        setattr(obj, key, value)
