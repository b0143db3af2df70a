"""Arabic names staff see for outcomes, channels, speakers and FAQ topics."""

from __future__ import annotations

OUTCOME_LABELS = {
    "eligible": "مؤهل",
    "ineligible": "غير مؤهل",
    "status_lookup": "استعلام عن حالة الطلب",
    "handoff": "تحويل إلى موظف",
    "none": "بلا نتيجة",
}

CHANNEL_LABELS = {
    "rest": "واجهة REST",
    "socketio": "محادثة الموقع",
    "whatsapp": "واتساب",
    "cmdline": "سطر الأوامر",
    "unknown": "غير معروفة",
}

SPEAKER_LABELS = {"user": "المستخدم", "bot": "المساعد"}

FAQ_LABELS = {
    "about_program": "عن البرنامج",
    "conditions": "الشروط",
    "income_limit": "حد الدخل",
    "apply_steps": "خطوات التقديم",
    "eligibility_inquiry_steps": "الاستعلام عن الأهلية",
    "digital_card": "البطاقة الرقمية",
    "review_period": "مدة الدراسة",
    "payment_date": "موعد الصرف",
    "rehabilitation": "التأهيل والتوظيف",
    "multiple_families": "إعالة أكثر من أسرة",
    "study_abroad": "الدراسة في الخارج",
    "objection": "الاعتراض",
    "support_amount": "مبلغ الدعم",
    "assets_rule": "الأصول",
    "residence_abroad": "الإقامة خارج المملكة",
    "independent_person": "الشخص المستقل",
}


def outcome_label(name: str) -> str:
    return OUTCOME_LABELS.get(name, name)


def channel_label(name: str) -> str:
    return CHANNEL_LABELS.get(name, name)


def faq_label(key: str) -> str:
    """ "faq/apply_steps" → "خطوات التقديم"; unknown topics keep their key."""
    return FAQ_LABELS.get(key.split("/", 1)[-1], key)
