"""Contact requests remember the staff chat's notice: notice_sent_at and notice_attempts.

notice_sent_at stays empty until Telegram accepted the notice, and the new code re-sends every
request whose notice_sent_at is empty. Requests stored before this revision were already handled by
the old code: their notice went out once when they were made (or Telegram was off, and the staff
works from `lotse requests list`). So existing rows get notice_sent_at = created_at and
notice_attempts 0 — otherwise the first start after the upgrade would post every old request, even
long finished ones, into the staff chat again. Rows made after the upgrade start with NULL and 0.

Revision ID: 0002_contact_notices
Revises: 0001_baseline
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_contact_notices"
down_revision: str | Sequence[str] | None = "0001_baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contact_requests") as batch:
        batch.add_column(sa.Column("notice_sent_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("notice_attempts", sa.Integer(), nullable=False, server_default="0"))
    # frozen table stub, not offers_db.models: this revision must keep meaning what it means today
    requests = sa.table(
        "contact_requests",
        sa.column("created_at", sa.DateTime()),
        sa.column("notice_sent_at", sa.DateTime()),
    )
    op.execute(requests.update().values(notice_sent_at=requests.c.created_at))


def downgrade() -> None:
    with op.batch_alter_table("contact_requests") as batch:
        batch.drop_column("notice_attempts")
        batch.drop_column("notice_sent_at")
