"""Sealing the status lookup's answers so a form can still read them on its next turn.

Rasa rebuilds the tracker from the tracker store on every message, so a slot
stored masked ("****-**-**") would read back masked, and a form that asks the
birth date in one turn and looks the application up in a later one would lose it.
So the store keeps, beside the masked value, the real value sealed with Fernet
(AES-128-CBC + HMAC-SHA256, from the `cryptography` package Rasa already needs),
and opens it only when it rebuilds a tracker in the Rasa server's memory. Staff
tools, exports and anything else reading the table see the masked value and an
opaque token.

Key: `TRACKER_SEAL_KEY`, or else derived from `NATIONAL_ID_HMAC_KEY` (the secret
the status store and the tracker store already share). Without either, values
are not sealed: they stay masked, which is safe but loses them across turns.
A token that cannot be opened (key changed) leaves the masked value in place.

National IDs are never sealed: a value holding one (a raw ID before validation)
is only masked; the status form keeps the ID's keyed hash instead.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from arabic_text.pii import mask_pii

logger = logging.getLogger(__name__)

SEALED_FIELD = "sealed_value"
_KEY_ENV, _FALLBACK_ENV = "TRACKER_SEAL_KEY", "NATIONAL_ID_HMAC_KEY"


def _fernet() -> Fernet | None:
    secret = os.environ.get(_KEY_ENV) or os.environ.get(_FALLBACK_ENV)
    if not secret:
        return None
    digest = hashlib.sha256(b"tracker-slot-seal/v1:" + secret.encode("utf-8")).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(value: Any) -> str | None:
    """An opaque token holding `value` (JSON), or None when it must not or cannot be sealed."""
    if value is None:
        return None
    text = json.dumps(value, ensure_ascii=False)
    if mask_pii(text) != text:
        return None  # holds an ID or phone: masked only, never kept even sealed
    fernet = _fernet()
    if fernet is None:
        logger.warning("No %s or %s: sensitive slot values are kept masked only", _KEY_ENV, _FALLBACK_ENV)
        return None
    return fernet.encrypt(text.encode("utf-8")).decode("ascii")


def unseal_event(data: dict) -> dict:
    """A stored slot event with its real value back in place of the masked one, when sealed."""
    token = data.pop(SEALED_FIELD, None)
    if not token:
        return data
    fernet = _fernet()
    try:
        if fernet is None:
            raise InvalidToken
        data["value"] = json.loads(fernet.decrypt(token.encode("ascii")).decode("utf-8"))
    except (InvalidToken, ValueError):
        logger.warning("A sealed slot value could not be opened (key changed?); it stays masked")
    return data
