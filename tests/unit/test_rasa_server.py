"""The faster action-result validation accepts and refuses exactly what Rasa's own does."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event

from bot.rasa_server import _original_resolve_by_type, resolve_event_type, validate_action_result

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
