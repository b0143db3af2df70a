"""Where an amount of income comes from: the words that name a source, and their kind.

Sources follow the design's slot table and domain.md ("Income by source"):
- earned (counted at the earned-income share): salary, wage, work, business, freelance;
- other (counted in full): pension (تقاعد), social insurance (تأمينات), social security
  (ضمان), rent (إيجار), help from relatives or charities, alimony, other benefits
  (حساب المواطن، ساند، حافز، دعم، إعانة).
Generic words (دخل، مدخول، فلوس، and معاش, which is a pension in Saudi speech but a salary
in other Gulf dialects) say there is income without saying its source: unclassified.
Words are in normalize() spelling; source_at() also accepts them with ال / بال / لل / و,
and with a possessive ending (راتبي، تقاعده، ايجارها).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from arabic_text.matching import accusative_base

EARNED, OTHER, GENERIC = "earned", "other", "generic"

_KINDS: dict[str, tuple[str, str]] = {}


def _add(category: str, kind: str, words: str) -> None:
    for word in words.split():
        _KINDS[word] = (category, kind)


_add(EARNED, "salary", "راتب رواتب مرتب مرتبات salary wage wages")
_add(EARNED, "wage", "اجر اجره اجرتي اجور يوميتي")
_add(
    EARNED,
    "work",
    "اشتغل نشتغل يشتغل تشتغل يشتغلون اعمل موظف موظفه شغال شغاله شغل شغلي عمل عملي وظيفه وظيفتي دوام دوامي job work",
)
_add(
    EARNED,
    "business",
    "تجاره تجارتي محل محلي مشروع مشروعي بزنس بيع مؤسسه مؤسستي شركه شركتي دكان دكاني بقاله بسطه business",
)
_add(EARNED, "freelance", "فريلانس توصيل اوبر مشاوير تاكسي ليموزين حراج freelance")
_add(OTHER, "pension", "تقاعد تقاعدي تقاعديه متقاعد pension retirement")
_add(OTHER, "social_insurance", "تامينات تاميناتي")
_add(OTHER, "social_security", "ضمان ضماني")
_add(OTHER, "rent", "ايجار ايجارات اجار ايجاري rent")
_add(
    OTHER,
    "help",
    "مساعده مساعدات معونه يساعدني يساعدنا يساعدوني يساعدونا يعطيني يعطينا "
    "يعطوني يعطونا يرسل يرسلي يرسلون يصرف زكاه زكاة صدقه صدقات جمعيه "
    "الجمعيه كفاله help",
)
_add(OTHER, "alimony", "نفقه")
_add(OTHER, "benefit", "ساند حافز تكافل بطاله دعم اعانه اعانات مكافاه benefit")
_add(GENERIC, "income", "دخل مدخول ايراد ايرادات معاش فلوس income")
# Verbs of earning or receiving (Levantine/Egyptian b- forms, Gulf, MSA): they say money
# comes in, not from what; "بشتغل سواق وبطلع ٣٥٠٠" takes the source named before them.
_add(
    GENERIC,
    "income",
    "بطلع بطلعلي بيطلعلي يطلعلي تطلعلي باخد باخذ اخذ اخد ناخذ ناخد بناخد اقبض بقبض نقبض "
    "بنقبض اتقاضي نتقاضي يتقاضي تتقاضي اتقاضا استلم بستلم نستلم بجيب بنجيب احصل بحصل اكسب بكسب",
)
_add(EARNED, "work", "بشتغل بتشتغل بنشتغل بيشتغلو بيشتغلوا بشتغلو بشتغله شغاله")

# Two-word sources: "حساب المواطن", "عمل حر", "الضمان الاجتماعي" (its first word is enough).
_PAIRS: dict[tuple[str, str], tuple[str, str]] = {
    ("حساب", "المواطن"): (OTHER, "benefit"),
    ("حساب", "مواطن"): (OTHER, "benefit"),
    ("عمل", "حر"): (EARNED, "freelance"),
    ("شغل", "حر"): (EARNED, "freelance"),
    ("اعمال", "حره"): (EARNED, "freelance"),
}
# Relatives: after من ("٥٠٠ من اخوي") they say the money is help from them.
RELATIVES = frozenset(
    "ابوي ابويا ابي والدي الوالد والدتي الوالده امي اخوي اخي اخويا اختي اخواني اخواتي اهلي "
    "عمي خالي ولدي عيالي اولادي بنتي بناتي ابني زوجي زوجتي جوزي جدي جدتي نسيبي قرايبي "
    "اقاربي اقارب الاهل الاقارب اهل".split()
)
_PREFIXES = ("وبال", "بال", "وال", "لل", "ال", "و", "ب", "ل")
_SUFFIXES = ("ها", "هم", "نا", "ي", "ه", "ك")


def _forms(token: str) -> Iterator[str]:
    yield from _plain_forms(token)
    base = accusative_base(token)  # "معاشا تقاعديا" (MSA accusative) → معاش تقاعدي
    if base:
        yield from _plain_forms(base)


def _plain_forms(token: str) -> Iterator[str]:
    yield token
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            yield token[len(prefix) :]
    for form in list(_strip_prefixes(token)):
        for suffix in _SUFFIXES:
            if form.endswith(suffix) and len(form) - len(suffix) >= 3:
                yield form[: -len(suffix)]


def _strip_prefixes(token: str) -> Iterator[str]:
    yield token
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            yield token[len(prefix) :]


@lru_cache(maxsize=4096)
def lookup(token: str) -> tuple[str, str] | None:
    """(category, kind) of one token, or None: "وتقاعد" → ("other", "pension")."""
    for form in _forms(token):
        if form in _KINDS:
            return _KINDS[form]
    return None


def source_at(tokens: list[str], index: int) -> tuple[str, str, int] | None:
    """(category, kind, tokens used) for a source named at tokens[index], or None."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    for form in _strip_prefixes(token):
        if (form, following) in _PAIRS:
            return (*_PAIRS[(form, following)], 2)
    found = lookup(token)
    if found is None:
        return None
    return (*found, 1)


def is_relative(token: str) -> bool:
    return any(form in RELATIVES for form in _strip_prefixes(token))
