"""Arabic names staff read for intents (the one mapping; pages, exports and charts use it).

FAQ sub-intents are named by their topic (review.labels.FAQ_LABELS). An intent
with no Arabic name here is shown by its English name rather than hidden.
"""

from __future__ import annotations

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


def intent_label(name: str | None) -> str:
    """ "affirm" → "موافقة (نعم)"; "faq/apply_steps" → "سؤال شائع: خطوات التقديم"; None → "غير معروفة"."""
    if not name:
        return UNKNOWN_INTENT
    if name.startswith("faq/"):
        topic = name.split("/", 1)[1]
        return f"{INTENT_LABELS['faq']}: {FAQ_LABELS.get(topic, topic)}"
    return INTENT_LABELS.get(name, name)


# ---- the live inbox ---------------------------------------------------------------
MAX_REPLY_CHARS = 2000
# What the applicant reads when staff act (sent through Rasa, review.rasa_api).
APPLICANT_NOTICES = {
    "taken": "استلم محادثتك موظف من فريق الدعم، وسيرد عليك هنا في هذه المحادثة.",
    "returned": "أنهى موظف الدعم الحديث معك، وعاد المساعد الآلي ليجيب أسئلتك. اكتب سؤالك متى شئت.",
    "closed": "أغلق فريق الدعم طلب التواصل. إذا احتجت شيئاً آخر فاكتب سؤالك، والمساعد الآلي يجيبك.",
}

# The eligibility answers as staff read them (review.inbox.FACT_SLOTS).
FACT_LABELS = {
    "dependents_count": "عدد التابعين",
    "age": "العمر (لمن يتقدم وحده)",
    "earned_income": "دخل الأسرة من العمل (ريال شهرياً)",
    "other_income": "دخل الأسرة الآخر (ريال شهرياً)",
    "has_high_value_assets": "أملاك أو مدخرات غير السكن وسيارة",
    "assets_value": "قيمة الأملاك (ريال)",
    "is_saudi": "سعودي الجنسية",
    "nationality_exception": "من الفئات المستثناة من الجنسية",
    "resides_in_ksa": "يقيم في المملكة",
    "has_bank_account": "له حساب بنكي",
    "lives_in_care_facility": "يسكن في دار رعاية",
    "has_children": "بين التابعين أبناء",
    "meets_education_health": "الأبناء ملتزمون بالتعليم والصحة",
    "has_able_to_work_members": "في الأسرة من يقدر على العمل",
    "accepts_rehabilitation": "يوافق على برامج التأهيل",
    "monthly_income": "الدخل المحتسب مقابل الحد",
}
# The inbox's outcome codes (in the redirect's query) and what staff read for them.
INBOX_ERRORS = {
    "conflict": "استلم هذه المحادثة موظف آخر، أو انتهى الطلب.",
    "rasa": "تعذر الوصول إلى المساعد الآلي، فلم يتغير شيء. أعد المحاولة بعد قليل.",
    "notice": "توقف المساعد، لكن تعذر إبلاغ المستخدم بأنك استلمت المحادثة.",
    "not_delivered": "لم تصل الرسالة إلى المستخدم (انقطع الاتصال، أو مضت 24 ساعة على آخر رسالة منه في واتساب).",
    "empty": "اكتب نص الرد أولاً.",
    "too_long": f"الرد أطول من {MAX_REPLY_CHARS} حرف.",
    "take_first": "استلم المحادثة أولاً ثم رد.",
    "channel": "هذه القناة لا تستقبل رسائل لاحقة من الموظفين.",
    "no_staff": "لا يوجد موظف بهذا الاسم.",
}
INBOX_NOTICES = {
    "taken": "استلمت المحادثة، وتوقف المساعد الآلي عن الرد.",
    "sent": "أُرسل الرد.",
    "reassigned": "حُوّلت المحادثة.",
}
INBOX_STATES = {"waiting": "ينتظر", "taken": "مع موظف", "returned": "أعيد للمساعد", "closed": "مغلق"}
INBOX_SPEAKERS = {"user": "المستخدم", "bot": "المساعد", "staff": "الموظف"}


def fact_value(value: object) -> str:
    """A slot value as staff read it: نعم/لا for yes-no answers, digits with grouping for numbers."""
    if isinstance(value, bool):
        return "نعم" if value else "لا"
    if isinstance(value, (int, float)):
        return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}"
    return str(value)


def _counted(n: int, one: str, two: str, few: str, many: str) -> str:
    """A count with Arabic number agreement: 1 دقيقة، 2 دقيقتان، 3–10 دقائق، 11+ دقيقة."""
    if n == 1:
        return one
    if n == 2:
        return two
    return f"{n} {few if 3 <= n <= 10 else many}"


def waited(seconds: float) -> str:
    """How long a request has waited: "أقل من دقيقة", "12 دقيقة", "ساعتان و5 دقائق"."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "أقل من دقيقة"
    said_minutes = _counted(minutes % 60, "دقيقة", "دقيقتان", "دقائق", "دقيقة")
    if minutes < 60:
        return said_minutes
    hours = _counted(minutes // 60, "ساعة", "ساعتان", "ساعات", "ساعة")
    return hours if minutes % 60 == 0 else f"{hours} و{said_minutes}"
