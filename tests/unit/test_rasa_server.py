"""The faster action-result validation accepts and refuses exactly what Rasa's own does; action calls carry a
slim domain."""

from __future__ import annotations

import asyncio
import gc
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import bot.rasa_server
from actions.common import ACTION_RESPONSES, response_text
from bot.languages import build_domain
from bot.rasa_server import (
    _original_resolve_by_type,
    action_call_format,
    freeze_after_loading,
    resolve_event_type,
    typed_button,
    validate_action_result,
)
from lotse.languages import language_packs

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "need", "value": "wohnen"}], "responses": [{"response": "utter_offers"}]},
]
INVALID = [
    {"events": [{"name": "no event type"}], "responses": []},
    {"events": "not a list", "responses": []},
]


@pytest.mark.parametrize("result", VALID)
def test_valid_results_pass_both(result: dict) -> None:
    action = RemoteAction("action_x", None)
    assert RemoteAction._validate_action_result(action, result) is True
    assert validate_action_result(action, result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_results_fail_both_with_the_same_message(result: dict) -> None:
    action = RemoteAction("action_x", None)
    with pytest.raises(ValidationError) as original:
        RemoteAction._validate_action_result(action, result)
    with pytest.raises(ValidationError) as ours:
        validate_action_result(action, result)
    assert str(ours.value.message) == str(original.value.message)


def event_samples() -> list[dict]:
    """One stored form of many Rasa events, as action servers send them."""
    from datetime import datetime

    from rasa.shared.core import events as e

    return [
        event.as_dict()
        for event in (
            e.SlotSet("need", "wohnen"),
            e.SlotSet("child_ages", [3.0, 5.0]),
            e.ActionExecuted("action_show_offers"),
            e.UserUttered("hallo", {"name": "greet", "confidence": 0.9}, [{"entity": "x", "value": 1}]),
            e.BotUttered("Hallo!", {"buttons": []}),
            e.ActiveLoop("lotse_form"),
            e.ActiveLoop(None),
            e.FollowupAction("action_listen"),
            e.Restarted(),
            e.AllSlotsReset(),
            e.ReminderScheduled("remind", datetime(2026, 1, 1)),
            e.ReminderCancelled(name="remind"),
            e.ActionReverted(),
            e.UserUtteranceReverted(),
            e.ConversationPaused(),
            e.ConversationResumed(),
            e.SessionStarted(),
            e.LoopInterrupted(True),
            e.ActionExecutionRejected("action_x"),
            e.EntitiesAdded([{"entity": "x", "value": 1}]),
            e.AgentUttered("text"),
            e.StoryExported(),
        )
    ]


def broken_variants(event: dict) -> list[dict]:
    """The same event with each field set to values of the wrong kind, and without each field."""
    variants = [{k: v for k, v in event.items() if k != key} for key in event]
    for key in event:
        for wrong in (None, 5, "text", [], {}, True):
            variants.append({**event, key: wrong})
    return variants


def test_the_event_by_event_check_decides_as_the_whole_schema() -> None:
    """Valid and broken responses with every kind of event: the fast check agrees with the full validation."""
    from bot.rasa_server import action_result_validator, is_valid_result

    full = action_result_validator()
    results = [{"events": [event], "responses": []} for event in event_samples()]
    results += [{"events": [v], "responses": []} for event in event_samples() for v in broken_variants(event)]
    results += [
        {"events": event_samples(), "responses": [{"response": "utter_offers"}]},
        {"events": [{"event": "no_such_event"}]},
        {"events": ["not an object"]},
        {"events": None},
        {"responses": "not a list"},
        {},
        [],
    ]
    decisions = [(is_valid_result(r), full.is_valid(r)) for r in results]
    assert [r for r, (fast, slow) in zip(results, decisions, strict=True) if fast != slow] == []
    assert sum(slow for _, slow in decisions) >= 23 and sum(not slow for _, slow in decisions) >= 50


@pytest.mark.parametrize(
    "type_name",
    ["user", "bot", "action", "slot", "active_loop", "session_started", "restart", "rewind", "followup", "form"],
)
def test_event_lookup_finds_the_class_rasa_finds(type_name: str) -> None:
    assert resolve_event_type(type_name) is _original_resolve_by_type(type_name)


def test_unknown_event_types_behave_as_in_rasa() -> None:
    assert resolve_event_type("topic") is None
    assert resolve_event_type("no_such_event", default=Event) is Event
    with pytest.raises(ValueError):
        resolve_event_type("no_such_event")


def all_languages_domain() -> Domain:
    source = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))
    return Domain.from_dict(build_domain(source, language_packs()))


def test_action_calls_carry_only_the_responses_the_actions_read() -> None:
    domain = all_languages_domain()
    action = RemoteAction("action_show_offers", None)
    tracker = DialogueStateTracker.from_events("family", [UserUttered("kita für meinen sohn 4")], domain.slots)
    call = action_call_format(action, tracker, domain)
    assert set(call["domain"]["responses"]) == ACTION_RESPONSES  # every one of them exists in the domain
    assert {name: call["domain"]["responses"][name] for name in ACTION_RESPONSES} == {
        name: domain.as_dict()["responses"][name] for name in ACTION_RESPONSES
    }  # with all their language variants
    assert {k: v for k, v in call["domain"].items() if k != "responses"} == {
        k: v for k, v in domain.as_dict().items() if k != "responses"
    }
    assert call["tracker"] == RemoteAction._action_call_format(action, tracker, domain)["tracker"]
    assert len(json.dumps(call["domain"])) < len(json.dumps(domain.as_dict())) / 5  # 162 KB -> about 25 KB


def test_actions_refuse_a_response_the_server_does_not_send() -> None:
    with pytest.raises(KeyError, match="ACTION_RESPONSES"):
        response_text(all_languages_domain().as_dict(), "utter_greet")


def asked_for_the_age() -> DialogueStateTracker:
    buttons = [
        {"title": "0 bis 3 Jahre", "payload": "/age_group_0_3"},
        {"title": "3 bis 6 Jahre", "payload": "/age_group_3_6"},
        {"title": "Mehr Infos", "payload": "https://example.org"},
    ]
    return DialogueStateTracker.from_events(
        "typed", [UserUttered("kita"), BotUttered("Wie alt ist das Kind?", data={"buttons": buttons})]
    )


@pytest.mark.parametrize(
    ("typed", "payload"),
    [
        ("3 bis 6 Jahre", "/age_group_3_6"),
        ("  3 BIS 6 jahre. ", "/age_group_3_6"),  # case, spaces and a full stop as typed on a phone
        ("0 bis 3 jahre", "/age_group_0_3"),
        ("3 bis 6", None),  # not the title: the NLU reads it
        ("sie ist 4", None),
        ("Mehr Infos", None),  # a link, not a payload
        ("", None),
    ],
)
def test_a_typed_button_title_counts_as_the_tap(typed: str, payload: str | None) -> None:
    assert typed_button(typed, asked_for_the_age()) == payload


def test_only_the_buttons_since_the_familys_last_message_count() -> None:
    tracker = asked_for_the_age()
    tracker.update(UserUttered("danke"))
    assert typed_button("3 bis 6 Jahre", tracker) is None


def test_the_loaded_model_is_left_out_of_garbage_collections(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = [object() for _ in range(1000)]  # stands for the model's objects

    async def load_agent_on_start(*args: Any, **kwargs: Any) -> Any:
        return loaded

    monkeypatch.setattr(bot.rasa_server, "_original_load_agent_on_start", load_agent_on_start)
    gc.unfreeze()
    try:
        assert asyncio.run(freeze_after_loading("model.tar.gz", None, None, app=None, loop=None)) is loaded
        assert gc.get_freeze_count() >= len(loaded)
    finally:
        gc.unfreeze()
