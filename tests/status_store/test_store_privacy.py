"""No national ID in clear anywhere in the database, and no personal data in check records."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from status_store.applications import lookup_application
from status_store.checks import record_eligibility_check
from status_store.cli import main
from status_store.crypto import hash_national_id
from status_store.engine import session_scope
from status_store.handoffs import record_handoff
from status_store.lockout import record_lookup
from status_store.models import Base, EligibilityCheck

RAW_ID = "1987654322"  # used by no other test, so a hit here cannot come from elsewhere
RAW_ID_ARABIC = RAW_ID.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
PHONE = "966551234567"
BIRTH = date(1991, 2, 3)


def _store_everything(url, engine, tmp_path, capsys):
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(
        "national_id,birth_date,registration_date,status,decision_date,reason\n"
        f"{RAW_ID},{BIRTH.isoformat()},2024-01-01,ineligible,2024-01-20,رقم الهوية {RAW_ID} مكرر\n",
        encoding="utf-8",
    )
    assert main(["--url", url, "import-csv", str(csv_file)]) == 0
    output = capsys.readouterr().out
    assert (
        lookup_application(RAW_ID, BIRTH, on=date(2024, 6, 1), review_period_days=25, engine=engine).status
        == "ineligible"
    )
    record_lookup(PHONE, True, engine=engine)
    record_handoff(PHONE, "whatsapp", f"هويتي {RAW_ID_ARABIC} وجوالي 0551234567", engine=engine)
    record_eligibility_check(
        PHONE, {"age": 40, "national_id": RAW_ID}, "ineligible", ["age"], 0, "2023-11-01", engine=engine
    )
    return output


def _every_stored_value(engine):
    with session_scope(engine) as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                yield from (str(value) for value in row)


def test_raw_national_id_and_phone_are_in_no_column_of_any_table(store_url, engine, tmp_path, capsys):
    output = _store_everything(store_url, engine, tmp_path, capsys)
    values = list(_every_stored_value(engine))
    assert hash_national_id(RAW_ID) in values  # the search does see the applications table
    for secret in (RAW_ID, RAW_ID_ARABIC, PHONE, "0551234567"):
        assert not any(secret in value for value in values), secret
    assert RAW_ID not in output and "1*******22" in output


def test_raw_national_id_is_not_in_the_database_files(store_url, engine, tmp_path, capsys, request):
    _store_everything(store_url, engine, tmp_path, capsys)
    if store_url.startswith("sqlite"):
        database = Path(store_url.split("///", 1)[1])
        files = [p for p in database.parent.iterdir() if p.name.startswith(database.name)]
    else:
        server = request.getfixturevalue("pg_server")
        server.execute("CHECKPOINT")  # flush WAL and pages so the search sees what was written
        files = [p for p in server.base_dir.rglob("*") if p.is_file()]
    blob = b"".join(path.read_bytes() for path in files)
    assert hash_national_id(RAW_ID).encode() in blob  # the files hold the data we look through
    assert RAW_ID.encode() not in blob
    assert RAW_ID_ARABIC.encode("utf-8") not in blob


def test_eligibility_check_keeps_only_slot_values(engine):
    answers = {
        "age": 40,
        "earned_income": 900.5,
        "is_saudi": True,
        "dependents_count": 2,
        "national_id": RAW_ID,
        "birth_date": "1991-02-03",
        "name": "محمد",
        "requested_slot": "age",
    }
    check_id = record_eligibility_check(
        "c1", answers, "eligible", ["age", "monthly_income", "national_id"], 1520.4, "2023-11-01", engine=engine
    )
    with session_scope(engine) as session:
        row = session.get(EligibilityCheck, check_id)
        stored = (row.answers, row.failed_conditions, row.estimated_support_sar, row.decision)
    assert stored == (
        {"is_saudi": True, "age": 40, "dependents_count": 2, "earned_income": 900.5},
        ["age", "monthly_income"],
        1520,
        "eligible",
    )


def test_eligibility_slot_holding_text_is_not_kept_verbatim(engine):
    check_id = record_eligibility_check(
        "c1", {"earned_income": f"راتبي {RAW_ID}"}, "incomplete", [], None, "2023-11-01", engine=engine
    )
    with session_scope(engine) as session:
        assert session.get(EligibilityCheck, check_id).answers == {"earned_income": None}


def test_unknown_decision_is_refused(engine):
    with pytest.raises(ValueError):
        record_eligibility_check("c1", {}, "maybe", [], None, "2023-11-01", engine=engine)
