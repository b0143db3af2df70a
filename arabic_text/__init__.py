"""Arabic text handling for the assistant: normalization and reading answers as people type them.

Pure Python (no Rasa), so actions, tests and other services can use it directly.
National IDs live in arabic_text.national_id, personal-data masking in arabic_text.pii.

Reading answers (all amounts SAR per month, periods converted; assets_value in SAR):
- answer_for_slot(slot, text): the reply to the question for one slot, typed (slots.py);
- extract_answers(text): every slot a free message clearly answers (answers.py);
- read_income(text): income by source, earned / other / unclassified (income.py);
- parse_amount, parse_count (quantities.py), parse_age, age_needs_clarifying (ages.py),
  parse_not_applicable (household.py), months_abroad (abroad.py), parse_yes_no and
  asks_what_is_meant, says_unsure (yes_no.py).
"""

from arabic_text.abroad import months_abroad
from arabic_text.addressed import REFUSAL_SLOTS, clause_yes_no, speaks_to
from arabic_text.ages import age_needs_clarifying, parse_age
from arabic_text.answers import extract_answers, is_correction
from arabic_text.corrections import drop_replaced_amounts, without_leading_no
from arabic_text.dates import parse_birth_date
from arabic_text.household import parse_not_applicable
from arabic_text.income import IncomeItem, IncomeReading, read_income
from arabic_text.normalize import normalize
from arabic_text.numbers import numbers_in
from arabic_text.offer_replies import asks_for_person, carries_on, declines_person, goes_back_to_questions
from arabic_text.quantities import parse_amount, parse_count
from arabic_text.slots import NOT_APPLICABLE_MEANS, answer_for_slot
from arabic_text.terminal import display_text
from arabic_text.yes_no import asks_what_is_meant, is_courtesy, parse_yes_no, says_unsure

__all__ = [
    "NOT_APPLICABLE_MEANS",
    "REFUSAL_SLOTS",
    "IncomeItem",
    "IncomeReading",
    "age_needs_clarifying",
    "answer_for_slot",
    "asks_for_person",
    "asks_what_is_meant",
    "carries_on",
    "clause_yes_no",
    "declines_person",
    "display_text",
    "drop_replaced_amounts",
    "extract_answers",
    "goes_back_to_questions",
    "is_correction",
    "is_courtesy",
    "months_abroad",
    "normalize",
    "numbers_in",
    "parse_age",
    "parse_amount",
    "parse_birth_date",
    "parse_count",
    "parse_not_applicable",
    "parse_yes_no",
    "read_income",
    "says_unsure",
    "speaks_to",
    "without_leading_no",
]
