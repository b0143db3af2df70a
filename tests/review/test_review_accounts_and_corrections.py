"""Staff accounts from the command line, and intent corrections exported as Rasa NLU YAML."""

from __future__ import annotations

import io
import sqlite3

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from review.accounts import AccountError, add_staff, authenticate
from review.annotations import AnnotationError, add_note, corrections, mark_intent
from review.cli import main
from review.corrections_yaml import corrections_yaml
from review.passwords import WeakPassword, hash_password, verify_password
from review.review_db import dispose_review_engine, review_engine

GOOD_PASSWORD = "Sabr-wa-Amal-2024"


@pytest.fixture
def fresh_review_db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'review.db'}"
    monkeypatch.setenv("REVIEW_DB_URL", url)
    yield url
    dispose_review_engine(url)


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_add_staff_reads_the_password_from_stdin_and_stores_only_a_salted_hash(fresh_review_db, monkeypatch, tmp_path):
    _stdin(monkeypatch, GOOD_PASSWORD + "\n")
    assert main(["add-staff", "Noura", "--password-stdin"]) == 0
    with sqlite3.connect(tmp_path / "review.db") as connection:
        ((username, stored),) = connection.execute("SELECT username, password_hash FROM staff").fetchall()
    assert username == "noura"
    assert GOOD_PASSWORD not in stored and stored.startswith("scrypt$")
    assert authenticate(review_engine(fresh_review_db), "NOURA", GOOD_PASSWORD).username == "noura"
    assert authenticate(review_engine(fresh_review_db), "noura", GOOD_PASSWORD + "x") is None


@pytest.mark.parametrize("password", ["", "short1!", "123456789", "aaaaaaaaaaaa", "reviewer01"])
def test_add_staff_refuses_weak_or_empty_passwords(fresh_review_db, monkeypatch, capsys, password):
    _stdin(monkeypatch, password + "\n")
    assert main(["add-staff", "reviewer01", "--password-stdin"]) == 2
    assert capsys.readouterr().err.strip(), "the operator is told why"
    assert authenticate(review_engine(fresh_review_db), "reviewer01", password) is None


def test_add_staff_prompts_twice_and_refuses_a_mismatch(fresh_review_db, monkeypatch, capsys):
    answers = iter([GOOD_PASSWORD, GOOD_PASSWORD + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["add-staff", "fahad"]) == 2
    assert "غير متطابقتين" in capsys.readouterr().err


def test_an_existing_account_is_not_overwritten_without_replace(fresh_review_db):
    engine = review_engine(fresh_review_db)
    add_staff(engine, "salem", GOOD_PASSWORD)
    with pytest.raises(AccountError):
        add_staff(engine, "Salem", "Another-Password-9")
    add_staff(engine, "salem", "Another-Password-9", replace=True)
    assert authenticate(engine, "salem", "Another-Password-9") is not None
    assert authenticate(engine, "salem", GOOD_PASSWORD) is None


def test_password_hashes_are_salted_per_user():
    first, second = hash_password(GOOD_PASSWORD), hash_password(GOOD_PASSWORD)
    assert first != second
    assert verify_password(GOOD_PASSWORD, first) and verify_password(GOOD_PASSWORD, second)
    assert not verify_password(GOOD_PASSWORD, "not-a-hash")


def test_short_password_is_refused_with_an_arabic_reason(fresh_review_db):
    with pytest.raises(WeakPassword, match="10 أحرف"):
        add_staff(review_engine(fresh_review_db), "huda", "abc12")


def _mark_examples(engine) -> None:
    mark_intent(engine, "web-ineligible", 1, "لا مو سعودي", "deny", "noura")
    mark_intent(engine, "cli-fallback", 2, "كم سعر البنزين", "out_of_scope", "noura")
    mark_intent(engine, "web-faq", 3, "متى ينزل الضّمان؟", "faq/payment_date", "noura")
    mark_intent(engine, "web-faq", 4, "إستعلام عن الأهليّة كيف؟", "faq/eligibility_inquiry_steps", "noura")
    mark_intent(engine, "web-faq", 5, "جوالي 0551234567 ابي اقدم", "faq/apply_steps", "noura")


def test_corrections_yaml_loads_with_rasa_nlu_loader(fresh_review_db, tmp_path):
    engine = review_engine(fresh_review_db)
    _mark_examples(engine)
    out = tmp_path / "corrections.yml"
    assert main(["--review-db", fresh_review_db, "export-corrections", "--out", str(out)]) == 0

    text = out.read_text(encoding="utf-8")
    assert 'version: "3.1"' in text and "0551234567" not in text
    data = load_data(str(out))
    examples = {(m.get("intent"), m.get("text")) for m in data.intent_examples}
    assert ("deny", "لا مو سعودي") in examples
    assert ("out_of_scope", "كم سعر البنزين") in examples
    assert ("faq", "متى ينزل الضّمان؟") in examples
    assert ("faq", "جوالي 05******67 ابي اقدم") in examples
    keys = {m.get_full_intent() for m in data.intent_examples}
    assert {"faq/payment_date", "faq/eligibility_inquiry_steps", "faq/apply_steps"} <= keys


def test_a_later_mark_replaces_the_earlier_one_for_the_same_message(fresh_review_db):
    engine = review_engine(fresh_review_db)
    mark_intent(engine, "c1", 7, "ابي موظف", "greet", "noura")
    mark_intent(engine, "c1", 7, "ابي موظف", "human_handoff", "salem")
    assert [(c.intent, c.staff) for c in corrections(engine)] == [("human_handoff", "salem")]


def test_unknown_intent_is_refused(fresh_review_db):
    with pytest.raises(AnnotationError):
        mark_intent(review_engine(fresh_review_db), "c1", 7, "نص", "not_an_intent", "noura")


def test_empty_corrections_still_make_valid_nlu_yaml(tmp_path):
    out = tmp_path / "empty.yml"
    out.write_text(corrections_yaml([]), encoding="utf-8")
    assert load_data(str(out)).intent_examples == []


def test_notes_are_masked_before_they_are_stored(fresh_review_db, tmp_path):
    add_note(review_engine(fresh_review_db), "c1", "اتصل على 0551234567 وهويته ١٠٠٠٠٠٠٠٠٨", "noura")
    with sqlite3.connect(tmp_path / "review.db") as connection:
        stored = connection.execute("SELECT text FROM notes").fetchone()[0]
    assert stored == "اتصل على 05******67 وهويته ١*******٠٨"
