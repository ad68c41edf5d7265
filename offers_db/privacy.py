"""Deleting what is no longer needed: whole old conversations from the tracker store, finished requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, Connection, Engine

from lotse.settings import settings
from offers_db.contacts import ContactRepository

# summaries of long conversations kept by the tracker store (bot/tracker_store.py), deleted with them
CHECKPOINTS = "tracker_checkpoints"
DEFAULT_REQUEST_DAYS = 30
DEFAULT_CONVERSATION_DAYS = 90


def tracker_database_url() -> URL:
    """The conversations' database, configured as for `lotse run` (LOTSE_TRACKER_*)."""
    return settings().tracker_db.url


@dataclass(frozen=True)
class PurgeReport:
    conversations: int
    events: int
    requests: int


class Privacy:
    """Retention rules over the tracker store (Rasa's `events` table) and the contact requests."""

    def __init__(self, tracker_engine: Engine | None = None, contacts: ContactRepository | None = None) -> None:
        self.tracker = tracker_engine or create_engine(tracker_database_url(), future=True, hide_parameters=True)
        self.contacts = contacts or ContactRepository()

    def _has_events(self) -> bool:
        return inspect(self.tracker).has_table("events")

    def _delete_conversation(self, connection: Connection, sender_id: str) -> int:
        """Every event of one conversation and its checkpoint (bot/tracker_store.py); returns the events deleted."""
        if inspect(connection).has_table(CHECKPOINTS):
            connection.execute(text(f"DELETE FROM {CHECKPOINTS} WHERE sender_id = :sender"), {"sender": sender_id})  # noqa: S608 - a constant
        return int(
            connection.execute(text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender_id}).rowcount
        )

    def purge(
        self,
        request_days: int = DEFAULT_REQUEST_DAYS,
        conversation_days: int = DEFAULT_CONVERSATION_DAYS,
        now: datetime | None = None,
    ) -> PurgeReport:
        """Delete conversations whose last event is older than the limit (whole ones only) and old requests."""
        now = now or datetime.now()
        cutoff = (now - timedelta(days=conversation_days)).timestamp()
        conversations = events = 0
        if self._has_events():
            with self.tracker.begin() as connection:
                old = (
                    connection.execute(
                        text("SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"),
                        {"cutoff": cutoff},
                    )
                    .scalars()
                    .all()
                )
                for sender_id in old:
                    events += self._delete_conversation(connection, sender_id)
                conversations = len(old)
        requests = self.contacts.purge_done(request_days, now)
        return PurgeReport(conversations, events, requests)

    def erase(self, conversation_id: str) -> PurgeReport:
        """Delete one conversation and its call-back requests completely."""
        events = 0
        if self._has_events():
            with self.tracker.begin() as connection:
                events = self._delete_conversation(connection, conversation_id)
        requests = self.contacts.erase_conversation(conversation_id)
        return PurgeReport(1 if events else 0, events, requests)
