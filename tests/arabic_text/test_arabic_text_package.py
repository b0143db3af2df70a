"""The arabic_text package's public names (its freedom from Rasa: tests/test_pure_packages.py)."""

from __future__ import annotations

from pathlib import Path

import arabic_text

PACKAGE_DIR = Path(arabic_text.__file__).parent


def test_shared_contract_names_are_exported():
    for name in (
        "normalize",
        "parse_amount",
        "parse_count",
        "parse_age",
        "parse_yes_no",
        "extract_answers",
        "is_correction",
        "parse_birth_date",
        "display_text",
        "read_income",
        "answer_for_slot",
        "parse_not_applicable",
        "age_needs_clarifying",
    ):
        assert callable(getattr(arabic_text, name)), name
        assert name in arabic_text.__all__


def test_modules_stay_small():
    too_long = {
        p.name: n for p in PACKAGE_DIR.glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 300
    }
    assert too_long == {}
