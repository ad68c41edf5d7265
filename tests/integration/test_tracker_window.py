"""Long conversations are read as checkpoint + recent events: same state as reading everything, nothing lost.

Checks the tracker store against Rasa's own full replay of the same stored events, turn by turn.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import REDACTED, WINDOW_KEEP, WINDOW_MAX, RedactingSQLTrackerStore
from lotse.settings import PROJECT_ROOT
from offers_db.privacy import Privacy

TURNS = 120


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


@pytest.fixture
def store(domain: Domain, tmp_path: Path) -> RedactingSQLTrackerStore:
    return RedactingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.sqlite3"))


def turn(index: int) -> list:
    """One family turn: listen, a message, some slots, the bot's answer; a form now and then."""
    events: list = [
        ActionExecuted("action_listen"),
        UserUttered(f"Nachricht {index}", {"name": "need_kinderbetreuung", "confidence": 0.9}),
    ]
    if index == 1:
        events.append(SlotSet("child_age", 4.0))
    events.append(SlotSet("need", ["kinderbetreuung", "lernfoerderung", "wohnen"][index % 3]))
    if index % 25 == 10:
        events += [ActiveLoop("lotse_form"), SlotSet("requested_slot", "child_age")]
    elif index % 25 == 11:
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    events += [ActionExecuted("action_show_offers"), BotUttered(f"Antwort {index}")]
    return events


async def converse(store: RedactingSQLTrackerStore, domain: Domain, sender: str, turns: int) -> list[int]:
    """Runs `turns` turns the way Rasa does (retrieve, append, save); returns the events read per turn."""
    read = []
    for index in range(turns):
        tracker = await store.retrieve(sender) or DialogueStateTracker(sender, domain.slots)
        read.append(len(tracker.events))
        for event in turn(index):
            tracker.update(event)
        await store.save(tracker)
    return read


def full_replay(store: RedactingSQLTrackerStore, domain: Domain, sender: str) -> DialogueStateTracker:
    tracker = asyncio.run(store.retrieve_full_tracker(sender))
    assert tracker is not None
    return tracker


def test_long_conversation_is_read_in_bounded_size_with_the_same_state(
    store: RedactingSQLTrackerStore, domain: Domain
) -> None:
    read = asyncio.run(converse(store, domain, "familie", TURNS))
    assert max(read) <= WINDOW_MAX + 20  # the checkpoint's few events + at most one turn over the limit
    assert read[-1] < read[WINDOW_MAX // 8] * 3  # no longer grows with the conversation
    windowed = asyncio.run(store.retrieve("familie"))
    everything = full_replay(store, domain, "familie")
    assert windowed is not None
    assert windowed.current_slot_values() == everything.current_slot_values()
    assert windowed.current_slot_values()["child_age"] == 4.0  # said in the second message, 118 turns ago
    assert windowed.active_loop_name == everything.active_loop_name
    assert [e.text for e in windowed.events if isinstance(e, UserUttered)][-5:] == [
        f"Nachricht {i}" for i in range(TURNS - 5, TURNS)
    ]
    assert len([e for e in windowed.events if isinstance(e, UserUttered)]) >= WINDOW_KEEP // 8


def test_every_event_is_stored_exactly_once(store: RedactingSQLTrackerStore, domain: Domain, tmp_path: Path) -> None:
    asyncio.run(converse(store, domain, "familie", TURNS))
    with sqlite3.connect(tmp_path / "tracker.sqlite3") as db:
        stored = [json.loads(d) for (d,) in db.execute("SELECT data FROM events WHERE sender_id='familie' ORDER BY id")]
        assert db.execute("SELECT count(*) FROM tracker_checkpoints").fetchone()[0] == 1
    expected = [e.as_dict() for index in range(TURNS) for e in turn(index)]
    assert [e["event"] for e in stored] == [e["event"] for e in expected]
    assert [e.get("text") for e in stored if e["event"] == "user"] == [f"Nachricht {i}" for i in range(TURNS)]


def test_an_active_form_survives_a_checkpoint(store: RedactingSQLTrackerStore, domain: Domain) -> None:
    for stop_after in (11, 12):  # the form is active after turn 10 (index 10) and closed in index 11
        sender = f"form-{stop_after}"
        asyncio.run(converse(store, domain, sender, 25 * 4 + stop_after))
        windowed = asyncio.run(store.retrieve(sender))
        assert windowed is not None
        assert windowed.active_loop_name == full_replay(store, domain, sender).active_loop_name


def test_checkpoints_are_redacted_and_erased_with_the_conversation(
    store: RedactingSQLTrackerStore, domain: Domain, tmp_path: Path
) -> None:
    async def with_contact() -> None:
        tracker = DialogueStateTracker("kontakt", domain.slots)
        tracker.update(SlotSet("contact_value", "0151 23456789"))
        await store.save(tracker)
        await converse(store, domain, "kontakt", TURNS)

    asyncio.run(with_contact())
    database = tmp_path / "tracker.sqlite3"
    with sqlite3.connect(database) as db:
        assert "0151" in db.execute("SELECT events FROM tracker_checkpoints").fetchone()[0]
    store.redact_conversation("kontakt")
    with sqlite3.connect(database) as db:
        carried = db.execute("SELECT events FROM tracker_checkpoints").fetchone()[0]
    assert "0151" not in carried and REDACTED in carried
    report = Privacy(tracker_engine=store.engine).erase("kontakt")
    assert report.events > 0
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM tracker_checkpoints").fetchone()[0] == 0


def test_a_new_session_does_not_use_the_old_sessions_checkpoint(
    store: RedactingSQLTrackerStore, domain: Domain
) -> None:
    asyncio.run(converse(store, domain, "zwei-sitzungen", TURNS))

    async def new_session() -> DialogueStateTracker | None:
        tracker = await store.retrieve("zwei-sitzungen")
        assert tracker is not None
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)
        return await store.retrieve("zwei-sitzungen")

    fresh = asyncio.run(new_session())
    assert fresh is not None
    assert fresh.current_slot_values()["child_age"] is None  # sessions here do not carry slots over
    assert len(fresh.events) <= 3
