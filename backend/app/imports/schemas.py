from pydantic import BaseModel, Field

from app.imports.columns import ImportKind


class ImportIssue(BaseModel):
    row: int = Field(
        description="Row number as the spreadsheet shows it (the heading row is 1); 1 for a heading problem"
    )
    column: str | None = Field(description="The column's heading as written in the file")
    field: str | None = Field(description="The API field the column fills")
    value: str | None = Field(description="The cell as read, when it matters")
    message: str = Field(description="What is wrong, in the caller's language")


class ImportReport(BaseModel):
    kind: ImportKind
    dry_run: bool
    rows: int = Field(description="Data rows read (empty rows skipped)")
    valid_rows: int = Field(description="Rows without any error")
    created: int = Field(description="Records written: 0 on a dry run or when any row has an error")
    error_count: int
    errors: list[ImportIssue] = Field(description="Every error, up to the first 2000; see error_count")
    ignored_columns: list[str] = Field(description="Headings that match no column (their cells are not read)")
    created_ids: list[int] = Field(
        default_factory=list, description="Ids of the records written, in row order"
    )
