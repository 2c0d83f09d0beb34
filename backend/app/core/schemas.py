"""Shared API schema pieces."""

from typing import Annotated, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

ItemT = TypeVar("ItemT")
# An account's e-mail address, as long as its column holds (e-mail allows 254 characters).
Email = Annotated[EmailStr, Field(max_length=120)]


class Page(BaseModel, Generic[ItemT]):
    items: list[ItemT]
    total: int
    limit: int
    offset: int


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Problem(BaseModel):
    """RFC 9457 problem details, as every error answers."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[dict[str, object]] | None = None


def problem_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI `responses` entries documenting problem+json answers."""
    return {s: {"model": Problem, "content": {"application/problem+json": {}}} for s in statuses}


class PatchModel(BaseModel):
    """A PATCH body: every field optional, but `null` only where the field is nullable."""

    model_config = ConfigDict(extra="forbid")
    nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _no_null_for_required(self) -> "PatchModel":
        for name in self.model_fields_set:
            if getattr(self, name) is None and name not in self.nullable:
                raise ValueError(f"{name} may not be null")
        return self
