"""Rules engine of the Developed Social Security program (الضمان الاجتماعي المطور).

Pure Python: nothing here imports Rasa, so the bot, staff tools, notebooks and
tests all share one source of truth. Parameters are dated YAML files in
eligibility/parameters/; they are validated when this package is imported, so a
broken file stops start-up with a ParameterError naming the file and field.

`__version__` (eligibility/version.py) is the version of the rules code; with the
parameter period in force it makes the `rules_version` of every assessment
("2.1.0+2023-11-01"). eligibility/CHANGELOG.md lists what each version changed.
"""

from __future__ import annotations

from .answers import ANSWER_SLOTS, BOOL_SLOTS, NUMBER_SLOTS, RETIRED_INPUTS, Answers, coerce_answers
from .assessment import Assessment, Outcome, assess
from .calendar import results_announced_on
from .conditions import CONDITIONS, GATES, ConditionResult, ConditionStatus
from .errors import EligibilityError, ParameterError
from .facts import facts
from .income import IncomeBreakdown
from .parameters import Parameters, Source, load_parameters, parameters_on, threshold_sar
from .questions import QUESTION_ORDER, next_question
from .render import render_assessment_ar, render_understood_ar
from .version import __version__

load_parameters()

__all__ = [
    "ANSWER_SLOTS",
    "BOOL_SLOTS",
    "CONDITIONS",
    "GATES",
    "NUMBER_SLOTS",
    "QUESTION_ORDER",
    "RETIRED_INPUTS",
    "Answers",
    "Assessment",
    "ConditionResult",
    "ConditionStatus",
    "EligibilityError",
    "IncomeBreakdown",
    "Outcome",
    "ParameterError",
    "Parameters",
    "Source",
    "__version__",
    "assess",
    "coerce_answers",
    "facts",
    "load_parameters",
    "next_question",
    "parameters_on",
    "render_assessment_ar",
    "render_understood_ar",
    "results_announced_on",
    "threshold_sar",
]
