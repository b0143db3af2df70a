"""render_assessment_ar(): an Assessment as Arabic chat text.

The text says whether the person qualifies, lists each unmet condition with
what to do, shows the support estimate with its arithmetic (always called
تقديري) and gives the next step. All numbers come from the Assessment.
"""
from __future__ import annotations

from typing import List

from .assessment import Assessment, Outcome
from .facts import template_values
from .formatting import format_number, format_pct, format_sar
from .texts_ar import LABELS, fill

APPLY_STEP = (
    "الخطوة التالية: قدّم طلبك عبر منصة الدعم والحماية الاجتماعية sbis.hrsd.gov.sa، "
    "وسجّل الدخول عن طريق النفاذ الوطني الموحد (نفاذ)."
)
ESTIMATE_NOTE = "هذا المبلغ تقديري فقط، والوزارة هي التي تحدد الأهلية والمبلغ الفعلي بعد دراسة الطلب."


def _estimate_lines(a: Assessment) -> List[str]:
    p, income = a.parameters, a.income
    assert income is not None  # eligible implies income was answered
    dependents = a.answers.dependents_count or 0
    threshold, counted, support = (format_sar(v) for v in (a.threshold_sar, income.counted_sar, a.estimated_support_sar))
    lines = [
        f"الدعم الشهري التقديري: {support} ريال (تقديري).",
        f"طريقة الحساب: الحد للأسرة {threshold} − الدخل المحتسب {counted} = {support} ريال (تقديري).",
        f"• الحد للأسرة = {format_sar(p.reference_amount_sar)} لرب الأسرة + "
        f"{format_sar(p.dependent_amount_sar)} × عدد التابعين ({dependents}) = {threshold} ريال.",
        f"• الدخل المحتسب = {format_pct(income.earned_income_share)}% من دخل الأسرة الشهري "
        f"({format_number(income.monthly_income_sar)} ريال)، على افتراض أنه كله دخل من العمل.",
    ]
    if income.other_wealth_sar:
        lines.append(
            f"• وأضفنا قيمة الثروات الأخرى ({format_number(income.other_wealth_sar)} ريال) "
            f"مقسومة على {p.assets_wealth_divisor}."
        )
    lines.append(ESTIMATE_NOTE)
    return lines


def _eligible(a: Assessment) -> List[str]:
    review_days = a.parameters.review_period_days
    return [
        "النتيجة: بحسب إجاباتك، تنطبق عليك شروط الضمان الاجتماعي المطور.",
        *_estimate_lines(a),
        APPLY_STEP,
        f"تُدرس الطلبات عادةً خلال {review_days} يومًا من تقديمها.",
    ]


def _ineligible(a: Assessment) -> List[str]:
    lines = ["النتيجة: بحسب إجاباتك، لا تنطبق عليك حاليًا شروط الضمان الاجتماعي المطور.", "الشروط غير المستوفاة:"]
    for name in a.failed_conditions:
        result = a.conditions[name]
        lines.append(f"• {result.explanation_ar}")
        lines.append(f"  ما يمكنك فعله: {result.remedy_ar}")
    lines.append("إذا تغيّر وضعك فيمكنك إعادة التحقق في أي وقت، ثم التقديم عبر منصة الدعم والحماية الاجتماعية.")
    return lines


def _incomplete(a: Assessment) -> List[str]:
    values = template_values(a.parameters)
    lines = ["لم تكتمل الإجابات بعد، وما زلنا نحتاج إلى معرفة ما يلي:"]
    lines += [f"• {fill(LABELS[name], values)}" for name in a.unknown_conditions]
    return lines


def render_assessment_ar(assessment: Assessment) -> str:
    """The assessment as Arabic text for the chat, with Western digits (1,320)."""
    builders = {Outcome.ELIGIBLE: _eligible, Outcome.INELIGIBLE: _ineligible, Outcome.INCOMPLETE: _incomplete}
    lines = builders[assessment.status](assessment)
    lines.append(f"(بحسب القواعد السارية منذ {assessment.rules_version})")
    return "\n".join(lines)
