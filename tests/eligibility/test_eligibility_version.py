"""rules_version names the code (eligibility.__version__) and the parameter period, OpenFisca-style."""

from __future__ import annotations

import re
from pathlib import Path

import eligibility
from eligibility import assess

CHANGELOG = Path(eligibility.__file__).resolve().parent / "CHANGELOG.md"


def test_version_is_semver() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", eligibility.__version__)


def test_newest_changelog_heading_is_the_package_version() -> None:
    headings = re.findall(r"^## (\d+\.\d+\.\d+)\b", CHANGELOG.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert headings, "CHANGELOG.md has no versioned heading"
    assert headings[0] == eligibility.__version__
    assert len(headings) == len(set(headings)), "a version appears twice"


def test_rules_version_names_code_and_period() -> None:
    before, after = assess({}, on="2023-10-31"), assess({}, on="2023-11-01")
    assert after.to_payload()["rules_version"] == f"{eligibility.__version__}+2023-11-01"
    assert after.to_payload()["rules_period"] == "2023-11-01"
    assert before.to_payload()["rules_version"] == f"{eligibility.__version__}+{before.rules_period}"
    assert before.rules_period != after.rules_period
