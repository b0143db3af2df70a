"""assess(): the decision for one set of answers on one date."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any, Dict, Mapping, Optional, Tuple

from .answers import Answers, coerce_answers
from .conditions import CONDITIONS, NOT_MET, UNKNOWN, ConditionResult, evaluate
from .facts import template_values
from .formatting import format_date
from .income import IncomeBreakdown, counted_income
from .parameters import DateLike, Parameters, Source, parameters_on


class Outcome(str, Enum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class Assessment:
    """The decision, every condition's status, and the numbers with their sources.

    `threshold_sar` uses 0 dependents while dependents_count is unanswered, and
    `estimated_support_sar` is 0 unless the outcome is eligible. The support
    figure is always an estimate (تقديري): the ministry decides the real amount.
    """

    status: Outcome
    on: dt.date
    answers: Answers
    conditions: Mapping[str, ConditionResult]
    threshold_sar: int
    income: Optional[IncomeBreakdown]
    estimated_support_sar: int
    parameters: Parameters

    @property
    def eligible(self) -> bool:
        return self.status is Outcome.ELIGIBLE

    @property
    def failed_conditions(self) -> Tuple[str, ...]:
        return tuple(name for name in CONDITIONS if self.conditions[name].status is NOT_MET)

    @property
    def unknown_conditions(self) -> Tuple[str, ...]:
        return tuple(name for name in CONDITIONS if self.conditions[name].status is UNKNOWN)

    @property
    def counted_income_sar(self) -> int:
        return self.income.counted_sar if self.income else 0

    @property
    def rules_version(self) -> str:
        return format_date(self.parameters.rules_version)

    @property
    def sources(self) -> Mapping[str, Source]:
        return self.parameters.sources

    def sources_for(self, condition: str) -> Tuple[Source, ...]:
        """The parameter sources behind one condition's decision."""
        return tuple(self.sources[name] for name in self.conditions[condition].parameters)

    def explain(self) -> Dict[str, Dict[str, Any]]:
        """Condition by condition: status, Arabic explanation and remedy, and the
        parameter sources (file, reference, start) behind it. JSON-serialisable."""
        return {
            name: {
                "status": result.status.value,
                "explanation_ar": result.explanation_ar,
                "remedy_ar": result.remedy_ar,
                "sources": [
                    {"parameter": s.parameter, "file": s.file, "reference": s.value_reference,
                     "since": format_date(s.start), "trust": s.trust}
                    for s in self.sources_for(name)
                ],
            }
            for name, result in self.conditions.items()
        }

    def to_payload(self) -> Dict[str, Any]:
        """The shared-contract payload, exactly these keys."""
        return {
            "eligible": self.eligible,
            "failed_conditions": list(self.failed_conditions),
            "threshold_sar": self.threshold_sar,
            "counted_income_sar": self.counted_income_sar,
            "estimated_support_sar": self.estimated_support_sar,
            "rules_version": self.rules_version,
        }


def _outcome(conditions: Mapping[str, ConditionResult]) -> Outcome:
    # One unmet condition decides, even with other answers still missing.
    if any(result.status is NOT_MET for result in conditions.values()):
        return Outcome.INELIGIBLE
    if any(result.status is UNKNOWN for result in conditions.values()):
        return Outcome.INCOMPLETE
    return Outcome.ELIGIBLE


def assess(answers: Mapping[str, Any], on: DateLike = None) -> Assessment:
    """Assess slot-named answers against the rules in force on `on` (today by default).

    Raises EligibilityError for an answer or date the rules cannot use.
    """
    typed = coerce_answers(answers)
    params = parameters_on(on)
    known_dependents = typed.dependents_count is not None
    threshold = params.threshold_sar(typed.dependents_count or 0)
    income = counted_income(typed, params)
    conditions = evaluate(typed, params, income, threshold if known_dependents else None, template_values(params))
    status = _outcome(conditions)
    support = max(0, threshold - income.counted_sar) if status is Outcome.ELIGIBLE and income else 0
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
