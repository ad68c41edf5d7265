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

Rasa rebuilds a conversation from all its events on every message, so each message got slower the
longer the conversation was (p50 ×4.7 from message 10 to 200, bench/growth_bench.py). Here a long
conversation is read as a checkpoint plus its recent events: when more than WINDOW_MAX events follow
the checkpoint, a new one is written at the start of a turn at least WINDOW_KEEP events back. A
checkpoint holds what those earlier events left behind — the slot values and an active form —
written as a session start (ActionExecuted(action_session_start), SessionStarted, SlotSet…, ActiveLoop),
which is exactly how Rasa itself begins a session that carries slots over. Every event stays in the
`events` table as before (nothing is rewritten, counted twice or lost); checkpoints live in their own
table `tracker_checkpoints`, are redacted with the events and deleted with the conversation.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator
from functools import cache
from typing import Any

import sqlalchemy.event
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SessionStarted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from actions.contact import PERSONAL_SLOTS
from offers_db.contacts import valid_contact
from offers_db.privacy import CHECKPOINTS  # privacy deletes checkpoints with their conversation
from offers_db.repository import OfferRepository

CONTACT_FORM = "contact_form"
FINISHING_ACTIONS = {"action_submit_contact", "action_cancel_contact"}
REDACTED = "[entfernt]"
EMERGENCY_RESPONSE = "utter_emergency"  # answered by rules, no custom action: counted here when stored
logger = logging.getLogger(__name__)

# a conversation is read as its checkpoint plus at most WINDOW_MAX events; a new checkpoint keeps
# at least WINDOW_KEEP recent events (6–8 turns: more than any rule or the memoization looks back)
WINDOW_MAX = 160
WINDOW_KEEP = 60
# set on every tracker this store returns: how many of its events are stored, and their ids
STORED = "_lotse_stored"
EVENT_IDS = "_lotse_event_ids"

checkpoint_metadata = MetaData()
checkpoints = Table(
    CHECKPOINTS,
    checkpoint_metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("event_id", Integer, nullable=False),  # the first stored event that is NOT summarised
    Column("events", Text, nullable=False),  # JSON list of events that restore the state before it
)


def _sqlite_write_ahead(dbapi_connection: Any, _record: Any) -> None:
    """Embedded default: write-ahead log, synced at checkpoints rather than on every commit.

    A commit per message cost 7 ms of fsync (bench/growth_bench.py profile); with WAL and
    synchronous=NORMAL the file cannot be corrupted, and a power cut (not a crash of the bot) can
    lose at most the last messages. PostgreSQL, the production store, is not affected.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def checkpoint_events(tracker: DialogueStateTracker, timestamp: float | None = None) -> list[Event]:
    """What `tracker` left behind, as the events of a session start that carries it over.

    `timestamp`: when the summarised events ended, so the events stay in time order.
    """
    carried: list[Event] = [
        ActionExecuted(ACTION_SESSION_START_NAME, timestamp=timestamp),
        SessionStarted(timestamp=timestamp),
    ]
    for name, slot in tracker.slots.items():
        if slot.value != slot.initial_value:
            carried.append(SlotSet(name, slot.value, timestamp=timestamp))
    if tracker.active_loop_name:
        carried.append(ActiveLoop(tracker.active_loop_name, timestamp=timestamp))
    return carried


def turn_start(events: list[Event], keep: int) -> int | None:
    """Index of the latest `action_listen` that leaves at least `keep` events after it (a turn's start)."""
    for index in range(len(events) - keep, 0, -1):
        event = events[index]
        if isinstance(event, ActionExecuted) and event.action_name == ACTION_LISTEN_NAME:
            return index
    return None


def _redact_text(event: dict[str, Any]) -> None:
    event["text"] = REDACTED
    if event.get("event") == "user":
        event["parse_data"] = {**event.get("parse_data", {}), "text": REDACTED, "entities": []}


def redact(events: list[dict[str, Any]]) -> list[int]:
    """Redact in place what was typed inside the contact form, and the message that started the form when
    it carried a phone number or address ("Rückruf bitte, 0151 …", the form takes it from there);
    returns the indexes that changed."""
    changed: list[int] = []
    inside = False
    last_user: int | None = None
    for index, event in enumerate(events):
        kind = event.get("event")
        if kind == "active_loop":
            inside = event.get("name") == CONTACT_FORM
            if inside and last_user is not None:
                starter = events[last_user]
                if starter.get("text") not in (None, REDACTED) and valid_contact(str(starter["text"])):
                    _redact_text(starter)
                    changed.append(last_user)
        if kind == "user":
            last_user = index
        if kind == "slot" and event.get("name") in PERSONAL_SLOTS and event.get("value") not in (None, REDACTED):
            event["value"] = REDACTED
            changed.append(index)
        elif inside and kind in ("user", "bot") and event.get("text") not in (None, REDACTED):
            _redact_text(event)
            changed.append(index)
    return sorted(changed)


def usage_events(events: list[Event]) -> list[str]:
    """The anonymous usage events (offers_db.usage) in newly stored events: sessions and emergency answers."""
    found: list[str] = []
    for event in events:
        if isinstance(event, SessionStarted):
            found.append("conversation")
        elif isinstance(event, ActionExecuted) and event.action_name == EMERGENCY_RESPONSE:
            found.append("emergency")
    return found


def count_usage(events: list[Event], channel: str) -> None:
    """Count sessions and shown emergency numbers for the needs report; a failure never stops the chat."""
    names = usage_events(events)
    if not names:
        return
    try:
        repository = _usage_repository()
        for name in names:
            repository.record_usage(name, channel)
    except Exception:  # the counters are statistics: the conversation goes on without them
        logger.warning("Nutzungszähler nicht gespeichert", exc_info=True)


@cache
def _usage_repository() -> OfferRepository:
    return OfferRepository()


class RedactingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore plus the redaction above; configured in the endpoints file that bot/endpoints.py writes."""

    engine: Engine

    def __init__(self, *args: Any, usage_counters: bool = False, **kwargs: Any) -> None:
        # usage_counters (set in the endpoints file that bot/endpoints.py writes): count sessions and shown
        # emergency numbers in the offers database for the needs report; off for stores that tests build
        self.usage_counters = usage_counters
        super().__init__(*args, **kwargs)  # connects (waiting for the database) and creates the tables
        url = self.engine.url
        self.engine.dispose()
        kwargs = create_engine_kwargs(url)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            # SQLAlchemy 1.4 opens and closes a file database's connection for every session (NullPool): with the
            # pragmas below that was ~5 % of the server's time per message; a pool keeps them open
            kwargs.update(poolclass=QueuePool, connect_args={"check_same_thread": False})
        self.engine = create_engine(url, **kwargs, pool_pre_ping=True, hide_parameters=True)
        if url.get_backend_name() == "sqlite":
            sqlalchemy.event.listen(self.engine, "connect", _sqlite_write_ahead)
            if url.database in (None, "", ":memory:"):
                self.Base.metadata.create_all(self.engine)  # a new in-memory database starts empty
        self.sessionmaker = sessionmaker(bind=self.engine)
        checkpoint_metadata.create_all(self.engine)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        """The latest session as checkpoint + recent events (all events with fetch_events_from_all_sessions)."""
        if fetch_events_from_all_sessions or self.domain is None:
            return await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        with self.session_scope() as session:
            latest_session = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).subquery()
            first_id = session.execute(select(func.min(latest_session.c.id))).scalar()
            if first_id is None:
                return None
            row = session.execute(select(checkpoints).where(checkpoints.c.sender_id == sender_id)).first()
            # a checkpoint from an earlier session does not apply (that session has ended)
            start, prefix = (
                (row.event_id, json.loads(row.events)) if row and row.event_id > first_id else (first_id, [])
            )
            rows = session.execute(
                select(latest_session.c.id, latest_session.c.data)
                .where(latest_session.c.id >= start)
                .order_by(latest_session.c.id)
            ).all()
        tracker = DialogueStateTracker.from_dict(
            sender_id, prefix + [json.loads(r.data) for r in rows], self.domain.slots
        )
        setattr(tracker, STORED, len(tracker.events))
        setattr(tracker, EVENT_IDS, [None] * len(prefix) + [r.id for r in rows])
        return tracker

    def _additional_events(self, session: Session, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The events not stored yet: known exactly for trackers this store returned, else counted (Rasa)."""
        stored = getattr(tracker, STORED, None)
        if stored is None:
            new = list(super()._additional_events(session, tracker))
        else:
            new = list(itertools.islice(tracker.events, stored, len(tracker.events)))
        if self.usage_counters:
            count_usage(new, str(tracker.get_latest_input_channel() or "unbekannt"))
        return iter(new)

    async def save(self, tracker: DialogueStateTracker) -> None:
        stored = getattr(tracker, STORED, None)
        await super().save(tracker)
        if stored is not None:
            self._after_save(tracker)
        recent = list(tracker.events)[-10:]
        if any(getattr(e, "action_name", None) in FINISHING_ACTIONS for e in recent):
            self.redact_conversation(tracker.sender_id)

    def _after_save(self, tracker: DialogueStateTracker) -> None:
        """Remember what is stored now; write a new checkpoint when the window has grown past WINDOW_MAX."""
        events = list(tracker.events)
        setattr(tracker, STORED, len(events))
        ids: list[int | None] = getattr(tracker, EVENT_IDS)
        prefix = sum(1 for i in ids if i is None)
        if len(events) - prefix <= WINDOW_MAX or self.domain is None:
            return
        index = turn_start(events, WINDOW_KEEP)
        if index is None or index < prefix:
            return
        with self.session_scope() as session:
            if len(ids) < len(events):  # the ids of the events stored since retrieval, oldest first
                newest = session.execute(
                    select(self.SQLEvent.id)
                    .where(self.SQLEvent.sender_id == tracker.sender_id)
                    .order_by(self.SQLEvent.id.desc())
                    .limit(len(events) - len(ids))
                ).scalars()
                ids = ids + sorted(newest)
                setattr(tracker, EVENT_IDS, ids)
            before = DialogueStateTracker.from_events(tracker.sender_id, events[:index], self.domain.slots)
            carried = checkpoint_events(before, timestamp=events[index - 1].timestamp)
            session.execute(delete(checkpoints).where(checkpoints.c.sender_id == tracker.sender_id))
            session.execute(
                insert(checkpoints).values(
                    sender_id=tracker.sender_id, event_id=ids[index], events=json.dumps([e.as_dict() for e in carried])
                )
            )
            session.commit()

    def redact_conversation(self, sender_id: str) -> None:
        with self.session_scope() as session:
            statement = select(self.SQLEvent).where(self.SQLEvent.sender_id == sender_id).order_by(self.SQLEvent.id)
            rows = session.execute(statement).scalars().all()
            events = [json.loads(row.data) for row in rows]
            for index in redact(events):
                rows[index].data = json.dumps(events[index])
            row = session.execute(select(checkpoints).where(checkpoints.c.sender_id == sender_id)).first()
            if row is not None:
                carried = json.loads(row.events)
                if redact(carried):
                    session.execute(
                        checkpoints.update()
                        .where(checkpoints.c.sender_id == sender_id)
                        .values(events=json.dumps(carried))
                    )
            session.commit()
