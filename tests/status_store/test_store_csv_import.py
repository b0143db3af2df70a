"""Staff CSV import: validation with line numbers, all-or-nothing writes, upserts."""

import io
from datetime import date

import pytest
from sqlalchemy import func, select

from status_store import records
from status_store.applications import lookup_application
from status_store.csv_import import import_csv, read_csv
from status_store.engine import session_scope
from status_store.models import Application

TODAY = date(2024, 6, 10)
HEADER = "national_id,birth_date,registration_date,status,decision_date,reason\n"
GOOD_ROWS = (
    "1012345672,1985-04-12,2024-06-01,under_review,,\n"
    "1045678909,1400/05/12,2024-04-01,eligible,2024-04-27,\n"
    "1098765439,1990-01-15,2024-04-01,ineligible,2024-04-27,الدخل أعلى من المبلغ المرجعي\n"
)


def _write(tmp_path, text, name="statuses.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _count(engine):
    with session_scope(engine) as session:
        return session.execute(select(func.count(Application.id))).scalar_one()


def _status(engine, national_id, birth):
    return lookup_application(national_id, birth, on=TODAY, review_period_days=25, engine=engine).status


def test_good_file_imports_every_row(engine, tmp_path):
    report = import_csv(_write(tmp_path, HEADER + GOOD_ROWS), engine=engine, today=TODAY)
    assert report.ok and (report.created, report.updated) == (3, 0)
    assert _status(engine, "1012345672", date(1985, 4, 12)) == "under_review"
    assert _status(engine, "1098765439", date(1990, 1, 15)) == "ineligible"


def test_hijri_birth_date_is_stored_as_gregorian(engine, tmp_path):
    import_csv(_write(tmp_path, HEADER + GOOD_ROWS), engine=engine, today=TODAY)
    assert _status(engine, "1045678909", date(1980, 3, 29)) == "eligible"


def test_reimport_updates_by_id_instead_of_duplicating(engine, tmp_path):
    import_csv(_write(tmp_path, HEADER + GOOD_ROWS), engine=engine, today=TODAY)
    update = HEADER + "1012345672,1985-04-12,2024-06-01,eligible,2024-06-08,\n"
    report = import_csv(_write(tmp_path, update, "update.csv"), engine=engine, today=TODAY)
    assert (report.created, report.updated) == (0, 1)
    assert _count(engine) == 3
    assert _status(engine, "1012345672", date(1985, 4, 12)) == "eligible"


def test_bad_rows_are_reported_by_line_in_arabic_and_english_and_nothing_is_written(engine, tmp_path):
    text = (
        HEADER
        + GOOD_ROWS
        + (
            "1000000000,1985-04-12,2024-06-01,under_review,,\n"  # line 5: check digit
            "1555666773,31/12/1985,2024-06-01,under_review,,\n"  # line 6: date format
            "1987654322,1985-04-12,2024-06-01,approved,,\n"  # line 7: status
            "2030405068,1985-04-12,2024-04-01,eligible,,\n"  # line 8: no decision date
            "1000000008,1985-04-12,2024-04-01,ineligible,2024-05-01,\n"  # line 9: no reason
        )
    )
    report = import_csv(_write(tmp_path, text), engine=engine, today=TODAY)
    assert not report.ok
    assert [(p.line, p.column) for p in report.problems] == [
        (5, "national_id"),
        (6, "birth_date"),
        (7, "status"),
        (8, "decision_date"),
        (9, "reason"),
    ]
    first = str(report.problems[0])
    assert "السطر 5" in first and "line 5" in first
    assert _count(engine) == 0


def test_one_bad_row_blocks_the_whole_file(engine, tmp_path):
    text = HEADER + GOOD_ROWS + "1000000008,1985-04-12,2030-01-01,under_review,,\n"
    report = import_csv(_write(tmp_path, text), engine=engine, today=TODAY)
    assert [(p.line, p.column) for p in report.problems] == [(5, "registration_date")]
    assert _count(engine) == 0


def test_failure_while_writing_rolls_back_rows_already_written(engine, tmp_path, monkeypatch):
    real_apply, calls = records.apply_record, []

    def apply_then_fail(session, record):
        calls.append(record)
        if len(calls) == 3:
            raise RuntimeError("simulated crash in the middle of the import")
        return real_apply(session, record)

    monkeypatch.setattr(records, "apply_record", apply_then_fail)
    with pytest.raises(RuntimeError):
        import_csv(_write(tmp_path, HEADER + GOOD_ROWS), engine=engine, today=TODAY)
    assert _count(engine) == 0


def test_same_id_twice_in_one_file_is_refused():
    text = HEADER + GOOD_ROWS + "١٠١٢٣٤٥٦٧٢,1985-04-12,2024-06-01,under_review,,\n"
    records_, report = read_csv(io.StringIO(text), today=TODAY)
    assert records_ == []
    assert [(p.line, p.column) for p in report.problems] == [(5, "national_id")]
    assert "2" in report.problems[0].message_en


@pytest.mark.parametrize(
    "header, message",
    [
        ("national_id,birth_date,registration_date,status,decision_date\n", "missing columns: reason"),
        ("national_id,name,birth_date,registration_date,status,decision_date,reason\n", "unknown columns: name"),
    ],
)
def test_wrong_header_is_refused_on_line_one(header, message):
    _, report = read_csv(io.StringIO(header), today=TODAY)
    assert [(p.line, p.message_en) for p in report.problems] == [(1, message)]


def test_unquoted_comma_in_reason_is_refused_rather_than_truncated():
    row = "1098765439,1990-01-15,2024-04-01,ineligible,2024-04-27,الدخل مرتفع, ويملك أصولًا\n"
    _, report = read_csv(io.StringIO(HEADER + row), today=TODAY)
    assert [(p.line, p.column) for p in report.problems] == [(2, "row")]


def test_file_without_rows_is_refused():
    _, report = read_csv(io.StringIO(HEADER), today=TODAY)
    assert not report.ok


def test_decision_date_is_refused_while_under_review():
    _, report = read_csv(
        io.StringIO(HEADER + "1012345672,1985-04-12,2024-06-01,under_review,2024-06-05,\n"), today=TODAY
    )
    assert [(p.line, p.column) for p in report.problems] == [(2, "decision_date")]


def test_id_written_inside_a_reason_is_masked():
    row = "1098765439,1990-01-15,2024-04-01,ineligible,2024-04-27,راجع الهوية 1000000008\n"
    records_, report = read_csv(io.StringIO(HEADER + row), today=TODAY)
    assert report.ok
    assert "1000000008" not in records_[0].reason
