"""Checks that the fresh "unseen" NLU test set (issue 12) is loadable, complete, covers
the shapes of real questions, and is kept apart from training data and from heldout.yml.

These tests read only YAML; they never train or load a model. When a text is reported,
it is always one of unseen.yml's own, so nobody reads training data through them.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData
from test_heldout_file import (
    DIALECT_MARKERS,
    FAQ_SUB_INTENTS,
    HELDOUT_PATH,
    INTENTS,
    NOISE_PATTERNS,
    TRAINING_NLU_DIR,
    _comparable,
    _label,
    _without_marks,
)

UNSEEN_PATH = Path(__file__).with_name("unseen.yml")

# Topics people ask about that issue 12 adds as faq answers; the set tests them before
# the model knows them, so the baseline shows what they cost.
NEW_FAQ_SUB_INTENTS = ["home_visit", "extra_payments", "payment_problem", "support_stop", "update_data"]
# dict.fromkeys: stays right once the held-out contract lists the new ones too.
ALL_FAQ_SUB_INTENTS = list(dict.fromkeys(FAQ_SUB_INTENTS + NEW_FAQ_SUB_INTENTS))

MIN_TOTAL_EXAMPLES = 400
MIN_PER_LABEL = 8
MIN_INFORM_EXAMPLES = 40
MIN_OUT_OF_SCOPE_EXAMPLES = 30
# Written blind, so copies of training sentences must be accidents of short phrases.
MAX_TRAINING_OVERLAP_SHARE = 0.25
LONG_UTTERANCE_WORDS = 4
MAX_LONG_TRAINING_OVERLAP_SHARE = 0.05

# Neighbouring programs: each must be asked about, and only ever as out_of_scope.
NEIGHBOUR_PROGRAMS = {
    "citizen_account": "حساب المواطن",
    "comprehensive_rehabilitation": "التأهيل الشامل",
    "wusool": "دعم الوصول",
    "housing": r"(?:الاسكان|الإسكان|سكني)",
    "saned": r"(?<!\w)ساند(?!\w)",
}
# Long MSA questions that describe a household, then ask whether or how much.
SITUATION_WORDS = 15
MIN_SITUATION_QUESTIONS = 8
SITUATIONS = {
    "divorcee": "مطلق",
    "unmarried_daughter": "غير متزوجة",
    "widow": "أرملة",
    "father_died": "توفي والدنا",
    "wife_of_saudi": "مواطن سعودي",
    "abandoned": r"(?:هجر|تركنا)",
}
# Search-style headlines with no verb, as the issue quotes them.
HEADLINES = {"موعد نزول راتب الضمان": "faq/payment_date", "شروط الضمان المطور للمطلقة": "faq/conditions"}


@pytest.fixture(scope="module")
def unseen() -> TrainingData:
    return load_data(str(UNSEEN_PATH))


@pytest.fixture(scope="module")
def texts_by_label(unseen: TrainingData) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for message in unseen.intent_examples:
        grouped.setdefault(_label(message), []).append(message.get("text"))
    return grouped


def _texts(data: TrainingData) -> list[str]:
    return [m.get("text") for m in data.intent_examples]


def test_unseen_file_parses_with_rasa_loader_and_has_enough_examples(unseen):
    assert len(unseen.intent_examples) >= MIN_TOTAL_EXAMPLES


def test_unseen_file_uses_exactly_the_contract_intents(unseen):
    assert sorted(unseen.intents) == sorted(INTENTS)


@pytest.mark.parametrize("label", [i for i in INTENTS if i != "faq"] + [f"faq/{s}" for s in ALL_FAQ_SUB_INTENTS])
def test_each_label_has_enough_examples(label, texts_by_label):
    assert len(texts_by_label.get(label, [])) >= MIN_PER_LABEL


def test_no_unknown_faq_sub_intent_is_used(texts_by_label):
    used = {label.split("/", 1)[1] for label in texts_by_label if label.startswith("faq/")}
    unknown = sorted(used - set(ALL_FAQ_SUB_INTENTS))
    assert not unknown, f"faq sub-intents nobody planned (typo?): {unknown}"


def test_inform_and_out_of_scope_have_extra_variety(texts_by_label):
    assert len(texts_by_label["inform"]) >= MIN_INFORM_EXAMPLES
    assert len(texts_by_label["out_of_scope"]) >= MIN_OUT_OF_SCOPE_EXAMPLES


@pytest.mark.parametrize("program", sorted(NEIGHBOUR_PROGRAMS))
def test_neighbouring_program_is_asked_about_and_always_out_of_scope(program, texts_by_label):
    pattern = re.compile(NEIGHBOUR_PROGRAMS[program])
    assert any(pattern.search(t) for t in texts_by_label["out_of_scope"]), f"no question about {program}"
    mislabelled = [
        (label, t)
        for label, texts in texts_by_label.items()
        if label != "out_of_scope"
        for t in texts
        if pattern.search(t)
    ]
    assert not mislabelled, mislabelled


@pytest.mark.parametrize("situation", sorted(SITUATIONS))
def test_long_situation_question_is_represented(situation, unseen):
    pattern = re.compile(SITUATIONS[situation])
    long_texts = [t for t in _texts(unseen) if len(t.split()) >= SITUATION_WORDS]
    assert len(long_texts) >= MIN_SITUATION_QUESTIONS
    assert any(pattern.search(t) for t in long_texts), f"no long question about a {situation}"


@pytest.mark.parametrize("headline,label", sorted(HEADLINES.items()))
def test_search_style_headline_is_labelled(headline, label, texts_by_label):
    assert headline in texts_by_label[label]


def test_no_utterance_appears_twice_ignoring_diacritics_and_punctuation(unseen):
    counts = Counter(_without_marks(t) for t in _texts(unseen))
    repeated = sorted(text for text, n in counts.items() if n > 1)
    assert not repeated, f"repeated utterances: {repeated}"


@pytest.mark.parametrize(
    "dialect,marker",
    [(dialect, marker) for dialect, markers in DIALECT_MARKERS.items() for marker in markers],
)
def test_every_dialect_marker_is_used(dialect, marker, unseen):
    pattern = re.compile(rf"(?<!\w){marker}")
    assert any(pattern.search(t) for t in _texts(unseen)), f"no {dialect} example uses {marker}"


@pytest.mark.parametrize("kind", sorted(NOISE_PATTERNS))
def test_real_world_misspelling_is_represented(kind, unseen):
    pattern = re.compile(NOISE_PATTERNS[kind])
    assert any(pattern.search(t) for t in _texts(unseen)), kind


def _comparable_texts(paths: list[Path]) -> set[str]:
    texts: set[str] = set()
    for path in paths:
        texts.update(_comparable(m.get("text")) for m in load_data(str(path)).intent_examples)
    return texts


def _shared(texts: list[str], others: set[str]) -> list[str]:
    return [t for t in texts if _comparable(t) in others]


def test_unseen_set_is_not_merged_into_training_data(unseen):
    training_files = sorted(TRAINING_NLU_DIR.rglob("*.yml")) if TRAINING_NLU_DIR.is_dir() else []
    if not training_files:
        pytest.skip("no training NLU data yet")
    training_texts = _comparable_texts(training_files)
    texts = _texts(unseen)
    long_texts = [t for t in texts if len(_comparable(t).split()) >= LONG_UTTERANCE_WORDS]
    shared, shared_long = _shared(texts, training_texts), _shared(long_texts, training_texts)
    assert len(shared) / len(texts) <= MAX_TRAINING_OVERLAP_SHARE, (
        f"{len(shared)} unseen utterances also appear in data/nlu: {shared}"
    )
    assert len(shared_long) / len(long_texts) <= MAX_LONG_TRAINING_OVERLAP_SHARE, (
        f"{len(shared_long)} long unseen utterances also appear in data/nlu: {shared_long}"
    )


def test_unseen_set_does_not_repeat_long_heldout_utterances(unseen):
    # Two separate measurements: a long sentence in both would be counted twice.
    long_texts = [t for t in _texts(unseen) if len(_comparable(t).split()) >= LONG_UTTERANCE_WORDS]
    shared = _shared(long_texts, _comparable_texts([HELDOUT_PATH]))
    assert not shared, f"long unseen utterances also in heldout.yml: {shared}"
