"""Arabic texts that arabic_text writes for people to read, in one place.

Most of this package reads Arabic: its word lists are vocabulary for parsing and stay
with their readers. What it writes (the result cards as text lines, the era marks of
a displayed date) lives here. Templates take {placeholders} filled with str.format;
amounts and dates come from the payload, never typed here.
"""

from __future__ import annotations

# The era marks after a displayed date: "2024/03/11م (1445/09/01هـ)" (display.format_date).
HIJRI_MARK = "هـ"
GREGORIAN_MARK = "م"

# ---- result cards as text lines (card_text.py; the web card: webchat/static/cards.js) ----
CARD_ELIGIBLE = "✅ مؤهل مبدئيًا"
CARD_INELIGIBLE = "❌ غير مؤهل حسب إجاباتك"
CARD_ESTIMATE = "الدعم الشهري التقديري: {amount} ريال (تقديري)"
CARD_THRESHOLD = "المبلغ المرجعي لأسرتك: {amount} ريال شهريًا"
CARD_COUNTED = "الدخل المحتسب: {amount} ريال شهريًا"
CARD_RULES = "تاريخ القواعد: {date}"
CARD_FAILED_HEADING = "الشروط غير المستوفاة:"
CARD_NOTE = "نتيجة تقديرية من إجاباتك، والقرار النهائي للوزارة."

CARD_CONDITION_LABELS: dict[str, str] = {
    "is_saudi": "الجنسية السعودية",
    "nationality_exception": "الحالات المستثناة من شرط الجنسية",
    "resides_in_ksa": "الإقامة الدائمة في المملكة",
    "age": "عمر الشخص المستقل",
    "dependents_count": "عدد التابعين",
    "monthly_income": "الدخل المحتسب ضمن المبلغ المرجعي",
    "has_high_value_assets": "الأصول عالية القيمة",
    "has_bank_account": "حساب بنكي باسمك",
    "lives_in_care_facility": "عدم الإقامة في دار رعاية",
    "meets_education_health": "التزامات التعليم والصحة للأبناء",
    "accepts_rehabilitation": "المشاركة في برامج التأهيل والتوظيف",
    "has_able_to_work_members": "القادرون على العمل في الأسرة",
}

STATUS_TITLE = "حالة طلبك: {status}"
STATUS_VALUES = {
    "under_review": "⏳ قيد الدراسة",
    "eligible": "✅ مستحق للدعم",
    "ineligible": "❌ غير مستحق",
    "not_found": "لم نجد طلبًا بهذه البيانات",
}
STATUS_EXPECTED = "الموعد المتوقع للقرار: {date}"
STATUS_REASON = "السبب: {reason}"
# A status code the card does not know, shown as the state.
STATUS_UNKNOWN = "غير معروفة"
