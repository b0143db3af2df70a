"""Rasa graph component that normalizes Arabic text before tokenizing (see arabic_text.normalize).

Put it first in the pipeline, before the tokenizer:

    pipeline:
    - name: rasa_extensions.arabic_normalizer.ArabicNormalizer
    - name: WhitespaceTokenizer

It is registered as a MESSAGE_TOKENIZER so that the default recipe runs it, in config order,
on the training data and on every incoming message (and in the end-to-end featurization),
but it does not subclass Tokenizer: Rasa allows only one of those and it adds no tokens.

Only the message TEXT is replaced; what the tracker records stays as the user typed it,
because Rasa builds the UserUttered event from the incoming UserMessage, not from this
Message. The original is also kept in the message attribute "text_original" for components
that want it. It is deliberately not added to the output properties, so it is not copied
into parse_data, which the tracker store would persist a second time (personal data).
Intent payloads ("/affirm", '/inform{"age": 40}') are left untouched for RegexMessageHandler.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from arabic_text.normalize import normalize

TEXT_ORIGINAL = "text_original"


def _is_intent_payload(text: str) -> bool:
    return text.lstrip().startswith("/")


def normalize_with_entities(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Normalized text and entities whose offsets point at the same words in it.

    Normalizing changes lengths (diacritics go, digits lose separators), so the text is
    normalized piece by piece: before, inside and after each entity. An entity whose value
    was its own surface text gets the normalized surface text as value; a synonym value
    ("value": "dependents") is left as written.
    """
    pieces: list[tuple[str, dict[str, Any] | None]] = []
    position = 0
    for entity in sorted(entities, key=lambda e: e[ENTITY_ATTRIBUTE_START]):
        start, end = entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]
        if start < position:
            continue  # overlapping annotations: keep the first
        pieces += [(text[position:start], None), (text[start:end], entity)]
        position = end
    pieces.append((text[position:], None))

    out = ""
    new_entities = []
    for index, (piece, entity) in enumerate(pieces):
        normalized = normalize(piece)
        if not normalized:
            continue
        glued_to_previous = index > 0 and piece[:1].strip() and pieces[index - 1][0][-1:].strip()
        if out and not glued_to_previous:
            out += " "
        if entity is not None:
            updated = dict(entity)
            updated[ENTITY_ATTRIBUTE_START], updated[ENTITY_ATTRIBUTE_END] = len(out), len(out) + len(normalized)
            if entity.get(ENTITY_ATTRIBUTE_VALUE) == piece:
                updated[ENTITY_ATTRIBUTE_VALUE] = normalized
            new_entities.append(updated)
        out += normalized
    return out, new_entities


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class ArabicNormalizer(GraphComponent):
    """Replaces each message's text by its normalized form (original kept in text_original)."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.max_characters = int((config or {}).get("max_characters", 1000))

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Featurizers and DIET cost grows with the number of tokens (attention is
        # quadratic): a 100,000-character message would take many GB of memory. No
        # question needs more than this many characters to be understood.
        return {"max_characters": 1000}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ArabicNormalizer:
        return cls(config)

    @staticmethod
    def required_packages() -> list[str]:
        return []

    def normalize_message(self, message: Message) -> None:
        """Normalize one message in place (idempotent: a second run changes nothing)."""
        text = message.get(TEXT)
        if not text or _is_intent_payload(text) or message.get(TEXT_ORIGINAL) is not None:
            return
        message.set(TEXT_ORIGINAL, text)
        entities = message.get(ENTITIES)
        if entities:
            normalized, new_entities = normalize_with_entities(text, entities)
            message.set(ENTITIES, new_entities)
        else:
            normalized = normalize(text)
        message.set(TEXT, normalized)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self.normalize_message(message)
            self._cap_length(message)
        return messages

    def _cap_length(self, message: Message) -> None:
        """Cut an overlong message at a word boundary before it reaches the featurizers.

        The text as typed (text_original) is cut too: the USE featurizer encodes it, and a
        100,000-character message took the Rasa server from 1.34 to 1.92 GB.
        """
        for attribute in (TEXT, TEXT_ORIGINAL):
            text = message.get(attribute)
            if text and len(text) > self.max_characters:
                cut = text[: self.max_characters]
                message.set(attribute, cut.rsplit(" ", 1)[0] if " " in cut else cut)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            self.normalize_message(message)
        return training_data
