"""Baseline: our tables exactly as metadata.create_all made them before Alembic.

That is offers_db/models.py as of 799f248~1 (contact_requests without the notice columns), with the
index names create_all gave them (ix_<table>_<column>). Databases made by that code have no
alembic_version table; offers_db.migrate stamps them with this revision and upgrades from here.
Written by hand and frozen: never change it, add a revision instead.

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_baseline"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "offers",
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("organization", sa.String(200), nullable=False),
        sa.Column("audience", sa.String(10), nullable=False),
        sa.Column("min_age", sa.Float(), nullable=True),
        sa.Column("max_age", sa.Float(), nullable=True),
        sa.Column("district", sa.String(100), nullable=True),
        sa.Column("languages", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_offers_audience", "offers", ["audience"])

    op.create_table(
        "need_counts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("need", sa.String(40), nullable=False),
        sa.Column("age_group", sa.String(12), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "need", "age_group", "channel", "outcome"),
    )

    op.create_table(
        "contact_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(128), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("name", sa.String(100), nullable=True),
        sa.Column("best_time", sa.String(100), nullable=True),
        sa.Column("topic", sa.String(40), nullable=True),
        sa.Column("age_group", sa.String(12), nullable=True),
        sa.Column("note", sa.String(300), nullable=True),
        sa.Column("claimed_by", sa.String(100), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contact_requests_status", "contact_requests", ["status"])
    op.create_index("ix_contact_requests_conversation_id", "contact_requests", ["conversation_id"])

    op.create_table(
        "offer_categories",
        sa.Column("offer_id", sa.String(80), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["offer_id"], ["offers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("offer_id", "category"),
    )
    op.create_index("ix_offer_categories_category", "offer_categories", ["category"])


def downgrade() -> None:
    op.drop_index("ix_offer_categories_category", table_name="offer_categories")
    op.drop_table("offer_categories")
    op.drop_index("ix_contact_requests_conversation_id", table_name="contact_requests")
    op.drop_index("ix_contact_requests_status", table_name="contact_requests")
    op.drop_table("contact_requests")
    op.drop_table("need_counts")
    op.drop_index("ix_offers_audience", table_name="offers")
    op.drop_table("offers")
