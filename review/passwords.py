"""Staff password hashing: scrypt with a per-user salt, checked in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from review.texts import PASSWORD_ERRORS

MIN_LENGTH = 10
_N, _R, _P = 2**14, 8, 1  # about 16 MB and a few tens of ms per check
_SALT_BYTES = 16
_KEY_BYTES = 32


class WeakPassword(ValueError):
    """The password is refused; the message says why, in Arabic, for the person typing it."""


def check_strength(password: str, username: str = "") -> None:
    if len(password or "") < MIN_LENGTH:
        raise WeakPassword(PASSWORD_ERRORS["too_short"].format(min_length=MIN_LENGTH))
    if username and password.strip().lower() == username.strip().lower():
        raise WeakPassword(PASSWORD_ERRORS["same_as_username"])
    if len(set(password)) < 4:
        raise WeakPassword(PASSWORD_ERRORS["easy_to_guess"])


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_KEY_BYTES)


def hash_password(password: str) -> str:
    """ "scrypt$n$r$p$salt$hash" (base64 parts); the parameters travel with the hash."""
    salt = os.urandom(_SALT_BYTES)
    return "$".join(["scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(_derive(password, salt, _N, _R, _P))])


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _derive(password or "", base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, base64.b64decode(expected))


# Verified against when the user name is unknown, so both cases take the same time.
DUMMY_HASH = hash_password(os.urandom(12).hex())
