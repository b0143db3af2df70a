"""The shared masking vectors (tests/pii_vectors.json): Python masks each exactly as expected.

The same file drives webchat/tests/pii_mask.test.mjs, so the browser's masking and
this one cannot drift apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arabic_text.pii import find_pii, mask_all_digits, mask_pii

VECTORS = json.loads((Path(__file__).resolve().parents[1] / "pii_vectors.json").read_text(encoding="utf-8"))["vectors"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_shared_vector_is_masked_exactly_as_expected(vector):
    assert mask_pii(vector["input"]) == vector["expected"]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_shared_vector_reports_the_expected_kinds(vector):
    assert [m.kind for m in find_pii(vector["input"])] == vector["kinds"]


def test_vectors_cover_every_kind_script_and_separator():
    names = " ".join(v["name"] for v in VECTORS)
    for needed in (
        "national_id/",
        "phone/",
        "iban/",
        "email/",
        "not_pii/",
        "several/",
        "/arabic",
        "/persian",
        "/mixed",
        "/comma/",
        "/arabic_thousands/",
        "/arabic_comma/",
        "/dot/",
        "/underscore/",
        "/dash/",
        "/nbsp/",
        "/thin_space/",
        "/narrow_nbsp/",
        "/lrm/",
        "/rlm/",
        "/alm/",
        "/lri_pdi/",
        "/newline/",
    ):
        assert needed in names, needed


ALL_DIGITS = json.loads((Path(__file__).resolve().parents[1] / "pii_vectors.json").read_text(encoding="utf-8"))[
    "all_digits_vectors"
]


@pytest.mark.parametrize("vector", ALL_DIGITS, ids=[v["input"] for v in ALL_DIGITS])
def test_status_lookup_answer_has_every_digit_hidden(vector):
    assert mask_all_digits(vector["input"]) == vector["expected"]
    twice = mask_all_digits(vector["expected"])
    assert len(twice) == len(vector["expected"])
    assert all(a == b or a == "*" for a, b in zip(twice, vector["expected"], strict=False)), (
        "masking again only hides more"
    )
