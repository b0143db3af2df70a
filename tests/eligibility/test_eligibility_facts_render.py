"""facts(), parameters_on(), threshold_sar() and the Arabic rendering."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import eligibility
from eligibility import assess, facts, parameters_on, render_assessment_ar, threshold_sar

CONTRACT_KEYS = {
    "reference_amount_sar", "dependent_amount_sar", "independent_min_age", "review_period_days",
    "review_period_days_regulation", "results_day", "payment_day", "earned_income_share_pct",
    "max_months_abroad", "rules_version", "previous_reference_amount_sar", "previous_dependent_amount_sar",
    "raise_date", "example_dependents", "example_threshold_sar", "conditions_text",
}
AMOUNT = re.compile(r"^\d{1,3}(,\d{3})*$")
FAMILY = {
    "is_saudi": True, "resides_in_ksa": True, "age": 40, "dependents_count": 3, "monthly_income": 1800,
    "has_high_value_assets": False, "has_bank_account": True, "lives_in_care_facility": False,
    "meets_education_health": True, "accepts_rehabilitation": True,
}


def _sar(value: int) -> str:
    return f"{value:,}"


@pytest.mark.parametrize("on", ["2022-01-01", "2024-03-15", None])
def test_facts_has_every_contract_key_as_text(on):
    values = facts(on)
    assert CONTRACT_KEYS <= set(values)
    assert all(isinstance(value, str) and value for value in values.values())


def test_facts_amounts_use_thousands_separators_and_match_the_parameters():
    values, params = facts("2024-03-15"), parameters_on("2024-03-15")
    for key in ("reference_amount_sar", "dependent_amount_sar", "example_threshold_sar",
                "previous_reference_amount_sar", "previous_dependent_amount_sar"):
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
    assert len(lines) >= len(eligibility.CONDITIONS)
    assert all(line.startswith("• ") for line in lines)
    for key in ("reference_amount_sar", "dependent_amount_sar", "independent_min_age", "max_months_abroad"):
        assert values[key] in values["conditions_text"], key


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
    assessment = assess({**FAMILY, "monthly_income": 90000}, on="2024-03-15")
    sources = assessment.sources_for("monthly_income")
    files = {source.file for source in sources}
    assert {"reference_amount.yaml", "dependent_amount.yaml", "earned_income_share.yaml"} <= files
    assert all(source.start <= assessment.on for source in sources)


def test_explain_gives_every_condition_with_status_and_sources():
    assessment = assess({**FAMILY, "age": 16}, on="2023-10-31")
    explained = assessment.explain()
    assert list(explained) == list(eligibility.CONDITIONS)
    assert explained["age"]["status"] == "not_met" and explained["age"]["remedy_ar"]
    age_source = explained["age"]["sources"][0]
    assert age_source["file"] == "independent_min_age.yaml" and age_source["since"] <= "2023-10-31"
    income_sources = {s["parameter"]: s for s in explained["monthly_income"]["sources"]}
    assert income_sources["reference_amount"]["since"] == assessment.rules_version


def test_eligible_text_shows_the_estimate_arithmetic_and_next_step():
    assessment = assess(FAMILY, on="2024-03-15")
    text = render_assessment_ar(assessment)
    threshold, counted, support = (_sar(assessment.threshold_sar), _sar(assessment.counted_income_sar),
                                   _sar(assessment.estimated_support_sar))
    assert f"{threshold} − الدخل المحتسب {counted} = {support}" in text
    assert "تقديري" in text
    assert "sbis.hrsd.gov.sa" in text and "النفاذ الوطني" in text
    assert assessment.rules_version in text


def test_ineligible_text_lists_every_failed_condition_with_what_to_do():
    assessment = assess({**FAMILY, "has_bank_account": False, "accepts_rehabilitation": False}, on="2024-03-15")
    text = render_assessment_ar(assessment)
    for name in assessment.failed_conditions:
        result = assessment.conditions[name]
        assert result.explanation_ar in text and result.remedy_ar in text
    assert "حساب" in text and "صندوق تنمية الموارد البشرية" in text
    assert "تقديري" not in text


def test_income_failure_explains_counted_income_against_the_threshold():
    assessment = assess({**FAMILY, "monthly_income": 9000}, on="2024-03-15")
    explanation = assessment.conditions["monthly_income"].explanation_ar
    assert _sar(assessment.counted_income_sar) in explanation and _sar(assessment.threshold_sar) in explanation


def test_incomplete_text_names_what_is_still_missing():
    text = render_assessment_ar(assess({"is_saudi": True}, on="2024-03-15"))
    assert "لم تكتمل" in text and "حساب بنكي" in text


@pytest.mark.parametrize("answers", [FAMILY, {**FAMILY, "monthly_income": 9000}, {"is_saudi": True},
                                     {**FAMILY, "dependents_count": 0, "other_wealth_sar": 12000}])
def test_every_number_in_rendered_text_comes_from_the_rules_or_answers(answers):
    assessment = assess(answers, on="2024-03-15")
    params = assessment.parameters
    allowed = set(facts("2024-03-15").values()) | {
        _sar(assessment.threshold_sar), _sar(assessment.counted_income_sar), _sar(assessment.estimated_support_sar),
        str(answers.get("dependents_count", "")), _sar(answers.get("monthly_income", 0)),
        _sar(answers.get("other_wealth_sar", 0)), str(params.assets_wealth_divisor),
        *assessment.rules_version.split("-"),
    }
    numbers = re.findall(r"\d[\d,]*", render_assessment_ar(assessment))
    assert numbers and all(number.rstrip(",") in allowed for number in numbers)


def test_no_digits_are_typed_into_arabic_text_modules():
    package = Path(eligibility.__file__).parent
    for name in ("texts_ar.py", "render.py"):
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"[\u0600-\u06FF]", node.value):
                assert not re.search(r"[0-9\u0660-\u0669]", node.value), f"{name}: {node.value!r}"
