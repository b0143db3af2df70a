"""The exceptions the status store raises, so callers can catch one type per situation."""

from __future__ import annotations


class StatusStoreError(Exception):
    """Base class for every error this package raises on purpose."""


class StatusStoreUnavailable(StatusStoreError):
    """The database cannot be reached or used right now.

    The bot turns this into a polite "please try again later"; staff tools print it.
    The original database exception is kept as ``__cause__`` for the logs.
    """


class MissingHmacKey(StatusStoreError, RuntimeError):
    """NATIONAL_ID_HMAC_KEY is not set, so national IDs cannot be hashed."""


class HandoffNotFound(StatusStoreError, LookupError):
    """No handoff request has the given id."""
