"""What the simulated applicants type: dialect Arabic as people really write it.

The texts mix Gulf, Hijazi, Egyptian and Levantine forms, Arabic-Indic digits and
amounts in words, so that the benchmark pays the same NLU cost real traffic does.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from saudi_locale.digits import to_arabic_indic_digits, to_latin_digits

GREETINGS: Sequence[str] = ("السلام عليكم", "هلا", "مرحبا", "صباح الخير", "اهلين")
THANKS: Sequence[str] = ("شكرا", "مشكور", "يعطيك العافية", "تسلم")

FAQ_QUESTIONS: Sequence[str] = (
    "وش شروط الضمان المطور؟",
    "ايش هي شروط الاستحقاق",
    "كم الحد المانع للدخل في الضمان",
    "كم الدخل المسموح عشان استحق",
    "متى ينزل الضمان؟",
    "امتى بينزل الدعم الشهر ده",
    "كيف اقدم على الضمان الاجتماعي المطور",
    "ازاي اقدم طلب ضمان",
    "وش هي البطاقة الرقمية للضمان",
    "كم مدة دراسة الطلب",
    "ابي اعترض على قرار عدم الاستحقاق",
    "شو هو الضمان المطور",
    "كيف استعلم عن الاهلية في موقع الوزارة",
    "ولدي يدرس برا المملكة يأثر على الضمان؟",
    "اعول اسرتين هل كل اسرة لها دعم؟",
    "كم مبلغ الدعم اللي ينصرف",
)

START_ELIGIBILITY: Sequence[str] = (
    "ابي افحص اهليتي",
    "ابي اعرف اذا انا مستحق للضمان",
    "عايز اعرف لو انا مستحق",
    "بدي اعرف اذا بستحق الضمان",
)

START_STATUS: Sequence[str] = (
    "ابي اعرف وين وصل طلبي",
    "وش صار على طلبي",
    "فين وصل طلبي",
    "ابغى استعلم عن حالة الطلب",
)

YES: Sequence[str] = ("ايوه", "اي", "نعم", "اكيد", "ايه", "طبعا")
NO: Sequence[str] = ("لا", "لا والله", "لأ", "ابد", "لا ما عندي")

# Slot -> how a qualifying applicant answers, with a few ways to say it.
_ELIGIBLE_ANSWERS: dict[str, Sequence[str]] = {
    "is_saudi": YES,
    "nationality_exception": NO,
    "resides_in_ksa": ("ايوه", "ايه ساكن بالرياض", "نعم", "اي ساكن هنا"),
    "age": ("عمري ٤٥", "عمري 38", "٥٢ سنة", "عمري خمسة وثلاثين"),
    "dependents_count": ("عندي ٣ عيال", "اربعة", "عندي ولدين وبنت", "٥"),
    "earned_income": ("راتبي الف ومية", "راتبي ١٠٠٠ ريال", "ما عندي دخل", "راتبي خمسمية وتقاعد ابوي ٣٠٠"),
    "other_income": ("لا", "ما عندنا", "٣٠٠", "ما في"),
    "has_high_value_assets": NO,
    "assets_value": ("عشرين الف", "١٠ آلاف"),
    "has_bank_account": ("اي عندي", "ايوه", "نعم عندي حساب"),
    "lives_in_care_facility": NO,
    "has_children": YES,
    "meets_education_health": ("ايوه كلهم بالمدارس", "اي", "نعم"),
    "has_able_to_work_members": YES,
    "accepts_rehabilitation": ("اكيد", "ايوه", "طبعا"),
    # The check before the verdict.
    "answers_confirmed": ("صحيح", "ايوه صح", "نعم"),
}

# Demo applications seeded by `python -m status_store seed-demo` (status_store/demo.py):
# fake IDs that pass the Luhn check, with the birth date written as people type it.
STATUS_LOOKUPS: Sequence[tuple[str, str]] = (
    ("1012345672", "12-4-1985"),
    ("١٠٤٥٦٧٨٩٠٩", "30/9/1978"),
    ("1098765439", "١٥-١-١٩٩٠"),
)


def answer_for(slot: str, rng: random.Random) -> str:
    """A dialect answer to the form question for `slot` (a qualifying applicant)."""
    choices = _ELIGIBLE_ANSWERS.get(slot)
    if not choices:
        return rng.choice(YES)
    return rng.choice(choices)


def status_inputs(rng: random.Random) -> tuple[str, str]:
    """(national ID, birth date) of a seeded demo application."""
    national_id, born = rng.choice(STATUS_LOOKUPS)
    if rng.random() < 0.3:
        national_id = to_arabic_indic_digits(national_id)
    return national_id, born


def registration_month(national_id: str) -> str:
    """The registration month ("M/YYYY") of the seeded demo application with this ID."""
    from status_store.demo import DEMO_APPLICATIONS

    digits = to_latin_digits(national_id)
    demo = next(d for d in DEMO_APPLICATIONS if d.national_id == digits)
    return demo.registration_month()


def faq_questions(rng: random.Random, count: int) -> list[str]:
    return [rng.choice(FAQ_QUESTIONS) for _ in range(count)]


def confirm() -> str:
    """The reply to "is this right?" after a surprising answer."""
    return "ايوه صح"
