"""The servers' model loader (bot.rasa_server.load_for_prediction) predicts exactly what Rasa's own loader does."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from rasa.core.agent import Agent
from rasa.utils.tensorflow.models import RasaModel

from bot import rasa_server
from bot.rasa_server import load_for_prediction, loading_for_prediction
from lotse.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow


def held_out_texts() -> list[str]:
    """Every held-out message: German families' stories and the other languages' messages."""
    german = yaml.safe_load((PROJECT_ROOT / "tests" / "heldout_families.yml").read_text(encoding="utf-8"))
    languages = yaml.safe_load((PROJECT_ROOT / "tests" / "heldout_languages.yml").read_text(encoding="utf-8"))
    texts = [m["text"] for m in german["messages"]]
    texts += [m["text"] for messages in languages.values() for m in messages]
    return texts


def parse_all(agent: Agent, texts: list[str]) -> list[dict[str, Any]]:
    async def parse() -> list[dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(parse())


@pytest.fixture(scope="module")
def rasa_loaded(trained_model: Path) -> Agent:
    """The model loaded by Rasa's RasaModel.load (one training step, then the weights)."""
    assert RasaModel.__dict__["load"].__func__ is not load_for_prediction
    return Agent.load(str(trained_model))


@pytest.fixture(scope="module")
def ours(trained_model: Path) -> Agent:
    """The model loaded as the servers load it, failing if any model had to take Rasa's way after all."""
    rasas_way = mock.patch.object(rasa_server, "_original_model_load", side_effect=AssertionError("Rasa's way taken"))
    with loading_for_prediction(), rasas_way:
        return Agent.load(str(trained_model))


def test_there_are_enough_messages_to_compare() -> None:
    assert len(held_out_texts()) >= 400


def test_every_prediction_is_the_same_as_with_rasas_loader(ours: Agent, rasa_loaded: Agent) -> None:
    texts = held_out_texts()
    predicted, by_rasa = parse_all(ours, texts), parse_all(rasa_loaded, texts)
    different = [text for text, a, b in zip(texts, predicted, by_rasa, strict=True) if a != b]
    assert different == []
    # and the results are real predictions: several intents, each with a confidence
    assert {r["intent"]["name"] for r in predicted} >= {"emergency", "need_kinderbetreuung", "need_wohnen"}
    assert all(0 < r["intent"]["confidence"] <= 1 for r in predicted)


def test_a_faq_answer_is_chosen_the_same_way(ours: Agent, rasa_loaded: Agent) -> None:
    """The response selector (the second model the loader builds) ranks the FAQ answers identically."""
    text = "Wie beantrage ich Bildung und Teilhabe für meinen Sohn?"
    [predicted], [by_rasa] = parse_all(ours, [text]), parse_all(rasa_loaded, [text])
    assert predicted["response_selector"] == by_rasa["response_selector"]
    assert predicted["response_selector"]["faq"]["ranking"]
