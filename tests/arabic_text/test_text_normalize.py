"""normalize(): one spelling for what users type in Saudi, Gulf, Egyptian, Levantine and MSA."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arabic_text.normalize import normalize, strip_marks


@pytest.mark.parametrize(
    "typed, expected",
    [
        # diacritics, shadda, tanween, sukun, superscript alef
        ("شُرُوطُ الضَّمَانِ", "شروط الضمان"),
        ("أبداً", "ابدا"),
        ("هٰذا", "هذا"),
        # tatweel
        ("شـــروط", "شروط"),
        # alef forms, alef maqsura, taa marbuta
        ("أسأل إذا آخر ٱلطلب", "اسال اذا اخر الطلب"),
        ("متى على", "متي علي"),
        ("الدفعة الشهرية", "الدفعه الشهريه"),
        # hamza seats meet their hamza-less typings
        ("سؤال مسؤول", "سوال مسوول"),
        ("أسئلة رئيس", "اسيله رييس"),
        ("ماء شيء", "ماء شيء"),
        # digits
        ("١١٠٠", "1100"),
        ("۱۱۰۰", "1100"),
        ("٣٫٥", "3.5"),
        # thousands separators between digits, decimals kept
        ("١٬١٠٠", "1100"),
        ("1,100", "1100"),
        ("1٬100", "1100"),
        ("1،100", "1100"),
        ("12,345,678 ريال", "12345678 ريال"),
        ("1.5 الف", "1.5 الف"),
        ("2,5", "2,5"),
        # emphasis runs of three or more collapse; doubled letters stay
        ("ايييوه", "ايوه"),
        ("شكراااا", "شكرا"),
        ("yesss", "yes"),
        ("ممتاز", "ممتاز"),
        ("1000", "1000"),
        # the program's name typed with ظ
        ("الظمان الاجتماعي", "الضمان الاجتماعي"),
        ("بالظمان", "بالضمان"),
        # Latin lowercased, punctuation set apart, whitespace collapsed
        ("ABC  Ok", "abc ok"),
        ("وش الشروط؟؟", "وش الشروط ؟"),
        ("غلطت،عندي ٤", "غلطت ، عندي 4"),
        ("  مرحبا \n\t بك ", "مرحبا بك"),
        # dates and intent payloads keep their slashes and dashes
        ("١٤٠٠/٥/١٢", "1400/5/12"),
        ("12-5-1980", "12-5-1980"),
        ("/affirm", "/affirm"),
        # copy-pasted presentation forms
        ("ﻻ", "لا"),
        ("", ""),
    ],
)
def test_normalize_gives_the_canonical_spelling(typed, expected):
    assert normalize(typed) == expected


@pytest.mark.parametrize(
    "variant_a, variant_b",
    [
        ("أبغى أسأل عن الضمان", "ابغي اسال عن الظمان"),  # Najdi, with and without hamza
        ("إيش الشروط؟", "ايش الشروط ؟"),  # Hijazi
        ("عايز أعرف إزاي أقدم", "عايز اعرف ازاي اقدم"),  # Egyptian
        ("شو المبلغ يلّي بيجي", "شو المبلغ يلي بيجي"),  # Levantine, shadda
        ("ما هي شروطُ الاستحقاقِ", "ما هي شروط الاستحقاق"),  # MSA with harakat
        ("كم المبلغ ١٬٣٢٠ ريال", "كم المبلغ 1320 ريال"),
        ("مسئول", "مسئول"),
    ],
)
def test_spelling_variants_normalize_to_the_same_text(variant_a, variant_b):
    assert normalize(variant_a) == normalize(variant_b)


def test_hamza_on_waw_and_ya_do_not_merge_with_each_other():
    # Documented limit: مسؤول and مسئول stay apart (و vs ي), each meets its hamza-less form.
    assert normalize("مسؤول") != normalize("مسئول")
    assert normalize("مسؤول") == normalize("مسوول")


_ARABIC_HEAVY = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةٱـ")
        + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
        + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789")
        + list(" \n\t.,،٬٫؟?!؛:/-'\"()")
        + list("aAbBzZİß")
    ),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(_ARABIC_HEAVY)
def test_normalize_is_idempotent_on_arabic_like_text(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_normalize_is_idempotent_on_any_unicode(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(_ARABIC_HEAVY)
def test_normalized_text_has_no_diacritics_tatweel_or_eastern_digits(text):
    out = normalize(text)
    forbidden = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670ـ") | set("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹أإآٱىةؤئ")
    assert not forbidden & set(out)
    assert "  " not in out and out == out.strip()


def test_strip_marks_keeps_letters_but_drops_diacritics_and_tatweel():
    assert strip_marks("أبغى أعرف حالةُ طلبـــي ١٬١٠٠") == "أبغى أعرف حالة طلبي 1100"
