"""Reading an application's status, as the bot's status conversation needs it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from status_store.crypto import hash_national_id
from status_store.engine import session_scope
from status_store.models import Application
from status_store.reasons import reason_label

# (first day, last day), both included, Gregorian.
DateRange = tuple[date, date]

ANSWER_STATUSES = ("under_review", "eligible", "ineligible", "not_found")


@dataclass(frozen=True)
class StatusAnswer:
    """What the bot may tell the applicant. Never carries the ID or the birth date."""

    status: str  # one of ANSWER_STATUSES
    decision_expected_by: date | None = None
    reason: str | None = None  # a category label (reasons.py), never the file's own text

    def to_payload(self) -> dict[str, Any]:
        expected = self.decision_expected_by.isoformat() if self.decision_expected_by else None
        return {"status": self.status, "decision_expected_by": expected, "reason": self.reason}


NOT_FOUND = StatusAnswer("not_found")


def answer_for(application: Application, *, on: date, review_period_days: int) -> StatusAnswer:
    """The status as the applicant should see it on `on`.

    A decision dated after `on` is not yet announced, so the application still
    reads as under review; the expected date is the registration date plus the
    review period (it can lie before `on` when the ministry is late).
    """
    decided = application.decision_date is not None and application.decision_date <= on
    if application.status == "under_review" or not decided:
        expected = application.registration_date + timedelta(days=review_period_days)
        return StatusAnswer("under_review", decision_expected_by=expected)
    # Only the category: the stored text may carry figures from the person's file.
    reason = reason_label(application.reason) if application.status == "ineligible" else None
    return StatusAnswer(application.status, reason=reason)


def matches(application: Application | None, birth_date: date, registered_in: DateRange | None) -> bool:
    """True when the application exists and every factor given agrees with it.

    `registered_in` is the (first, last) Gregorian day of the month the applicant
    says they registered in; the ministry's inquiry asks for it (seed 004), and
    month and year are enough.
    """
    if application is None or application.birth_date != birth_date:
        return False
    if registered_in is not None:
        first, last = registered_in
        if not first <= application.registration_date <= last:
            return False
    return True


def find_answer(
    session: Session,
    national_id_hash: str,
    birth_date: date,
    registered_in: DateRange | None,
    *,
    on: date,
    review_period_days: int,
) -> StatusAnswer:
    """The lookup inside the caller's transaction (id_guard.py wraps it in the lockout)."""
    application = session.execute(
        select(Application).where(Application.national_id_hash == national_id_hash)
    ).scalar_one_or_none()
    if not matches(application, birth_date, registered_in):
        return NOT_FOUND
    return answer_for(application, on=on, review_period_days=review_period_days)


def lookup_by_hash(
    national_id_hash: str,
    birth_date: date,
    *,
    on: date,
    review_period_days: int,
    registered_in: DateRange | None = None,
    engine: Engine | None = None,
) -> StatusAnswer:
    """The status of the application with this ID hash, if the birth date (and the
    registration month, when given) match.

    An unknown ID and a wrong factor give the same not_found answer, so the bot
    cannot be used to learn whether someone has applied. No lockout here: the bot
    goes through id_guard.guarded_lookup.
    """
    with session_scope(engine) as session:
        return find_answer(
            session, national_id_hash, birth_date, registered_in, on=on, review_period_days=review_period_days
        )


def lookup_application(
    national_id: str,
    birth_date: date,
    *,
    on: date,
    review_period_days: int,
    registered_in: DateRange | None = None,
    engine: Engine | None = None,
) -> StatusAnswer:
    """Like lookup_by_hash, from the ID as typed. Raises ValueError unless it has 10 digits."""
    return lookup_by_hash(
        hash_national_id(national_id),
        birth_date,
        on=on,
        review_period_days=review_period_days,
        registered_in=registered_in,
        engine=engine,
    )
