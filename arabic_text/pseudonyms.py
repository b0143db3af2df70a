"""The one keyed-hash scheme for personal data that must be matched but never kept.

Two uses, one key (``NATIONAL_ID_HMAC_KEY``, a long random secret shared by the Rasa
server, the action server and staff commands):

- `keyed_digest`: the full HMAC-SHA256 of a value, for lookups (the status store
  finds an application by the digest of its national ID, status_store.crypto);
- `pseudonym`: a short, prefixed id that stands in for a value in ids and logs,
  e.g. the conversation id of a phone number (WhatsApp's wa_id, or a Twilio or REST
  sender that is a number) and WhatsApp message ids in the de-duplication store.

A plain hash would not do: there are about 10^9 Saudi mobile numbers and national
IDs, so an unkeyed hash could be reversed by hashing them all. The same phone number
gets the same pseudonym on every channel, so the status lookup's lockout and staff
links follow the person, not the channel.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Mapping

KEY_ENV = "NATIONAL_ID_HMAC_KEY"
PHONE_KIND = "phone"
_PSEUDONYM_HEX_CHARS = 40  # 160 bits: collisions are out of reach, ids stay short
_PHONE_LIKE = re.compile(r"\+?[0-9]{8,15}")


class MissingPseudonymKey(RuntimeError):
    """Raised when no key is configured: nothing personal may be hashed without one."""


def hashing_key(environ: Mapping[str, str] | None = None) -> str:
    """The configured key (``NATIONAL_ID_HMAC_KEY``).

    Raises MissingPseudonymKey when it is unset or empty.
    """
    key = (os.environ if environ is None else environ).get(KEY_ENV, "").strip()
    if not key:
        raise MissingPseudonymKey(
            f"{KEY_ENV} is not set. Set it to a long random secret (the same value for the Rasa "
            "server, the action server and staff commands; scripts/common.sh generates one into "
            "var/national_id_hmac_key) before storing or looking up personal numbers."
        )
    return key


def keyed_digest(value: str, key: str | None = None) -> str:
    """HMAC-SHA256 of `value` (UTF-8) as 64 hex characters, with `key` or the configured key."""
    secret = key if key is not None else hashing_key()
    if not secret:
        raise MissingPseudonymKey("a secret key is needed to hash personal data")
    return hmac.new(secret.encode("utf-8"), value.encode("utf-8"), hashlib.sha256).hexdigest()


def pseudonym(value: str, kind: str, key: str | None = None) -> str:
    """``<kind>_<40 hex>``: a stable stand-in for `value`; the same value always maps to it.

    `kind` names what was hashed ("phone", "wamsg") and separates the kinds: the same
    digits hashed as a phone number and as a message id give different pseudonyms.
    """
    return f"{kind}_" + keyed_digest(f"{kind}:{value}", key)[:_PSEUDONYM_HEX_CHARS]


def phone_pseudonym(number: str, key: str | None = None) -> str:
    """The pseudonym of a phone number, however it was written: "+9665…", "009665…",
    "9665…" and the local "05…" are one Saudi mobile, so they get one pseudonym."""
    digits = number.strip().lstrip("+")
    if digits.startswith("00"):
        digits = digits[2:]
    elif len(digits) == 10 and digits.startswith("05"):
        digits = "966" + digits[1:]
    return pseudonym(digits, PHONE_KIND, key)


def is_phone_like(text: str) -> bool:
    """True for an id that is a phone number: 8 to 15 ASCII digits, with an optional "+"."""
    return bool(_PHONE_LIKE.fullmatch(text.strip()))
