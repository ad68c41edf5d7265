"""Anonymous usage counters for the needs report (issue 13): usage_counts.

One row per day, hour of day, channel and event with a count — never a conversation id, a text or a time
finer than the hour. Events: conversation (a session started), emergency (the emergency numbers were shown),
several_needs, asked_person, no_offer, callback_requested, callback_claimed, callback_done.
A new table only: the rows of need_counts, offers and contact_requests stay as they are.

Revision ID: 0004_usage_counts
Revises: 0003_offer_status_and_source
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_usage_counts"
down_revision: str | Sequence[str] | None = "0003_offer_status_and_source"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "usage_counts",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("hour", sa.Integer(), primary_key=True),
        sa.Column("channel", sa.String(20), primary_key=True),
        sa.Column("event", sa.String(20), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("usage_counts")
