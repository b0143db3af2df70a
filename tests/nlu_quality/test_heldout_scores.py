"""Scores the trained model on the held-out NLU file (never used for training).

Targets: intent accuracy >= 0.93 (out_of_scope included) and accuracy of the faq
sub-intent picked by the ResponseSelector >= 0.93. The figures are written to
test-artifacts/nlu-heldout/ for the issue notes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
OUT = ROOT / "test-artifacts" / "nlu-heldout"

INTENT_ACCURACY_TARGET = 0.93
FAQ_ACCURACY_TARGET = 0.93

pytestmark = pytest.mark.nlu_quality


@pytest.fixture(scope="module")
def reports() -> dict:
    if not MODEL.exists():
        pytest.fail("No trained model: run scripts/train_if_needed.sh first.")
    OUT.mkdir(parents=True, exist_ok=True)
    rasa = Path(sys.executable).parent / "rasa"
    subprocess.run(
        [str(rasa), "test", "nlu", "--model", str(MODEL), "--nlu", str(HELDOUT), "--out", str(OUT), "--no-plot"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return {
        "intent": json.loads((OUT / "intent_report.json").read_text()),
        "faq": json.loads((OUT / "response_selection_report.json").read_text()),
    }


def test_heldout_intent_accuracy_meets_target(reports: dict) -> None:
    accuracy = reports["intent"]["accuracy"]
    worst = sorted(
        (name, row["f1-score"])
        for name, row in reports["intent"].items()
        if isinstance(row, dict) and "f1-score" in row
    )
    assert accuracy >= INTENT_ACCURACY_TARGET, f"held-out intent accuracy {accuracy:.3f}; per intent F1: {worst}"


def test_heldout_out_of_scope_is_recognised(reports: dict) -> None:
    assert reports["intent"]["out_of_scope"]["f1-score"] >= 0.85


def test_heldout_faq_subintent_accuracy_meets_target(reports: dict) -> None:
    accuracy = reports["faq"]["accuracy"]
    assert accuracy >= FAQ_ACCURACY_TARGET, f"held-out faq sub-intent accuracy {accuracy:.3f}"
