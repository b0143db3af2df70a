"""Staff import of application statuses from CSV: validate every row, then write all or none."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy.engine import Engine

from saudi_locale.clock import riyadh_today
from status_store.csv_rows import RowChecker, RowProblem
from status_store.records import ApplicationRecord, upsert_applications
from status_store.texts import CSV_PROBLEMS, LIST_SEPARATOR

COLUMNS = ("national_id", "birth_date", "registration_date", "status", "decision_date", "reason")


@dataclass
class ImportReport:
    """What an import found and did. `rows` holds (line, masked ID, status), never raw IDs."""

    problems: list[RowProblem] = field(default_factory=list)
    rows: list[tuple[int, str, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _header_problems(names: list[str]) -> list[RowProblem]:
    missing = [c for c in COLUMNS if c not in names]
    extra = [c for c in names if c not in COLUMNS]
    problems = []
    if missing:
        problems.append(
            RowProblem(
                1,
                "header",
                CSV_PROBLEMS["missing_columns"].format(columns=LIST_SEPARATOR.join(missing)),
                "missing columns: " + ", ".join(missing),
            )
        )
    if extra:
        # Unknown columns are refused rather than ignored: they are usually a
        # misspelt column name, or personal data (names) that must not be loaded.
        problems.append(
            RowProblem(
                1,
                "header",
                CSV_PROBLEMS["unknown_columns"].format(columns=LIST_SEPARATOR.join(extra)),
                "unknown columns: " + ", ".join(extra),
            )
        )
    return problems


def _duplicate(line: int, first_line: int) -> RowProblem:
    return RowProblem(
        line,
        "national_id",
        CSV_PROBLEMS["duplicate_national_id"].format(first_line=first_line),
        f"national_id repeats line {first_line}",
    )


def read_csv(stream: TextIO, *, today: date | None = None) -> tuple[list[ApplicationRecord], ImportReport]:
    """Validate every row of a CSV stream. Records are returned only if no row has a problem."""
    today = today or riyadh_today()
    reader = csv.DictReader(stream)
    reader.fieldnames = [name.strip() for name in reader.fieldnames or []]
    report = ImportReport(problems=_header_problems(list(reader.fieldnames)))
    if report.problems:
        return [], report
    records: list[ApplicationRecord] = []
    first_line_of: dict[str, int] = {}
    for row in reader:
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue  # blank lines at the end of spreadsheet exports
        line = reader.line_num
        if None in row:  # more cells than columns: usually an unquoted comma in the reason
            report.problems.append(
                RowProblem(
                    line,
                    "row",
                    CSV_PROBLEMS["too_many_cells"],
                    "more cells than columns; quote the reason if it contains a comma",
                )
            )
            continue
        checker = RowChecker(line, row, today)
        checked = checker.check()
        report.problems.extend(checker.problems)
        if checked is None:
            continue
        digits, record = checked
        if digits in first_line_of:
            report.problems.append(_duplicate(line, first_line_of[digits]))
            continue
        first_line_of[digits] = line
        records.append(record)
        report.rows.append((line, record.national_id_masked, record.status))
    if not records and not report.problems:
        report.problems.append(RowProblem(1, "file", CSV_PROBLEMS["no_rows"], "the file has no data rows"))
    return ([] if report.problems else records), report


def import_csv(path: Path, *, engine: Engine | None = None, today: date | None = None) -> ImportReport:
    """Validate the file, then upsert every row in one transaction, or write nothing."""
    with open(path, newline="", encoding="utf-8-sig") as stream:
        records, report = read_csv(stream, today=today)
    if report.ok:
        report.created, report.updated = upsert_applications(records, engine=engine)
    return report
