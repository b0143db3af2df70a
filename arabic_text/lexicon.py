"""Word lists shared by the parsers, in normalize() spelling (ة → ه, أ → ا, ى → ي, ئ → ي).

Kept in one place so that a dialect form added here is understood by every parser.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that negate what follows (Gulf مو/مب/مهوب, Egyptian مش/معنديش/مفيش, MSA ليس/لست).
NEGATORS = _words(
    "لا لاء ما مو مب مهوب موب مش ليس لست لسنا ماني مانيب مانا مافي مافيه ماعندي ماعنديش "
    "معنديش معندناش مفيش مافيش بدون بلا ولا غير no not none"
)
# A bare "no" as an answer: followed by a subject pronoun it does not negate the verb
# after it ("لا انا ساكن بالمملكة" is "no, I live in the Kingdom"; "لا أسكن" negates).
ANSWER_NO = _words("لا لاء no")
SUBJECT_PRONOUNS = _words("انا احنا نحن اني هو هي هم")
# "except / only": "ما عندي غير ولد" means one, not none.
EXCEPTIONS = _words("غير الا سوى بس فقط الاه")

# Not understanding the question: neither yes nor no ("ما فهمت وش تقصد" was read as a no,
# because "ما" negates, and recorded "not Saudi"); the form explains the question instead.
CONFUSED_PHRASES = (
    "ما فهمت",
    "مافهمت",
    "ما فهمتك",
    "ما فهمت عليك",
    "ما فهمت السوال",
    "مو فاهم",
    "مو فاهمه",
    "مش فاهم",
    "مش فاهمه",
    "مب فاهم",
    "مو فاهمين",
    "مش فاهمين",
    "لم افهم",
    "لا افهم",
    "مش واضح",
    "مو واضح",
    "غير واضح",
    "وش تقصد",
    "ايش تقصد",
    "شو قصدك",
    "وش قصدك",
    "ايش قصدك",
    "قصدك ايش",
    "تقصد ايه",
    "يعني ايش",
    "يعني ايه",
    "يعني شو",
    "i dont understand",
    "what do you mean",
)

# Amounts given without a figure ("كثير", "مو ثابت", "على حسب الشهر"): neither
# yes nor no, and never read as 0 or 1; the person is asked for an approximate figure.
VAGUE_AMOUNT_PHRASES = (
    "كثير",
    "كثيره",
    "واجد",
    "شويه",
    "قليل",
    "على حسب",
    "حسب الشهر",
    "حسب الدوام",
    "مو ثابت",
    "مش ثابت",
    "مب ثابت",
    "غير ثابت",
    "ماهو ثابت",
    "متغير",
    "يختلف",
)
# Counts given without a figure ("عندي كذا ولد"): children, but not one child.
VAGUE_COUNT_PHRASES = ("كذا ولد", "كذا طفل", "كذا واحد", "كذا بنت", "كذا عيال", "كم واحد")

# Hedges: the person does not know, so neither yes nor no.
UNSURE_PHRASES = (
    *VAGUE_AMOUNT_PHRASES,
    *VAGUE_COUNT_PHRASES,
    "نص نص",
    "كذا يعني",
    "ما ادري",
    "مدري",
    "ماادري",
    "ما اعرف",
    "مااعرف",
    "ما اعلم",
    "لا ادري",
    "لا اعرف",
    "لا اعلم",
    "مش عارف",
    "مش عارفه",
    "مو متاكد",
    "مو متاكده",
    "مش متاكد",
    "مب متاكد",
    "لست متاكد",
    "لست متاكدا",
    "غير متاكد",
    "يمكن",
    "ممكن",
    "ربما",
    "احتمال",
    "مدري والله",
    "الله اعلم",
    "بعدين",
    "مش فاكر",
    "ما اذكر",
    "ما اتذكر",
    "not sure",
    "maybe",
    "idk",
    "لا اعرف بالضبط",
    "نوعا ما",
    "شوي",
    "تقريبا",
    *CONFUSED_PHRASES,
)

# Income nouns: salary, pension, earnings, and the currency itself.
INCOME_WORDS = _words(
    "دخل دخلي دخلنا الدخل دخله دخلها راتب راتبي الراتب راتبه راتبها رواتب معاش معاشي المعاش "
    "مدخول مدخولي المدخول ايراد ايرادي مرتب مرتبي المرتب اجر اجري اجرتي معاشه income salary"
)
CURRENCY_WORDS = _words("ريال ريالات ريالا رس sar sr")

AGE_BEFORE = _words("عمري عمره عمرها عمر العمر سني age")
# Ages said of someone else ("اكبرهم ٥ سنين", "ولدي عمره ٥", "بنتي عمرها ٣"): not the applicant's.
OTHERS_AGE = _words(
    "عمره عمرها عمرهم عمرهن اعمارهم اعمارهن اكبرهم اصغرهم اكبرهن اصغرهن الكبير الصغير "
    "الكبيره الصغيره الكبري الصغري اكبرها اصغرها اكبرهما اصغرهما"
)
AGE_AFTER = _words("سنه سنين سنوات سنا عام عاما اعوام years year yrs")

# People who count as dependents (تابعون). Singular nouns count one, duals two; plurals
# need a number ("٣ عيال") to say how many.
DEPENDENT_PLURALS = _words(
    "تابعين تابعون توابع التابعين عيال عيالي العيال اولاد اولادي الاولاد ولاد ولادي اطفال "
    "اطفالي الاطفال ابناء ابنائي الابناء بزران بزارين بزراني بنات بناتي البنات افراد "
    "اشخاص انفار نفر اخوان اخواني اخوات اخواتي زوجات زوجاتي ابنا بنين احفاد احفادي "
    "ايتام يتامي عيالها عياله عيالنا اولادها اولاده اولادنا بناتها بناته اطفالها اطفاله اطفالنا ابناؤه ابنائها "
    "بزورات بزوراتي بزور صبيان صبياني ولادنا ولادها"
)
DEPENDENT_SINGULARS = _words(
    "تابع ولد ولدي بنت بنتي طفل طفلي طفله ابن ابني ابنه ابنتي زوجه زوجتي حرمه حرمتي مرتي "
    "زوجي فرد شخص زوج ام امي امه والدتي والده ابو ابوي ابويا ابوه والدي والد اب اخ اخوي اخي "
    "اخويا اخت اختي جد جدي جدتي عم عمي عمه عمتي خال خالي خاله خالتي حفيد حفيدي حفيده "
    "حفيدتي زوجته مراتي مرتي المدام مدامتي الجماعه امهم جوزي بزر بزره صبي"
)
# The applicant's wife in every dialect (الزوجة via bare(): ال + زوجه). "الجماعه" (Gulf),
# "امهم" (their mother, after the children are named); Egyptian "جوزي" is the husband.
WIFE_WORDS = _words("زوجه زوجتي حرمه حرمتي مرتي مراتي المدام مدامتي الجماعه امهم")
DEPENDENT_DUALS = _words(
    "ولدين ولدان بنتين بنتان طفلين طفلان طفلتين ابنين ابنان ابنتين شخصين فردين زوجتين "
    "اخوين اختين توام توامين بنتان اختان ولدان والدين والدان ابوين ابوان"
)
DEPENDENT_NOUNS = DEPENDENT_PLURALS | DEPENDENT_SINGULARS | DEPENDENT_DUALS

# Words naming wealth beyond the main home and one car (arabic_text.assets).
ASSET_WORDS = _words(
    "عقار عقارات ارض اراضي عماره عماير عمارات املاك اصول استثمارات استثمار اسهم سهم مزرعه "
    "مزارع استراحه استراحات محلات شقق مدخرات مدخراتي توفير تحويشه ذهب مجوهرات رصيد "
    "ودايع وديعه محفظه سندات صكوك سيارتين سيارتان سيارات عربيتين شاليه بيتين ممتلكات ممتلكاتي "
    "ارصده اصل"
)

# Phrases that mean "none / nothing" for an amount or a count.
NOTHING_PHRASES = (
    "ما عندي",
    "ماعندي",
    "ما في",
    "مافي",
    "ما فيه",
    "مافيه",
    "لا يوجد",
    "لايوجد",
    "ولا شي",
    "ولا شيء",
    "لا شي",
    "لا شيء",
    "معنديش",
    "ماعنديش",
    "مفيش",
    "مافيش",
    "ما لي",
    "مالي",
    "ليس لدي",
    "ليس عندي",
    "لا دخل",
    "بدون",
    "بلا",
    "ولا ريال",
    "ولا هلله",
    "ولا حاجه",
    "nothing",
    "none",
    "no income",
    "zero",
    "ما احد",
    "محد",
    "ولا احد",
    "ولا حد",
    "لا احد",
    "ولا واحد",
    "ولا وحده",
    "ما يوجد",
    "مو موجود",
    "ما عندنا",
    "ماعندنا",
    "ما عنده",
    "ماعنده",
)

# Dependents who are the applicant's children (for has_children): the rest are spouses,
# parents, siblings and others.
CHILD_NOUNS = _words(
    "عيالنا اولادنا اطفالنا "
    "عيال عيالي اولاد اولادي ولاد ولادي اطفال اطفالي ابناء ابنائي بزران بزارين بزراني بنات "
    "بزورات بزوراتي بزور صبيان صبياني ولادنا ولادها بزر بزره صبي "
    "بناتي ابنا بنين ولد ولدي بنت بنتي طفل طفلي طفله ابن ابني ابنتي ولدين ولدان بنتين بنتان "
    "طفلين طفلان طفلتين ابنين ابنان ابنتين توام توامين"
)
# Person words that say nothing about who the people are ("٦ افراد").
GENERIC_PEOPLE = _words("تابعين تابعون توابع التابعين تابع افراد اشخاص انفار نفر فرد شخص شخصين فردين")

# Word stems of greetings, thanks and goodbyes (normalized), in the dialects and English:
# inside a form, a message the NLU took for a courtesy is one only if it has one of
# these ("ككك ككك" read as thanks is a failed answer, not a thanks).
COURTESY_STEMS = (
    "شكر",
    "مشكور",
    "يعطيك",
    "يعافيك",
    "تسلم",
    "يسلمو",
    "جزاك",
    "الله يخليك",
    "ممنون",
    "متشكر",
    "مرسي",
    "هلا",
    "اهلا",
    "اهلين",
    "مرحبا",
    "السلام",
    "سلام",
    "صباح",
    "مساء",
    "مسا",
    "هاي",
    "باي",
    "مع السلامه",
    "امان الله",
    "الله معك",
    "نشوفك",
    "وداعا",
    "thank",
    "thx",
    "hi",
    "hello",
    "bye",
    "salam",
)

# Words that give what a thing is worth ("قيمته ١٢٠ ألف", "تسوى مليون"): the amount after
# them is wealth (a total), never a monthly income, even next to an income source ("الدكان").
VALUE_WORDS = frozenset("قيمته قيمتها قيمتهم قيمه بقيمه قيمتو يسوى تسوى يسوي تسوي ثمنه ثمنها سعره سعرها".split())
