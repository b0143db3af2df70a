"""Arabic wording for conditions: what each requires, why it failed, what to do.

No amount, period or date is typed here: every number is a {placeholder}
filled from the parameters (see facts.template_values), so a change of rules
is a change of data only.
"""
from __future__ import annotations

from typing import Mapping

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
    "age": "أن يكون عمر المتقدم {independent_min_age} سنة فأكثر",
    "dependents_count": "عدد التابعين: يُضاف {dependent_amount_sar} ريال إلى حد الدخل عن كل تابع",
    "monthly_income": (
        "ألا يزيد دخل الأسرة المحتسب على المبلغ المرجعي: {reference_amount_sar} ريال شهريًا لرب الأسرة أو "
        "للشخص المستقل، ويُضاف {dependent_amount_sar} ريال عن كل تابع، ويُحتسب {earned_income_share_pct}% "
        "من دخل العمل"
    ),
    "has_high_value_assets": (
        "ألا يملك المتقدم أصولًا أو أملاكًا عالية القيمة؛ لا يُحتسب {excluded_assets}، وتُقسم قيمة الثروات "
        "الأخرى على {assets_wealth_divisor} وتُضاف إلى الدخل الشهري"
    ),
    "has_bank_account": "أن يكون للمتقدم حساب بنكي باسمه يُصرف عليه الدعم الشهري",
    "lives_in_care_facility": "ألا يكون المتقدم مقيمًا في مراكز الإيواء أو دور الرعاية",
    "meets_education_health": "استكمال متطلبات التعليم والصحة لأفراد الأسرة، وخاصة الأبناء",
    "accepts_rehabilitation": "مشاركة القادرين على العمل من أفراد الأسرة في برامج التأهيل والتوظيف",
}

# Listed in conditions_text but not asked: the bot cannot check it in a chat.
GENERAL_CONDITION = "الالتزام بتعليمات الوزارة ومتطلباتها"

FAILED: Mapping[str, str] = {
    "is_saudi": "البرنامج مخصص للمواطنين السعوديين وبعض الفئات المستثناة، وبحسب إجابتك لست منها.",
    "resides_in_ksa": "يشترط أن تكون إقامتك دائمة داخل المملكة.",
    "age": "عمرك أقل من {independent_min_age} سنة، وهو الحد الأدنى لعمر المتقدم.",
    "monthly_income": (
        "دخل أسرتك المحتسب ({counted_income_sar} ريال) أعلى من الحد المسموح لأسرتك ({threshold_sar} ريال)."
    ),
    "has_high_value_assets": "امتلاك أصول أو أملاك عالية القيمة يمنع الاستحقاق.",
    "has_bank_account": "لا يوجد لديك حساب بنكي باسمك، والدعم يُصرف عليه شهريًا.",
    "lives_in_care_facility": "المقيم في مراكز الإيواء أو دور الرعاية لا يستحق الدعم لأن الرعاية تُقدَّم له هناك.",
    "meets_education_health": "لم تكتمل متطلبات التعليم والصحة لأفراد الأسرة.",
    "accepts_rehabilitation": "المشاركة في برامج التأهيل والتوظيف شرط للقادرين على العمل من أفراد الأسرة.",
}

REMEDY: Mapping[str, str] = {
    "is_saudi": "إذا كنت تظن أنك من الفئات المستثناة، فتواصل مع الوزارة للتأكد من وضعك قبل التقديم.",
    "resides_in_ksa": (
        "يمكنك التقديم بعد استقرارك في المملكة. وإن كان الغياب للدراسة، أو لم يزد على "
        "{max_months_abroad} أشهر في السنة، فأعد الإجابة بـ«نعم»."
    ),
    "age": "يمكن أن تُسجَّل تابعًا ضمن أسرة وليّ أمرك، أو تتقدم بنفسك بعد بلوغك {independent_min_age} سنة.",
    "monthly_income": "إذا نقص دخل الأسرة أو زاد عدد التابعين، فأعد التحقق وقدّم طلبك.",
    "has_high_value_assets": (
        "إذا لم تكن تملك إلا {excluded_assets} فهذه لا تُحتسب، فأعد الإجابة بـ«لا». "
        "وإن تغيّر وضعك لاحقًا فيمكنك التقديم."
    ),
    "has_bank_account": "افتح حسابًا بنكيًا باسمك في أحد البنوك في المملكة، ثم قدّم طلبك.",
    "lives_in_care_facility": "إذا انتقلت للسكن مع أسرتك أو في سكن مستقل، فيمكنك التقديم.",
    "meets_education_health": "أكمل تسجيل الأبناء في المدارس وحدّث سجلاتهم الصحية، ثم قدّم طلبك.",
    "accepts_rehabilitation": (
        "سجّل القادرين على العمل في برامج التدريب والتوظيف مع صندوق تنمية الموارد البشرية (هدف)، ثم قدّم طلبك."
    ),
}

NOT_APPLICABLE_NO_DEPENDENTS = "لا ينطبق لأنه لا يوجد تابعون."


def excluded_assets_ar(homes: int, cars: int) -> str:
    """The not-counted assets in words, with Arabic number agreement."""
    parts = []
    if homes:
        parts.append("المسكن الأساسي" if homes == 1 else f"{homes} مساكن")
    if cars:
        parts.append("سيارة واحدة" if cars == 1 else ("سيارتان" if cars == 2 else f"{cars} سيارات"))
    return " و".join(parts) if parts else "أي شيء"


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill placeholders; a missing value is a programming error and raises KeyError."""
    return template.format(**values)
