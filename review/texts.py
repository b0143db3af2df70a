"""Arabic texts staff read in the review tool, in one place: names of intents,
outcomes, channels, speakers and FAQ topics (pages, exports and charts use them),
the pages' titles and messages, the inbox's notices, and the errors of accounts,
passwords and annotations.

An intent with no Arabic name here is shown by its English name rather than hidden.
Templates take {placeholders} filled with str.format by the caller.
"""

from __future__ import annotations

# ---- names of things ------------------------------------------------------------------
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
    """ "eligible" → "مؤهل"; an unknown outcome keeps its code."""
    return OUTCOME_LABELS.get(name, name)


def channel_label(name: str) -> str:
    """ "whatsapp" → "واتساب"; an unknown channel keeps its code."""
    return CHANNEL_LABELS.get(name, name)


def faq_label(key: str) -> str:
    """ "faq/apply_steps" → "خطوات التقديم"; unknown topics keep their key."""
    return FAQ_LABELS.get(key.split("/", 1)[-1], key)


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


# ---- the web pages (review.web) ---------------------------------------------------------
PAGE_TITLES = {
    "login": "تسجيل دخول الموظفين",
    "refused": "طلب مرفوض",
    "forbidden": "غير مسموح",
    "too_many_requests": "طلبات كثيرة",
    "inbox": "صندوق المحادثات الحية",
    "handoff": "طلب التواصل رقم {id}",
    "handoffs": "طلبات التحويل إلى موظف",
    "not_closed": "لم يُغلق الطلب",
    "report": "التقرير",
    "conversations": "المحادثات",
    "conversation_not_found": "غير موجودة",
    "transcript": "نص المحادثة",
}
PAGE_MESSAGES = {
    "login_required": "يلزم تسجيل الدخول.",
    "form_expired": "انتهت صلاحية النموذج أو أنه غير صالح. حدّث الصفحة ثم أعد المحاولة.",
    "login_throttled": "محاولات دخول كثيرة غير ناجحة. انتظر ربع ساعة ثم حاول مرة أخرى.",
    "login_failed": "اسم المستخدم أو كلمة المرور غير صحيحة.",
    "status_db_unavailable": "قاعدة بيانات الحالات غير متاحة.",
    "not_your_conversation": "هذه المحادثة ليست لك. يراها من استلمها والمشرفون.",
    "too_many_requests": "أرسلت طلبات كثيرة في دقيقة واحدة. انتظر قليلاً ثم أعد المحاولة.",
    "bad_handoff_id": "رقم الطلب غير صالح.",
    "handoff_not_found": "الطلب غير موجود.",
    "forbidden": "غير مسموح.",
    "conversation_id_required": "رقم المحادثة مطلوب.",
    "conversation_not_found": "لا توجد محادثة بهذا الرقم.",
    "bad_message_id": "رقم الرسالة غير صالح.",
    "message_not_found": "الرسالة غير موجودة.",
}

# ---- charts (review.charts): each chart's title and the label of its values ----------------
CHART_TEXTS = {
    "conversations_per_day": ("عدد المحادثات في كل يوم", "المحادثات"),
    "outcomes": ("نتائج المحادثات", "المحادثات"),
    "top_intents": ("أكثر النوايا تكرارًا", "الرسائل"),
    "faq_topics": ("موضوعات الأسئلة الشائعة", "الرسائل"),
}
CHART_NO_DATA = "لا توجد بيانات"

# The header line of a plain-text transcript (review.transcript_text).
TRANSCRIPT_HEADER = "المحادثة: {display_id}  القناة: {channel}  النتيجة: {outcomes}"

# ---- accounts, passwords, annotations: errors for the person typing ----------------------
ACCOUNT_ERRORS = {
    "role": "الدور إما {agent} أو {supervisor}.",
    "username": "اسم المستخدم من {min_chars} إلى {max_chars} حرفًا أو رقمًا (ويُسمح بـ _ . -).",
    "exists": "الحساب {name} موجود؛ استخدم --replace لتغيير كلمة المرور.",
    "not_found": "لا يوجد حساب باسم {name}.",
}
PASSWORD_ERRORS = {
    "too_short": "كلمة المرور قصيرة: يلزم {min_length} أحرف على الأقل.",
    "same_as_username": "لا يجوز أن تكون كلمة المرور هي اسم المستخدم نفسه.",
    "easy_to_guess": "كلمة المرور سهلة التخمين: استخدم أحرفًا وأرقامًا متنوعة.",
}
# The command line's password prompts (review.cli).
PASSWORD_PROMPTS = {
    "enter": "كلمة المرور: ",
    "repeat": "أعد كتابة كلمة المرور: ",
    "mismatch": "كلمتا المرور غير متطابقتين.",
}
ANNOTATION_ERRORS = {
    "tag": "الوسم مطلوب ولا يزيد على {max_chars} حرفًا.",
    "note": "الملاحظة مطلوبة ولا تزيد على {max_chars} حرف.",
    "intent": "اختر نية من القائمة.",
    "empty_message": "لا يمكن تصحيح رسالة فارغة.",
}
