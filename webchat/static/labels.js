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
  newConversationStarted: "بدأت محادثة جديدة. المحادثة السابقة لم تعد محفوظة في هذا المتصفح.",
  confirmNewTitle: "بدء محادثة جديدة؟",
  confirmNewBody: "ستُمسح المحادثة الحالية من هذا المتصفح، ومعها نتيجة التحقق إن وُجدت. لا يمكن التراجع بعد التأكيد.",
  confirmNewYes: "نعم، ابدأ محادثة جديدة",
  confirmNewNo: "لا، أبقِ المحادثة",
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
  earned_income: "دخل العمل",
  other_income: "الدخل الآخر",
  assets_value: "قيمة الثروات",
  has_able_to_work_members: "القادرون على العمل في الأسرة",
  has_high_value_assets: "عدم امتلاك أصول أو عقارات عالية القيمة",
  has_bank_account: "وجود حساب بنكي باسمك لاستلام الدعم",
  lives_in_care_facility: "عدم الإقامة في دار رعاية أو مركز إيواء",
  meets_education_health: "استيفاء التزامات التعليم والصحة للأبناء",
  accepts_rehabilitation: "المشاركة في برامج التأهيل والتوظيف",
});

// What the person can do about each failed condition, used when the payload has no
// failed_reasons[].remedy_ar (issue 10 adds those; they take precedence).
export const CONDITION_REMEDIES = Object.freeze({
  is_saudi: "إن كانت تنطبق عليك حالة من الحالات المستثناة فأعد الفحص واذكرها.",
  nationality_exception: "راجع الحالات المستثناة في «الشروط بالتفصيل».",
  resides_in_ksa: "الإقامة الدائمة شرط؛ إن تغيّرت مدة غيابك فأعد الفحص.",
  age: "يمكنك التقديم ضمن أسرة يعولها غيرك، أو بعد بلوغ السن المطلوبة.",
  monthly_income: "إن نقص دخل الأسرة أو زاد عدد التابعين فأعد الفحص.",
  has_high_value_assets: "الثروات تُقسم قيمتها وتُضاف إلى الدخل؛ راجع «الشروط بالتفصيل».",
  has_bank_account: "افتح حسابًا بنكيًا باسمك ثم قدّم الطلب.",
  lives_in_care_facility: "المقيمون في دور الرعاية يُخدمون ببرامج أخرى؛ اسأل الوزارة على ١٩٩١١.",
  meets_education_health: "سجّل الأبناء في المدارس وأكمل التطعيمات ثم قدّم الطلب.",
  accepts_rehabilitation: "الموافقة على برامج التأهيل والتوظيف شرط لمن يقدر على العمل.",
});

export const ELIGIBILITY_CARD = Object.freeze({
  title: "نتيجة التحقق المبدئي من الأهلية",
  eligible: "مؤهل مبدئيًا",
  ineligible: "غير مؤهل حسب إجاباتك",
  states: Object.freeze({ ok: "مؤهل مبدئيًا", "not-ok": "غير مؤهل حسب إجاباتك", review: "قيد المراجعة" }),
  remedyPrefix: "ما يمكنك فعله:",
  incomeDetails: "كيف حُسب الدخل",
  incomeRows: Object.freeze([
    ["earned_income_sar", "دخل العمل", "ريال شهريًا"],
    ["counted_earned_sar", "المحتسب من دخل العمل", "ريال شهريًا"],
    ["other_income_sar", "الدخل الآخر (يُحسب كاملًا)", "ريال شهريًا"],
    ["assets_value_sar", "قيمة الثروات", "ريال"],
    ["wealth_monthly_sar", "المضاف شهريًا من الثروات", "ريال شهريًا"],
    ["counted_sar", "مجموع الدخل المحتسب", "ريال شهريًا"],
  ]),
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
  expectedBy: "تنتهي مدة الدراسة",
  resultsOn: "اليوم المتوقع لظهور النتيجة",
  reason: "السبب",
  values: Object.freeze({
    under_review: "قيد الدراسة",
    eligible: "مستحق للدعم",
    ineligible: "غير مستحق",
    not_found: "لم نجد طلبًا بهذه البيانات",
  }),
  unknown: "غير معروفة",
});

export function conditionRemedy(slotName) {
  return Object.prototype.hasOwnProperty.call(CONDITION_REMEDIES, slotName) ? CONDITION_REMEDIES[slotName] : "";
}

export function conditionLabel(slotName) {
  return Object.prototype.hasOwnProperty.call(CONDITION_LABELS, slotName)
    ? CONDITION_LABELS[slotName]
    : String(slotName);
}
