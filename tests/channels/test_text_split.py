from hypothesis import given, settings
from hypothesis import strategies as st

from channels.text_split import split_text

ARABIC_WORDS = ["الضمان", "الاجتماعي", "المطور", "شروط", "الدعم", "الأسرة", "الدخل", "يستحق"]


def test_short_text_is_one_piece_unchanged():
    assert split_text("هل أنا مستحق للدعم؟", limit=100) == ["هل أنا مستحق للدعم؟"]


def test_empty_or_blank_text_gives_no_pieces():
    assert split_text("", limit=10) == []
    assert split_text("   \n ", limit=10) == []


def test_cut_falls_after_arabic_question_mark_not_mid_sentence():
    first = "ما هي شروط الاستحقاق؟"
    second = "الشرط الأول الجنسية السعودية والإقامة الدائمة"
    pieces = split_text(f"{first} {second}", limit=len(first) + 10)
    assert pieces[0] == first
    assert " ".join(pieces) == f"{first} {second}"


def test_cut_falls_at_newline():
    text = "السطر الأول من الجواب الطويل\nالسطر الثاني"
    assert split_text(text, limit=35)[0] == "السطر الأول من الجواب الطويل"


def test_decimal_point_is_not_a_sentence_end():
    text = "المبلغ 1.5 ضعف المبلغ المرجعي تقريبا وليس أكثر"
    pieces = split_text(text, limit=12)
    assert all("1." not in piece or "1.5" in piece for piece in pieces)


def test_word_longer_than_limit_is_cut_hard():
    assert split_text("ا" * 25, limit=10) == ["ا" * 10, "ا" * 10, "ا" * 5]


def test_text_just_over_whatsapp_limit_becomes_two_pieces():
    sentence = "هذه جملة عربية للتجربة. "
    text = sentence * (4096 // len(sentence) + 5)
    pieces = split_text(text)
    assert len(pieces) == 2
    assert all(len(piece) <= 4096 for piece in pieces)
    assert pieces[0].endswith(".")


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from([*ARABIC_WORDS, "؟", "،", "."]), min_size=1, max_size=120),
    separators=st.lists(st.sampled_from([" ", "\n", "  "]), min_size=120, max_size=120),
    limit=st.integers(min_value=12, max_value=80),
)
def test_pieces_fit_the_limit_keep_every_word_and_never_split_a_word(words, separators, limit):
    text = "".join(word + separators[i] for i, word in enumerate(words))
    pieces = split_text(text, limit=limit)
    assert all(0 < len(piece) <= limit for piece in pieces)
    # Every word is whole and in order: no word is shorter than the limit here.
    assert " ".join(pieces).split() == text.split()
