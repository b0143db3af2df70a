"""Formatted parameter values for response templates.

Every amount, period and date the bot says comes from here, so a response
template writes "{reference_amount_sar}" and never "1,320".
"""

from __future__ import annotations

from .answers import coerce_answers
from .formatting import format_date, format_pct, format_sar
from .income import counted_income, estimated_support_sar
from .parameters import DateLike, Parameters, parameters_on, previous_values
from .texts_ar import AGE_RULE, GENERAL_CONDITION, INCOME_COUNTING, LABELS, WEALTH_RULE, excluded_assets_ar, fill

# The worked example in FAQ answers uses a family with this many dependents and, in the
# support answer, this monthly salary (SAR): an illustration, not a parameter.
EXAMPLE_DEPENDENTS = 3
EXAMPLE_SALARY_SAR = 2000


def template_values(params: Parameters) -> dict[str, str]:
    """Formatted values of one parameter snapshot, keyed for texts_ar templates.

    Besides single numbers it holds two sentences built from them:
    `income_counting` (earned income at the share in percent, other income in full,
    wealth ÷ divisor) and `age_rule` (18+ is the rule for an applicant applying alone).
    """
    values = {
        "reference_amount_sar": format_sar(params.reference_amount_sar),
        "dependent_amount_sar": format_sar(params.dependent_amount_sar),
        "independent_min_age": str(params.independent_min_age),
        "review_period_days": str(params.review_period_days),
        "review_period_days_regulation": str(params.review_period_days_regulation),
        "results_day": str(params.results_day),
        "payment_day": str(params.payment_day),
        "earned_income_share_pct": format_pct(params.earned_income_share),
        "max_months_abroad": str(params.max_months_abroad),
        "assets_wealth_divisor": str(params.assets_wealth_divisor),
        "excluded_assets": excluded_assets_ar(params.assets_excluded_homes, params.assets_excluded_cars),
        "rules_version": format_date(params.rules_version),
    }
    values["income_counting"] = fill(INCOME_COUNTING, values)
    values["wealth_rule"] = fill(WEALTH_RULE, values)
    values["age_rule"] = fill(AGE_RULE, values)
    return values


# The general conditions, in the conditions answer's order. Age is not one of them:
# it is the independent person's rule, said last with its scope (domain.md, "Age").
GENERAL_CONDITIONS = (
    "is_saudi",
    "resides_in_ksa",
    "monthly_income",
    "has_bank_account",
    "lives_in_care_facility",
    "meets_education_health",
    "accepts_rehabilitation",
)


def conditions_text(values: dict[str, str]) -> str:
    """The conditions as an Arabic bullet list with the numbers in force.

    The general conditions, the wealth rule, the ministry's instructions, then the
    age rule scoped to an applicant applying alone.
    """
    lines = [fill(LABELS[name], values) for name in GENERAL_CONDITIONS]
    lines += [values["wealth_rule"], GENERAL_CONDITION, values["age_rule"]]
    return "\n".join(f"• {line}." for line in lines)


def _support_example(params: Parameters, threshold_sar: int) -> dict[str, str]:
    """The support answer's worked example: EXAMPLE_DEPENDENTS dependents, a salary of
    EXAMPLE_SALARY_SAR and no other income, counted and estimated by the same functions
    as a real check (income.counted_income, income.estimated_support_sar)."""
    answers = coerce_answers(
        {"dependents_count": EXAMPLE_DEPENDENTS, "earned_income": EXAMPLE_SALARY_SAR, "other_income": 0}
    )
    counted = counted_income(answers, params).counted_sar
    return {
        "example_salary_sar": format_sar(EXAMPLE_SALARY_SAR),
        "example_counted_sar": format_sar(counted),
        "example_support_sar": format_sar(estimated_support_sar(threshold_sar, counted)),
        "example_no_income_support_sar": format_sar(estimated_support_sar(threshold_sar, 0)),
    }


def facts(on: DateLike = None) -> dict[str, str]:
    """Formatted facts for the rules in force on `on` (today in Riyadh by default).

    Before any raise, the "previous" values equal the current ones.
    """
    params = parameters_on(on)
    values = template_values(params)
    previous = previous_values(params.on)
    example_threshold = params.threshold_sar(EXAMPLE_DEPENDENTS)
    values.update(
        {
            "previous_reference_amount_sar": format_sar(previous["reference_amount"]),  # type: ignore[arg-type]
            "previous_dependent_amount_sar": format_sar(previous["dependent_amount"]),  # type: ignore[arg-type]
            "raise_date": format_date(params.sources["reference_amount"].start),
            "example_dependents": str(EXAMPLE_DEPENDENTS),
            "example_threshold_sar": format_sar(example_threshold),
            **_support_example(params, example_threshold),
        }
    )
    values["conditions_text"] = conditions_text(values)
    return values
