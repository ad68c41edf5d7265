"""The classifier for the families' other languages: German keeps DIET's result, other languages get their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import multilingual
from bot.nlu.multilingual import FallbackByLanguage, MultilingualIntentClassifier, language_request, read_examples
from lotse.languages import DETECTED_LANGUAGE

GERMAN_EXAMPLES = [
    ("Wir suchen einen Kitaplatz für unsere Tochter", "need_kinderbetreuung"),
    ("Krippenplatz gesucht, Sohn ist ein Jahr alt", "need_kinderbetreuung"),
    ("Mein Sohn braucht Nachhilfe in Mathe", "need_lernfoerderung"),
    ("Sie ist schlecht in der Schule und braucht Hilfe beim Lernen", "need_lernfoerderung"),
    ("Wie melde ich mein Kind in der Kita an?", "faq"),
]
OTHER_EXAMPLES = """version: "3.1"
nlu:
- intent: need_kinderbetreuung
  examples: |
    - we need a kindergarten place for our son
    - потрібне місце в дитячому садку
- intent: need_lernfoerderung
  examples: |
    - my daughter needs a tutor for maths
    - синові потрібен репетитор з математики
- intent: faq/kita_anmeldung
  examples: |
    - how do i register my child at the kita
    - як записати дитину в дитячий садок
"""


def german_training_data() -> TrainingData:
    messages = []
    for text, intent in GERMAN_EXAMPLES:
        data: dict[str, Any] = {TEXT: text, INTENT: intent}
        if intent == "faq":
            data[INTENT_RESPONSE_KEY] = "faq/kita_anmeldung"
        messages.append(Message(data=data))
    return TrainingData(messages)


@pytest.fixture
def trained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MultilingualIntentClassifier:
    (tmp_path / "nlu").mkdir()
    (tmp_path / "nlu" / "examples.yml").write_text(OTHER_EXAMPLES, encoding="utf-8")
    monkeypatch.setattr(multilingual, "PROJECT_ROOT", tmp_path)
    (tmp_path / "storage").mkdir()
    storage = LocalModelStorage(tmp_path / "storage")
    resource = Resource("multilingual")
    config = {**MultilingualIntentClassifier.get_default_config(), "examples": "nlu", "threads": 1}
    context = ExecutionContext(GraphSchema({}), "test")
    component = MultilingualIntentClassifier.create(config, storage, resource, context)
    component.train(german_training_data())
    return MultilingualIntentClassifier.load(config, storage, resource, context)


def parsed(component: MultilingualIntentClassifier, text: str, **data: Any) -> Message:
    message = Message(data={TEXT: text, **data})
    component.process([message])
    return message


def test_reads_intents_and_keeps_retrieval_keys_whole(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(OTHER_EXAMPLES, encoding="utf-8")
    examples = read_examples(tmp_path)
    assert ("we need a kindergarten place for our son", "need_kinderbetreuung") in examples
    assert len(examples) == 6
    assert ("how do i register my child at the kita", "faq/kita_anmeldung") in examples
    assert read_examples(tmp_path / "missing") == []


def test_german_gets_the_average_of_diet_and_the_classifier(trained: MultilingualIntentClassifier) -> None:
    text = "Wir suchen dringend einen Kitaplatz für unseren Sohn"
    diet = [{"name": "need_kinderbetreuung", "confidence": 0.6}, {"name": "need_wohnen", "confidence": 0.4}]
    message = parsed(trained, text, intent=diet[0], intent_ranking=diet)
    ours = trained.intent_probabilities(trained.probabilities(text))
    ranking = {entry["name"]: entry["confidence"] for entry in message.get(INTENT_RANKING_KEY)}
    assert ranking["need_kinderbetreuung"] == pytest.approx(0.5 * 0.6 + 0.5 * ours["need_kinderbetreuung"])
    assert ranking["need_wohnen"] == pytest.approx(0.5 * 0.4)  # a label the classifier does not know
    assert message.get(INTENT)["name"] == "need_kinderbetreuung"


def test_with_diet_share_one_german_keeps_diets_result(trained: MultilingualIntentClassifier) -> None:
    trained.config = {**trained.config, "diet_share": 1.0}
    diet = [{"name": "need_wohnen", "confidence": 0.8}, {"name": "need_kinderbetreuung", "confidence": 0.2}]
    message = parsed(trained, "Wir suchen eine Wohnung für unsere Familie", intent=diet[0], intent_ranking=diet)
    assert message.get(INTENT) == {"name": "need_wohnen", "confidence": pytest.approx(0.8)}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("My son is 4 and we are still looking for a kindergarten place", "need_kinderbetreuung"),
        ("Моїй доньці потрібен репетитор, вона погано вчиться", "need_lernfoerderung"),
    ],
)
def test_other_languages_get_the_classifiers_intent(
    trained: MultilingualIntentClassifier, text: str, intent: str
) -> None:
    message = parsed(trained, text, intent={"name": "nlu_fallback", "confidence": 0.3})
    assert message.get(INTENT)["name"] == intent
    ranking = message.get(INTENT_RANKING_KEY)
    assert ranking[0]["name"] == intent
    assert sum(entry["confidence"] for entry in ranking) == pytest.approx(1.0, abs=1e-4)


def test_an_faq_question_in_another_language_gets_the_answer_of_its_key(
    trained: MultilingualIntentClassifier,
) -> None:
    selector = {"faq": {"response": {"intent_response_key": "faq/wrong"}, "ranking": []}}
    message = parsed(trained, "How can I register my son at the kita?", response_selector=selector)
    if message.get(INTENT)["name"] != "faq":
        pytest.fail(f"expected faq, got {message.get(INTENT_RANKING_KEY)}")
    response = message.get("response_selector")["faq"]["response"]
    assert response["intent_response_key"] == "faq/kita_anmeldung"
    assert response["utter_action"] == "utter_faq/kita_anmeldung"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("andere Sprache bitte", True),
        ("Sprache ändern", True),
        ("geht das auch auf Englisch?", True),
        ("sprechen Sie Ukrainisch?", True),
        ("in einfacher Sprache bitte", True),
        ("Mein Sohn braucht Nachhilfe in Englisch, er ist 12", False),
        ("Wir brauchen einen Deutschkurs", False),
        (
            "Meine Tochter spricht zu Hause nur Türkisch und in der Kita versteht sie keiner, "
            "wir suchen Sprachförderung auf Deutsch",
            False,
        ),
    ],
)
def test_a_short_request_for_another_language(text: str, expected: bool) -> None:
    assert language_request(text) is expected


def test_a_request_for_another_language_becomes_choose_language(trained: MultilingualIntentClassifier) -> None:
    message = parsed(trained, "andere Sprache bitte", intent={"name": "nlu_fallback", "confidence": 0.2})
    assert message.get(INTENT) == {"name": "choose_language", "confidence": 1.0}


@pytest.mark.parametrize(
    ("text", "code"),
    [("My son is 4 and we are still looking for a kindergarten place", "en"), ("Mein Sohn ist 4 und wir suchen", "de")],
)
def test_the_detected_language_goes_to_the_actions_in_the_parse_data(
    trained: MultilingualIntentClassifier, text: str, code: str
) -> None:
    message = parsed(trained, text, intent={"name": "nlu_fallback", "confidence": 0.3})
    assert message.get(DETECTED_LANGUAGE) == code
    assert message.as_dict(only_output_properties=True)[DETECTED_LANGUAGE] == code


def test_button_payloads_are_left_alone(trained: MultilingualIntentClassifier) -> None:
    payload = {"name": "need_kinderbetreuung", "confidence": 1.0}
    assert parsed(trained, "/need_kinderbetreuung", intent=payload).get(INTENT) == payload


def test_a_changed_example_file_changes_the_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multilingual, "PROJECT_ROOT", tmp_path)
    (tmp_path / "nlu").mkdir()
    (tmp_path / "nlu" / "a.yml").write_text(OTHER_EXAMPLES, encoding="utf-8")
    before = MultilingualIntentClassifier.fingerprint_addon({"examples": "nlu"})
    (tmp_path / "nlu" / "a.yml").write_text(OTHER_EXAMPLES + "    - tutor please\n", encoding="utf-8")
    assert MultilingualIntentClassifier.fingerprint_addon({"examples": "nlu"}) != before


def test_the_stored_model_is_plain_arrays(trained: MultilingualIntentClassifier) -> None:
    assert isinstance(trained.coef, np.ndarray)
    assert trained.coef.shape == (len(trained.labels), 384)
    assert "faq/kita_anmeldung" in trained.labels


def fallback(threshold: float = 0.4, other: float = 0.45) -> FallbackByLanguage:
    config = {"threshold": threshold, "other_languages_threshold": other, "ambiguity_threshold": 0.05}
    return FallbackByLanguage.create(config, None, Resource("fallback"), ExecutionContext(GraphSchema({}), "test"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "confidence", "expected"),
    [
        ("de", 0.42, "need_lernfoerderung"),  # German decides from 0.40
        (None, 0.42, "need_lernfoerderung"),  # undecided is German (DIET's average)
        ("de", 0.39, "nlu_fallback"),
        ("uk", 0.42, "nlu_fallback"),  # another language asks below 0.45
        ("uk", 0.46, "need_lernfoerderung"),
    ],
)
def test_the_fallback_threshold_depends_on_the_language(language: str | None, confidence: float, expected: str) -> None:
    ranking = [
        {"name": "need_lernfoerderung", "confidence": confidence},
        {"name": "need_sprache_integration", "confidence": 0.2},
    ]
    message = Message(data={TEXT: "…", INTENT: ranking[0], INTENT_RANKING_KEY: ranking, DETECTED_LANGUAGE: language})
    fallback().process([message])
    assert message.get(INTENT)["name"] == expected


def test_close_guesses_still_ask_in_german() -> None:
    ranking = [
        {"name": "need_lernfoerderung", "confidence": 0.47},
        {"name": "need_sprache_integration", "confidence": 0.44},
    ]
    message = Message(data={TEXT: "…", INTENT: ranking[0], INTENT_RANKING_KEY: ranking, DETECTED_LANGUAGE: "de"})
    fallback().process([message])
    assert [i["name"] for i in message.get(INTENT_RANKING_KEY)] == [
        "nlu_fallback",
        "need_lernfoerderung",
        "need_sprache_integration",
    ]


@pytest.mark.parametrize("config", [{"threshold": 1.5}, {"other_languages_threshold": "hoch"}, {"threshold": True}])
def test_a_threshold_outside_zero_to_one_is_refused(config: dict[str, Any]) -> None:
    with pytest.raises(InvalidConfigException, match="must be a number from 0 to 1"):
        FallbackByLanguage.validate_config({**FallbackByLanguage.get_default_config(), **config})
