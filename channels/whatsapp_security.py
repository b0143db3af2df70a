"""Checks that a webhook really comes from Meta, and pseudonyms for phone numbers.

Phone numbers are personal data: Rasa only ever sees a keyed hash of the sender's
number, and our logs and databases never see the number at all.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_PREFIX = "sha256="


def sign_body(body: bytes, app_secret: str) -> str:
    """The X-Hub-Signature-256 value Meta sends for `body` (also used by test fakes)."""
    digest = hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return SIGNATURE_PREFIX + digest


def is_valid_signature(body: bytes, header: str | None, app_secret: str) -> bool:
    """True only when `header` is Meta's HMAC-SHA256 of the raw body with our app secret."""
    if not app_secret or not header or not header.startswith(SIGNATURE_PREFIX):
        return False
    expected = sign_body(body, app_secret)
    # compare_digest keeps the time taken independent of where the strings differ.
    return hmac.compare_digest(expected.encode("ascii"), header.strip().lower().encode("ascii", "replace"))


def is_valid_verify_token(candidate: str | None, verify_token: str) -> bool:
    """Constant-time comparison of the handshake token."""
    if not verify_token or candidate is None:
        return False
    return hmac.compare_digest(candidate.encode("utf-8"), verify_token.encode("utf-8"))
