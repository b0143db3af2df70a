"""Arabic names staff read for intents (the one mapping; pages, exports and charts use it).

FAQ sub-intents are named by their topic (review.labels.FAQ_LABELS). An intent
with no Arabic name here is shown by its English name rather than hidden.
"""
from __future__ import annotations

from typing import Optional

from review.labels import FAQ_LABELS

INTENT_LABELS = {
    "greet": "تحية",
    "goodbye": "وداع",
    "thank": "شكر",
    "affirm": "موافقة (نعم)",
    "deny": "نفي (لا)",
    "stop": "إيقاف",
    "human_handoff": "طلب موظف",
    "out_of_scope": "خارج النطاق",
    "check_eligibility": "فحص الأهلية",
    "check_status": "حالة الطلب",
    "inform": "إدخال معلومة",
    "ask_why": "سؤال عن السبب",
    "start_over": "البدء من جديد",
    "faq": "سؤال شائع",
    "nlu_fallback": "لم يُفهم (رد احتياطي)",
}
UNKNOWN_INTENT = "غير معروفة"


def intent_label(name: Optional[str]) -> str:
    """"affirm" → "موافقة (نعم)"; "faq/apply_steps" → "سؤال شائع: خطوات التقديم"; None → "غير معروفة"."""
    if not name:
        return UNKNOWN_INTENT
    if name.startswith("faq/"):
        topic = name.split("/", 1)[1]
        return f"{INTENT_LABELS['faq']}: {FAQ_LABELS.get(topic, topic)}"
    return INTENT_LABELS.get(name, name)
