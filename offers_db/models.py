"""Database tables: offers (with their categories), anonymous need counters."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

offers = Table(
    "offers",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("title", String(120), nullable=False),
    Column("organization", String(200), nullable=False),
    Column("audience", String(10), nullable=False, index=True),
    Column("min_age", Float),
    Column("max_age", Float),
    Column("district", String(100)),
    Column("languages", String(200), nullable=False),
    # active | temporarily_closed | ended (replaced the boolean `active` in 0003); ended offers are never shown
    Column("status", String(20), nullable=False, server_default="active"),
    Column("alert", String(200)),
    Column("valid_from", Date),
    Column("valid_until", Date),
    # where the facts come from: a person who confirmed them, or a public page read on a date
    Column("last_reviewed", Date),
    Column("reviewed_by", String(200)),
    Column("source_url", String(300)),
    Column("source_title", String(100)),
    Column("source_read", Date),
    Column("search_text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("data", Text, nullable=False),
)

offer_categories = Table(
    "offer_categories",
    metadata,
    Column("offer_id", String(80), ForeignKey("offers.id", ondelete="CASCADE"), primary_key=True),
    Column("category", String(40), primary_key=True, index=True),
)

# One row per day, need, age group, channel and outcome: counts only, never text or ids.
need_counts = Table(
    "need_counts",
    metadata,
    Column("day", Date, primary_key=True),
    Column("need", String(40), primary_key=True),
    Column("age_group", String(12), primary_key=True),
    Column("channel", String(20), primary_key=True),
    Column("outcome", String(10), primary_key=True),
    Column("count", Integer, nullable=False),
)

# One row per day, hour of day, channel and event (issue 13): counts only, never text, ids or minutes.
usage_counts = Table(
    "usage_counts",
    metadata,
    Column("day", Date, primary_key=True),
    Column("hour", Integer, primary_key=True),
    Column("channel", String(20), primary_key=True),
    Column("event", String(20), primary_key=True),
    Column("count", Integer, nullable=False),
)

# Call-back requests: only what the parent entered after explicit consent, deleted by `lotse privacy purge`.
contact_requests = Table(
    "contact_requests",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(128), nullable=False, index=True),
    Column("channel", String(20), nullable=False),
    Column("status", String(10), nullable=False, index=True),  # new, claimed, done
    Column("contact", String(200), nullable=False),  # phone number or e-mail address
    Column("name", String(100)),
    Column("best_time", String(100)),
    Column("topic", String(40)),
    Column("age_group", String(12)),
    Column("note", String(300)),
    Column("claimed_by", String(100)),
    Column("created_at", DateTime, nullable=False),
    Column("claimed_at", DateTime),
    Column("done_at", DateTime),
    # the staff chat's notice: sent_at stays empty until Telegram accepted it; unsent notices are re-sent
    Column("notice_sent_at", DateTime),
    Column("notice_attempts", Integer, nullable=False, server_default="0"),
)
