"""python -m eligibility, run as a user would (subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import eligibility
from eligibility import assess, render_understood_ar

REPO = Path(__file__).resolve().parents[2]
FAMILY_FLAGS = [
    "--is-saudi",
    "yes",
    "--resides-in-ksa",
    "yes",
    "--dependents",
    "3",
    "--earned-income",
    "1500",
    "--other-income",
    "800",
    "--high-value-assets",
    "yes",
    "--assets-value",
    "6000",
    "--bank-account",
    "yes",
    "--care-facility",
    "no",
    "--children",
    "yes",
    "--education-health",
    "yes",
    "--able-to-work",
    "yes",
    "--rehabilitation",
    "yes",
]
FAMILY_ANSWERS = {
    "is_saudi": "yes",
    "resides_in_ksa": "yes",
    "dependents_count": "3",
    "earned_income": "1500",
    "other_income": "800",
    "has_high_value_assets": "yes",
    "assets_value": "6000",
    "has_bank_account": "yes",
    "lives_in_care_facility": "no",
    "has_children": "yes",
    "meets_education_health": "yes",
    "has_able_to_work_members": "yes",
    "accepts_rehabilitation": "yes",
}


def run_cli(args: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C", "PYTHONIOENCODING": ""}
    return subprocess.run(
        [sys.executable, "-m", "eligibility", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_json_output_matches_the_library_payload():
    result = run_cli([*FAMILY_FLAGS, "--on", "2024-03-15", "--json"])
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["eligibility_result"] == assess(FAMILY_ANSWERS, on="2024-03-15").to_payload()
    assert output["status"] == "eligible" and output["next_question"] is None
    assert output["eligibility_result"]["income_by_source"]["counted_sar"] == 750 + 800 + 500
    assert output["understood_ar"] == render_understood_ar(FAMILY_ANSWERS, on="2024-03-15")


def test_text_output_is_arabic_and_calls_the_support_an_estimate():
    result = run_cli([*FAMILY_FLAGS, "--on", "2024-03-15"])
    assert result.returncode == 0, result.stderr
    assert "تقديري" in result.stdout and "sbis.hrsd.gov.sa" in result.stdout


def test_non_saudi_flag_gives_an_ineligible_json_result():
    result = run_cli(["--is-saudi", "no", "--nationality-exception", "no", "--json"])
    output = json.loads(result.stdout)
    assert output["eligibility_result"]["failed_conditions"] == ["is_saudi"]
    assert output["status"] == "ineligible"
    assert output["conditions"]["is_saudi"]["status"] == "not_met"
    assert output["conditions"]["is_saudi"]["remedy_ar"]


def test_answers_from_a_json_file(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"is_saudi": True, "dependents_count": 2, "earned_income": 100, "on": "2023-10-01"}))
    output = json.loads(run_cli(["--file", str(path), "--json"]).stdout)
    assert (
        output["eligibility_result"]["threshold_sar"] == assess({"dependents_count": 2}, on="2023-10-01").threshold_sar
    )
    assert output["next_question"] == "resides_in_ksa"


def test_answers_from_an_openfisca_style_yaml_file_and_flags_override(tmp_path):
    path = tmp_path / "situation.yaml"
    path.write_text("period: 2024-03-15\ninput:\n  is_saudi: true\n  dependents_count: 1\n", encoding="utf-8")
    output = json.loads(run_cli(["--file", str(path), "--dependents", "4", "--json"]).stdout)
    assert (
        output["eligibility_result"]["threshold_sar"] == assess({"dependents_count": 4}, on="2024-03-15").threshold_sar
    )
    assert output["eligibility_result"]["rules_period"] == "2023-11-01"
    assert output["eligibility_result"]["rules_version"] == f"{eligibility.__version__}+2023-11-01"


def _assert_clean_failure(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    "flag, slot",
    [("--earned-income", "earned_income"), ("--other-income", "other_income"), ("--assets-value", "assets_value")],
)
def test_negative_amount_exits_2_with_a_clear_message(flag, slot):
    result = run_cli([flag, "-5"])
    _assert_clean_failure(result)
    assert slot in result.stderr and "سالب" in result.stderr


@pytest.mark.parametrize(
    "flag, replacements", [("--income", ["earned_income", "other_income"]), ("--other-wealth", ["assets_value"])]
)
def test_retired_flag_exits_2_naming_what_replaces_it(flag, replacements):
    result = run_cli([flag, "1800"])
    _assert_clean_failure(result)
    assert all(name in result.stderr for name in replacements)


@pytest.mark.parametrize("flag", ["--children", "--able-to-work"])
def test_non_yes_no_gate_exits_2(flag):
    _assert_clean_failure(run_cli([flag, "perhaps"]))


def test_non_number_age_exits_2():
    _assert_clean_failure(run_cli(["--age", "forty"]))


def test_date_before_the_program_exits_2():
    result = run_cli(["--earned-income", "100", "--on", "2019-05-01"])
    _assert_clean_failure(result)
    assert "before the program" in result.stderr


def test_unknown_flag_exits_2():
    _assert_clean_failure(run_cli(["--salary", "100"]))


def test_missing_file_exits_2(tmp_path):
    _assert_clean_failure(run_cli(["--file", str(tmp_path / "missing.json")]))


def test_file_that_is_not_a_mapping_exits_2(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n", encoding="utf-8")
    _assert_clean_failure(run_cli(["--file", str(path)]))
