"""Rasa's LogisticRegressionClassifier with tf-idf weighting of the count features.

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

A candidate of the NLU comparison (bench/configs/tfidf_lr_use.yml), not shipped: on this
bot's 3,348 examples it scores 0.929 intent macro-F1 in 5-fold cross-validation against
DIET's 0.895, but on fresh phrasing it asks to rephrase common questions that DIET answers
(bench/nlu_pipeline_comparison.md, round 7). Why not Rasa's LogisticRegressionClassifier
as it is: it feeds raw counts, so the frequent char n-grams of a long message outweigh
the one word that names the intent, and its regularisation strength C is fixed at 1. This
subclass changes those two things (and lets class_weight be set):

- the sparse sentence features (the counts of every CountVectorsFeaturizer, concatenated by
  Rasa) are weighted by tf-idf fitted on the training data, with sublinear tf and L2 rows
  (scikit-learn's TfidfTransformer), so both blocks of the input have unit length: the
  tf-idf row and the dense sentence feature (USE's embedding is L2-normalised);
- C is configurable.

Everything else (class_weight "balanced" by default, the ranking, skops persistence,
lbfgs) is the parent's. Confidences are the model's class probabilities, which the FallbackClassifier
and actions/clarify.py threshold.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import skops.io as sio
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.exceptions import InvalidConfigException, RasaException
from rasa.shared.nlu.constants import INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.feature_extraction.text import TfidfTransformer

# What a persisted model may contain besides scikit-learn's own estimators: the tf-idf
# weights are kept as a sparse diagonal matrix.
TRUSTED_TYPES = frozenset({"scipy.sparse._csr.csr_matrix"})


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Intent classifier: tf-idf-weighted count features plus dense sentence features → LR.

    Input per message: the sparse sentence features of TEXT (1 × vocabulary, counts) and,
    if a dense featurizer ran, its sentence features (1 × d). Output: `intent` and
    `intent_ranking` as Rasa's classifiers set them, confidences in [0, 1] summing to 1.

    Raises:
        InvalidConfigException: C is not a positive number.
        RasaException: a persisted model holds types other than scikit-learn's and
            TRUSTED_TYPES (a tampered or foreign file), instead of loading untrained.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **LogisticRegressionClassifier.get_default_config(),
            # Chosen by 5-fold CV on data/nlu (bench/nlu_pipeline_comparison.md, round 7):
            # 1 underfits the rare phrasings of the small intents; 30–100 score the same.
            "C": 30.0,
            # lbfgs needs more than the parent's 100 iterations to converge at C = 30.
            "max_iter": 3000,
            "sublinear_tf": True,
            # "balanced" (the parent's) or null: see bench/nlu_pipeline_comparison.md, round 7.
            "class_weight": "balanced",
            # Weight in [0, 1) of the ranking an earlier intent classifier in the pipeline
            # (DIET) left on the message: the intent confidences become
            # w · earlier + (1 − w) · this model's probabilities. 0: this model alone.
            "earlier_ranking_weight": 0.0,
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if not float(config.get("C", 0)) > 0:
            raise InvalidConfigException(
                f"TfidfLogisticRegressionClassifier: C must be positive, got {config.get('C')!r}."
            )
        if not 0 <= float(config.get("earlier_ranking_weight", 0)) < 1:
            raise InvalidConfigException(
                "TfidfLogisticRegressionClassifier: earlier_ranking_weight must be in [0, 1), "
                f"got {config.get('earlier_ranking_weight')!r}."
            )

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=float(self.config["C"]), class_weight=self.config["class_weight"])
        self.tfidf = TfidfTransformer(sublinear_tf=bool(self.config["sublinear_tf"]))

    @staticmethod
    def _sentence_features(messages: list[Message]) -> tuple[list[csr_matrix | None], list[np.ndarray | None]]:
        """Each message's sparse (1 × vocabulary) and dense (1 × d) sentence features, or
        None where a featurizer added none (an empty message has no tokens to count)."""
        sparse_rows: list[csr_matrix | None] = []
        dense_rows: list[np.ndarray | None] = []
        for message in messages:
            _, sparse = message.get_sparse_features(TEXT)
            _, dense = message.get_dense_features(TEXT)
            sparse_rows.append(csr_matrix(sparse.features) if sparse is not None else None)
            dense_rows.append(np.asarray(dense.features) if dense is not None else None)
        return sparse_rows, dense_rows

    def _counts(self, messages: list[Message]) -> csr_matrix:
        """Count features, n × vocabulary; a message without any gets a row of zeros."""
        rows, _ = self._sentence_features(messages)
        width = len(self.tfidf.idf_) if hasattr(self.tfidf, "idf_") else None
        if width is None:
            width = next((row.shape[1] for row in rows if row is not None), None)
        if width is None:
            raise RasaException(
                "TfidfLogisticRegressionClassifier needs a sparse featurizer "
                "(CountVectorsFeaturizer) before it in the pipeline."
            )
        return vstack([row if row is not None else csr_matrix((1, width)) for row in rows]).tocsr()

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        """Model input, n × (vocabulary + d): tf-idf rows of unit length, then the dense
        sentence features as they are (zeros for a message that has none)."""
        weighted = self.tfidf.transform(self._counts(messages))
        _, dense_rows = self._sentence_features(messages)
        if hasattr(self.clf, "n_features_in_"):
            width = int(self.clf.n_features_in_) - weighted.shape[1]
        else:
            width = next((row.shape[1] for row in dense_rows if row is not None), 0)
        if width == 0:
            return weighted
        dense = np.vstack([row if row is not None else np.zeros((1, width)) for row in dense_rows])
        return hstack([weighted, csr_matrix(dense)]).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the tf-idf weights and the classifier on the intent examples."""
        examples = [e for e in training_data.intent_examples if e.get("intent") and e.get(TEXT)]
        if not examples:
            return self._resource
        self.tfidf.fit(self._counts(examples))
        self.clf.fit(self._create_X(examples), [e.get("intent") for e in examples])
        self.persist()
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets `intent` and `intent_ranking`: this model's class probabilities, blended
        with the ranking an earlier classifier left when `earlier_ranking_weight` > 0.

        Both rankings are over the same intents; an intent missing from the earlier one
        (cut by its ranking_length) counts as 0 there. A message without an earlier
        ranking gets this model's probabilities alone.
        """
        weight = float(self.config["earlier_ranking_weight"])
        earlier = [message.get(INTENT_RANKING_KEY) or [] for message in messages]
        probabilities = self.clf.predict_proba(self._create_X(messages))
        for message, before, row in zip(messages, earlier, probabilities, strict=True):
            own = weight if before and weight else 0.0
            scores = {str(name): (1 - own) * float(p) for name, p in zip(self.clf.classes_, row, strict=True)}
            for entry in before if own else []:
                name = entry.get("name")
                scores[name] = scores.get(name, 0.0) + own * float(entry.get("confidence") or 0.0)
            ranking = sorted(
                ({"name": name, "confidence": confidence} for name, confidence in scores.items()),
                key=lambda entry: -entry["confidence"],
            )
            message.set("intent", ranking[0], add_to_output=True)
            length = int(self.config[RANKING_LENGTH])
            message.set("intent_ranking", ranking[:length] if length > 0 else ranking, add_to_output=True)
        return messages

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump({"tfidf": self.tfidf, "clf": self.clf}, model_dir / f"{self._resource.name}.skops")

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TfidfLogisticRegressionClassifier:
        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as model_dir:
                path = model_dir / f"{resource.name}.skops"
                untrusted = set(sio.get_untrusted_types(file=path))
                if not untrusted <= TRUSTED_TYPES:
                    raise RasaException(f"{path.name} holds unexpected types: {sorted(untrusted - TRUSTED_TYPES)}")
                saved = sio.load(path, trusted=sorted(untrusted))
        except ValueError:
            # Rasa's convention: a component that was not trained (no intent examples)
            # has no resource and loads as new.
            return component
        component.tfidf, component.clf = saved["tfidf"], saved["clf"]
        return component
