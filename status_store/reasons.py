"""Reason categories for an ineligible decision: what the applicant is told, never the file's text.

Staff write reasons as free text (CSV import) and these often hold figures from the
person's file ("income 4,200 SAR above the 2,420 threshold"). The bot says only which
condition failed, as one short category label. A reason may also be given as the
category code itself (e.g. `income_above_limit`). Categories follow the program's
conditions (shared/domain.md, seeds 000 and 004).
"""

from __future__ import annotations

import re

from status_store.texts import CATEGORY_LABELS

# The labels live in status_store.texts; the order of KEYWORDS below decides ties.

# Word stems (after light normalization) that point to a category, checked in order.
KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "high_value_assets",
        ("اصول", "أصول", "املاك", "أملاك", "عقار", "ثروه", "ثروة", "اسهم", "أسهم", "مدخرات", "asset", "property"),
    ),
    ("income_above_limit", ("دخل", "راتب", "المبلغ المرجعي", "الحد", "income", "salary")),
    ("care_facility", ("دار رعاي", "دور رعاي", "الرعايه", "الرعاية", "ايواء", "إيواء", "care")),
    ("residence", ("اقام", "إقام", "مقيم", "خارج المملكه", "خارج المملكة", "residen", "abroad")),
    ("nationality", ("جنسي", "غير سعودي", "nationality")),
    ("bank_account", ("حساب بنك", "بنكي", "ايبان", "آيبان", "bank")),
    ("education_health", ("تعليم", "مدرس", "مدارس", "صحي", "تطعيم", "education", "health")),
    ("rehabilitation", ("تأهيل", "تاهيل", "توظيف", "تدريب", "rehabilitat", "training")),
    ("age", ("عمر", "سن ", "age")),
    ("incomplete_data", ("مستند", "نقص", "بيانات", "document", "incomplete")),
)

_SPACES = re.compile(r"\s+")


def reason_category(reason: str | None) -> str | None:
    """The category code of a stored reason (free text or a code); None when there is no reason.

    Unrecognised text gives "other", so a new wording never leaks to the applicant.
    """
    if reason is None or not reason.strip():
        return None
    text = _SPACES.sub(" ", reason.strip().lower())
    if text in CATEGORY_LABELS:
        return text
    for code, stems in KEYWORDS:
        if any(stem in text for stem in stems):
            return code
    return "other"


def reason_label(reason: str | None) -> str | None:
    """The Arabic label shown to the applicant for a stored reason, or None."""
    code = reason_category(reason)
    return CATEGORY_LABELS[code] if code else None
