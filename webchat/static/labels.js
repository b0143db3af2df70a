// Arabic wording shown by the widget. Amounts and dates never live here: they
// arrive in the bot's payloads, which take them from the eligibility parameters.

export const UI = Object.freeze({
  botName: "المساعد:",
  userName: "أنت:",
  repliesGroup: "خيارات الرد",
  disconnected: "انقطع الاتصال، نحاول إعادة الاتصال…",
  slowReply: "تأخر رد المساعد. يمكنك الانتظار قليلًا أو إرسال رسالتك مرة أخرى.",
  counter: (used, max) => `${used} من ${max}`,
  imageAlt: "صورة من المساعد",
  newConversationStarted: "بدأت محادثة جديدة.",
});

// The slot names of eligibility_form (design.md), phrased as the condition
// that was not met, so a list of failed conditions reads naturally.
export const CONDITION_LABELS = Object.freeze({
  is_saudi: "الجنسية السعودية",
  nationality_exception: "الحالات المستثناة من شرط الجنسية",
  resides_in_ksa: "الإقامة الدائمة في المملكة",
  age: "شرط العمر",
  dependents_count: "عدد التابعين",
  monthly_income: "أن يكون الدخل الشهري ضمن المبلغ المرجعي",
  has_high_value_assets: "عدم امتلاك أصول أو عقارات عالية القيمة",
  has_bank_account: "وجود حساب بنكي باسمك لاستلام الدعم",
  lives_in_care_facility: "عدم الإقامة في دار رعاية أو مركز إيواء",
  meets_education_health: "استيفاء التزامات التعليم والصحة للأبناء",
  accepts_rehabilitation: "المشاركة في برامج التأهيل والتوظيف",
});

export const ELIGIBILITY_CARD = Object.freeze({
  title: "نتيجة التحقق المبدئي من الأهلية",
  eligible: "مؤهل مبدئيًا",
  ineligible: "غير مؤهل حسب إجاباتك",
  failedHeading: "الشروط غير المستوفاة:",
  threshold: "المبلغ المرجعي لأسرتك",
  countedIncome: "الدخل المحتسب",
  estimatedSupport: "الدعم الشهري التقديري",
  estimateWord: "تقديري",
  rulesVersion: "تاريخ القواعد المطبقة",
  perMonth: "ريال شهريًا",
  missing: "غير متوفر",
  note: "هذه نتيجة تقديرية مبنية على إجاباتك فقط، والقرار النهائي للوزارة بعد دراسة طلبك.",
});

export const STATUS_CARD = Object.freeze({
  title: "حالة طلبك",
  status: "الحالة",
  expectedBy: "الموعد المتوقع لصدور القرار",
  reason: "السبب",
  values: Object.freeze({
    under_review: "قيد الدراسة",
    eligible: "مستحق للدعم",
    ineligible: "غير مستحق",
    not_found: "لم نجد طلبًا بهذه البيانات",
  }),
  unknown: "غير معروفة",
});

export function conditionLabel(slotName) {
  return Object.prototype.hasOwnProperty.call(CONDITION_LABELS, slotName)
    ? CONDITION_LABELS[slotName]
    : String(slotName);
}
