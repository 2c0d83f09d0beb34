"""every table announces its changes (NOTIFY table_changes, after commit): the answer cache's signal

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 14:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# PostgreSQL only (SQLite has no notifications; there the answer cache stays off). A statement-level
# trigger: one notification per statement, and the database folds a transaction's identical ones into
# one, delivered when it commits (never for a rollback). A table added later needs its own trigger
# (app.core.changes reads which tables have it; a test checks that all of them do, but these).
# Not announced: the tables written on every tap and log-in (check-ins, work logs, and what each write
# leaves behind: audit, outbox, deliveries, idempotency records, sessions, notifications). Reading one of
# them makes an answer one the cache does not keep, and their writes cost no notification.
UNANNOUNCED = (
    'alembic_version', 'checkin', 'work_log', 'audit_event', 'outbox_event', 'webhook_delivery',
    'webhook_attempt', 'idempotency_record', 'login_attempt', 'refresh_token', 'notification',
)
FUNCTION = """
CREATE FUNCTION notify_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('table_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$
"""
ON_EVERY_TABLE = """
DO $$
DECLARE name text;
BEGIN
    FOR name IN SELECT tablename FROM pg_tables
                WHERE schemaname = current_schema() AND tablename <> ALL ({unannounced}) LOOP
        EXECUTE format('CREATE TRIGGER notify_table_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
                       'ON %I FOR EACH STATEMENT EXECUTE FUNCTION notify_table_change()', name);
    END LOOP;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(ON_EVERY_TABLE.format(unannounced="ARRAY['" + "', '".join(UNANNOUNCED) + "']"))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION notify_table_change() CASCADE")  # and the triggers that call it
