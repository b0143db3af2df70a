"""The support answer gives figures, not only the formula (new-user probe: «كم يعطوني اذا
احنا خمسة» got a formula and no amount). The worked example is computed by the same
rules as a real check, so it equals what assess() gives that household."""

from __future__ import annotations

import pytest

import eligibility
from eligibility.facts import EXAMPLE_DEPENDENTS, EXAMPLE_SALARY_SAR
from eligibility.formatting import format_sar

HOUSEHOLD = {
    "is_saudi": True,
    "resides_in_ksa": True,
    "dependents_count": EXAMPLE_DEPENDENTS,
    "other_income": 0,
    "has_high_value_assets": False,
    "has_bank_account": True,
    "lives_in_care_facility": False,
    "has_children": False,
    "has_able_to_work_members": True,
    "accepts_rehabilitation": True,
}


@pytest.mark.parametrize("on", ["2023-10-31", "2024-03-15", None])
@pytest.mark.parametrize(
    ("salary", "key"), [(EXAMPLE_SALARY_SAR, "example_support_sar"), (0, "example_no_income_support_sar")]
)
def test_the_worked_example_is_what_a_check_of_that_household_gives(on, salary, key):
    assessment = eligibility.assess({**HOUSEHOLD, "earned_income": salary}, on=on)
    assert assessment.status is eligibility.Outcome.ELIGIBLE
    assert eligibility.facts(on)[key] == format_sar(assessment.estimated_support_sar)


def test_the_support_answer_names_the_example_figures():
    from pathlib import Path

    import yaml

    responses = yaml.safe_load(Path("domain.yml").read_text(encoding="utf-8"))["responses"]
    text = responses["utter_faq/support_amount"][0]["text"]
    filled = text.format(**eligibility.facts())
    for key in ("example_support_sar", "example_no_income_support_sar", "example_salary_sar"):
        assert eligibility.facts()[key] in filled
