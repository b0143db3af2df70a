"""Checking one row of a staff CSV file, with every problem reported in Arabic and English."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from arabic_text.national_id import check_national_id, mask_national_id
from arabic_text.pii import mask_pii
from status_store.crypto import hash_national_id
from status_store.dates import parse_birth_date_cell, parse_record_date
from status_store.models import APPLICATION_STATUSES
from status_store.records import ApplicationRecord
from status_store.texts import (
    CSV_PROBLEMS,
    DATE_COLUMN_LABELS,
    DATE_HINT_AR,
    NATIONAL_ID_PROBLEMS,
    ROW_PROBLEM_LINE,
)

REASON_MAX = 500

_DATE_HINT_EN = "use 1990-01-31 or Hijri 1410/07/05"


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    message_ar: str
    message_en: str

    def __str__(self) -> str:
        return ROW_PROBLEM_LINE.format(
            line=self.line, message_ar=self.message_ar, column=self.column, message_en=self.message_en
        )


class RowChecker:
    """Validates one CSV row, collecting every problem instead of stopping at the first."""

    def __init__(self, line: int, row: dict[str, str], today: date) -> None:
        self.line, self.row, self.today = line, row, today
        self.problems: list[RowProblem] = []

    def _problem(self, column: str, message_ar: str, message_en: str) -> None:
        self.problems.append(RowProblem(self.line, column, message_ar, message_en))

    def _cell(self, column: str) -> str:
        return (self.row.get(column) or "").strip()

    def _national_id(self) -> str | None:
        check = check_national_id(self._cell("national_id"))
        if not check.is_valid:
            self._problem("national_id", *NATIONAL_ID_PROBLEMS[check.problem])
            return None
        return check.digits

    def _date(self, column: str, required: bool) -> date | None:
        text, label = self._cell(column), DATE_COLUMN_LABELS[column]
        if not text:
            if required:
                self._problem(column, CSV_PROBLEMS["date_required"].format(label=label), f"{column} is required")
            return None
        parser = parse_birth_date_cell if column == "birth_date" else parse_record_date
        value = parser(text)
        if value is None:
            self._problem(
                column,
                CSV_PROBLEMS["date_unreadable"].format(label=label, hint=DATE_HINT_AR),
                f"{column} is not a date; {_DATE_HINT_EN}",
            )
        return value

    def _status(self) -> str:
        status = self._cell("status")
        if status not in APPLICATION_STATUSES:
            self._problem(
                "status",
                CSV_PROBLEMS["status"],
                "status must be under_review, eligible or ineligible",
            )
        return status

    def _reason(self, status: str) -> str | None:
        # Staff sometimes paste an ID into the reason; the reason is shown to the
        # applicant and stored, so personal data is masked here.
        reason = mask_pii(self._cell("reason")) or None
        if status == "ineligible" and not reason:
            self._problem("reason", CSV_PROBLEMS["reason_required"], "reason is required for ineligible")
        if reason and len(reason) > REASON_MAX:
            self._problem(
                "reason",
                CSV_PROBLEMS["reason_too_long"].format(max_chars=REASON_MAX),
                f"reason is longer than {REASON_MAX} characters",
            )
        return reason

    def _check_order(self, birth: date | None, registered: date | None, decided: date | None) -> None:
        if birth and birth > self.today:
            self._problem("birth_date", CSV_PROBLEMS["birth_in_future"], "birth_date is in the future")
        if registered and registered > self.today:
            self._problem(
                "registration_date", CSV_PROBLEMS["registration_in_future"], "registration_date is in the future"
            )
        if birth and registered and registered < birth:
            self._problem(
                "registration_date", CSV_PROBLEMS["registration_before_birth"], "registration_date is before birth_date"
            )
        if registered and decided and decided < registered:
            self._problem(
                "decision_date",
                CSV_PROBLEMS["decision_before_registration"],
                "decision_date is before registration_date",
            )

    def check(self) -> tuple[str, ApplicationRecord] | None:
        """(digits, record) when the row is valid; None after recording its problems."""
        digits = self._national_id()
        birth = self._date("birth_date", required=True)
        registered = self._date("registration_date", required=True)
        status = self._status()
        is_decided = status in ("eligible", "ineligible")
        decided = self._date("decision_date", required=is_decided)
        if status == "under_review" and decided is not None:
            self._problem(
                "decision_date",
                CSV_PROBLEMS["decision_while_under_review"],
                "decision_date must be empty while under_review",
            )
        reason = self._reason(status)
        self._check_order(birth, registered, decided)
        if self.problems or digits is None or birth is None or registered is None:
            return None
        record = ApplicationRecord(
            national_id_hash=hash_national_id(digits),
            national_id_masked=mask_national_id(digits),
            birth_date=birth,
            registration_date=registered,
            status=status,
            decision_date=decided,
            reason=reason,
        )
        return digits, record
