"""Custom Rasa NLU components: spaCy blank German tokenizer, age extractor, emergency guard."""

from __future__ import annotations

from functools import cache
from typing import Any

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spacy.language import Language

from bot.nlu.ages import find_ages
from bot.nlu.emergency import signals_danger

EMERGENCY_INTENT = "emergency"


@cache
def german_pipeline() -> Language:
    """spaCy's blank German pipeline with lookup lemmas from spacy-lookups-data (no model download)."""
    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class GermanLemmaTokenizer(Tokenizer):
    """Tokenizes German with spaCy's rules and gives each token its lookup lemma ('Kindern' -> 'kind')."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"intent_tokenization_flag": False, "intent_split_symbol": "_", "token_pattern": None}

    @staticmethod
    def required_packages() -> list[str]:
        return ["spacy"]

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute) or ""
        doc = german_pipeline()(text)
        tokens = [Token(t.text, t.idx, lemma=(t.lemma_ or t.text).lower()) for t in doc if t.text.strip()]
        return self._apply_token_pattern(tokens)


class _RuleComponent(GraphComponent):
    """A component without training or settings: it only processes messages at run time."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class GermanAgeExtractor(_RuleComponent, EntityExtractorMixin):
    """Adds child_age (first child) and sibling_age (further children) entities in years."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = [
                {
                    "entity": "child_age" if index == 0 else "sibling_age",
                    "start": mention.start,
                    "end": mention.end,
                    "value": mention.value,
                    "confidence": 1.0,
                }
                for index, mention in enumerate(find_ages(text))
            ]
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(entities), add_to_output=True)
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class EmergencyGuard(_RuleComponent):
    """Forces the emergency intent on words of acute danger, whatever the model guessed."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if not signals_danger(message.get(TEXT) or ""):
                continue
            intent = {"name": EMERGENCY_INTENT, "confidence": 1.0}
            message.set(INTENT, intent, add_to_output=True)
            ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i.get("name") != EMERGENCY_INTENT]
            message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
        return messages
