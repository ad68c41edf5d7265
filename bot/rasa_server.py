"""Runs the `rasa` command with our fault handling, metrics and one measured fix for the action round trip.

- bot.faults: a deadline on every action server call and an apology instead of silence;
- bot.metrics: Prometheus counters and timings per message;
- reading stored events looks their class up in a dictionary (resolve_event_type);
- a button's payload skips the NLU models (parse_with_shortcut);
- an action call carries only the responses the actions read (action_call_format);
- DIET and the response selector load their weights without a training step (load_for_prediction);
- the loaded model is moved out of the garbage collector's way (freeze_after_loading);

Rasa 3.6 validates every action server response with `jsonschema.validate`, which re-checks the
schema itself each time: about 20 ms per custom action on this machine, more than the whole NLU.
The fix validates against the same schema with a validator built once; behaviour and error
messages stay the same (see bench/ for the effect and tests/unit/test_rasa_server.py).
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import rasa.core.run
from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
from rasa.shared.constants import DOCS_BASE_URL, INTENT_MESSAGE_PREFIX
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.utils.common import all_subclasses
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

from actions.common import ACTION_RESPONSES
from bot import faults, metrics

logger = logging.getLogger(__name__)

_original_resolve_by_type = Event.resolve_by_type
_original_parse_with_graph = MessageProcessor._parse_message_with_graph
_original_action_call_format = RemoteAction._action_call_format
_original_model_load = RasaModel.load.__func__


@cache
def event_classes() -> dict[str, type[Event]]:
    """Every event class by its type name (the first one, as Rasa's search finds it)."""
    classes: dict[str, type[Event]] = {}
    for cls in all_subclasses(Event):
        classes.setdefault(cls.type_name, cls)
    return classes


def resolve_event_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """Event.resolve_by_type with a dictionary instead of walking all Event subclasses for each event.

    Rasa searches the class tree for every stored event it reads: 60 µs each, a third of reading a
    conversation (bench/growth_bench.py). Unknown names go to Rasa's own method (same errors).
    """
    found = event_classes().get(type_name)
    return found if found is not None else _original_resolve_by_type(type_name, default)


def _title_key(text: Any) -> str:
    """A button title as a family might type it: case, spacing and end punctuation don't matter."""
    return " ".join(str(text or "").casefold().split()).strip(" .!?,")


def typed_button(text: str, tracker: DialogueStateTracker) -> str | None:
    """The payload of a button of the bot's latest turn whose title the family typed instead of tapping it
    ("3 bis 6 Jahre" after "Wie alt ist das Kind?"), or None."""
    wanted = _title_key(text)
    if not wanted:
        return None
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return None  # only the buttons shown since the family's last message
        if isinstance(event, BotUttered):
            for button in (event.data or {}).get("buttons") or []:
                payload = str(button.get("payload") or "")
                if payload.startswith(INTENT_MESSAGE_PREFIX) and _title_key(button.get("title")) == wanted:
                    return payload
    return None


def parse_with_shortcut(
    self: MessageProcessor, message: UserMessage, tracker: DialogueStateTracker, only_output_properties: bool = True
) -> dict[str, Any]:
    """A button's payload ("/need_wohnen", '/inform{"child_age": 4}') without running the NLU models.

    For a payload naming a known intent the NLU graph's last step, Rasa's RegexMessageHandler, throws
    away everything the models found and keeps the payload's intent and entities. Calling that step
    alone gives the same result (tests/e2e/test_payload_shortcut.py compares them for every button)
    and saves the encoder, DIET and the response selector: about 15 ms per tap. Typed text, unknown
    intents and retrieval intents (FAQ answers need the response selector) go through the graph.
    A button's title typed instead of tapped counts as the tap (typed_button).
    """
    text = (message.text or "").strip()
    if not text.startswith(INTENT_MESSAGE_PREFIX):
        text = typed_button(text, tracker) or text
    if text.startswith(INTENT_MESSAGE_PREFIX):
        [parsed] = RegexMessageHandler().process([Message({TEXT: text})], self.domain)
        intent = (parsed.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if intent and intent not in self.domain.retrieval_intents:
            return {
                TEXT: "",
                INTENT: {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0},
                ENTITIES: [],
                **parsed.as_dict(only_output_properties=only_output_properties),
            }
    return _original_parse_with_graph(self, message, tracker, only_output_properties)


_slim_domain: dict[int, tuple[Domain, dict[str, Any]]] = {}


def slim_domain(domain: Domain) -> dict[str, Any]:
    """The domain as Rasa sends it to the action server, with only the responses in ACTION_RESPONSES.

    All languages' responses are ~155 of the domain's ~162 KB; Rasa serialised and the action server
    parsed them for every action call (~5 ms on each side, bench/latency_bench.py). Built once per domain.
    """
    cached = _slim_domain.get(id(domain))
    if cached is None or cached[0] is not domain:
        data = domain.as_dict()
        responses = {name: v for name, v in data.get("responses", {}).items() if name in ACTION_RESPONSES}
        _slim_domain.clear()
        _slim_domain[id(domain)] = cached = (domain, {**data, "responses": responses})
    return cached[1]


def action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> dict[str, Any]:
    """Rasa's request to the action server, its domain slimmed (slim_domain)."""
    call = _original_action_call_format(self, tracker, domain)
    if "domain" in call:
        call["domain"] = slim_domain(domain)
    return call


@cache
def action_result_validator() -> Validator:
    """The validator for action server responses, built (and its schema checked) once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@cache
def _result_without_events_validator() -> Validator:
    """The action response schema with any list of events: the events are checked one by one (is_valid_result)."""
    schema = RemoteAction.action_response_format_spec()
    properties = schema["properties"]
    loose = {**schema, "properties": {**properties, "events": {**properties["events"], "items": {}}}}
    return validator_for(loose)(loose)


@cache
def _event_validator(type_name: str) -> Validator | None:
    """The schema of one event with only the `oneOf` branches whose `event` constant is `type_name`.

    Every branch of Rasa's event schema fixes `event` with a `const`, so no other branch can hold for such an
    event, and `oneOf` over these alone decides exactly as over all 23 — without building a refusal for each.
    """
    item = RemoteAction.action_response_format_spec()["properties"]["events"]["items"]
    branches = [b for b in item["oneOf"] if b["properties"]["event"].get("const") == type_name]
    if not branches:
        return None
    narrowed = {**item, "oneOf": branches}
    return validator_for(narrowed)(narrowed)


def is_valid_result(result: Any) -> bool:
    """True when the action response is valid, checking each event against its own type's schema only."""
    if not _result_without_events_validator().is_valid(result):
        return False
    for event in result.get("events") or []:
        type_name = event.get("event") if isinstance(event, dict) else None
        validator = _event_validator(type_name) if isinstance(type_name, str) else None
        if validator is None or not validator.is_valid(event):
            return False
    return True


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """Same contract as RemoteAction._validate_action_result, without re-checking the schema.

    A valid response (nearly all) is confirmed event by event (is_valid_result, ~20x faster than the full
    `oneOf` over every event type); anything else goes through the full schema for Rasa's own error message.
    """
    if is_valid_result(result):
        return True
    try:
        action_result_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error


def load_for_prediction(
    cls: type[RasaModel],
    model_file_name: str,
    model_data_example: RasaModelData,
    predict_data_example: RasaModelData | None = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    """RasaModel.load for serving: the weights are restored as the first prediction creates them.

    Rasa 3.6 builds a model by training it one step on one example (`model.fit`, which traces the whole
    training graph: loss, gradients, optimizer) and only then loads the stored weights over it: most of the
    20–40 s a server start took. Keras restores a TensorFlow checkpoint into variables as they are created,
    so the one prediction Rasa makes anyway after loading creates them with the stored values. Every
    variable the prediction uses must come from the file (asserted, else Rasa's own way is taken); the
    optimizer's state and training-only layers stay unread. Fine-tuning keeps Rasa's way.
    tests/e2e/test_model_loading.py compares every prediction with Rasa's loader.
    """
    if not finetune_mode and predict_data_example is not None:
        import tensorflow as tf

        model = cls(*args, **kwargs)
        config = kwargs.get("config", {})
        optimizer = tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001))
        model.compile(optimizer=optimizer, run_eagerly=config.get(RUN_EAGERLY))
        status = model.load_weights(model_file_name)
        model.run_inference(predict_data_example)
        try:
            status.assert_existing_objects_matched()
        except AssertionError:
            logger.warning("%s: weights not all in %s; loading the slower way", cls.__name__, model_file_name)
        else:
            status.expect_partial()
            return model
    return _original_model_load(
        cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs
    )


_original_load_agent_on_start = rasa.core.run.load_agent_on_start


async def freeze_after_loading(*args: Any, **kwargs: Any) -> Agent:
    """Rasa's load_agent_on_start, then every object alive at that point is left out of garbage collections.

    The loaded model (TensorFlow, spaCy, the domain: some millions of objects) never becomes garbage, yet each
    full collection walked all of it: 340 ms of one server's time, in the middle of serving 20 conversations
    (`gc.callbacks`, bench/latency_bench.py). After `gc.freeze()` a full collection walks only what came later
    (about 30 ms; README "Benchmarks"). Objects are not copied; memory stays the same.
    """
    agent = await _original_load_agent_on_start(*args, **kwargs)
    gc.collect()
    gc.freeze()
    return agent


@contextmanager
def loading_for_prediction() -> Iterator[None]:
    """RasaModel.load is load_for_prediction inside the block only (the tests' in-process agents)."""
    rasa_load = RasaModel.__dict__["load"]
    RasaModel.load = classmethod(load_for_prediction)
    try:
        yield
    finally:
        RasaModel.load = rasa_load


def install() -> None:
    """Rasa with this module's changes (see the module's text); `main` and the tests' in-process agent."""
    RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_event_type)
    MessageProcessor._parse_message_with_graph = parse_with_shortcut
    RemoteAction._action_call_format = action_call_format
    RasaModel.load = classmethod(load_for_prediction)
    rasa.core.run.load_agent_on_start = freeze_after_loading


def main() -> None:
    """`python -m bot.rasa_server run …` behaves like `rasa run …`, with the changes above."""
    install()
    faults.install()
    metrics.install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
