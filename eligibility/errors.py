"""Errors raised by the eligibility package.

Both carry a message a person can act on. EligibilityError is about an answer
(what the user typed); ParameterError is about the rules data (what a maintainer
edited) and names the file and the field so it can be fixed without a debugger.
"""

from __future__ import annotations


class EligibilityError(ValueError):
    """An answer or a date that the rules cannot use.

    `field` is the slot name (or "on" for the date), `message_ar` is safe to show to
    the applicant, `message_en` is for logs and developers. Neither ever contains
    the raw value for fields that could hold personal data.
    """

    def __init__(self, field: str, message_ar: str, message_en: str) -> None:
        self.field = field
        self.message_ar = message_ar
        self.message_en = message_en
        super().__init__(f"{field}: {message_en} / {message_ar}")


class ParameterError(ValueError):
    """A parameter file is malformed or contradicts itself or the others."""

    def __init__(self, file: str, field: str | None, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        where = f"{file}: {field}" if field else file
        super().__init__(f"{where}: {problem}")
