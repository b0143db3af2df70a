"""5-fold cross-validation of the NLU pipelines: the shipped config.yml and the
candidates in bench/configs/*.yml.

Runs `rasa test nlu --cross-validation` for each config on data/nlu/ and writes the
table to bench/results/nlu_cv.md and bench/results/nlu_cv.json. Slow
(several trainings per config): a benchmark to read, not a test gate.

    python -m bench.nlu_cv [--folds 5] [--configs shipped baseline normalized ...]

`shipped` is the project's own config.yml, the figure the issue tracker asks for.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = ROOT / "bench" / "configs"
RESULTS = ROOT / "bench" / "results"


SHIPPED = "shipped"


def config_path(name: str) -> Path:
    """The config file of a pipeline name: `shipped` is config.yml, others bench/configs/<name>.yml."""
    return ROOT / "config.yml" if name == SHIPPED else CONFIGS / f"{name}.yml"


def run_config(name: str, folds: int) -> dict[str, float]:
    """Cross-validate one pipeline; return macro-F1, accuracy, faq accuracy and wall minutes."""
    out = RESULTS / f"cv-{name}"
    started = time.monotonic()
    subprocess.run(
        [
            str(Path(sys.executable).parent / "rasa"),
            "test",
            "nlu",
            "--nlu",
            "data/nlu",
            "--config",
            str(config_path(name)),
            "--cross-validation",
            "--folds",
            str(folds),
            "--out",
            str(out),
            "--no-plot",
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    intents = json.loads((out / "intent_report.json").read_text())
    figures = {
        "intent_macro_f1": intents["macro avg"]["f1-score"],
        "intent_accuracy": intents["accuracy"],
        "minutes": (time.monotonic() - started) / 60,
    }
    selection = out / "response_selection_report.json"
    if selection.exists():
        figures["faq_accuracy"] = json.loads(selection.read_text())["accuracy"]
    return figures


def write_table(results: dict[str, dict[str, float]], folds: int) -> str:
    lines = [
        f"# NLU pipeline comparison ({folds}-fold cross-validation on data/nlu)",
        "",
        "Reproduce: `make cv` (or `.venv/bin/python -m bench.nlu_cv`).",
        "",
        "| config | intent macro-F1 | intent accuracy | faq sub-intent accuracy | wall time (min) |",
        "|---|---|---|---|---|",
    ]
    for name, row in results.items():
        lines.append(
            f"| {name} | {row['intent_macro_f1']:.3f} | {row['intent_accuracy']:.3f} | "
            f"{row.get('faq_accuracy', float('nan')):.3f} | {row['minutes']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--configs", nargs="*", default=[SHIPPED, *sorted(p.stem for p in CONFIGS.glob("*.yml"))])
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, float]] = {}
    for name in args.configs:
        print(f"cross-validating {name}…", flush=True)
        results[name] = run_config(name, args.folds)
        print(json.dumps(results[name]), flush=True)
        (RESULTS / "nlu_cv.json").write_text(json.dumps(results, indent=2))
    table = write_table(results, args.folds)
    # The hand-written comparison (bench/nlu_pipeline_comparison.md) keeps the
    # rounds and the reasons for the choice; each run's table goes next to its JSON.
    (RESULTS / "nlu_cv.md").write_text(table)
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
