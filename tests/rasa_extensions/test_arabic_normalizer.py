"""ArabicNormalizer: Rasa sees normalized text, the tracker keeps what the user typed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from arabic_text import normalize
from rasa_extensions.arabic_normalizer import (
    TEXT_ORIGINAL,
    ArabicNormalizer,
    normalize_with_entities,
)
from tests.rasa_extensions.tiny_training import train_tiny_nlu


@pytest.mark.parametrize(
    "typed",
    ["وش شُرُوط الظّمان؟", "أبغى أسأل عن الدفعة", "دخلي ١٬١٠٠ ريال", "متى تنزل الدفعـــة", "ايييوه"],
)
def test_process_replaces_text_by_its_normalized_form_and_keeps_the_original(typed):
    message = Message(data={TEXT: typed})
    ArabicNormalizer().process([message])
    assert message.get(TEXT) == normalize(typed)
    assert message.get(TEXT_ORIGINAL) == typed


def test_the_original_text_is_not_added_to_the_parse_output():
    message = Message(data={TEXT: "أبغى"})
    ArabicNormalizer().process([message])
    assert TEXT_ORIGINAL not in message.as_dict(only_output_properties=True)


@pytest.mark.parametrize("payload", ["/affirm", '/inform{"earned_income": "1,100"}', " /deny"])
def test_intent_payloads_are_left_for_the_regex_message_handler(payload):
    message = Message(data={TEXT: payload})
    ArabicNormalizer().process([message])
    assert message.get(TEXT) == payload


def test_running_twice_keeps_the_first_original():
    message = Message(data={TEXT: "شُرُوط"})
    normalizer = ArabicNormalizer()
    normalizer.process([message])
    normalizer.process([message])
    assert message.get(TEXT) == "شروط"
    assert message.get(TEXT_ORIGINAL) == "شُرُوط"


def test_messages_without_text_are_left_alone():
    message = Message(data={"intent": "greet"})
    ArabicNormalizer().process([message])
    assert message.get(TEXT) is None and message.get(TEXT_ORIGINAL) is None


def test_process_training_data_normalizes_every_example():
    examples = [
        Message(data={TEXT: "أسأل عن الشُّروط", "intent": "faq"}),
        Message(data={TEXT: "مرحبـــا", "intent": "greet"}),
    ]
    ArabicNormalizer().process_training_data(TrainingData(training_examples=examples))
    assert [m.get(TEXT) for m in examples] == ["اسال عن الشروط", "مرحبا"]


def test_entities_point_at_the_same_words_after_normalizing():
    text = "عِندي ٣ عيال في الرِّياض"
    entities = [
        {"start": 6, "end": 7, "value": "٣", "entity": "count"},
        {"start": 16, "end": len(text), "value": "الرِّياض", "entity": "city"},
    ]
    assert [text[e["start"] : e["end"]] for e in entities] == ["٣", "الرِّياض"]
    message = Message(data={TEXT: text, ENTITIES: entities, "intent": "inform"})
    ArabicNormalizer().process_training_data(TrainingData(training_examples=[message]))
    new_text = message.get(TEXT)
    spans = [new_text[e["start"] : e["end"]] for e in message.get(ENTITIES)]
    assert new_text == "عندي 3 عيال في الرياض"
    assert spans == ["3", "الرياض"]
    assert [e["value"] for e in message.get(ENTITIES)] == ["3", "الرياض"]


def test_synonym_values_are_kept_and_glued_entities_stay_glued():
    text = "بالرِّياض"
    entities = [{"start": 1, "end": len(text), "value": "Riyadh", "entity": "city"}]
    new_text, new_entities = normalize_with_entities(text, entities)
    assert new_text == "بالرياض"
    assert new_text[new_entities[0]["start"] : new_entities[0]["end"]] == "الرياض"
    assert new_entities[0]["value"] == "Riyadh"


def test_it_is_registered_to_run_before_the_tokenizer_without_being_one():
    registered = DefaultV1Recipe._registered_components[ArabicNormalizer.__name__]
    assert DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER in registered.types
    assert registered.is_trainable is False
    # Rasa allows a single Tokenizer subclass per pipeline.
    assert not issubclass(ArabicNormalizer, Tokenizer)


# --- one tiny real training (3 intents, 5 epochs): the component inside Rasa's graph ---

_CONFIG = """
recipe: default.v1
language: ar
assistant_id: tiny-normalizer-test
pipeline:
- name: rasa_extensions.arabic_normalizer.ArabicNormalizer
- name: WhitespaceTokenizer
- name: CountVectorsFeaturizer
- name: rasa_extensions.use_featurizer.UniversalSentenceEncoderFeaturizer
- name: DIETClassifier
  epochs: 5
  random_seed: 1
  entity_recognition: false
policies: []
"""

_NLU = """
version: "3.1"
nlu:
- intent: greet
  examples: |
    - مرحبا
    - السلام عليكم
    - هلا والله
- intent: ask_conditions
  examples: |
    - شروط الضمان
    - وش شروط الضمان
    - ابي اعرف شروط الضمان
- intent: ask_payment
  examples: |
    - متى ينزل الراتب
    - متى تنزل الدفعه
    - موعد صرف الدفعه
"""


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    return train_tiny_nlu(tmp_path_factory.mktemp("tiny_nlu"), _CONFIG, _NLU)


def test_a_trained_model_parses_the_normalized_text_of_a_differently_spelled_message(tiny_model):
    from rasa.core.agent import Agent

    agent = Agent.load(str(tiny_model))
    # Every word differs from the training example as typed, but not once normalized.
    result = asyncio.run(agent.parse_message("شُرُوطُ الظّمان"))
    assert result["text"] == "شروط الضمان"
    assert result["intent"]["name"] == "ask_conditions"


def test_the_tracker_keeps_the_text_as_the_user_typed_it(tiny_model):
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage

    agent = Agent.load(str(tiny_model))
    typed = "متى تنزل الدفعــة؟"

    async def log_and_read():
        await agent.log_message(UserMessage(typed, sender_id="normalizer-test"))
        return await agent.tracker_store.retrieve("normalizer-test")

    tracker = asyncio.run(log_and_read())
    uttered = [event for event in tracker.events if event.type_name == "user"][-1]
    assert uttered.text == typed
    assert uttered.parse_data["text"] == normalize(typed)


def test_overlong_message_is_cut_before_the_featurizers():
    from rasa.shared.nlu.training_data.message import Message

    from rasa_extensions.arabic_normalizer import ArabicNormalizer

    normalizer = ArabicNormalizer({"max_characters": 50})
    message = Message(data={"text": "مرحبا " * 1000})
    normalizer.process([message])
    assert 0 < len(message.get("text")) <= 50
    # The text as typed is cut too: the USE featurizer encodes it.
    assert 0 < len(message.get("text_original")) <= 50
    assert message.get("text_original").startswith("مرحبا مرحبا")
