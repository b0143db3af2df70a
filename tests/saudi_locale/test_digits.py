"""saudi_locale.digits against the shared vectors (the widget's digits.js reads the same file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saudi_locale.digits import (
    ANY_DIGIT,
    ARABIC_INDIC,
    PERSIAN,
    latin_digit,
    to_arabic_indic_digits,
    to_latin_digits,
)
from tests.node_tests import assert_node_tests_pass

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VECTORS = json.loads((HERE / "digit_vectors.json").read_text(encoding="utf-8"))


def test_the_tables_are_the_unicode_ranges():
    assert ARABIC_INDIC == VECTORS["arabic_indic"] == "".join(chr(c) for c in range(0x0660, 0x066A))
    assert PERSIAN == VECTORS["persian"] == "".join(chr(c) for c in range(0x06F0, 0x06FA))


@pytest.mark.parametrize("case", VECTORS["to_latin"], ids=lambda c: c["latin"][:20])
def test_to_latin(case):
    assert to_latin_digits(case["input"]) == case["latin"]
    assert to_latin_digits(case["input"], separators=True) == case["latin"]


@pytest.mark.parametrize("case", VECTORS["to_arabic_indic"], ids=lambda c: c["input"])
def test_to_arabic_indic(case):
    assert to_arabic_indic_digits(case["input"]) == case["arabic_indic"]


def test_separators_only_when_asked():
    assert to_latin_digits("١٬٣٢٠٫٥") == "1٬320٫5"
    assert to_latin_digits("١٬٣٢٠٫٥", separators=True) == "1,320.5"


def test_single_digits_and_the_any_digit_pattern():
    for value, (arabic, persian) in enumerate(zip(ARABIC_INDIC, PERSIAN, strict=True)):
        assert latin_digit(arabic) == latin_digit(persian) == str(value)
        assert ANY_DIGIT.fullmatch(arabic) and ANY_DIGIT.fullmatch(persian) and ANY_DIGIT.fullmatch(str(value))
    assert latin_digit("x") == "x"
    assert not ANY_DIGIT.search("بدون أرقام")


def test_the_widget_digits_pass_the_same_vectors():
    assert_node_tests_pass("tests/saudi_locale/digits.test.mjs")
