"""MultilingualSentenceFeaturizer: real multilingual-e5-small vectors from the bundled 4-bit model."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import sentence_encoder
from bot.nlu.sentence_encoder import DIM, MultilingualSentenceFeaturizer, e5_model, embed

NAME = "e5_sentence"
KITA = "Wir suchen einen Kitaplatz für unseren Sohn"
KITA_PARAPHRASE = "Mein Kind braucht einen Platz im Kindergarten"
DEBTS = "Wir haben Schulden bei der Bank"
KITA_EN = "We are looking for a daycare place for our son"
KITA_UK = "Ми шукаємо місце в дитячому садку для нашого сина"


def featurizer(**config: object) -> MultilingualSentenceFeaturizer:
    return MultilingualSentenceFeaturizer({**MultilingualSentenceFeaturizer.get_default_config(), **config}, NAME)


def sentence_vector(message: Message) -> np.ndarray:
    """The one feature this featurizer added, checked for type, attribute and origin."""
    [feature] = [f for f in message.features if f.origin == NAME]
    assert feature.type == FEATURE_TYPE_SENTENCE
    assert feature.attribute == TEXT
    return feature.features


def cosine(a: str, b: str) -> float:
    first, second = embed([a, b])
    return float(first @ second)


def test_adds_one_normalised_float32_sentence_feature() -> None:
    message = Message({TEXT: "Gibt es Nachhilfe für meine Tochter in Mathe?"})
    featurizer().process([message])
    vector = sentence_vector(message)
    assert vector.shape == (1, DIM)
    assert vector.dtype == np.float32
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)
    sequence, sentence = message.get_dense_features(TEXT, [NAME])
    assert sequence is None
    assert sentence is not None
    np.testing.assert_array_equal(sentence.features, vector)


def test_payloads_and_empty_texts_get_zeros_and_messages_without_text_nothing() -> None:
    payload, empty, blank, no_text = (
        Message({TEXT: '/inform_age{"child_age": 4}'}),
        Message({TEXT: ""}),
        Message({TEXT: "   "}),
        Message({"intent": "greet"}),
    )
    featurizer().process([payload, empty, blank, no_text])
    for message in (payload, empty, blank):
        vector = sentence_vector(message)
        assert vector.shape == (1, DIM)
        assert not vector.any()
    assert no_text.features == []


def test_same_text_is_encoded_once_and_gives_the_identical_vector(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Wo finde ich eine Hebamme in Alfeld?"
    first = embed([text])[0]

    def engine_must_not_run(texts: list[str], threads: int) -> np.ndarray:
        raise AssertionError(f"cached text sent to the engine again: {texts}")

    monkeypatch.setattr(sentence_encoder, "_encode", engine_must_not_run)
    second = embed([text, text])
    np.testing.assert_array_equal(second[0], first)
    np.testing.assert_array_equal(second[1], first)
    second[0][:] = 0  # callers get copies: the cached vector stays intact
    np.testing.assert_array_equal(embed([text])[0], first)


def test_training_data_is_encoded_in_one_batch_of_distinct_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real_encode = sentence_encoder._encode

    def spy(texts: list[str], threads: int) -> np.ndarray:
        calls.append(list(texts))
        return real_encode(texts, threads)

    monkeypatch.setattr(sentence_encoder, "_encode", spy)
    texts = ["Mein Sohn ist 7 und braucht Hilfe bei den Hausaufgaben", "Hallo!", "/greet", "Hallo!"]
    # distinct intents: TrainingData drops duplicate examples
    data = TrainingData([Message({TEXT: t, "intent": f"intent_{i}"}) for i, t in enumerate(texts)])
    assert len(data.training_examples) == len(texts)
    featurizer().process_training_data(data)
    assert calls == [texts[:2]]
    vectors = [sentence_vector(m) for m in data.training_examples]
    np.testing.assert_array_equal(vectors[1], vectors[3])
    assert not vectors[2].any()


def test_german_paraphrases_are_closer_than_unrelated_requests() -> None:
    assert cosine(KITA, KITA_PARAPHRASE) > cosine(KITA, DEBTS) + 0.03
    assert cosine(KITA, KITA_PARAPHRASE) > cosine(KITA_PARAPHRASE, DEBTS) + 0.03


@pytest.mark.parametrize("translation", [KITA_EN, KITA_UK])
def test_translations_are_closer_than_unrelated_german(translation: str) -> None:
    assert cosine(KITA, translation) > cosine(KITA, DEBTS) + 0.03
    assert cosine(KITA, translation) > cosine(translation, DEBTS) + 0.03


def test_threads_apply_per_call_and_leave_openmp_as_found() -> None:
    omp = e5_model()._lib
    before = omp.omp_get_max_threads()
    sentence_encoder._encode(["Wir brauchen einen Termin beim Jugendamt"], 2)
    assert omp.omp_get_max_threads() == before


@pytest.mark.parametrize("threads", [0, -1, "2", 1.5, True])
def test_invalid_thread_counts_are_rejected(threads: object) -> None:
    with pytest.raises(InvalidConfigException):
        featurizer(threads=threads)
