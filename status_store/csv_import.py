"""Staff import of application statuses from CSV: validate every row, then write all or none."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional, TextIO, Tuple

from arabic_text.national_id import check_national_id, mask_national_id
from sqlalchemy.engine import Engine

from status_store.crypto import hash_national_id
from status_store.dates import parse_birth_date_cell, parse_record_date
from status_store.models import APPLICATION_STATUSES
from status_store.records import ApplicationRecord, upsert_applications
from arabic_text.pii import mask_pii

COLUMNS = ("national_id", "birth_date", "registration_date", "status", "decision_date", "reason")
REASON_MAX = 500

_ID_PROBLEMS = {
    "no_digits": ("رقم الهوية فارغ", "national_id is empty"),
    "wrong_length": ("رقم الهوية يجب أن يتكوّن من 10 أرقام", "national_id must have 10 digits"),
    "wrong_first_digit": ("رقم الهوية يجب أن يبدأ بالرقم 1 أو 2", "national_id must start with 1 or 2"),
    "checksum": ("رقم الهوية غير صحيح: رقم التحقق لا يطابق", "national_id fails its check digit (Luhn)"),
}
_DATE_HINT_AR = "استخدم الصيغة 1990-01-31 أو الهجرية 1410/07/05"
_DATE_HINT_EN = "use 1990-01-31 or Hijri 1410/07/05"


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    message_ar: str
    message_en: str

    def __str__(self) -> str:
        return f"السطر {self.line}: {self.message_ar} | line {self.line} ({self.column}): {self.message_en}"


@dataclass
class ImportReport:
    """What an import found and did. `rows` holds (line, masked ID, status), never raw IDs."""

    problems: List[RowProblem] = field(default_factory=list)
    rows: List[Tuple[int, str, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


class _RowReader:
    """Validates one CSV row, collecting problems instead of stopping at the first."""

    def __init__(self, line: int, row: Dict[str, str], today: date, problems: List[RowProblem]):
        self.line, self.row, self.today, self.problems = line, row, today, problems

    def problem(self, column: str, message_ar: str, message_en: str) -> None:
        self.problems.append(RowProblem(self.line, column, message_ar, message_en))

    def cell(self, column: str) -> str:
        return (self.row.get(column) or "").strip()

    def national_id(self) -> Optional[str]:
        check = check_national_id(self.cell("national_id"))
        if check.is_valid:
            return check.digits
        self.problem("national_id", *_ID_PROBLEMS[check.problem])
        return None

    def a_date(self, column: str, label_ar: str, required: bool) -> Optional[date]:
        text = self.cell(column)
        if not text:
            if required:
                self.problem(column, f"{label_ar} مطلوب", f"{column} is required")
            return None
        parser = parse_birth_date_cell if column == "birth_date" else parse_record_date
        value = parser(text)
        if value is None:
            self.problem(column, f"{label_ar} غير مقروء؛ {_DATE_HINT_AR}", f"{column} is not a date; {_DATE_HINT_EN}")
        return value

    def record(self) -> Optional[Tuple[str, ApplicationRecord]]:
        digits = self.national_id()
        birth = self.a_date("birth_date", "تاريخ الميلاد", required=True)
        registered = self.a_date("registration_date", "تاريخ التسجيل", required=True)
        status = self.cell("status")
        if status not in APPLICATION_STATUSES:
            self.problem("status", "الحالة يجب أن تكون under_review أو eligible أو ineligible",
                         "status must be under_review, eligible or ineligible")
        decided = status in ("eligible", "ineligible")
        decision = self.a_date("decision_date", "تاريخ القرار", required=decided)
        if status == "under_review" and decision is not None:
            self.problem("decision_date", "الطلب تحت الدراسة فلا يكون له تاريخ قرار",
                         "decision_date must be empty while under_review")
        reason = mask_pii(self.cell("reason")) or None
        if status == "ineligible" and not reason:
            self.problem("reason", "سبب عدم الأهلية مطلوب", "reason is required for ineligible")
        if reason and len(reason) > REASON_MAX:
            self.problem("reason", f"السبب أطول من {REASON_MAX} حرف", f"reason is longer than {REASON_MAX} characters")
        self.check_order(birth, registered, decision)
        if digits is None or birth is None or registered is None or len(self.problems_here()) > 0:
            return None
        record = ApplicationRecord(
            national_id_hash=hash_national_id(digits),
            national_id_masked=mask_national_id(digits),
            birth_date=birth,
            registration_date=registered,
            status=status,
            decision_date=decision if decided else None,
            reason=reason,
        )
        return digits, record

    def check_order(self, birth: Optional[date], registered: Optional[date], decision: Optional[date]) -> None:
        if birth and birth > self.today:
            self.problem("birth_date", "تاريخ الميلاد في المستقبل", "birth_date is in the future")
        if registered and registered > self.today:
            self.problem("registration_date", "تاريخ التسجيل في المستقبل", "registration_date is in the future")
        if birth and registered and registered < birth:
            self.problem("registration_date", "تاريخ التسجيل قبل تاريخ الميلاد", "registration_date is before birth_date")
        if registered and decision and decision < registered:
            self.problem("decision_date", "تاريخ القرار قبل تاريخ التسجيل", "decision_date is before registration_date")

    def problems_here(self) -> List[RowProblem]:
        return [p for p in self.problems if p.line == self.line]


def _header_problems(fieldnames: Optional[List[str]]) -> List[RowProblem]:
    names = [name.strip() for name in fieldnames or []]
    missing = [c for c in COLUMNS if c not in names]
    extra = [c for c in names if c not in COLUMNS]
    problems = []
    if missing:
        problems.append(RowProblem(1, "header", "أعمدة ناقصة: " + "، ".join(missing), "missing columns: " + ", ".join(missing)))
    if extra:
        # Unknown columns are refused rather than ignored: they are usually a
        # misspelt column name, or personal data (names) that must not be loaded.
        problems.append(RowProblem(1, "header", "أعمدة غير معروفة: " + "، ".join(extra), "unknown columns: " + ", ".join(extra)))
    return problems


def read_csv(stream: TextIO, *, today: Optional[date] = None) -> Tuple[List[ApplicationRecord], ImportReport]:
    """Validate every row of a CSV stream. Records are returned only if no row has a problem."""
    today = today or date.today()
    reader = csv.DictReader(stream)
    report = ImportReport(problems=_header_problems(reader.fieldnames))
    if report.problems:
        return [], report
    reader.fieldnames = [name.strip() for name in reader.fieldnames or []]
    records: List[ApplicationRecord] = []
    first_line_of: Dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not any((value or "").strip() for value in row.values()):
            continue  # blank lines at the end of spreadsheet exports
        parsed = _RowReader(line, row, today, report.problems).record()
        if parsed is None:
            continue
        digits, record = parsed
        if digits in first_line_of:
            report.problems.append(RowProblem(
                line, "national_id", f"رقم الهوية مكرر، ورد في السطر {first_line_of[digits]}",
                f"national_id repeats line {first_line_of[digits]}"))
            continue
        first_line_of[digits] = line
        records.append(record)
        report.rows.append((line, record.national_id_masked, record.status))
    if not records and not report.problems:
        report.problems.append(RowProblem(1, "file", "الملف لا يحتوي أي صف", "the file has no data rows"))
    return ([] if report.problems else records), report


def import_csv(path: Path, *, engine: Optional[Engine] = None, today: Optional[date] = None) -> ImportReport:
    """Validate the file, then upsert every row in one transaction, or write nothing."""
    with open(path, newline="", encoding="utf-8-sig") as stream:
        records, report = read_csv(stream, today=today)
    if report.ok:
        report.created, report.updated = upsert_applications(records, engine=engine)
    return report
