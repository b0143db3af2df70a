"""assess(): the decision for one set of answers on one date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .answers import Answers, coerce_answers
from .conditions import CONDITIONS, NOT_MET, UNKNOWN, ConditionResult, evaluate
from .facts import template_values
from .formatting import format_date, format_sar
from .income import IncomeBreakdown, counted_income, estimated_support_sar
from .parameters import DateLike, Parameters, Source, parameters_on
from .texts_ar import SHORT_REASON, SUMMARY_ELIGIBLE, SUMMARY_INCOMPLETE, SUMMARY_INELIGIBLE, fill
from .version import __version__


class Outcome(str, Enum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class Assessment:
    """The decision, every condition's status, and the numbers with their sources.

    `threshold_sar` uses 0 dependents while dependents_count is unanswered;
    `income` holds the parts answered so far (its counted_sar is then a lower bound);
    `estimated_support_sar` is 0 unless the outcome is eligible. The support
    figure is always an estimate (تقديري): the ministry decides the real amount.
    """

    status: Outcome
    on: dt.date
    answers: Answers
    conditions: Mapping[str, ConditionResult]
    threshold_sar: int
    income: IncomeBreakdown
    estimated_support_sar: int
    parameters: Parameters

    @property
    def eligible(self) -> bool:
        return self.status is Outcome.ELIGIBLE

    @property
    def failed_conditions(self) -> tuple[str, ...]:
        return tuple(name for name in CONDITIONS if self.conditions[name].status is NOT_MET)

    @property
    def unknown_conditions(self) -> tuple[str, ...]:
        return tuple(name for name in CONDITIONS if self.conditions[name].status is UNKNOWN)

    @property
    def counted_income_sar(self) -> int:
        return self.income.counted_sar

    @property
    def rules_period(self) -> str:
        """Start (ISO date) of the parameter period in force: "the rules in force since"."""
        return format_date(self.parameters.rules_version)

    @property
    def rules_version(self) -> str:
        """The rule set used, as OpenFisca names it: code version + parameter period.

        "2.1.0+2023-11-01" (semver build metadata): eligibility.__version__, bumped
        with each change of the rules code (CHANGELOG.md), and the period start.
        """
        return f"{__version__}+{self.rules_period}"

    @property
    def sources(self) -> Mapping[str, Source]:
        return self.parameters.sources

    def sources_for(self, condition: str) -> tuple[Source, ...]:
        """The parameter sources behind one condition's decision."""
        return tuple(self.sources[name] for name in self.conditions[condition].parameters)

    def explain(self) -> dict[str, dict[str, Any]]:
        """Condition by condition: status, Arabic explanation and remedy, and the
        parameter sources (file, reference, start) behind it. JSON-serialisable."""
        return {
            name: {
                "status": result.status.value,
                "explanation_ar": result.explanation_ar,
                "remedy_ar": result.remedy_ar,
                "sources": [
                    {
                        "parameter": s.parameter,
                        "file": s.file,
                        "reference": s.value_reference,
                        "since": format_date(s.start),
                        "trust": s.trust,
                    }
                    for s in self.sources_for(name)
                ],
            }
            for name, result in self.conditions.items()
        }

    @property
    def failed_reasons(self) -> list[dict[str, str]]:
        """Each unmet condition with its Arabic explanation and remedy, in presentation order."""
        return [
            {
                "condition": name,
                "explanation_ar": self.conditions[name].explanation_ar,
                "remedy_ar": self.conditions[name].remedy_ar,
            }
            for name in self.failed_conditions
        ]

    @property
    def summary_ar(self) -> str:
        """One Arabic line: the verdict and the estimate, or the short reasons for a refusal."""
        if self.status is Outcome.ELIGIBLE:
            return fill(SUMMARY_ELIGIBLE, {"support_sar": format_sar(self.estimated_support_sar)})
        if self.status is Outcome.INELIGIBLE:
            reasons = "، ".join(SHORT_REASON[name] for name in self.failed_conditions)
            return fill(SUMMARY_INELIGIBLE, {"reasons": reasons})
        return SUMMARY_INCOMPLETE

    def to_payload(self) -> dict[str, Any]:
        """The shared-contract payload (JSON-serialisable).

        Contract keys (design.md): eligible, failed_conditions, threshold_sar,
        counted_income_sar, estimated_support_sar (0 unless eligible), rules_version.
        Added (issue 10): income_by_source (SAR per month; assets_value_sar is a value;
        null for a part not answered), failed_reasons, summary_ar.
        Issue 15: rules_version is "<code version>+<period start>" ("2.1.0+2023-11-01");
        rules_period is the period start alone (ISO date), for display.
        """
        return {
            "eligible": self.eligible,
            "failed_conditions": list(self.failed_conditions),
            "threshold_sar": self.threshold_sar,
            "counted_income_sar": self.counted_income_sar,
            "estimated_support_sar": self.estimated_support_sar,
            "rules_version": self.rules_version,
            "rules_period": self.rules_period,
            "income_by_source": self.income.to_payload(),
            "failed_reasons": self.failed_reasons,
            "summary_ar": self.summary_ar,
        }


def _outcome(conditions: Mapping[str, ConditionResult]) -> Outcome:
    # One unmet condition decides, even with other answers still missing.
    if any(result.status is NOT_MET for result in conditions.values()):
        return Outcome.INELIGIBLE
    if any(result.status is UNKNOWN for result in conditions.values()):
        return Outcome.INCOMPLETE
    return Outcome.ELIGIBLE


def assess(answers: Mapping[str, Any], on: DateLike = None) -> Assessment:
    """Assess slot-named answers against the rules in force on `on` (today in Riyadh by default).

    `answers` maps slot names (eligibility.ANSWER_SLOTS) to bool/number/text values;
    other keys are ignored. Raises EligibilityError for an answer or date the rules
    cannot use, and for a retired input (monthly_income, other_wealth_sar).
    Rules: domain.md, "Conditions" and "How the conditions apply to a real household".
    """
    typed = coerce_answers(answers)
    params = parameters_on(on)
    known_dependents = typed.dependents_count is not None
    threshold = params.threshold_sar(typed.dependents_count or 0)
    income = counted_income(typed, params)
    conditions = evaluate(typed, params, income, threshold if known_dependents else None, template_values(params))
    status = _outcome(conditions)
    support = estimated_support_sar(threshold, income.counted_sar) if status is Outcome.ELIGIBLE else 0
    return Assessment(
        status=status,
        on=params.on,
        answers=typed,
        conditions=conditions,
        threshold_sar=threshold,
        income=income,
        estimated_support_sar=support,
        parameters=params,
    )
