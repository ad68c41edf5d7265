"""Anonymous usage counters (table usage_counts): day, hour of day, channel, event — counts only.

Nothing here takes a conversation id or a text; times are cut to the hour before they are stored.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

from offers_db.models import usage_counts

EVENTS = (
    "conversation",  # a conversation (Rasa session) started
    "emergency",  # the emergency numbers were shown
    "several_needs",  # the family asked for more than one need (other need or a sibling)
    "asked_person",  # asked for a person: the Familienzentrum's contact or a call-back
    "no_offer",  # a search found no fitting offer
    "callback_requested",  # a call-back request was stored (with consent)
    "callback_claimed",  # staff took the request
    "callback_done",  # staff finished it
)


def record_usage(engine: Engine, event: str, channel: str, when: datetime | None = None, count: int = 1) -> None:
    """Count `event` once (or `count` times) for the hour of `when` (default: now) and `channel`."""
    with Session(engine, future=True) as session, session.begin():
        session.execute(usage_statement(engine.dialect.name, event, channel, when, count))


def usage_statement(
    dialect_name: str, event: str, channel: str, when: datetime | None = None, count: int = 1
) -> Executable:
    """The upsert that counts `event`; for callers that count inside their own transaction."""
    if event not in EVENTS:
        raise ValueError(f"unbekanntes Ereignis: {event}")
    when = when or datetime.now()
    values = {"day": when.date(), "hour": when.hour, "channel": channel[:20], "event": event, "count": count}
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(usage_counts).values(**values)
    return statement.on_conflict_do_update(
        index_elements=["day", "hour", "channel", "event"],
        set_={"count": usage_counts.c.count + count},
    )
