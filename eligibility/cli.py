"""Command line: python -m eligibility --is-saudi yes --dependents 3 --earned-income 1500 --other-income 800 ...

Flags override values read from --file (JSON or YAML: slot names at the top
level, or OpenFisca-style `input` with `period`). Bad input prints a clear
message and exits with code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from .answers import RETIRED_INPUTS
from .assessment import assess
from .errors import EligibilityError
from .questions import next_question
from .render import render_assessment_ar, render_understood_ar
from .texts_ar import CLI_ERROR_PREFIX

# flag -> slot name
FLAGS = {
    "--is-saudi": "is_saudi",
    "--nationality-exception": "nationality_exception",
    "--resides-in-ksa": "resides_in_ksa",
    "--dependents": "dependents_count",
    "--age": "age",
    "--earned-income": "earned_income",
    "--other-income": "other_income",
    "--high-value-assets": "has_high_value_assets",
    "--assets-value": "assets_value",
    "--bank-account": "has_bank_account",
    "--care-facility": "lives_in_care_facility",
    "--children": "has_children",
    "--education-health": "meets_education_health",
    "--able-to-work": "has_able_to_work_members",
    "--rehabilitation": "accepts_rehabilitation",
    # Retired inputs: still parsed, so the rules refuse them with the names that replace them.
    "--income": "monthly_income",
    "--other-wealth": "other_wealth_sar",
}
RETIRED_FLAGS = ("--income", "--other-wealth")
EXIT_BAD_INPUT = 2
_UNITS = {
    "age": "whole years (asked only when applying alone)",
    "dependents_count": "whole number, 0 or more",
    "earned_income": "SAR per month from work (salaries, wages, business)",
    "other_income": "SAR per month from other sources (pensions, rent, regular help, benefits)",
    "assets_value": "SAR, value of wealth beyond the main home and one car",
}


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m eligibility",
        description="Assess eligibility for the Developed Social Security program (estimate only).",
    )
    for flag, slot in FLAGS.items():
        if flag in RETIRED_FLAGS:
            help_text = f"retired: use {' and '.join(RETIRED_INPUTS[slot])}"
        else:
            help_text = f"{slot}: {_UNITS.get(slot, 'yes/no')}"
        parser.add_argument(flag, dest=slot, metavar="VALUE", help=help_text)
    parser.add_argument("--on", help="date of the rules to apply, YYYY-MM-DD (default: today in Riyadh)")
    parser.add_argument("--file", type=Path, help="JSON or YAML file with the answers")
    parser.add_argument("--json", action="store_true", help="print a JSON result instead of Arabic text")
    return parser


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))  # YAML also reads JSON
    except OSError as exc:
        raise _UsageError(f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError:
        raise _UsageError(f"{path} is not valid JSON or YAML") from None
    if not isinstance(data, dict):
        raise _UsageError(f"{path} must hold a mapping of slot names to answers")
    if "input" in data:
        answers = data["input"]
        if not isinstance(answers, dict):
            raise _UsageError(f"{path}: `input` must be a mapping of slot names to answers")
        return {**answers, "on": data.get("period", data.get("on"))}
    return dict(data)


def _situation(args: argparse.Namespace) -> dict[str, Any]:
    answers = _read_file(args.file) if args.file else {}
    for slot in FLAGS.values():
        if getattr(args, slot) is not None:
            answers[slot] = getattr(args, slot)
    if args.on:
        answers["on"] = args.on
    return answers


def _as_json(answers: dict[str, Any], on: Any) -> str:
    assessment = assess(answers, on)
    result = {
        "eligibility_result": assessment.to_payload(),
        "status": assessment.status.value,
        "next_question": next_question(answers, on),
        "understood_ar": render_understood_ar(answers, on),
        "conditions": assessment.explain(),
    }
    return json.dumps(result, ensure_ascii=False, indent=2)


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")  # Arabic output even under a C locale
    args = build_parser().parse_args(argv)  # argparse itself exits with 2 on unknown flags
    try:
        answers = _situation(args)
        on = answers.pop("on", None)
        if on is not None and not isinstance(on, str):
            on = str(on)  # YAML reads 2024-01-01 as a date; assess accepts the ISO text
        output = _as_json(answers, on) if args.json else render_assessment_ar(assess(answers, on))
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except EligibilityError as exc:
        print(f"{CLI_ERROR_PREFIX}{exc.message_ar}\nerror: {exc.field}: {exc.message_en}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(output)
    return 0
