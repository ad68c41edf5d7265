"""The faster action-result validation accepts and refuses exactly what Rasa's own does."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.rasa_server import validate_action_result

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
