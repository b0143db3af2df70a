"""Runs the OpenFisca-style situations in situations/*.yaml.

Each situation gives a `period` (the date of the rules), an `input` (slot-named
answers) and the expected `output`; only the keys listed in `output` are checked.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml

from eligibility import assess, next_question

SITUATIONS_DIR = Path(__file__).parent / "situations"
PAYLOAD_KEYS = {"eligible", "failed_conditions", "threshold_sar", "counted_income_sar", "estimated_support_sar", "rules_version"}
OTHER_KEYS = {"status", "next_question", "conditions"}


def _load_situations() -> List[Dict[str, Any]]:
    situations = []
    for path in sorted(SITUATIONS_DIR.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            situations.append({**item, "file": path.name})
    return situations


SITUATIONS = _load_situations()


def test_there_are_at_least_35_situations():
    assert len(SITUATIONS) >= 35


@pytest.mark.parametrize("situation", SITUATIONS, ids=[s["name"] for s in SITUATIONS])
def test_situation(situation: Dict[str, Any]) -> None:
    expected = situation["output"]
    unknown = set(expected) - PAYLOAD_KEYS - OTHER_KEYS
    assert not unknown, f"{situation['file']}: unknown output keys {unknown}"
    on = situation["period"]
    answers = situation["input"]
    assessment = assess(answers, on=on)
    payload = assessment.to_payload()
    actual: Dict[str, Any] = {key: payload[key] for key in PAYLOAD_KEYS}
    actual["status"] = assessment.status.value
    actual["next_question"] = next_question(answers, on=on)
    actual["conditions"] = {name: result.status.value for name, result in assessment.conditions.items()}
    for key, value in expected.items():
        if key == "rules_version" and isinstance(value, dt.date):
            value = value.isoformat()
        if key == "conditions":
            assert {name: actual["conditions"][name] for name in value} == value, situation["name"]
        else:
            assert actual[key] == value, f"{situation['name']}: {key}"
