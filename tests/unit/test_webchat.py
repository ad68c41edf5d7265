"""The widget's channel: message ids, acknowledgements and dropping a resent message the conversation has."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels import webchat
from lotse import settings as lotse_settings

SESSION = "a" * 32


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"id": "lq3k9x-4f8a2b1c9d"}, "lq3k9x-4f8a2b1c9d"),
        ({"id": "x"}, "x"),
        ({"id": ""}, None),
        ({"id": "a" * 65}, None),
        ({"id": "id with spaces"}, None),
        ({"id": "<script>"}, None),
        ({"id": 42}, None),
        ({}, None),
    ],
)
def test_only_a_well_formed_message_id_is_kept(data: dict[str, Any], expected: str | None) -> None:
    assert webchat.message_id(data) == expected


def test_received_ids_are_the_user_messages_ids_in_order() -> None:
    events = [
        {"event": "user", "text": "/greet", "metadata": {"message_id": "m1"}},
        {"event": "bot", "text": "Hallo", "metadata": {"message_id": "not-a-user-message"}},
        {"event": "user", "text": "kita platz", "metadata": {}},
        {"event": "user", "text": "mein sohn ist 4"},
        {"event": "user", "text": "danke", "metadata": {"message_id": "m2"}},
    ]
    assert webchat.received_ids(events) == ["m1", "m2"]


def test_the_history_shows_typed_texts_and_bot_messages_but_no_button_payloads() -> None:
    events = [
        {"event": "user", "text": "/greet"},
        {"event": "bot", "text": "Hallo!", "data": {"buttons": [{"title": "Kita", "payload": "/kita", "x": 1}]}},
        {"event": "user", "text": "Kitaplatz für meinen Sohn"},
        {"event": "bot", "text": None, "data": {"custom": {"type": "offers", "offers": []}}},
    ]
    assert webchat.history_messages(events) == [
        {"sender": "bot", "text": "Hallo!", "quick_replies": [{"title": "Kita", "payload": "/kita"}]},
        {"sender": "user", "text": "Kitaplatz für meinen Sohn"},
        {"sender": "bot", "text": None, "custom": {"type": "offers", "offers": []}},
    ]


@pytest.fixture()
def channel(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Any:
    """The channel's message handler over an in-memory tracker store; handled messages are recorded."""
    monkeypatch.setenv("LOTSE_WEBCHAT_SECRET", "test-secret")
    monkeypatch.setenv("LOTSE_VAR_DIR", str(tmp_path))
    lotse_settings.reload()
    store = InMemoryTrackerStore(Domain.empty())
    tracker = DialogueStateTracker(SESSION, slots=[])
    tracker.update(UserUttered("/greet", metadata={"message_id": "m1"}))
    tracker.update(BotUttered("Hallo!"))
    asyncio.run(store.save(tracker))
    handled: list[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        handled.append(message)

    channel = webchat.WebchatInput(allowed_origins=["http://127.0.0.1:5005"])
    channel.blueprint(on_new_message)
    channel.app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=store)))
    channel.sessions["sid-1"] = SESSION
    handler = channel.sio.handlers["/"]["user_uttered"]
    yield SimpleNamespace(send=lambda data: asyncio.run(handler("sid-1", data)), handled=handled)
    lotse_settings.reload()


def test_a_message_is_handled_with_its_id_and_acknowledged(channel: Any) -> None:
    assert channel.send({"message": "Kitaplatz für meinen Sohn (4)", "id": "m2"}) == {"id": "m2"}
    [message] = channel.handled
    assert (message.text, message.sender_id, message.metadata) == (
        "Kitaplatz für meinen Sohn (4)",
        SESSION,
        {"message_id": "m2"},
    )


def test_a_resent_message_the_conversation_has_is_acknowledged_but_not_handled_again(channel: Any) -> None:
    assert channel.send({"message": "/greet", "id": "m1", "resent": True}) == {"id": "m1", "duplicate": True}
    assert channel.handled == []


def test_a_resent_message_the_conversation_lacks_is_handled(channel: Any) -> None:
    assert channel.send({"message": "ja", "id": "m3", "resent": True}) == {"id": "m3"}
    assert [m.text for m in channel.handled] == ["ja"]


def test_a_first_send_is_handled_without_looking_at_the_conversation(channel: Any) -> None:
    # only a resent message is looked up in the tracker store: a message sent once costs no extra read
    assert channel.send({"message": "ja", "id": "m1"}) == {"id": "m1"}
    assert [m.text for m in channel.handled] == ["ja"]


def test_a_message_without_an_id_is_handled_without_metadata(channel: Any) -> None:
    assert channel.send({"message": "hallo"}) == {"id": None}
    assert channel.handled[0].metadata is None


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"message": "   ", "id": "m4"}, "empty"),
        ({"message": "x" * 1001, "id": "m4"}, "too_long"),
        ("not a dict", "empty"),
    ],
)
def test_a_refused_message_is_acknowledged_with_its_error_and_not_handled(channel: Any, data: Any, error: str) -> None:
    assert channel.send(data) == {"error": error}
    assert channel.handled == []
