"""Keyed hashing of national IDs, so the store can find an application without holding the ID."""
from __future__ import annotations

import hashlib
import hmac
import os
from typing import Optional

from arabic_text.national_id import extract_digits

from status_store.errors import MissingHmacKey

KEY_ENV = "NATIONAL_ID_HMAC_KEY"


def _key_bytes(key: Optional[str]) -> bytes:
    chosen = key if key is not None else os.environ.get(KEY_ENV, "")
    if not chosen:
        raise MissingHmacKey(
            f"{KEY_ENV} is not set. Set it to a long random secret (the same value for the "
            "action server and staff commands; `scripts/common.sh` can generate one into "
            "var/national_id_hmac_key) before storing or looking up national IDs."
        )
    return chosen.encode("utf-8")


def hash_national_id(digits: str, key: Optional[str] = None) -> str:
    """HMAC-SHA256 (hex) of the ID's 10 ASCII digits, read as typed ("١٠٠٠ ٠٠٠ ٠٠٨" works).

    A keyed hash rather than a plain one: there are only ~10^9 valid IDs, so an
    unkeyed hash could be reversed by trying them all.
    """
    normalized = extract_digits(digits or "")
    if len(normalized) != 10:
        raise ValueError("A national ID has exactly 10 digits; validate it before hashing.")
    return hmac.new(_key_bytes(key), normalized.encode("ascii"), hashlib.sha256).hexdigest()


def pseudonymous_conversation_id(conversation_id: str, key: Optional[str] = None) -> str:
    """The conversation id to store: unchanged, unless it is a phone number.

    WhatsApp uses the sender's phone number as the conversation id. A phone number
    is personal data, so such ids are stored as a keyed hash; the mapping is
    stable, which keeps the lockout count and staff links working.
    """
    stripped = (conversation_id or "").strip()
    bare = stripped[1:] if stripped.startswith("+") else stripped
    if bare.isascii() and bare.isdigit() and 8 <= len(bare) <= 15:
        digest = hmac.new(_key_bytes(key), bare.encode("ascii"), hashlib.sha256).hexdigest()
        return "hmac:" + digest[:40]
    return stripped
