"""Offers get `status` (replacing the boolean `active`), an `alert`, who reviewed them and their source.

Issue 12: every offer says where its facts come from — a person who confirmed them (last_reviewed,
reviewed_by) or a public page read on a date (source_url, source_title, source_read) — and a status
active | temporarily_closed | ended with an optional alert for the card.

Existing rows keep their meaning: active = true becomes status 'active', active = false becomes 'ended'
(never shown, as before). The other new columns stay empty until the next `lotse offers sync`, which
reports those offers as changed (their stored JSON has no status yet) and fills them in.
Downgrade turns every status but 'ended' back into active = true.

Plain ALTER TABLE ADD/DROP COLUMN, no batch (table copy): on SQLite a copy drops the old `offers` table,
and with foreign keys on, that deletes every offer_categories row (ON DELETE CASCADE). SQLite has
DROP COLUMN since 3.35 (2021).

Revision ID: 0003_offer_status_and_source
Revises: 0002_contact_notices
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_offer_status_and_source"
down_revision: str | Sequence[str] | None = "0002_contact_notices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


NEW_COLUMNS = (
    ("alert", sa.String(200)),
    ("last_reviewed", sa.Date()),
    ("reviewed_by", sa.String(200)),
    ("source_url", sa.String(300)),
    ("source_title", sa.String(100)),
    ("source_read", sa.Date()),
)


def upgrade() -> None:
    op.add_column("offers", sa.Column("status", sa.String(20), nullable=False, server_default="active"))
    for name, type_ in NEW_COLUMNS:
        op.add_column("offers", sa.Column(name, type_, nullable=True))
    # frozen table stub, not offers_db.models: this revision must keep meaning what it means today
    offers = sa.table("offers", sa.column("active", sa.Boolean()), sa.column("status", sa.String(20)))
    op.execute(offers.update().where(offers.c.active.is_(False)).values(status="ended"))
    op.drop_column("offers", "active")


def downgrade() -> None:
    op.add_column("offers", sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))
    offers = sa.table("offers", sa.column("active", sa.Boolean()), sa.column("status", sa.String(20)))
    op.execute(offers.update().where(offers.c.status == "ended").values(active=False))
    if op.get_bind().dialect.name != "sqlite":  # SQLite cannot drop a default without copying the table
        op.alter_column("offers", "active", server_default=None)
    for name, _ in reversed(NEW_COLUMNS):
        op.drop_column("offers", name)
    op.drop_column("offers", "status")
