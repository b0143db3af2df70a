"""Checks that the held-out NLU set is loadable, complete and kept apart from training data.

These tests read only YAML; they never train or load a model.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData

HELDOUT_PATH = Path(__file__).with_name("heldout.yml")
TRAINING_NLU_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"

MIN_TOTAL_EXAMPLES = 150
MIN_PER_LABEL = 5
# Inform carries every form answer type, so it needs far more variety than "greet".
MIN_INFORM_EXAMPLES = 20
MIN_OUT_OF_SCOPE_EXAMPLES = 10
# Short canonical utterances ("لا", "شكرا", "السلام عليكم") are bound to be in the
# training data too, so the whole-set limit is loose; a merge would give 100%.
MAX_TRAINING_OVERLAP_SHARE = 0.25
# Identical sentences of several words are rarely a coincidence: keep them rare.
LONG_UTTERANCE_WORDS = 4
MAX_LONG_TRAINING_OVERLAP_SHARE = 0.10

INTENTS = [
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "stop",
    "human_handoff",
    "out_of_scope",
    "check_eligibility",
    "check_status",
    "inform",
    "ask_why",
    "start_over",
    "faq",
]
FAQ_SUB_INTENTS = [
    "about_program",
    "conditions",
    "income_limit",
    "apply_steps",
    "eligibility_inquiry_steps",
    "digital_card",
    "review_period",
    "payment_date",
    "rehabilitation",
    "multiple_families",
    "study_abroad",
    "objection",
    "support_amount",
    "assets_rule",
    "residence_abroad",
    "independent_person",
    # issue 12: topics the sources do not cover (domain.md, last section)
    "home_visit",
    "extra_payments",
    "payment_problem",
    "support_stop",
    "update_data",
]

# A marker must start a word, so "شو" does not match inside "عشوائي".
DIALECT_MARKERS = {
    "gulf": ["وش", "ابي", "ابغى", "وشلون", "زين"],
    "hijazi": ["ايش", "فين", "دحين"],
    "egyptian": ["ازاي", "عايز", "فين"],
    "levantine": ["شو", "بدي", "هلق"],
}

# How real users misspell; each pattern must occur at least once.
NOISE_PATTERNS = {
    "arabic_indic_digits": r"[\u0660-\u0669]",
    "persian_digits": r"[\u06F0-\u06F9]",
    "arabic_thousands_separator": r"[\u0660-\u0669]\u066C[\u0660-\u0669]",
    "latin_thousands_separator": r"\d,\d{3}",
    "tatweel": "\u0640",
    "diacritics": r"[\u064B-\u0652]",
    "dad_written_as_zah": "الظمان",
    "latin_words": r"[A-Za-z]{2,}",
    "alef_maqsura_as_ya": r"(?<!\w)متي(?!\w)",
    "ta_marbuta_as_ha": r"(?<!\w)السعوديه(?!\w)",
    "hamza_dropped": r"(?<!\w)ابدا(?!\w)",
}

_DIACRITICS_AND_TATWEEL = re.compile(r"[\u064B-\u0652\u0670\u0640]")
_PUNCTUATION = re.compile(r"[^\w\s]")


def _without_marks(text: str) -> str:
    """Drop diacritics, tatweel and punctuation; keep spelling (hamza, ة/ه) as typed."""
    text = _DIACRITICS_AND_TATWEEL.sub("", text)
    text = _PUNCTUATION.sub(" ", text.lower())
    return " ".join(text.split())


def _comparable(text: str) -> str:
    """Fold spelling variants too, so a lightly respelled copy still counts as a copy."""
    text = re.sub("[أإآ]", "ا", _without_marks(text))
    return text.replace("ة", "ه").replace("ى", "ي").replace("ظ", "ض")


def _label(message) -> str:
    """faq examples are labelled by their full response key, e.g. faq/conditions."""
    return message.get("intent_response_key") or message.get("intent")


@pytest.fixture(scope="module")
def heldout() -> TrainingData:
    return load_data(str(HELDOUT_PATH))


@pytest.fixture(scope="module")
def label_counts(heldout: TrainingData) -> Counter:
    return Counter(_label(m) for m in heldout.intent_examples)


@pytest.fixture(scope="module")
def texts_by_label(heldout: TrainingData) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for message in heldout.intent_examples:
        grouped.setdefault(_label(message), []).append(message.get("text"))
    return grouped


def test_heldout_file_parses_with_rasa_loader_and_has_enough_examples(heldout):
    assert len(heldout.intent_examples) >= MIN_TOTAL_EXAMPLES


def test_every_contract_intent_is_present(heldout):
    missing = sorted(set(INTENTS) - set(heldout.intents))
    assert not missing, f"held-out set lacks intents: {missing}"


def test_no_intent_outside_the_contract_is_used(heldout):
    unknown = sorted(set(heldout.intents) - set(INTENTS))
    assert not unknown, f"intents not in the shared contract (typo?): {unknown}"


@pytest.mark.parametrize("intent", [i for i in INTENTS if i != "faq"])
def test_each_plain_intent_has_at_least_five_examples(intent, label_counts):
    assert label_counts[intent] >= MIN_PER_LABEL


@pytest.mark.parametrize("sub_intent", FAQ_SUB_INTENTS)
def test_each_faq_sub_intent_has_at_least_five_examples(sub_intent, label_counts):
    assert label_counts[f"faq/{sub_intent}"] >= MIN_PER_LABEL


def test_no_faq_sub_intent_outside_the_contract_is_used(label_counts):
    used = {label.split("/", 1)[1] for label in label_counts if label.startswith("faq/")}
    unknown = sorted(used - set(FAQ_SUB_INTENTS))
    assert not unknown, f"faq sub-intents not in the shared contract: {unknown}"


def test_inform_and_out_of_scope_have_extra_variety(label_counts):
    assert label_counts["inform"] >= MIN_INFORM_EXAMPLES
    assert label_counts["out_of_scope"] >= MIN_OUT_OF_SCOPE_EXAMPLES


def test_gulf_conditions_question_is_labelled_faq_conditions(texts_by_label):
    assert "وش شروط الضمان المطور؟" in texts_by_label["faq/conditions"]


def test_no_utterance_appears_twice_ignoring_diacritics_and_punctuation(heldout):
    # Spelling variants (ابدأ/ابدا) are deliberate separate cases, so they are not folded.
    counts = Counter(_without_marks(m.get("text")) for m in heldout.intent_examples)
    repeated = sorted(text for text, n in counts.items() if n > 1)
    assert not repeated, f"repeated utterances: {repeated}"


@pytest.mark.parametrize(
    "dialect,marker",
    [(dialect, marker) for dialect, markers in DIALECT_MARKERS.items() for marker in markers],
)
def test_every_dialect_marker_is_used(dialect, marker, heldout):
    pattern = re.compile(rf"(?<!\w){marker}")
    assert any(pattern.search(m.get("text")) for m in heldout.intent_examples), f"no {dialect} example uses {marker}"


@pytest.mark.parametrize("kind", sorted(NOISE_PATTERNS))
def test_real_world_misspelling_is_represented(kind, heldout):
    pattern = re.compile(NOISE_PATTERNS[kind])
    assert any(pattern.search(m.get("text")) for m in heldout.intent_examples), kind


def test_heldout_set_is_not_merged_into_training_data(heldout):
    training_files = sorted(TRAINING_NLU_DIR.rglob("*.yml")) if TRAINING_NLU_DIR.is_dir() else []
    if not training_files:
        pytest.skip("no training NLU data yet")
    training_texts = set()
    for path in training_files:
        training_texts.update(_comparable(m.get("text")) for m in load_data(str(path)).intent_examples)
    # Only held-out texts are reported, so nobody reads training data through this test.
    texts = [m.get("text") for m in heldout.intent_examples]
    long_texts = [t for t in texts if len(_comparable(t).split()) >= LONG_UTTERANCE_WORDS]
    shared = [t for t in texts if _comparable(t) in training_texts]
    shared_long = [t for t in long_texts if _comparable(t) in training_texts]
    share = len(shared) / len(texts)
    long_share = len(shared_long) / len(long_texts)
    assert share <= MAX_TRAINING_OVERLAP_SHARE, (
        f"{len(shared)} held-out utterances ({share:.0%}) also appear in data/nlu: {shared}"
    )
    assert long_share <= MAX_LONG_TRAINING_OVERLAP_SHARE, (
        f"{len(shared_long)} long held-out utterances ({long_share:.0%}) also appear in data/nlu: {shared_long}"
    )
