"""TfidfLogisticRegressionClassifier: tf-idf-weighted counts and USE vectors → intents."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.exceptions import InvalidConfigException, RasaException
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa_extensions.arabic_normalizer import ArabicNormalizer
from rasa_extensions.tfidf_logistic_regression import TfidfLogisticRegressionClassifier
from rasa_extensions.use_featurizer import UniversalSentenceEncoderFeaturizer
from tests.rasa_extensions.tiny_training import train_tiny_nlu

EXAMPLES = {
    "ask_conditions": ["شروط الضمان", "وش شروط الضمان", "ابي اعرف شروط الضمان", "ايش الشروط المطلوبه"],
    "ask_payment": ["متى ينزل الراتب", "متى تنزل الدفعه", "موعد صرف الدفعه", "امتى الايداع"],
    "greet": ["مرحبا", "السلام عليكم", "هلا والله", "اهلين"],
}


def _context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test")


def _featurizers(storage: LocalModelStorage, with_use: bool) -> list:
    defaults = CountVectorsFeaturizer.get_default_config()
    count_vectors = [
        CountVectorsFeaturizer.create(defaults, storage, Resource("words"), _context()),
        CountVectorsFeaturizer.create(
            {**defaults, "analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4}, storage, Resource("chars"), _context()
        ),
    ]
    if with_use:
        use = UniversalSentenceEncoderFeaturizer("use", UniversalSentenceEncoderFeaturizer.get_default_config())
        return [*count_vectors, use]
    return count_vectors


def _prepare(messages: list[Message]) -> None:
    ArabicNormalizer().process(messages)
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process(messages)


@pytest.fixture()
def storage(tmp_path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


def _trained(storage, *, with_use: bool = True, **config) -> tuple[TfidfLogisticRegressionClassifier, list]:
    training = TrainingData(
        [Message(data={TEXT: text, INTENT: intent}) for intent, texts in EXAMPLES.items() for text in texts]
    )
    _prepare(training.training_examples)
    featurizers = _featurizers(storage, with_use)
    for featurizer in featurizers:
        if hasattr(featurizer, "train"):
            featurizer.train(training)
        featurizer.process_training_data(training)
    classifier = TfidfLogisticRegressionClassifier.create(
        {**TfidfLogisticRegressionClassifier.get_default_config(), **config},
        storage,
        Resource("intent_classifier"),
        _context(),
    )
    classifier.train(training)
    return classifier, featurizers


def _message(text: str, featurizers: list) -> Message:
    message = Message(data={TEXT: text})
    _prepare([message])
    for featurizer in featurizers:
        featurizer.process([message])
    return message


def test_it_predicts_an_unseen_phrasing_and_ranks_every_intent(storage):
    classifier, featurizers = _trained(storage)
    message = _message("متى موعد نزول الدفعه", featurizers)
    classifier.process([message])
    assert message.get(INTENT)["name"] == "ask_payment"
    ranking = message.get("intent_ranking")
    assert ranking[0]["name"] == "ask_payment"
    assert {r["name"] for r in ranking} == set(EXAMPLES)
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)


def test_the_count_block_is_tfidf_weighted_to_unit_length_next_to_the_dense_block(storage):
    classifier, featurizers = _trained(storage)
    long_message = _message("السلام عليكم ابي اعرف متى ينزل الراتب والدفعه لو سمحت", featurizers)
    row = classifier._create_X([long_message])
    counts = classifier._counts([long_message])
    dense = classifier._sentence_features([long_message])[1][0]
    sparse_width = counts.shape[1]
    assert np.linalg.norm(row[:, :sparse_width].toarray()) == pytest.approx(1.0)
    assert np.allclose(row[:, sparse_width:].toarray(), dense)
    # Raw counts would be far longer than one: the weighting, not the counts, is what is fed.
    assert np.linalg.norm(counts.toarray()) > 3


def test_it_works_without_a_dense_featurizer(storage):
    classifier, featurizers = _trained(storage, with_use=False)
    message = _message("وش شروط الضمان الاجتماعي", featurizers)
    classifier.process([message])
    assert message.get(INTENT)["name"] == "ask_conditions"


def test_a_message_without_features_gets_a_low_confidence_intent_not_an_error(storage):
    classifier, _ = _trained(storage)
    empty = Message(data={TEXT: ""})  # not featurized at all
    classifier.process([empty])
    assert empty.get(INTENT)["confidence"] < 0.6
    assert len(empty.get("intent_ranking")) == len(EXAMPLES)


def test_c_is_passed_to_the_model():
    assert TfidfLogisticRegressionClassifier.get_default_config()["C"] == 30.0
    classifier = TfidfLogisticRegressionClassifier(
        {**TfidfLogisticRegressionClassifier.get_default_config(), "C": 2.5}, "n", None, None
    )
    assert classifier.clf.get_params()["C"] == 2.5
    assert classifier.clf.get_params()["class_weight"] == "balanced"


@pytest.mark.parametrize("bad", [0, -1, "x"])
def test_a_non_positive_c_is_refused(bad):
    with pytest.raises((InvalidConfigException, ValueError)):
        TfidfLogisticRegressionClassifier.validate_config({"C": bad})


def test_a_loaded_model_gives_the_same_probabilities(storage):
    classifier, featurizers = _trained(storage)
    loaded = TfidfLogisticRegressionClassifier.load(
        TfidfLogisticRegressionClassifier.get_default_config(),
        storage,
        Resource("intent_classifier"),
        _context(),
    )
    first, second = _message("ابي الشروط", featurizers), _message("ابي الشروط", featurizers)
    classifier.process([first])
    loaded.process([second])
    assert first.get("intent_ranking") == second.get("intent_ranking")


class _Foreign:
    """Not a scikit-learn or scipy type: skops cannot vouch for it."""


def test_a_model_file_with_foreign_types_is_refused_not_loaded_untrained(storage):
    resource = Resource("tampered")
    with storage.write_to(resource) as model_dir:
        sio.dump({"tfidf": _Foreign(), "clf": None}, model_dir / "tampered.skops")
    with pytest.raises(RasaException, match="unexpected types"):
        TfidfLogisticRegressionClassifier.load(
            TfidfLogisticRegressionClassifier.get_default_config(),
            storage,
            resource,
            _context(),
        )


def test_a_component_that_never_trained_loads_as_new(storage):
    loaded = TfidfLogisticRegressionClassifier.load(
        TfidfLogisticRegressionClassifier.get_default_config(),
        storage,
        Resource("never_trained"),
        _context(),
    )
    assert not hasattr(loaded.clf, "classes_")


# --- one tiny real training: the component inside Rasa's graph, persisted and reloaded ---

_CONFIG = """
recipe: default.v1
language: ar
assistant_id: tiny-tfidf-lr-test
pipeline:
- name: rasa_extensions.arabic_normalizer.ArabicNormalizer
- name: WhitespaceTokenizer
- name: CountVectorsFeaturizer
- name: CountVectorsFeaturizer
  analyzer: char_wb
  min_ngram: 2
  max_ngram: 4
- name: rasa_extensions.use_featurizer.UniversalSentenceEncoderFeaturizer
- name: rasa_extensions.tfidf_logistic_regression.TfidfLogisticRegressionClassifier
policies: []
"""


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    nlu = 'version: "3.1"\nnlu:\n' + "".join(
        f"- intent: {intent}\n  examples: |\n" + "".join(f"    - {t}\n" for t in texts)
        for intent, texts in EXAMPLES.items()
    )
    return train_tiny_nlu(tmp_path_factory.mktemp("tiny_tfidf_lr"), _CONFIG, nlu)


def test_a_trained_rasa_model_parses_with_it(tiny_model):
    from rasa.core.agent import Agent

    result = asyncio.run(Agent.load(str(tiny_model)).parse_message("هلا والله مرحبا"))
    assert result["intent"]["name"] == "greet"
    assert 0.0 < result["intent"]["confidence"] <= 1.0


def _with_earlier_ranking(message: Message, ranking: dict[str, float]) -> Message:
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking.items()]
    message.set("intent_ranking", sorted(entries, key=lambda e: -e["confidence"]))
    return message


def test_an_earlier_ranking_is_blended_by_its_weight(storage):
    alone, featurizers = _trained(storage, with_use=False)
    blended, _ = _trained(storage, with_use=False, earlier_ranking_weight=0.6)
    text = "وش شروط الضمان الاجتماعي"
    own = _message(text, featurizers)
    alone.process([own])
    own_scores = {e["name"]: e["confidence"] for e in own.get("intent_ranking")}
    # An earlier classifier (DIET in the pipeline) that is sure of another intent.
    earlier = {"ask_payment": 0.98, "ask_conditions": 0.01, "greet": 0.01}
    message = _with_earlier_ranking(_message(text, featurizers), earlier)
    blended.process([message])
    scores = {e["name"]: e["confidence"] for e in message.get("intent_ranking")}
    for name in EXAMPLES:
        assert scores[name] == pytest.approx(0.6 * earlier[name] + 0.4 * own_scores[name])
    assert message.get(INTENT)["name"] == max(scores, key=scores.get) == "ask_payment"
    assert sum(scores.values()) == pytest.approx(1.0)


def test_an_intent_cut_from_the_earlier_ranking_counts_as_zero_there(storage):
    blended, featurizers = _trained(storage, with_use=False, earlier_ranking_weight=0.5)
    message = _with_earlier_ranking(_message("مرحبا", featurizers), {"greet": 0.7, "ask_payment": 0.3})
    blended.process([message])
    scores = {e["name"]: e["confidence"] for e in message.get("intent_ranking")}
    assert set(scores) == set(EXAMPLES) and scores["ask_conditions"] < 0.5


def test_without_an_earlier_ranking_the_weight_changes_nothing(storage):
    alone, featurizers = _trained(storage, with_use=False)
    blended, _ = _trained(storage, with_use=False, earlier_ranking_weight=0.6)
    first, second = _message("متى ينزل الراتب", featurizers), _message("متى ينزل الراتب", featurizers)
    alone.process([first])
    blended.process([second])

    def pairs(message):
        return [(e["name"], round(e["confidence"], 9)) for e in message.get("intent_ranking")]

    assert pairs(first) == pairs(second)


@pytest.mark.parametrize("weight", [-0.1, 1.0, 2])
def test_the_earlier_weight_must_leave_room_for_this_model(weight):
    with pytest.raises(InvalidConfigException):
        TfidfLogisticRegressionClassifier.validate_config(
            {**TfidfLogisticRegressionClassifier.get_default_config(), "earlier_ranking_weight": weight}
        )
