"""Hashing national IDs and pseudonymising phone-number conversation ids."""

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from status_store.crypto import hash_national_id, pseudonymous_conversation_id
from status_store.errors import MissingHmacKey

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_hashing_without_key_tells_operator_to_set_the_variable(monkeypatch):
    monkeypatch.delenv("NATIONAL_ID_HMAC_KEY", raising=False)
    with pytest.raises(MissingHmacKey, match="NATIONAL_ID_HMAC_KEY"):
        hash_national_id("1000000008")


def test_empty_key_counts_as_missing(monkeypatch):
    monkeypatch.setenv("NATIONAL_ID_HMAC_KEY", "")
    with pytest.raises(MissingHmacKey):
        hash_national_id("1000000008")


def test_hash_depends_on_the_key_and_is_not_a_plain_sha256():
    plain = hashlib.sha256(b"1000000008").hexdigest()
    first, second = hash_national_id("1000000008", key="a"), hash_national_id("1000000008", key="b")
    assert first != second
    assert plain not in (first, second)
    assert len(first) == 64 and int(first, 16) >= 0


def test_hash_uses_environment_key_by_default(hmac_key):
    assert hash_national_id("1000000008") == hash_national_id("1000000008", key=hmac_key)


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_id_typed_in_arabic_digits_or_with_spaces_hashes_like_ascii(digits):
    spaced = f"{digits[:4]} {digits[4:7]}-{digits[7:]}".translate(ARABIC_INDIC)
    assert hash_national_id(spaced, key="k") == hash_national_id(digits, key="k")


@pytest.mark.parametrize("text", ["", "123456789", "10000000081"])
def test_hash_refuses_anything_but_ten_digits(text):
    with pytest.raises(ValueError):
        hash_national_id(text, key="k")


@pytest.mark.parametrize("phone", ["966551234567", "+966551234567", "0551234567"])
def test_phone_number_conversation_ids_are_stored_hashed(phone):
    stored = pseudonymous_conversation_id(phone)
    assert stored.startswith("phone_")
    assert stored == pseudonymous_conversation_id("966551234567")  # one person, one pseudonym
    assert phone.lstrip("+") not in stored
    assert stored == pseudonymous_conversation_id(phone)


@pytest.mark.parametrize("conversation_id", ["3f2a9c0e5b7d4e1f", "webchat-42", "test_user", "1234567"])
def test_other_conversation_ids_are_kept_as_they_are(conversation_id):
    assert pseudonymous_conversation_id(conversation_id) == conversation_id
