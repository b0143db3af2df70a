"""facts(), parameters_on(), threshold_sar() and the Arabic rendering."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import eligibility
from eligibility import assess, facts, parameters_on, render_assessment_ar, render_understood_ar, threshold_sar
from eligibility.formatting import format_number

CONTRACT_KEYS = {
    "reference_amount_sar",
    "dependent_amount_sar",
    "independent_min_age",
    "review_period_days",
    "review_period_days_regulation",
    "results_day",
    "payment_day",
    "earned_income_share_pct",
    "max_months_abroad",
    "rules_version",
    "previous_reference_amount_sar",
    "previous_dependent_amount_sar",
    "raise_date",
    "example_dependents",
    "example_threshold_sar",
    "conditions_text",
    "assets_wealth_divisor",
    "income_counting",
    "age_rule",
    "wealth_rule",
}
AMOUNT = re.compile(r"^\d{1,3}(,\d{3})*$")
FAMILY = {
    "is_saudi": True,
    "resides_in_ksa": True,
    "dependents_count": 3,
    "earned_income": 1800,
    "other_income": 0,
    "has_high_value_assets": False,
    "has_bank_account": True,
    "lives_in_care_facility": False,
    "has_children": True,
    "meets_education_health": True,
    "accepts_rehabilitation": True,
}
ALONE = {**FAMILY, "dependents_count": 0, "age": 30, "has_children": None}


def _sar(value: int) -> str:
    return f"{value:,}"


@pytest.mark.parametrize("on", ["2022-01-01", "2024-03-15", None])
def test_facts_has_every_contract_key_as_text(on):
    values = facts(on)
    assert set(values) >= CONTRACT_KEYS
    assert all(isinstance(value, str) and value for value in values.values())


def test_facts_amounts_use_thousands_separators_and_match_the_parameters():
    values, params = facts("2024-03-15"), parameters_on("2024-03-15")
    for key in (
        "reference_amount_sar",
        "dependent_amount_sar",
        "example_threshold_sar",
        "previous_reference_amount_sar",
        "previous_dependent_amount_sar",
    ):
        assert AMOUNT.match(values[key]), key
    assert values["reference_amount_sar"] == _sar(params.reference_amount_sar)
    example = params.reference_amount_sar + params.dependent_amount_sar * int(values["example_dependents"])
    assert values["example_threshold_sar"] == _sar(example)
    assert values["earned_income_share_pct"] == str(int(params.earned_income_share * 100))


def test_facts_after_the_raise_show_the_previous_amounts_and_raise_date():
    after, before = facts("2024-03-15"), facts("2023-10-31")
    assert after["previous_reference_amount_sar"] == before["reference_amount_sar"]
    assert after["previous_dependent_amount_sar"] == before["dependent_amount_sar"]
    assert after["raise_date"] == after["rules_version"] == "2023-11-01"
    assert before["rules_version"] != after["rules_version"]


def test_facts_before_any_raise_use_the_current_values_as_previous():
    values = facts("2022-01-01")
    assert values["previous_reference_amount_sar"] == values["reference_amount_sar"]


def test_conditions_text_lists_every_condition_with_current_numbers():
    values = facts("2024-03-15")
    lines = values["conditions_text"].splitlines()
    assert len(lines) >= len(eligibility.CONDITIONS) - 1  # dependents_count is part of the income line
    assert all(line.startswith("• ") for line in lines)
    for key in (
        "reference_amount_sar",
        "dependent_amount_sar",
        "independent_min_age",
        "max_months_abroad",
        "earned_income_share_pct",
        "assets_wealth_divisor",
    ):
        assert values[key] in values["conditions_text"], key


def test_conditions_text_does_not_list_age_as_a_general_condition():
    values = facts("2024-03-15")
    age_lines = [line for line in values["conditions_text"].splitlines() if values["independent_min_age"] in line]
    assert age_lines == [f"• {values['age_rule']}."]
    assert "المستقل" in values["age_rule"] and "رب الأسرة" in values["age_rule"]


@pytest.mark.parametrize("on", ["2022-01-01", "2024-03-15"])
def test_income_counting_fact_says_salaries_at_the_share_other_income_in_full_and_wealth_divided(on):
    values, params = facts(on), parameters_on(on)
    text = values["income_counting"]
    assert f"{int(params.earned_income_share * 100)}% من دخل العمل" in text
    assert "كاملًا" in text and "التقاعد" in text
    assert f"على {params.assets_wealth_divisor}" in text
    assert values["income_counting"] in values["conditions_text"]


def test_threshold_function_adds_the_dependent_amount_per_dependent():
    params = parameters_on("2024-03-15")
    assert threshold_sar(0, "2024-03-15") == params.reference_amount_sar
    assert threshold_sar(4, "2024-03-15") - threshold_sar(3, "2024-03-15") == params.dependent_amount_sar


def test_parameters_on_returns_typed_values_and_sources():
    params = parameters_on("2024-03-15")
    assert isinstance(params.reference_amount_sar, int) and isinstance(params.review_period_days, int)
    source = params.sources["reference_amount"]
    assert source.file == "reference_amount.yaml" and source.value_reference and source.reference


def test_each_failed_condition_can_be_traced_to_its_parameter_sources():
    assessment = assess({**FAMILY, "earned_income": 90000}, on="2024-03-15")
    sources = assessment.sources_for("monthly_income")
    files = {source.file for source in sources}
    assert {
        "reference_amount.yaml",
        "dependent_amount.yaml",
        "earned_income_share.yaml",
        "assets_wealth_divisor.yaml",
    } <= files
    assert all(source.start <= assessment.on for source in sources)


def test_explain_gives_every_condition_with_status_and_sources():
    assessment = assess({**ALONE, "age": 16}, on="2023-10-31")
    explained = assessment.explain()
    assert list(explained) == list(eligibility.CONDITIONS)
    assert explained["age"]["status"] == "not_met" and explained["age"]["remedy_ar"]
    age_source = explained["age"]["sources"][0]
    assert age_source["file"] == "independent_min_age.yaml" and age_source["since"] <= "2023-10-31"
    income_sources = {s["parameter"]: s for s in explained["monthly_income"]["sources"]}
    assert income_sources["reference_amount"]["since"] == assessment.rules_period


def test_eligible_text_shows_the_estimate_arithmetic_and_next_step():
    assessment = assess(FAMILY, on="2024-03-15")
    text = render_assessment_ar(assessment)
    threshold, counted, support = (
        _sar(assessment.threshold_sar),
        _sar(assessment.counted_income_sar),
        _sar(assessment.estimated_support_sar),
    )
    assert f"{threshold} − الدخل المحتسب {counted} = {support}" in text
    assert "تقديري" in text
    assert "sbis.hrsd.gov.sa" in text and "النفاذ الوطني" in text
    assert assessment.rules_period in text


def test_eligible_text_shows_counted_income_by_source():
    answers = {
        **FAMILY,
        "earned_income": 1500,
        "other_income": 800,
        "has_high_value_assets": True,
        "assets_value": 6000,
    }
    assessment = assess(answers, on="2024-03-15")
    text = render_assessment_ar(assessment)
    assert assessment.eligible
    assert "دخل العمل: 1,500 ريال، يُحتسب منه 50% = 750 ريال" in text
    assert "الدخل الآخر" in text and "800 ريال، يُحتسب كاملًا" in text
    assert "6,000 ريال ÷ 12 = 500 ريال شهريًا" in text
    assert f"750 + 800 + 500 = {_sar(assessment.counted_income_sar)} ريال" in text


def test_ineligible_text_lists_every_failed_condition_with_what_to_do():
    assessment = assess({**FAMILY, "has_bank_account": False, "accepts_rehabilitation": False}, on="2024-03-15")
    text = render_assessment_ar(assessment)
    for name in assessment.failed_conditions:
        result = assessment.conditions[name]
        assert result.explanation_ar in text and result.remedy_ar in text
    assert "حساب" in text and "صندوق تنمية الموارد البشرية" in text
    assert "تقديري" not in text


def test_income_failure_explains_counted_income_against_the_threshold():
    assessment = assess({**FAMILY, "earned_income": 9000}, on="2024-03-15")
    explanation = assessment.conditions["monthly_income"].explanation_ar
    assert _sar(assessment.counted_income_sar) in explanation and _sar(assessment.threshold_sar) in explanation


def test_incomplete_text_names_what_is_still_missing():
    text = render_assessment_ar(assess({"is_saudi": True}, on="2024-03-15"))
    assert "لم تكتمل" in text and "حساب بنكي" in text


RENDERED = [
    FAMILY,
    {**FAMILY, "earned_income": 9000},
    {"is_saudi": True},
    {**ALONE, "other_income": 300, "has_high_value_assets": True, "assets_value": 12000},
    {**FAMILY, "earned_income": 1501, "other_income": 250, "has_high_value_assets": True, "assets_value": 10000},
]


def _allowed_numbers(assessment) -> set:
    income = assessment.income
    parts = [
        income.earned_income_sar,
        income.counted_earned_sar,
        income.other_income_sar,
        income.assets_value_sar,
        income.wealth_monthly_sar,
    ]
    return set(facts(assessment.on).values()) | {
        _sar(assessment.threshold_sar),
        _sar(assessment.counted_income_sar),
        _sar(assessment.estimated_support_sar),
        str(assessment.answers.dependents_count),
        str(assessment.answers.age),
        *(format_number(part) for part in parts if part is not None),
        *assessment.rules_period.split("-"),
    }


@pytest.mark.parametrize("answers", RENDERED)
def test_every_number_in_rendered_text_comes_from_the_rules_or_answers(answers):
    assessment = assess(answers, on="2024-03-15")
    numbers = re.findall(r"\d[\d,.]*\d|\d", render_assessment_ar(assessment))
    assert numbers and all(number in _allowed_numbers(assessment) for number in numbers)


@pytest.mark.parametrize("answers", RENDERED)
def test_every_number_in_the_understood_message_comes_from_the_rules_or_answers(answers):
    assessment = assess(answers, on="2024-03-15")
    numbers = re.findall(r"\d[\d,.]*\d|\d", render_understood_ar(answers, on="2024-03-15"))
    assert all(number in _allowed_numbers(assessment) for number in numbers)


def test_understood_message_is_short_and_says_family_income_by_source_wealth_and_the_facts():
    answers = {
        **FAMILY,
        "dependents_count": 4,
        "earned_income": 1500,
        "other_income": 800,
        "has_high_value_assets": True,
        "assets_value": 24000,
    }
    text = render_understood_ar(answers, on="2024-03-15")
    lines = text.splitlines()
    assert len(lines) <= 6
    assert "4 تابعين" in text
    assert "من العمل 1,500 ريال" in text and "من مصادر أخرى 800 ريال" in text
    assert "2,000 ريال شهريًا" in text and "24,000 ÷ 12" in text
    assert "سعودي" in text and "حساب بنكي" in text and "التعليم والصحة" in text
    assert lines[-1].endswith("؟")


@pytest.mark.parametrize(
    "answers, said, not_said",
    [
        ({**ALONE, "age": 67}, ["وحدك", "67 سنة"], ["الأسرة:", "أبناء"]),
        (
            {
                **FAMILY,
                "dependents_count": 1,
                "has_children": False,
                "earned_income": 0,
                "other_income": 1000,
                "meets_education_health": None,
                "has_able_to_work_members": False,
                "accepts_rehabilitation": None,
            },
            ["تابع واحد", "لا أحد في الأسرة يقدر على العمل", "لا أبناء"],
            ["التأهيل", "التعليم"],
        ),
        ({**FAMILY, "dependents_count": 2}, ["تابعان", "لا ثروات غير المسكن الأساسي"], ["وحدك"]),
        (
            {**FAMILY, "has_able_to_work_members": False, "accepts_rehabilitation": None},
            ["لا أحد في الأسرة يقدر على العمل"],
            ["التأهيل"],
        ),
        ({**FAMILY, "is_saudi": False, "nationality_exception": True}, ["غير سعودي", "المستثناة"], []),
        ({**FAMILY, "nationality_exception": False}, ["سعودي"], ["المستثناة"]),
    ],
)
def test_understood_message_says_back_only_what_decides_the_outcome(answers, said, not_said):
    text = render_understood_ar(answers, on="2024-03-15")
    assert all(part in text for part in said), text
    assert not any(part in text for part in not_said), text


def test_understood_message_amounts_follow_the_parameters_in_force():
    answers = {**ALONE, "has_high_value_assets": True, "assets_value": 24000}
    divisor = parameters_on("2024-03-15").assets_wealth_divisor
    assert f"÷ {divisor}" in render_understood_ar(answers, on="2024-03-15")


@pytest.mark.parametrize(
    "answers, summary",
    [
        (FAMILY, "مؤهل مبدئيًا، الدعم التقديري {support} ريال شهريًا"),
        ({**ALONE, "earned_income": 0, "other_income": 2000}, "غير مؤهل: الدخل أعلى من الحد"),
        (
            {**FAMILY, "has_bank_account": False, "resides_in_ksa": False},
            "غير مؤهل: الإقامة خارج المملكة، لا يوجد حساب بنكي",
        ),
        ({"is_saudi": True}, "لم تكتمل الإجابات بعد"),
    ],
)
def test_summary_is_one_line_with_the_verdict(answers, summary):
    assessment = assess(answers, on="2024-03-15")
    expected = summary.format(support=_sar(assessment.estimated_support_sar))
    assert assessment.summary_ar == expected == assessment.to_payload()["summary_ar"]


def test_payload_keeps_the_contract_keys_and_adds_income_by_source_and_reasons():
    answers = {
        **FAMILY,
        "earned_income": 1500,
        "other_income": 800,
        "has_high_value_assets": True,
        "assets_value": 10000,
        "has_bank_account": False,
    }
    payload = assess(answers, on="2024-03-15").to_payload()
    assert {
        "eligible",
        "failed_conditions",
        "threshold_sar",
        "counted_income_sar",
        "estimated_support_sar",
        "rules_version",
    } <= set(payload)
    assert payload["income_by_source"] == {
        "earned_income_sar": 1500,
        "counted_earned_sar": 750,
        "other_income_sar": 800,
        "assets_value_sar": 10000,
        "wealth_monthly_sar": 833.33,
        "counted_sar": 2384,
    }
    assert [reason["condition"] for reason in payload["failed_reasons"]] == payload["failed_conditions"]
    assert all(reason["explanation_ar"] and reason["remedy_ar"] for reason in payload["failed_reasons"])
    json.dumps(payload)  # serialisable as it goes over the wire


def test_payload_income_parts_not_answered_are_null_not_zero():
    payload = assess({**ALONE, "other_income": 5000, "earned_income": None}, on="2024-03-15").to_payload()
    assert payload["failed_conditions"] == ["monthly_income"]
    assert payload["income_by_source"]["earned_income_sar"] is None
    assert payload["income_by_source"]["other_income_sar"] == 5000


def test_no_digits_are_typed_into_arabic_text_modules():
    package = Path(eligibility.__file__).parent
    for name in ("texts_ar.py", "render.py", "assessment.py", "facts.py"):
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node)
        }
        for node in ast.walk(tree):
            if id(node) in docstrings:
                continue  # documentation for developers, never shown to a user
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.search(r"[\u0600-\u06FF]", node.value)
            ):
                assert not re.search(r"[0-9\u0660-\u0669]", node.value), f"{name}: {node.value!r}"


@pytest.mark.parametrize(
    "answers, condition, note",
    [
        (FAMILY, "age", "المستقل"),
        ({**FAMILY, "has_children": False}, "meets_education_health", "لا يوجد أبناء"),
        ({**ALONE, "meets_education_health": False}, "meets_education_health", "لا يوجد أبناء"),
        (
            {**FAMILY, "earned_income": 0, "has_able_to_work_members": False, "accepts_rehabilitation": False},
            "accepts_rehabilitation",
            "من يقدر على العمل",
        ),
    ],
)
def test_explain_says_why_a_condition_does_not_apply_to_the_household(answers, condition, note):
    explained = assess(answers, on="2024-03-15").explain()[condition]
    assert explained["status"] == "met"
    assert explained["explanation_ar"].startswith("لا ينطبق") and note in explained["explanation_ar"]


def test_early_income_refusal_text_shows_only_the_parts_given():
    answers = {"is_saudi": True, "resides_in_ksa": True, "dependents_count": 2, "other_income": 4000}
    text = render_assessment_ar(assess(answers, on="2024-03-15"))
    assert "4,000 ريال، يُحتسب كاملًا" in text
    remedy = assess(answers, on="2024-03-15").conditions["monthly_income"].remedy_ar
    assert "دخل العمل" not in text.replace(remedy, "")  # the remedy may mention it, no amount line
    assert "لم نعرف" not in text
