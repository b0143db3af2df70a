"""Keyed hashing of national IDs and phone-number conversation ids, so the store can find
an application, and count a conversation's failed lookups, without holding either.

The scheme itself (one key, one HMAC) is arabic_text.pseudonyms.
"""

from __future__ import annotations

from arabic_text.national_id import extract_digits
from arabic_text.pseudonyms import (
    KEY_ENV,
    MissingPseudonymKey,
    hashing_key,
    is_phone_like,
    keyed_digest,
    phone_pseudonym,
)
from status_store.errors import MissingHmacKey

__all__ = ["KEY_ENV", "hash_national_id", "pseudonymous_conversation_id"]


def _key(key: str | None) -> str:
    try:
        return key if key else hashing_key()
    except MissingPseudonymKey as missing:
        raise MissingHmacKey(str(missing)) from missing


def hash_national_id(digits: str, key: str | None = None) -> str:
    """HMAC-SHA256 (hex) of the ID's 10 ASCII digits, read as typed ("١٠٠٠ ٠٠٠ ٠٠٨" works).

    A keyed hash rather than a plain one: there are only ~10^9 valid IDs, so an
    unkeyed hash could be reversed by trying them all. Raises ValueError for a value
    that is not 10 digits, MissingHmacKey when no key is configured.
    """
    normalized = extract_digits(digits or "")
    if len(normalized) != 10:
        raise ValueError("A national ID has exactly 10 digits; validate it before hashing.")
    return keyed_digest(normalized, _key(key))


def pseudonymous_conversation_id(conversation_id: str, key: str | None = None) -> str:
    """The conversation id to store: unchanged, unless it is a phone number.

    Rasa's Twilio channel, or a REST client, may use the sender's phone number as the
    conversation id. A phone number is personal data, so such ids are stored as its
    pseudonym, the same one the WhatsApp channel gives that number; the mapping is
    stable, which keeps the lockout count and staff links working.
    """
    stripped = (conversation_id or "").strip()
    if is_phone_like(stripped):
        return phone_pseudonym(stripped, _key(key))
    return stripped
