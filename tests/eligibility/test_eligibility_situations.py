"""Runs the OpenFisca-style situations in situations/*.yaml.

Each situation gives a `period` (the date of the rules), an `input` (slot-named
answers) and the expected `output`; only the keys listed in `output` are checked
(`income_by_source` and `conditions` only for the entries they list). A situation
may name the domain `reading` it tests (domain.md, "How the conditions apply to a
real household"); every reading must be tested by at least one situation.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from eligibility import __version__, assess, next_question

SITUATIONS_DIR = Path(__file__).parent / "situations"
PAYLOAD_KEYS = {
    "eligible",
    "failed_conditions",
    "threshold_sar",
    "counted_income_sar",
    "estimated_support_sar",
    "rules_version",
    "income_by_source",
    "summary_ar",
}
OTHER_KEYS = {"status", "next_question", "conditions"}
PARTIAL_KEYS = {"income_by_source", "conditions"}
# domain.md, "How the conditions apply to a real household", plus the issue 10 households.
READINGS = {
    "age",
    "rehabilitation",
    "education_health",
    "income_by_source",
    "wealth",
    "time_abroad",
    "issue10_household",
}


def _load_situations() -> list[dict[str, Any]]:
    situations = []
    for path in sorted(SITUATIONS_DIR.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            situations.append({**item, "file": path.name})
    return situations


SITUATIONS = _load_situations()


def test_there_are_at_least_80_situations():
    assert len(SITUATIONS) >= 80


def test_situation_names_are_unique():
    repeated = [name for name, count in Counter(s["name"] for s in SITUATIONS).items() if count > 1]
    assert repeated == []


@pytest.mark.parametrize("reading", sorted(READINGS))
def test_every_domain_reading_has_situations(reading):
    tagged = [s for s in SITUATIONS if reading in s.get("readings", [])]
    assert len(tagged) >= 2, f"no situations for the {reading} reading"


@pytest.mark.parametrize("situation", SITUATIONS, ids=[s["name"] for s in SITUATIONS])
def test_situation(situation: dict[str, Any]) -> None:
    expected = situation["output"]
    unknown = set(expected) - PAYLOAD_KEYS - OTHER_KEYS
    assert not unknown, f"{situation['file']}: unknown output keys {unknown}"
    assert set(situation.get("readings", [])) <= READINGS, f"{situation['name']}: unknown reading"
    on = situation["period"]
    answers = situation["input"]
    assessment = assess(answers, on=on)
    actual: dict[str, Any] = dict(assessment.to_payload())
    actual["status"] = assessment.status.value
    actual["next_question"] = next_question(answers, on=on)
    actual["conditions"] = {name: result.status.value for name, result in assessment.conditions.items()}
    for key, value in expected.items():
        if key == "rules_version" and isinstance(value, dt.date):
            # A situation names the period; the version also names the code (OpenFisca-style).
            value = f"{__version__}+{value.isoformat()}"
        if key in PARTIAL_KEYS:
            assert {name: actual[key][name] for name in value} == value, f"{situation['name']}: {key}"
        else:
            assert actual[key] == value, f"{situation['name']}: {key}"
