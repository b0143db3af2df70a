"""Arabic chat text: the assessment, and "what I understood" before it.

render_assessment_ar says whether the person qualifies, lists each unmet
condition with what to do, shows the counted income by source and the support
estimate with its arithmetic (always called تقديري), and gives the next step.
render_understood_ar is the short check before the verdict. All numbers come
from the Assessment, i.e. from the answers and the dated parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from .assessment import Assessment, Outcome, assess
from .facts import template_values
from .formatting import format_number, format_sar
from .income import IncomeBreakdown
from .parameters import DateLike
from .questions import is_needed
from .texts_ar import INCOME_LINES, LABELS, UNDERSTOOD, UNDERSTOOD_FACTS, VERDICT, dependents_ar, fill


def _part(value: Decimal | None) -> str:
    """An amount that IncomeBreakdown sets whenever the part it belongs to is shown
    (counted earned income with earned income, monthly wealth with assets), in SAR.

    Raises ValueError if that invariant is broken, rather than showing a wrong 0.
    """
    if value is None:
        raise ValueError("an income part is shown without its counted amount")
    return format_number(value)


def income_lines(income: IncomeBreakdown, values: Mapping[str, str]) -> list[str]:
    """The counted income by source, one line each, then the sum (only parts answered)."""
    lines, parts = [], []
    if income.earned_income_sar is not None:
        lines.append(
            fill(
                INCOME_LINES["earned"],
                {
                    **values,
                    "earned_sar": format_number(income.earned_income_sar),
                    "counted_earned_sar": _part(income.counted_earned_sar),
                },
            )
        )
        parts.append(_part(income.counted_earned_sar))
    if income.other_income_sar is not None:
        lines.append(fill(INCOME_LINES["other"], {**values, "other_sar": format_number(income.other_income_sar)}))
        parts.append(format_number(income.other_income_sar))
    if income.assets_value_sar:
        lines.append(
            fill(
                INCOME_LINES["wealth"],
                {
                    **values,
                    "assets_sar": format_number(income.assets_value_sar),
                    "wealth_sar": _part(income.wealth_monthly_sar),
                },
            )
        )
        parts.append(_part(income.wealth_monthly_sar))
    if len(parts) > 1:  # one part alone is already the counted income
        lines.append(
            fill(INCOME_LINES["total"], {"parts": " + ".join(parts), "counted_sar": format_sar(income.counted_sar)})
        )
    return lines


def _estimate_lines(a: Assessment, values: Mapping[str, str]) -> list[str]:
    p = a.parameters
    dependents = a.answers.dependents_count or 0
    threshold, counted, support = (
        format_sar(v) for v in (a.threshold_sar, a.counted_income_sar, a.estimated_support_sar)
    )
    return [
        fill(VERDICT["estimate"], {"support": support}),
        fill(VERDICT["arithmetic"], {"threshold": threshold, "counted": counted, "support": support}),
        fill(
            VERDICT["threshold"],
            {
                "reference_sar": format_sar(p.reference_amount_sar),
                "dependent_sar": format_sar(p.dependent_amount_sar),
                "dependents": str(dependents),
                "threshold": threshold,
            },
        ),
        *income_lines(a.income, values),
        VERDICT["estimate_note"],
    ]


def _eligible(a: Assessment, values: Mapping[str, str]) -> list[str]:
    return [
        VERDICT["eligible"],
        *_estimate_lines(a, values),
        VERDICT["apply_step"],
        fill(VERDICT["review_period"], {"review_period_days": str(a.parameters.review_period_days)}),
    ]


def _ineligible(a: Assessment, values: Mapping[str, str]) -> list[str]:
    lines = [VERDICT["ineligible"], VERDICT["failed_title"]]
    for name in a.failed_conditions:
        result = a.conditions[name]
        lines.append(fill(VERDICT["failed"], {"explanation": result.explanation_ar}))
        if name == "monthly_income":
            lines += [f"  {line}" for line in income_lines(a.income, values)]
        lines.append(fill(VERDICT["remedy"], {"remedy": result.remedy_ar}))
    lines.append(VERDICT["check_again"])
    return lines


def _incomplete(a: Assessment, values: Mapping[str, str]) -> list[str]:
    lines = [VERDICT["incomplete"]]
    lines += [fill(VERDICT["unknown"], {"label": fill(LABELS[name], values)}) for name in a.unknown_conditions]
    return lines


def render_assessment_ar(assessment: Assessment) -> str:
    """The assessment as Arabic text for the chat, with Western digits (1,320)."""
    builders = {Outcome.ELIGIBLE: _eligible, Outcome.INELIGIBLE: _ineligible, Outcome.INCOMPLETE: _incomplete}
    lines = builders[assessment.status](assessment, template_values(assessment.parameters))
    lines.append(fill(VERDICT["rules_period"], {"rules_period": str(assessment.rules_period)}))
    return "\n".join(lines)


def _facts_line(a: Assessment) -> str:
    """The yes/no answers that decide the outcome, in question order, on one line."""
    said = []
    for slot, texts in UNDERSTOOD_FACTS.items():
        value = getattr(a.answers, slot)
        # A gate or duty the household was never asked (or that is moot) is not said back.
        if value is not None and (slot not in _MOOT_WHEN_SKIPPED or _said_back(slot, a)):
            said.append(texts[value])
    return "• " + "، ".join(said) + "." if said else ""


# Answers said back only while they still matter (a gate already decided by another answer is noise).
_MOOT_WHEN_SKIPPED = (
    "nationality_exception",
    "has_children",
    "meets_education_health",
    "has_able_to_work_members",
    "accepts_rehabilitation",
)


def _said_back(slot: str, a: Assessment) -> bool:
    if slot == "has_able_to_work_members":
        # Said back whenever it decides rehabilitation, even against income from work.
        return a.answers.accepts_rehabilitation is not True
    return is_needed(slot, replace(a.answers, **{slot: None}))


def render_understood_ar(answers: Mapping[str, Any], on: DateLike = None) -> str:
    """The short "what I understood" message before the verdict (at most six lines).

    Family size (or age when applying alone), monthly income from work and from
    other sources, counted wealth per month, and the yes/no facts that decide the
    outcome, ending with a question for "صحيح" / "تعديل". Same inputs and errors
    as assess(); amounts come from the answers and the parameters in force on `on`.
    """
    a = assess(answers, on)
    values = template_values(a.parameters)
    typed, income = a.answers, a.income
    lines = [UNDERSTOOD["title"]]
    if typed.applies_alone:
        lines.append(
            fill(UNDERSTOOD["alone"], {"age": str(typed.age)}) if typed.age is not None else UNDERSTOOD["alone_no_age"]
        )
    elif typed.dependents_count is not None:
        lines.append(fill(UNDERSTOOD["family"], {"dependents": dependents_ar(typed.dependents_count)}))
    parts = []  # only the sources answered
    if income.earned_income_sar is not None:
        parts.append(fill(UNDERSTOOD["income_earned"], {"earned_sar": format_number(income.earned_income_sar)}))
    if income.other_income_sar is not None:
        parts.append(fill(UNDERSTOOD["income_other"], {"other_sar": format_number(income.other_income_sar)}))
    if parts:
        lines.append(fill(UNDERSTOOD["income"], {"parts": UNDERSTOOD["income_joiner"].join(parts)}))
    if income.assets_value_sar:
        lines.append(
            fill(
                UNDERSTOOD["wealth"],
                {
                    **values,
                    "wealth_sar": _part(income.wealth_monthly_sar),
                    "assets_sar": format_number(income.assets_value_sar),
                },
            )
        )
    elif income.assets_value_sar is not None:
        lines.append(fill(UNDERSTOOD["no_wealth"], values))
    facts_line = _facts_line(a)
    if facts_line:
        lines.append(facts_line)
    lines.append(UNDERSTOOD["question"])
    return "\n".join(lines)
