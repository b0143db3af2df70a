"""python -m eligibility, run as a user would (subprocess)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import List

from eligibility import assess

REPO = Path(__file__).resolve().parents[2]
FAMILY_FLAGS = [
    "--is-saudi", "yes", "--resides-in-ksa", "yes", "--age", "40", "--dependents", "3", "--income", "1800",
    "--high-value-assets", "no", "--bank-account", "yes", "--care-facility", "no",
    "--education-health", "yes", "--rehabilitation", "yes",
]


def run_cli(args: List[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "LC_ALL": "C", "PYTHONIOENCODING": ""}
    return subprocess.run(
        [sys.executable, "-m", "eligibility", *args], cwd=REPO, env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=60,
    )


def test_json_output_matches_the_library_payload():
    result = run_cli([*FAMILY_FLAGS, "--on", "2024-03-15", "--json"])
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    answers = {"is_saudi": "yes", "resides_in_ksa": "yes", "age": "40", "dependents_count": "3",
               "monthly_income": "1800", "has_high_value_assets": "no", "has_bank_account": "yes",
               "lives_in_care_facility": "no", "meets_education_health": "yes", "accepts_rehabilitation": "yes"}
    assert output["eligibility_result"] == assess(answers, on="2024-03-15").to_payload()
    assert output["status"] == "eligible" and output["next_question"] is None


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
    path.write_text(json.dumps({"is_saudi": True, "dependents_count": 2, "monthly_income": 100, "on": "2023-10-01"}))
    output = json.loads(run_cli(["--file", str(path), "--json"]).stdout)
    assert output["eligibility_result"]["threshold_sar"] == assess({"dependents_count": 2}, on="2023-10-01").threshold_sar
    assert output["next_question"] == "resides_in_ksa"


def test_answers_from_an_openfisca_style_yaml_file_and_flags_override(tmp_path):
    path = tmp_path / "situation.yaml"
    path.write_text("period: 2024-03-15\ninput:\n  is_saudi: true\n  dependents_count: 1\n", encoding="utf-8")
    output = json.loads(run_cli(["--file", str(path), "--dependents", "4", "--json"]).stdout)
    assert output["eligibility_result"]["threshold_sar"] == assess({"dependents_count": 4}, on="2024-03-15").threshold_sar
    assert output["eligibility_result"]["rules_version"] == "2023-11-01"


def _assert_clean_failure(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout


def test_negative_income_exits_2_with_a_clear_message():
    result = run_cli(["--income", "-5"])
    _assert_clean_failure(result)
    assert "monthly_income" in result.stderr and "سالب" in result.stderr


def test_non_number_age_exits_2():
    _assert_clean_failure(run_cli(["--age", "forty"]))


def test_date_before_the_program_exits_2():
    result = run_cli(["--income", "100", "--on", "2019-05-01"])
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
