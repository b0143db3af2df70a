"""Nationality as people restate it: "سعودي", "انا سعودي الجنسية" → Saudi; "انا مقيم يمني",
"مصرية", "جنسيتي سورية", "غير سعودي", "وافد", "بدون" → not Saudi.

The rule is general, not a list of answers: a nationality adjective (nisba) has the shape
stem + ي (يمني), + يه (feminine, ة written ه), + يين / يات (plural). A word of that shape is
read as a nationality where the sentence frames one: after جنسيتي / الجنسية / من جنسية,
before الجنسية, after مقيم / وافد / انا ("انا برازيلي"), or as the whole answer to the nationality question
(is_saudi_answer). "مقيم" alone means an expatriate only as that answer; in any other
sentence it says where the person lives, and a place after a preposition ("بالسعودية",
"في السعودية") is never a nationality. Known demonyms (KNOWN) are also read anywhere in a sentence. Words of
the same shape that are not nationalities (عندي، راتبي، عسكري، حكومي) are listed in
_NOT_NATIONALITY. A sentence about someone else ("زوجتي سعودية") says nothing.
"""

from __future__ import annotations

from arabic_text.matching import is_negated

_SAUDI = frozenset("سعودي سعوديه سعوديين سعوديات مواطن مواطنه مواطنين".split())
_FOREIGN = frozenset("اجنبي اجنبيه اجانب وافد وافده وافدين بدون".split())
_RESIDENT = frozenset("مقيم مقيمه مقيمين".split())
_KNOWN_STEMS = (
    "يمن مصر سور سودان اردن فلسطين لبنان عراق كويت امارات قطر بحرين عمان ليب تونس جزاير "
    "جزائر مغرب موريتان صومال جيبوت اريتر اثيوب حبش تشاد نيجير باكستان هند بنغال بنجلاديش "
    "بنقال افغان ايران ترك اندونيس فلبين سريلانك نيبال ماليز صين امريك بريطان فرنس المان "
    "كين اوغند بورم روهينج تركستان اوزبك كند استرال شام"
).split()
KNOWN = frozenset(stem + ending for stem in _KNOWN_STEMS for ending in ("ي", "يه", "يين", "يات"))
# Countries, for "انا من اليمن" / "اصلي من مصر" (only after انا / اصلي / احنا + من).
COUNTRIES = frozenset(
    "اليمن مصر سوريا سوريه السودان الاردن فلسطين لبنان العراق الكويت الامارات قطر البحرين عمان "
    "ليبيا تونس الجزاير الجزائر المغرب موريتانيا الصومال جيبوتي اريتريا اثيوبيا الحبشه تشاد "
    "نيجيريا باكستان الهند بنغلاديش بنجلاديش افغانستان ايران تركيا اندونيسيا الفلبين "
    "سريلانكا نيبال ماليزيا الصين امريكا بريطانيا فرنسا المانيا كينيا اوغندا بورما ميانمار".split()
)
_FROM_FRAME = frozenset("انا اني احنا اصلي اصلا اصلنا جنسيتي".split())
_FRAME_BEFORE = frozenset("جنسيتي جنسيتنا جنسيه الجنسيه جنسيته جنسيتها مقيم مقيمه وافد وافده انا اني احنا".split())
_FRAME_AFTER = frozenset(("الجنسيه", "جنسيه", "الاصل", "اصلا"))
_RELATIVES = frozenset(
    "زوجي زوجتي زوج زوجه امي ابوي ابي امهم ابوهم اولادي عيالي ابني بنتي اخوي اختي والدتي "
    "والدي امه ابوه ام الام اب الاب ابو والده والد جدي جدتي".split()
)
# Words of the nisba shape that are not nationalities.
_NOT_NATIONALITY = frozenset(
    "عندي عندي لدي ابي ابغي اني ودي راتبي دخلي عمري بيتي اهلي عسكري مدني حكومي عادي رسمي "
    "اساسي شخصي طبيعي ضمني ضماني تقاعدي اجتماعي شهري سنوي يومي اسبوعي ثاني الثاني تاني "
    "فيني فيه ليه اللي الي علي عليه حالي ماشي كافي باقي جاي راعي قاضي محامي مهندسي فني "
    "صحي صحيه عاطل والي زي زيي اصلي يعني كفايه شويه شوي هديه عاديه ثانيه اوليه ضروري "
    "ضروريه حبيبي حبيبتي حياتي الغي الغيه وقفي خليني خلني عطني اعطني قولي جيبي يكفي كافي "
    "ماشي مدري ادري اعني بشري الحمدلله تحياتي ساعدني ساعديني وظيفي مالي عيالي ولدي بنتي "
    "زوجتي زوجي امي ابوي اخوي اختي اخي حالي نفسي ربي يمديني ليش وشلون كيفي عليه ايدي "
    "عربي عربيه خليجي خليجيه بدوي بدويه حضري قروي ريفي راضي راضيه شاكي جامعي ثانوي "
    "مستفيد مستفيده نظامي نظاميه قانوني شرعي يتيم يتيمه ذوي".split()
)


def _word(token: str) -> str:
    for prefix in ("وال", "ال", "و"):
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            rest = token[len(prefix) :]
            if rest in KNOWN or rest in _SAUDI or rest in _FOREIGN:
                return rest
    return token


def has_nisba_shape(word: str) -> bool:
    """Whether a normalized word looks like a nationality adjective (see module docstring)."""
    if word in _NOT_NATIONALITY or len(word) < 4 or (word.startswith("و") and word[1:] in _NOT_NATIONALITY):
        return False
    if word.startswith("و") and word not in KNOWN:
        return False  # "انا وزوجتي": a glued و starts another phrase, not a nationality
    return word.endswith(("ي", "يه", "يين", "يات"))


def _framed(tokens: list[str], index: int) -> bool:
    before = tokens[index - 1] if index else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return (
        before in _FRAME_BEFORE
        or after in _FRAME_AFTER
        or (index >= 2 and tokens[index - 2] in ("من", "جنسيتي") and before in ("جنسيه", "الجنسيه"))
    )


def is_saudi_in(tokens: list[str]) -> bool | None:
    """True / False when the sentence states the applicant's nationality, else None."""
    # "لا انا يمني": the لا answers the question; it does not negate what follows.
    tokens = [
        ("،" if token == "لا" and tokens[i + 1 : i + 2] in (["انا"], ["احنا"], ["اني"]) else token)
        for i, token in enumerate(tokens)
    ]
    for index, raw in enumerate(tokens):
        if any(token in _RELATIVES for token in tokens[max(0, index - 2) : index]):
            continue
        if _names_a_place(tokens, index):
            continue  # "مقيم بالسعودية", "ساكن في السعودية": where, not who
        if raw in ("المواطن", "مواطن") and index and tokens[index - 1].endswith("حساب"):
            continue  # "حساب المواطن": another program's name
        token = _word(raw)
        negated = is_negated(tokens, index, window=2)
        if token in _SAUDI:
            return not negated
        if token in _FOREIGN or token in KNOWN or (_framed(tokens, index) and has_nisba_shape(token)):
            if token == "بدون" and not _stateless(tokens, index):
                continue
            return negated and token != "بدون"
        if (
            raw in COUNTRIES | {"السعوديه", "المملكه"}
            and index >= 1
            and tokens[index - 1] == "من"
            and (index == 1 or tokens[index - 2] in _FROM_FRAME)
        ):
            return raw in ("السعوديه", "المملكه")  # "انا من اليمن", "اصلي من مصر"
    return None


# Prepositions before a place: "في السعودية" is the country, "سعودية" the nationality.
_PLACE_PREPOSITIONS = frozenset("في فى داخل خارج برا بره الى".split())
# Words after "مقيم" that make it "living there", not "an expatriate".
_HERE = frozenset("هنا هني هون هينا".split())


def _names_a_place(tokens: list[str], index: int) -> bool:
    """Whether tokens[index] is a place after a preposition: "بالسعودية", "في السعودية",
    "للمملكة"; such a word never states a nationality."""
    raw = tokens[index]
    before = tokens[index - 1] if index else ""
    return (
        raw.startswith(("بال", "لل", "فال"))
        or (before in _PLACE_PREPOSITIONS and raw.startswith("ال"))
        # "مقيم بدبي", "مقيم بجدة"; "مقيم برازيلي", "مقيم بولندي" name a nationality
        # (what follows the ب still has the nisba ending)
        or (
            before in _RESIDENT
            and raw.startswith("ب")
            and not (len(raw) > 4 and raw.endswith(("ي", "يه", "يين", "يات")))
        )
        or (before in ("المملكه", "العربيه") and raw.startswith("ال"))  # "المملكة العربية السعودية"
    )


def _lives_here(tokens: list[str], index: int) -> bool:
    """Whether "مقيم" at tokens[index] says where the person lives ("مقيم بالرياض",
    "مقيم في المملكة", "ايوه مقيم هنا") rather than that they are an expatriate."""
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    return (
        following in _PLACE_PREPOSITIONS
        or following in _HERE
        or following.startswith("ب")
        or any("السعوديه" in token or "المملكه" in token for token in tokens)
    )


def _stateless(tokens: list[str], index: int) -> bool:
    """ "بدون" names the stateless only as "انا بدون", "من البدون", "بدون جنسيه"."""
    following = tokens[index + 1] if index + 1 < len(tokens) else ""
    before = tokens[index - 1] if index else ""
    return following in ("جنسيه", "الجنسيه", "") or (before in ("انا", "من") and following == "")


_FILLERS = frozenset(
    "انا اني احنا والله ايوه نعم لا الجنسيه جنسيتي جنسيه من اصلي مقيم مقيمه "
    "وافد وافده الحمدلله الحمد لله يا اخوي اخي اخوك اختي حبيبي".split()
)


def is_saudi_answer(tokens: list[str]) -> bool | None:
    """The answer to "هل أنت سعودي الجنسية؟": a sentence rule first, then a lone nationality
    word of nisba shape ("كويتي", "مغربيه") is a no."""
    stated = is_saudi_in(tokens)
    if stated is not None:
        return stated
    # Asked "are you Saudi?", "انا مقيم" means an expatriate (Saudi usage); elsewhere
    # (is_saudi_in, read from every message) it only says where the person lives, so
    # that "ايوه مقيم" to the residence question does not record a nationality.
    for index, token in enumerate(tokens):
        if token in _RESIDENT and not _lives_here(tokens, index) and not is_negated(tokens, index, window=2):
            return False
    rest = [
        _word(token)
        for index, token in enumerate(tokens)
        if any(ch.isalnum() for ch in token) and token not in _FILLERS and not _names_a_place(tokens, index)
    ]
    if len(rest) == 1 and has_nisba_shape(rest[0]):
        return False
    return None
