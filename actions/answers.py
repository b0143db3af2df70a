"""Reading the eligibility form's answers as people type them.

The form's validation action reads the reply to its question (the slots' mappings are
`custom`) and sets the slot to the typed value in the same run, so a slot holds a bool
or a number once it has been read, or nothing; that is how the form tells answered
questions from pending ones.
The reading itself is `arabic_text`'s; this module only adds what the form needs on top:
button replies ("لا ينطبق"), the says-back phrases, and what counts as surprising.
"""

from __future__ import annotations

from typing import Any

import arabic_text
import eligibility

# The slot names are the eligibility module's; the form only adds how to read them.
ELIGIBILITY_SLOTS = eligibility.ANSWER_SLOTS
BOOL_SLOTS = eligibility.BOOL_SLOTS
NUMBER_SLOTS = eligibility.NUMBER_SLOTS
INCOME_SLOTS = ("earned_income", "other_income")

# Answers that are readable but unusual enough to confirm before using them
# (SAR per month for incomes, SAR for assets_value, people, years).
SURPRISING_ABOVE = {
    "earned_income": 50_000,
    "other_income": 50_000,
    "assets_value": 5_000_000,
    "dependents_count": 20,
    "age": 100,
}

_INTENT_TO_BOOL = {"affirm": True, "deny": False}

# "لا ينطبق" to a question that does not fit the household: which answers it gives.
# Schooling with no child of school age has nothing to fail; rehabilitation that no
# one can take up means no one in the household can work (domain.md, household readings).
NOT_APPLICABLE_ANSWERS: dict[str, dict[str, Any]] = {
    "nationality_exception": {"nationality_exception": False},
    "has_children": {"has_children": False},
    "meets_education_health": {"meets_education_health": True},
    "has_able_to_work_members": {"has_able_to_work_members": False},
    "accepts_rehabilitation": {"has_able_to_work_members": False},
    "has_high_value_assets": {"has_high_value_assets": False},
    "lives_in_care_facility": {"lives_in_care_facility": False},
}


def parse_answer(slot: str, text: Any, intent: str | None = None) -> Any:
    """The typed value of `text` as the answer to the question for `slot`.

    Returns a bool for yes/no slots, a float for number slots (SAR per month for
    incomes, SAR for assets_value), or None when the text does not answer it.
    """
    if isinstance(text, bool) or (isinstance(text, (int, float)) and slot in NUMBER_SLOTS):
        return text
    if not isinstance(text, str) or not text.strip():
        return None
    value = arabic_text.answer_for_slot(slot, text)
    if value is None and arabic_text.says_unsure(text):
        return None  # "مدري" is often classified deny; it is neither a no nor "none"
    if value is None and slot in BOOL_SLOTS and intent in _INTENT_TO_BOOL:
        value = _INTENT_TO_BOOL[intent]
    if value is None and slot in INCOME_SLOTS and (arabic_text.parse_yes_no(text) is False or intent == "deny"):
        value = 0.0  # "لا" to "any other income?" is none
    if slot in BOOL_SLOTS:
        return value if isinstance(value, bool) else None
    if value is None or isinstance(value, bool):
        return None
    return float(value)


def not_applicable(slot: str, text: Any) -> dict[str, Any] | None:
    """The answers that "لا ينطبق" (or a dialect form of it) gives for `slot`, or None."""
    if slot not in NOT_APPLICABLE_ANSWERS or not isinstance(text, str):
        return None
    if not arabic_text.parse_not_applicable(text):
        return None
    return dict(NOT_APPLICABLE_ANSWERS[slot])


def typed_answers(slots: dict[str, Any]) -> dict[str, Any]:
    """The eligibility answers already read (typed), leaving raw text out."""
    answers: dict[str, Any] = {}
    for slot in ELIGIBILITY_SLOTS:
        value = slots.get(slot)
        if slot in BOOL_SLOTS and isinstance(value, bool):
            answers[slot] = value
        elif slot in NUMBER_SLOTS and isinstance(value, (int, float)) and not isinstance(value, bool):
            answers[slot] = int(value) if float(value).is_integer() else value
    return answers


def is_surprising(slot: str, value: Any) -> bool:
    limit = SURPRISING_ABOVE.get(slot)
    return limit is not None and isinstance(value, (int, float)) and value > limit


_NUMBER_DESCRIPTIONS = {
    "age": "عمرك {value} سنة",
    "earned_income": "دخل الأسرة من العمل {value} ريال في الشهر",
    "other_income": "دخل الأسرة الآخر (تقاعد وغيره) {value} ريال في الشهر",
    "assets_value": "قيمة الأملاك والمدخرات {value} ريال",
}
_BOOL_DESCRIPTIONS = {
    "is_saudi": ("سعودي الجنسية", "غير سعودي الجنسية"),
    "nationality_exception": ("تنطبق عليك حالة من الاستثناءات", "لا تنطبق عليك الاستثناءات"),
    "resides_in_ksa": ("تسكن داخل المملكة", "لا تسكن داخل المملكة"),
    "has_high_value_assets": ("عندكم أملاك أو مدخرات غير السكن وسيارة", "ما عندكم أملاك غير السكن وسيارة"),
    "has_bank_account": ("عندك حساب بنكي", "ليس عندك حساب بنكي"),
    "lives_in_care_facility": ("تسكن في دار رعاية", "لا تسكن في دار رعاية"),
    "has_children": ("بين من تعولهم أبناء", "ليس بين من تعولهم أبناء"),
    "meets_education_health": ("الأبناء ملتزمون بالتعليم والصحة", "الأبناء غير ملتزمين بالتعليم والصحة"),
    "has_able_to_work_members": ("في الأسرة من يقدر يعمل", "ما في الأسرة أحد يقدر يعمل"),
    "accepts_rehabilitation": ("توافقون على برامج التأهيل", "لا توافقون على برامج التأهيل"),
}


def describe_count(count: Any) -> str:
    """ "٤ تابعين" with Arabic number agreement, for saying a count back."""
    n = int(count)
    if n == 0:
        return "لا يوجد تابعون"
    if n == 1:
        return "تابع واحد"
    if n == 2:
        return "تابعان"
    return f"{format_number(n)} {'تابعين' if n <= 10 else 'تابعًا'}"


def describe_answer(slot: str, value: Any) -> str:
    """A short Arabic phrase restating an answer, for says-back and corrections."""
    if slot in _BOOL_DESCRIPTIONS:
        yes, no = _BOOL_DESCRIPTIONS[slot]
        return yes if value else no
    if slot == "dependents_count":
        return describe_count(value)
    return _NUMBER_DESCRIPTIONS[slot].format(value=format_number(value))


def describe_answers(answers: dict[str, Any]) -> str:
    """Several answers said back in one line, in the question order."""
    return "، ".join(describe_answer(slot, answers[slot]) for slot in ELIGIBILITY_SLOTS if slot in answers)


def format_number(value: Any) -> str:
    """Digits with grouping, as the other bot texts write amounts (e.g. 1,100)."""
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,.2f}"


def range_problem(slot: str, value: Any, answers: dict[str, Any]) -> str | None:
    """The eligibility module's Arabic complaint about an impossible value, if any."""
    try:
        eligibility.assess({**answers, slot: value})
    except eligibility.EligibilityError as error:
        return getattr(error, "message_ar", None) or str(error)
    return None


def in_range(values: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any]:
    """The values that the eligibility module accepts, each beside the earlier answers."""
    return {slot: value for slot, value in values.items() if range_problem(slot, value, answers) is None}


# Waiting for staff: the handoff replies' {wait}, {back_at} and {staff_hours}.
WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")  # Python weekday()
_WEEK_FROM_SUNDAY = (6, 0, 1, 2, 3, 4, 5)


def describe_wait(minutes: int | None) -> str:
    """An estimated wait in words, rounded as a person would say it ("نحو 25 دقيقة").

    None (no basis for an estimate) says so plainly. Up to 5 minutes is "أقل من 5 دقائق";
    then 5-minute steps with Arabic number agreement (3–10 دقائق, 11+ دقيقة); from an
    hour on, half hours; past two hours,
    "أكثر من ساعتين" (an estimate that far out is only a warning).
    """
    if minutes is None:
        return "لا تتوفر بيانات كافية لتقديرها الآن"
    if minutes <= 5:
        return "أقل من 5 دقائق"
    if minutes <= 55:
        rounded = 5 * -(-minutes // 5)  # up to the next 5 minutes: better early than late
        return f"نحو {rounded} {'دقائق' if rounded <= 10 else 'دقيقة'}"
    halves = max(round(minutes / 30), 2)
    return {2: "نحو ساعة", 3: "نحو ساعة ونصف", 4: "نحو ساعتين"}.get(halves, "أكثر من ساعتين")


def describe_place(ahead: int) -> str:
    """The applicant's place in the queue: "أنت الأول في الدور" or "قبلك في الدور 3"."""
    return "أنت الأول في الدور" if ahead <= 0 else f"قبلك في الدور {ahead}"


def describe_clock(moment: Any) -> str:
    """ "8:00 صباحاً", "12:30 ظهراً", "4:00 مساءً" for a time of day (a datetime or time)."""
    hour, minute = moment.hour, moment.minute
    if hour < 12:
        return f"{hour or 12}:{minute:02d} صباحاً"
    if hour == 12:
        return f"12:{minute:02d} ظهراً"
    return f"{hour - 12}:{minute:02d} مساءً"


def describe_opening(opening: Any, now: Any) -> str:
    """When staff are back, from `now` (both Riyadh datetimes): "اليوم الساعة …", "غداً (…)", "يوم الأحد …"."""
    days = (opening.date() - now.date()).days
    at = f"الساعة {describe_clock(opening)}"
    if days == 0:
        return f"اليوم {at}"
    if days == 1:
        return f"غداً ({WEEKDAYS_AR[opening.weekday()]}) {at}"
    return f"يوم {WEEKDAYS_AR[opening.weekday()]} {at}"


def _days_phrase(weekdays: set) -> str:
    """ "من الأحد إلى الخميس" for a run of 3+ days (also across the week's end), else "الأحد والخميس"."""
    if 3 <= len(weekdays) < 7:
        first = next(day for day in _WEEK_FROM_SUNDAY if day in weekdays and (day - 1) % 7 not in weekdays)
        run = [(first + offset) % 7 for offset in range(len(weekdays))]
        if set(run) == weekdays:
            return f"من {WEEKDAYS_AR[run[0]]} إلى {WEEKDAYS_AR[run[-1]]}"
    if len(weekdays) == 7:
        return "كل أيام الأسبوع"
    return " و".join(WEEKDAYS_AR[day] for day in _WEEK_FROM_SUNDAY if day in weekdays)


def describe_staff_hours(hours: Any) -> str:
    """A status_store.staff_hours.StaffHours in words: "من الأحد إلى الخميس، من 8:00 صباحاً إلى 4:00 مساءً"."""
    if hours.always:
        return "على مدار الساعة"
    groups: dict[Any, set] = {}
    for window in hours.windows:
        groups.setdefault((window.start, window.end), set()).add(window.weekday)
    return "، و".join(
        f"{_days_phrase(days)}، من {describe_clock(start)} إلى {describe_clock(end)}"
        for (start, end), days in groups.items()
    )


# ---- the clarifying question (actions.clarify) ----------------------------------------
# One short Arabic label per intent and faq sub-intent that can be offered as a
# button; a label reads after "تقصد ...". Intents without a label (greet, affirm,
# inform, out_of_scope, ...) are never offered: asking "did you mean yes?" helps no one.
CLARIFY_LABELS: dict[str, str] = {
    "check_eligibility": "فحص أهليتك للدعم",
    "check_status": "معرفة حالة طلبك",
    "human_handoff": "التواصل مع موظف",
    "start_over": "بدء فحص الأهلية من جديد",
    "faq/about_program": "التعريف بالبرنامج",
    "faq/conditions": "شروط الاستحقاق",
    "faq/income_limit": "حد الدخل",
    "faq/apply_steps": "طريقة التقديم",
    "faq/eligibility_inquiry_steps": "طريقة الاستعلام عن الأهلية",
    "faq/digital_card": "البطاقة الرقمية",
    "faq/review_period": "موعد نتيجة الطلب",
    "faq/payment_date": "موعد صرف الدعم",
    "faq/rehabilitation": "برامج التأهيل والتوظيف",
    "faq/multiple_families": "إعالة أكثر من أسرة",
    "faq/study_abroad": "الدراسة في الخارج",
    "faq/objection": "الاعتراض على القرار",
    "faq/assets_rule": "شرط الأصول والممتلكات",
    "faq/independent_person": "التسجيل كمستقل",
    "faq/residence_abroad": "الإقامة خارج المملكة",
    "faq/support_amount": "مبلغ الدعم",
    "faq/home_visit": "زيارة الباحث الاجتماعي",
    "faq/extra_payments": "المكرمات والدفعات الإضافية",
    "faq/payment_problem": "نقص الدعم أو عدم نزوله",
    "faq/support_stop": "إيقاف الدعم",
    "faq/update_data": "تحديث البيانات",
    "faq/contact": "أرقام التواصل مع الضمان",
}


# ---- said back by the eligibility form ------------------------------------------------
def kept_as_before(described: str) -> str:
    """An earlier answer that a message repeats without changing it:
    "عدد التابعين ٤" → "عدد التابعين ٤، كما كان"."""
    return f"{described}، كما كان"


# An income stated per year, week or day (arabic_text.read_income's periods).
INCOME_PERIODS_AR = {"year": "في السنة", "week": "في الأسبوع", "day": "في اليوم"}


def describe_converted_income(stated_sar: Any, period: str, monthly_sar: Any) -> str:
    """An amount stated per `period`, said back as the month it was converted to (SAR):
    "٣٦٬٠٠٠ ريال في السنة = ٣٬٠٠٠ ريال في الشهر". Raises KeyError for a period
    that is not in INCOME_PERIODS_AR (a month needs no conversion)."""
    return f"{format_number(stated_sar)} ريال {INCOME_PERIODS_AR[period]} = {format_number(monthly_sar)} ريال في الشهر"
