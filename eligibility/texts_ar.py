"""Arabic wording for conditions: what each requires, why it failed, what to do.

No amount, period or date is typed here: every number is a {placeholder}
filled from the parameters (see facts.template_values), so a change of rules
is a change of data only.
"""

from __future__ import annotations

from collections.abc import Mapping

LABELS: Mapping[str, str] = {
    "is_saudi": (
        "أن يكون المتقدم سعودي الجنسية، أو من الفئات المستثناة: الزوجة أو المطلقة أو الأرملة غير السعودية "
        "لمواطن سعودي ولها منه أبناء سعوديون وإقامة سارية، وأبناء المواطنة السعودية الأرملة أو المطلقة من "
        "زوج غير سعودي، وذوو الإعاقة والأيتام والأرامل الحاضنات لأيتام من حاملي بطاقات التنقل"
    ),
    "resides_in_ksa": (
        "الإقامة الدائمة في المملكة، وألا تزيد مدة البقاء خارجها على {max_months_abroad} أشهر في السنة "
        "متصلة أو متفرقة (سفر أحد أفراد الأسرة للدراسة لا يؤثر)"
    ),
    "dependents_count": "عدد التابعين: يُضاف {dependent_amount_sar} ريال إلى حد الدخل عن كل تابع",
    "age": "لمن يتقدم وحده (الشخص المستقل): أن يكون عمره {independent_min_age} سنة فأكثر",
    "monthly_income": (
        "ألا يزيد دخل الأسرة المحتسب على المبلغ المرجعي: {reference_amount_sar} ريال شهريًا لرب الأسرة أو "
        "للشخص المستقل، ويُضاف {dependent_amount_sar} ريال عن كل تابع. {income_counting}"
    ),
    "has_bank_account": "أن يكون للمتقدم حساب بنكي باسمه يُصرف عليه الدعم الشهري",
    "lives_in_care_facility": "ألا يكون المتقدم مقيمًا في مراكز الإيواء أو دور الرعاية",
    "meets_education_health": (
        "للأسرة التي فيها أبناء: تسجيل الأبناء الذين في سن الدراسة في التعليم، واستكمال المتابعة الصحية للأسرة"
    ),
    "accepts_rehabilitation": ("إن كان في الأسرة من يقدر على العمل: مشاركته في برامج التأهيل والتوظيف"),
}

# How income is counted, said the same way in the conditions list, the FAQ and the result.
INCOME_COUNTING = (
    "يُحتسب {earned_income_share_pct}% من دخل العمل (الرواتب والأجور والأعمال الحرة)، ويُحتسب الدخل الآخر "
    "كاملًا (التقاعد والتأمينات الاجتماعية والإيجار والمساعدات المنتظمة من الأقارب وغيرها)، وتُقسم قيمة "
    "الثروات غير {excluded_assets} على {assets_wealth_divisor} وتُضاف إلى الدخل الشهري"
)
# Wealth is not a refusal on its own (domain.md, "Wealth").
WEALTH_RULE = (
    "لا يُحتسب {excluded_assets}، وامتلاك ثروات أخرى لا يمنع الاستحقاق بذاته: تُقسم قيمتها على "
    "{assets_wealth_divisor} وتُضاف إلى الدخل الشهري"
)
# The independent person's rule, scoped: never a general condition (domain.md, "Age").
AGE_RULE = (
    "شرط العمر ({independent_min_age} سنة فأكثر) هو شرط الشخص المستقل الذي يتقدم وحده، ولا ينطبق على رب "
    "الأسرة الذي يعول تابعين"
)

# Listed in conditions_text but not asked: the bot cannot check it in a chat.
GENERAL_CONDITION = "الالتزام بتعليمات الوزارة ومتطلباتها"

FAILED: Mapping[str, str] = {
    "is_saudi": "البرنامج مخصص للمواطنين السعوديين وبعض الفئات المستثناة، وبحسب إجابتك لست منها.",
    "resides_in_ksa": "يشترط أن تكون إقامتك دائمة داخل المملكة.",
    "age": "من يتقدم وحده دون تابعين يشترط أن يكون عمره {independent_min_age} سنة فأكثر.",
    "monthly_income": (
        "دخل أسرتك المحتسب ({counted_income_sar} ريال) أعلى من الحد المسموح لأسرتك ({threshold_sar} ريال)."
    ),
    "has_bank_account": "لا يوجد لديك حساب بنكي باسمك، والدعم يُصرف عليه شهريًا.",
    "lives_in_care_facility": "المقيم في مراكز الإيواء أو دور الرعاية لا يستحق الدعم لأن الرعاية تُقدَّم له هناك.",
    "meets_education_health": "لم يكتمل تسجيل الأبناء الذين في سن الدراسة أو المتابعة الصحية للأسرة.",
    "accepts_rehabilitation": "المشاركة في برامج التأهيل والتوظيف شرط للقادرين على العمل من أفراد الأسرة.",
}

REMEDY: Mapping[str, str] = {
    "is_saudi": "إذا كنت تظن أنك من الفئات المستثناة، فتواصل مع الوزارة للتأكد من وضعك قبل التقديم.",
    "resides_in_ksa": (
        "يمكنك التقديم بعد استقرارك في المملكة. وإن كان الغياب للدراسة، أو لم يزد على "
        "{max_months_abroad} أشهر في السنة، فاكتب «ابدأ من جديد» وأجب عن سؤال الإقامة بـ«نعم»."
    ),
    "age": "يمكن أن تُسجَّل تابعًا ضمن أسرة وليّ أمرك، أو تتقدم بنفسك بعد بلوغك {independent_min_age} سنة.",
    "monthly_income": (
        "راجع أن كل مصدر ذُكر بمبلغه الشهري الصحيح: دخل العمل ({earned_income_share_pct}% منه فقط يُحتسب)، "
        "والدخل الآخر (يُحتسب كاملًا)، وقيمة الثروات (تُقسم على {assets_wealth_divisor}). وإذا نقص الدخل أو "
        "الثروات أو زاد عدد التابعين فأعد التحقق وقدّم طلبك."
    ),
    "has_bank_account": "افتح حسابًا بنكيًا باسمك في أحد البنوك في المملكة، ثم قدّم طلبك.",
    "lives_in_care_facility": "إذا انتقلت للسكن مع أسرتك أو في سكن مستقل، فيمكنك التقديم.",
    "meets_education_health": "سجّل الأبناء الذين في سن الدراسة في المدارس وأكمل متابعتهم الصحية، ثم قدّم طلبك.",
    "accepts_rehabilitation": (
        "سجّل القادرين على العمل في برامج التدريب والتوظيف مع صندوق تنمية الموارد البشرية (هدف)، ثم قدّم طلبك."
    ),
}

# One short reason per failed condition, for the one-line summary (summary_ar).
SHORT_REASON: Mapping[str, str] = {
    "is_saudi": "الجنسية",
    "resides_in_ksa": "الإقامة خارج المملكة",
    "age": "العمر أقل من الحد لمن يتقدم وحده",
    "monthly_income": "الدخل أعلى من الحد",
    "has_bank_account": "لا يوجد حساب بنكي",
    "lives_in_care_facility": "الإقامة في دار رعاية",
    "meets_education_health": "متطلبات التعليم والصحة",
    "accepts_rehabilitation": "رفض برامج التأهيل",
}
SUMMARY_ELIGIBLE = "مؤهل مبدئيًا، الدعم التقديري {support_sar} ريال شهريًا"
SUMMARY_INELIGIBLE = "غير مؤهل: {reasons}"
SUMMARY_INCOMPLETE = "لم تكتمل الإجابات بعد"

# Why a condition is met without doing anything (shown in explain()).
NOT_APPLICABLE: Mapping[str, str] = {
    "age": "لا ينطبق: شرط العمر للشخص المستقل الذي يتقدم وحده، لا لرب الأسرة.",
    "meets_education_health": "لا ينطبق: لا يوجد أبناء بين التابعين.",
    "accepts_rehabilitation": "لا ينطبق: لا يوجد في الأسرة من يقدر على العمل.",
}

# The counted income by source, in the result text.
INCOME_LINES: Mapping[str, str] = {
    "earned": "• دخل العمل: {earned_sar} ريال، يُحتسب منه {earned_income_share_pct}% = {counted_earned_sar} ريال.",
    "other": "• الدخل الآخر (تقاعد وتأمينات وإيجار ومساعدات): {other_sar} ريال، يُحتسب كاملًا.",
    "wealth": "• الثروات غير {excluded_assets}: {assets_sar} ريال ÷ {assets_wealth_divisor} = {wealth_sar} ريال شهريًا.",
    "total": "• الدخل المحتسب = {parts} = {counted_sar} ريال.",
}

# The verdict text (render_assessment_ar), line by line; amounts, counts and dates
# are {placeholders} filled from the Assessment.
VERDICT: Mapping[str, str] = {
    "eligible": "النتيجة: بحسب إجاباتك، تنطبق عليك شروط الضمان الاجتماعي المطور.",
    "estimate": "الدعم الشهري التقديري: {support} ريال (تقديري).",
    "arithmetic": "طريقة الحساب: الحد للأسرة {threshold} − الدخل المحتسب {counted} = {support} ريال (تقديري).",
    "threshold": (
        "• الحد للأسرة = {reference_sar} لرب الأسرة أو للمستقل + "
        "{dependent_sar} × عدد التابعين ({dependents}) = {threshold} ريال."
    ),
    "estimate_note": "هذا المبلغ تقديري فقط، والوزارة هي التي تحدد الأهلية والمبلغ الفعلي بعد دراسة الطلب.",
    "apply_step": (
        "الخطوة التالية: قدّم طلبك عبر منصة الدعم والحماية الاجتماعية sbis.hrsd.gov.sa، "
        "وسجّل الدخول عن طريق النفاذ الوطني الموحد (نفاذ)."
    ),
    "review_period": "تُدرس الطلبات عادةً خلال {review_period_days} يومًا من تقديمها.",
    "ineligible": "النتيجة: بحسب إجاباتك، لا تنطبق عليك حاليًا شروط الضمان الاجتماعي المطور.",
    "failed_title": "الشروط غير المستوفاة:",
    "failed": "• {explanation}",
    "remedy": "  ما يمكنك فعله: {remedy}",
    "check_again": "إذا تغيّر وضعك فيمكنك إعادة التحقق في أي وقت، ثم التقديم عبر منصة الدعم والحماية الاجتماعية.",
    "incomplete": "لم تكتمل الإجابات بعد، وما زلنا نحتاج إلى معرفة ما يلي:",
    "unknown": "• {label}",
    "rules_period": "(بحسب القواعد السارية منذ {rules_period})",
}

# Replies to an answer or a date the rules engine cannot read (EligibilityError.message_ar).
# Limits and examples are {placeholders} filled by the code that checks them
# (eligibility.answers, eligibility.parameters), so no number is typed here.
INPUT_ERRORS: Mapping[str, str] = {
    "not_yes_no": "الإجابة المطلوبة نعم أو لا.",
    "boolean_as_number": "الرجاء كتابة رقم.",
    "not_finite": "الرجاء كتابة رقم صحيح.",
    "not_a_number": "الرجاء كتابة رقم بالأرقام، مثل {example}.",
    "negative_amount": "المبلغ لا يمكن أن يكون سالبًا. اكتب {zero} إن لم يكن هناك دخل.",
    "amount_too_large": "المبلغ كبير جدًا، تأكد منه واكتبه بالريال.",
    "age": "الرجاء كتابة العمر بالسنوات رقمًا بين {min_age} و{max_age}.",
    "dependents_count": "الرجاء كتابة عدد التابعين رقمًا صحيحًا بين {min_dependents} و{max_dependents}.",
    "retired_monthly_income": (
        "لم يعد الدخل يُسأل رقمًا واحدًا: اذكر دخل العمل (الرواتب والأعمال) والدخل الآخر (التقاعد "
        "والتأمينات والإيجار والمساعدات) كلًّا على حدة."
    ),
    "retired_field": "لم يعد هذا الحقل مستخدمًا: اذكر قيمة الثروات الأخرى في حقل قيمة الأصول.",
    "answers_not_a_mapping": "تعذّر قراءة الإجابات.",
    "date_before_program": "التاريخ قبل بدء البرنامج.",
    "date_not_iso": "التاريخ غير صحيح، اكتبه بالشكل {example}.",
    "date_wrong_type": "التاريخ غير صحيح.",
    "date_before_start": "التاريخ {day} قبل بدء نظام الضمان الاجتماعي المطور ({program_start}).",
}
# The command line's prefix for an Arabic error message (eligibility.cli).
CLI_ERROR_PREFIX = "خطأ: "

# "What I understood", before the verdict (render_understood_ar).
UNDERSTOOD = {
    "title": "فهمت منك ما يلي:",
    "alone": "• تتقدم وحدك (بلا تابعين)، وعمرك {age} سنة.",
    "alone_no_age": "• تتقدم وحدك (بلا تابعين).",
    "family": "• الأسرة: أنت و{dependents}.",
    "income": "• الدخل الشهري: {parts}.",
    "income_earned": "من العمل {earned_sar} ريال",
    "income_other": "من مصادر أخرى {other_sar} ريال",
    "income_joiner": "، و",
    "wealth": "• الثروات المحتسبة: {wealth_sar} ريال شهريًا ({assets_sar} ÷ {assets_wealth_divisor}).",
    "no_wealth": "• لا ثروات غير {excluded_assets}.",
    "question": "هل هذا صحيح؟",
}
# Yes/no facts said back, by slot and answer; joined on one line.
UNDERSTOOD_FACTS: Mapping[str, Mapping[bool, str]] = {
    "is_saudi": {True: "سعودي", False: "غير سعودي"},
    "nationality_exception": {True: "من الفئات المستثناة من شرط الجنسية", False: "لست من الفئات المستثناة"},
    "resides_in_ksa": {True: "مقيم في المملكة", False: "غير مقيم في المملكة"},
    "has_bank_account": {True: "لديك حساب بنكي", False: "لا يوجد لديك حساب بنكي"},
    "lives_in_care_facility": {True: "تسكن في دار رعاية", False: "لا تسكن في دار رعاية"},
    "has_children": {True: "بين التابعين أبناء", False: "لا أبناء بين التابعين"},
    "meets_education_health": {True: "التعليم والصحة مكتملان", False: "التعليم أو الصحة غير مكتمل"},
    "has_able_to_work_members": {True: "في الأسرة من يقدر على العمل", False: "لا أحد في الأسرة يقدر على العمل"},
    "accepts_rehabilitation": {True: "تقبلون برامج التأهيل", False: "لا تقبلون برامج التأهيل"},
}


def excluded_assets_ar(homes: int, cars: int) -> str:
    """The not-counted assets in words, with Arabic number agreement."""
    parts = []
    if homes:
        parts.append("المسكن الأساسي" if homes == 1 else f"{homes} مساكن")
    if cars:
        parts.append("سيارة واحدة" if cars == 1 else ("سيارتان" if cars == 2 else f"{cars} سيارات"))
    return " و".join(parts) if parts else "أي شيء"


def dependents_ar(count: int) -> str:
    """A count of dependents with Arabic number agreement (one, two, three to ten, more)."""
    if count == 1:
        return "تابع واحد"
    if count == 2:
        return "تابعان"
    return f"{count} تابعين" if count <= 10 else f"{count} تابعًا"


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill placeholders; a missing value is a programming error and raises KeyError."""
    return template.format(**values)
