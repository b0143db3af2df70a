"""Arabic text handling for the assistant: normalization and reading answers as people type them.

Pure Python (no Rasa), so actions, tests and other services can use it directly.
National IDs live in arabic_text.national_id, personal-data masking in arabic_text.pii.
"""
from arabic_text.answers import extract_answers, is_correction
from arabic_text.dates import parse_birth_date
from arabic_text.normalize import normalize
from arabic_text.numbers import numbers_in
from arabic_text.quantities import parse_age, parse_amount, parse_count
from arabic_text.terminal import display_text
from arabic_text.yes_no import parse_yes_no

__all__ = [
    "display_text",
    "extract_answers",
    "is_correction",
    "normalize",
    "numbers_in",
    "parse_age",
    "parse_amount",
    "parse_birth_date",
    "parse_count",
    "parse_yes_no",
]
