"""The faster action-result validation accepts and refuses exactly what Rasa's own does; action calls carry a
slim domain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.common import ACTION_RESPONSES, response_text
from bot.languages import build_domain
from bot.rasa_server import _original_resolve_by_type, action_call_format, resolve_event_type, validate_action_result
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
