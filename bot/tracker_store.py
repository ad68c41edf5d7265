"""SQL tracker store that forgets what a parent typed into a call-back request once it is finished.

Without this, Rasa would keep the phone number or e-mail address in the conversation's events for
90 days — even when the parent said no to storing it. When action_submit_contact or
action_cancel_contact has run, every user and bot text and every contact slot value recorded while
the contact form was active is replaced by REDACTED. What was agreed to lives on only in
contact_requests.

Rasa builds the store's engine without `pool_pre_ping`: after a PostgreSQL restart every pooled
connection is dead and the first message on each of them fails. The engine is therefore rebuilt with
the same URL and Rasa's own pool settings plus `pool_pre_ping` (a dead connection is replaced before
use) and `hide_parameters` (no parent's text in an SQL error in the log).
"""

from __future__ import annotations

import json
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

CONTACT_FORM = "contact_form"
FINISHING_ACTIONS = {"action_submit_contact", "action_cancel_contact"}
CONTACT_SLOTS = {"contact_value", "contact_name", "contact_time", "contact_note"}
REDACTED = "[entfernt]"


def redact(events: list[dict[str, Any]]) -> list[int]:
    """Redact in place what was typed inside the contact form; returns the indexes that changed."""
    changed = []
    inside = False
    for index, event in enumerate(events):
        kind = event.get("event")
        if kind == "active_loop":
            inside = event.get("name") == CONTACT_FORM
        if kind == "slot" and event.get("name") in CONTACT_SLOTS and event.get("value") not in (None, REDACTED):
            event["value"] = REDACTED
            changed.append(index)
        elif inside and kind in ("user", "bot") and event.get("text") not in (None, REDACTED):
            event["text"] = REDACTED
            if kind == "user":
                event["parse_data"] = {**event.get("parse_data", {}), "text": REDACTED, "entities": []}
            changed.append(index)
    return changed


class RedactingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore plus the redaction above; configured in the endpoints file that bot/endpoints.py writes."""

    engine: Engine

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # connects (waiting for the database) and creates the tables
        url = self.engine.url
        self.engine.dispose()
        self.engine = create_engine(url, **create_engine_kwargs(url), pool_pre_ping=True, hide_parameters=True)
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            self.Base.metadata.create_all(self.engine)  # a new in-memory database starts empty
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        recent = list(tracker.events)[-10:]
        if any(getattr(e, "action_name", None) in FINISHING_ACTIONS for e in recent):
            self.redact_conversation(tracker.sender_id)

    def redact_conversation(self, sender_id: str) -> None:
        with self.session_scope() as session:
            statement = select(self.SQLEvent).where(self.SQLEvent.sender_id == sender_id).order_by(self.SQLEvent.id)
            rows = session.execute(statement).scalars().all()
            events = [json.loads(row.data) for row in rows]
            for index in redact(events):
                rows[index].data = json.dumps(events[index])
            session.commit()
