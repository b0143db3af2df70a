"""Removing personal data from free text before it is stored."""
from __future__ import annotations

import re

# Fallback when arabic_text.pii is not there yet: any run of 7+ digits (\d also
# matches Arabic-Indic and Persian digits), possibly split by spaces or dashes, is an
# ID or a phone number as far as storage is concerned.
_DIGIT_RUN = re.compile(r"\+?\d(?:[\s\-]?\d){6,}")


def _fallback_mask(text: str) -> str:
    return _DIGIT_RUN.sub("[رقم محذوف]", text)


def mask_personal_data(text: str) -> str:
    """`text` with national IDs and phone numbers masked.

    Uses the project's arabic_text.pii.mask_pii when it exists, then applies the
    local digit-run rule as a second net: a stored topic never needs long numbers.
    """
    try:
        from arabic_text.pii import mask_pii
    except ImportError:
        return _fallback_mask(text)
    return _fallback_mask(mask_pii(text))
