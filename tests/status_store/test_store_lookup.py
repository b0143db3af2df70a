"""Status look-ups: what each stored status reads as, and no way to probe for applicants."""

from datetime import date, timedelta

import pytest

from status_store.applications import lookup_application, lookup_by_hash
from status_store.crypto import hash_national_id
from status_store.records import ApplicationRecord, upsert_applications

REVIEW_DAYS = 25
TODAY = date(2024, 6, 10)
BIRTH = date(1985, 4, 12)
IDS = {"under_review": "1012345672", "eligible": "1045678909", "ineligible": "1098765439"}
REASON = "دخل الأسرة أعلى من المبلغ المرجعي"


def _record(national_id, status, registered, decided=None, reason=None):
    return ApplicationRecord(hash_national_id(national_id), "masked", BIRTH, registered, status, decided, reason)


@pytest.fixture
def applications(engine):
    upsert_applications(
        [
            _record(IDS["under_review"], "under_review", TODAY - timedelta(days=4)),
            _record(IDS["eligible"], "eligible", date(2024, 4, 1), decided=date(2024, 4, 27)),
            _record(IDS["ineligible"], "ineligible", date(2024, 4, 1), decided=date(2024, 4, 27), reason=REASON),
        ],
        engine=engine,
    )
    return engine


def _lookup(engine, national_id, birth=BIRTH, on=TODAY):
    return lookup_application(national_id, birth, on=on, review_period_days=REVIEW_DAYS, engine=engine)


def test_under_review_answer_gives_registration_date_plus_review_period(applications):
    answer = _lookup(applications, IDS["under_review"])
    assert answer.status == "under_review"
    assert answer.decision_expected_by == TODAY - timedelta(days=4) + timedelta(days=REVIEW_DAYS)
    assert answer.reason is None


def test_eligible_application_reads_eligible_without_reason(applications):
    answer = _lookup(applications, IDS["eligible"])
    assert (answer.status, answer.decision_expected_by, answer.reason) == ("eligible", None, None)


def test_ineligible_application_carries_its_reason_category_only(applications):
    answer = _lookup(applications, IDS["ineligible"])
    assert answer.to_payload() == {"status": "ineligible", "decision_expected_by": None, "reason": "الدخل أعلى من الحد"}


def test_payload_has_exactly_the_contract_keys_and_iso_date(applications):
    payload = _lookup(applications, IDS["under_review"]).to_payload()
    assert set(payload) == {"status", "decision_expected_by", "reason"}
    assert payload["decision_expected_by"] == (TODAY + timedelta(days=REVIEW_DAYS - 4)).isoformat()


def test_wrong_birth_date_answers_exactly_like_an_unknown_id(applications):
    wrong_birth = _lookup(applications, IDS["eligible"], birth=BIRTH + timedelta(days=1))
    unknown = _lookup(applications, "1000000008")
    assert wrong_birth == unknown
    assert unknown.to_payload() == {"status": "not_found", "decision_expected_by": None, "reason": None}


def test_decision_dated_after_the_day_asked_about_still_reads_under_review(applications):
    answer = _lookup(applications, IDS["eligible"], on=date(2024, 4, 26))
    assert answer.status == "under_review"
    assert answer.decision_expected_by == date(2024, 4, 1) + timedelta(days=REVIEW_DAYS)


def test_lookup_by_hash_matches_lookup_by_id(applications):
    by_hash = lookup_by_hash(
        hash_national_id(IDS["ineligible"]), BIRTH, on=TODAY, review_period_days=REVIEW_DAYS, engine=applications
    )
    assert by_hash == _lookup(applications, IDS["ineligible"])


def test_id_typed_in_arabic_digits_finds_the_application(applications):
    assert _lookup(applications, "١٠٤٥٦٧٨٩٠٩").status == "eligible"


def test_lookup_under_a_different_key_finds_nothing(applications, monkeypatch):
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", "another-key")
    assert _lookup(applications, IDS["eligible"]).status == "not_found"
