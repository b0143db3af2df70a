"""How bench/nlu_unseen.py judges one parse result, and what it adds up; no model needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.nlu_unseen import SHAPES, fallback_threshold, scored_from_parse, summarise

THRESHOLD = 0.45


def _parse(intent, confidence, faq=None, faq_confidence=0.0, fell_back=False, second=("inform", 0.1)):
    ranking = [{"name": intent, "confidence": confidence}, {"name": second[0], "confidence": second[1]}]
    parse = {"intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking}
    if fell_back:
        parse["intent"] = {"name": "nlu_fallback", "confidence": THRESHOLD}
        parse["intent_ranking"] = [parse["intent"], *ranking]
    if faq:
        parse["response_selector"] = {
            "faq": {
                "response": {"intent_response_key": faq, "confidence": faq_confidence},
                "ranking": [
                    {"intent_response_key": faq, "confidence": faq_confidence},
                    {"intent_response_key": "faq/conditions", "confidence": 0.05},
                ],
            }
        }
    return parse


@pytest.mark.parametrize(
    "gold,parse,outcome",
    [
        ("greet", _parse("greet", 0.9), "right_at_once"),
        ("faq/payment_date", _parse("faq", 0.8, "faq/payment_date", 0.7), "right_at_once"),
        # The right intent below the threshold is still not "right at once": the bot asks again.
        ("greet", _parse("greet", 0.3, fell_back=True), "fallback"),
        ("check_status", _parse("check_eligibility", 0.3, fell_back=True), "fallback"),
        ("check_status", _parse("check_eligibility", 0.8), "confidently_wrong"),
        ("out_of_scope", _parse("faq", 0.9, "faq/payment_date", 0.2), "confidently_wrong"),
        ("faq/review_period", _parse("faq", 0.9, "faq/payment_date", 0.6), "confidently_wrong"),
        ("faq/review_period", _parse("faq", 0.9, "faq/payment_date", 0.3), "wrong_low_confidence"),
    ],
)
def test_each_parse_gets_the_outcome_the_bot_would_have(gold, parse, outcome):
    assert scored_from_parse("نص", gold, parse).outcome(THRESHOLD) == outcome


def test_fallback_is_undone_for_intent_accuracy_as_rasa_test_nlu_does():
    scored = scored_from_parse("نص", "greet", _parse("greet", 0.3, fell_back=True, second=("thank", 0.2)))
    assert (scored.intent, scored.second_intent, scored.fell_back) == ("greet", "thank", True)


def test_summary_counts_accuracies_outcomes_and_confusions():
    items = [
        scored_from_parse("a", "greet", _parse("greet", 0.9)),
        scored_from_parse("b", "faq/payment_date", _parse("faq", 0.9, "faq/payment_date", 0.8)),
        scored_from_parse("c", "faq/review_period", _parse("faq", 0.9, "faq/payment_date", 0.8)),
        scored_from_parse("d", "check_status", _parse("check_eligibility", 0.3, fell_back=True)),
    ]
    summary = summarise(items, THRESHOLD)
    assert summary["intent_accuracy"] == 0.75
    assert (summary["faq_n"], summary["faq_sub_intent_accuracy"]) == (2, 0.5)
    assert summary["outcomes"] == {
        "right_at_once": 0.5,
        "fallback": 0.25,
        "confidently_wrong": 0.25,
        "wrong_low_confidence": 0.0,
    }
    pairs = {(c["gold"], c["predicted"], c["count"]) for c in summary["top_confusions"]}
    assert pairs == {("faq/review_period", "faq/payment_date", 1), ("check_status", "check_eligibility", 1)}
    assert summary["per_label"]["faq/review_period"]["predicted_instead"] == {"faq/payment_date": 1}


@pytest.mark.parametrize(
    "config,expected",
    [
        ("pipeline:\n- name: FallbackClassifier\n  threshold: 0.6\n", 0.6),
        ("pipeline:\n- name: FallbackClassifier\n", 0.3),
        ("pipeline:\n- name: DIETClassifier\n", 0.3),
    ],
)
def test_fallback_threshold_is_read_from_the_config(config, expected, tmp_path: Path):
    path = tmp_path / "config.yml"
    path.write_text(config)
    assert fallback_threshold(path) == expected


@pytest.mark.parametrize(
    "shape,text,matches",
    [
        ("long question (15+ words)", " ".join(["كلمة"] * 15), True),
        ("long question (15+ words)", " ".join(["كلمة"] * 14), False),
        ("short (1-2 words)", "وش الشروط", True),
        ("Latin words mixed in", "ابي اعرف the conditions", True),
        ("Arabic-Indic or Persian digits", "عمري ٤٥", True),
        ("Arabic-Indic or Persian digits", "عمري 45", False),
        ("neighbouring program named", "متى ينزل حساب المواطن", True),
        ("neighbouring program named", "كيف اسجل في ساند", True),
        # "ريف" inside "تعريف" is not the ريف program.
        ("neighbouring program named", "تعريف المستقل في نظام الضمان", False),
    ],
)
def test_shapes_are_recognised_from_the_text(shape, text, matches):
    assert SHAPES[shape](text) is matches


@pytest.mark.parametrize(
    "gold,parse,second_right",
    [
        ("check_status", _parse("check_eligibility", 0.6, second=("check_status", 0.3)), True),
        ("check_status", _parse("check_eligibility", 0.6, second=("inform", 0.3)), False),
        # The runner-up faq answer is faq/conditions in _parse.
        ("faq/conditions", _parse("faq", 0.9, "faq/apply_steps", 0.5), True),
        ("faq/objection", _parse("faq", 0.9, "faq/apply_steps", 0.5), False),
        ("faq/payment_date", _parse("check_status", 0.6, "faq/payment_date", 0.8, second=("faq", 0.3)), True),
    ],
)
def test_a_wrong_pick_knows_whether_the_runner_up_was_right(gold, parse, second_right):
    assert scored_from_parse("نص", gold, parse).gold_is_second is second_right
