"""Recording eligibility-check outcomes, for statistics, without any personal data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy.engine import Engine

from eligibility import ANSWER_SLOTS, CONDITIONS
from status_store.clock import utc_naive
from status_store.crypto import pseudonymous_conversation_id
from status_store.engine import session_scope
from status_store.models import CHECK_DECISIONS, EligibilityCheck

# The eligibility_form slots (design.md). Anything else a caller passes, such as
# national_id or a free-text message, is dropped before storing.
ELIGIBILITY_SLOTS = ANSWER_SLOTS


def _plain_value(value: Any) -> Any:
    """Slot values are booleans and numbers; text could carry anything, so it is not kept."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return None


def slot_answers_only(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The eligibility slot values in `answers`, in slot order; every other key is dropped."""
    return {slot: _plain_value(answers[slot]) for slot in ELIGIBILITY_SLOTS if slot in answers}


def _condition_names_only(names: Iterable[str]) -> list:
    """Failed-condition names (eligibility.CONDITIONS: slot names, `age`, `monthly_income`)."""
    return [name for name in names if name in CONDITIONS]


def record_eligibility_check(
    conversation_id: str,
    answers: Mapping[str, Any],
    decision: str,
    failed_conditions: Iterable[str],
    estimated_support_sar: int | None,
    rules_version: str,
    *,
    engine: Engine | None = None,
) -> int:
    """Store one finished (or abandoned, decision="incomplete") check; returns its id.

    `rules_version` is the assessment's ("2.1.0+2023-11-01": eligibility.__version__ and
    the parameter period), so each stored check says which rules produced it.
    """
    if decision not in CHECK_DECISIONS:
        raise ValueError(f"decision must be one of {CHECK_DECISIONS}, not {decision!r}")
    support = None if estimated_support_sar is None else round(estimated_support_sar)
    row = EligibilityCheck(
        conversation_id=pseudonymous_conversation_id(conversation_id),
        answers=slot_answers_only(answers),
        decision=decision,
        failed_conditions=_condition_names_only(failed_conditions),
        estimated_support_sar=support,
        rules_version=str(rules_version),
        created_at=utc_naive(),
    )
    with session_scope(engine) as session:
        session.add(row)
        session.flush()
        return int(row.id)
