"""Scores a trained model on the fresh test set tests/nlu/unseen.yml (issue 12).

The set was written without reading data/, so this measures generalisation. It prints
a Markdown report and writes every prediction to bench/results/nlu_unseen.json (the
test set's own texts only), which is what thresholds are tuned on.

    python -m bench.nlu_unseen [--model models/current.tar.gz] [--data tests/nlu/unseen.yml]
    python -m bench.nlu_unseen --tune [--json bench/results/nlu_unseen.json]

With clarification (actions/clarify.py), each item has one of CLARIFY_OUTCOMES:
right at once, clarified (the bot asks "X or Y?"; split by whether the right meaning
is one of the two buttons), fallback (asks to rephrase), confidently wrong, wrong with
low confidence. `--tune` reads the saved predictions (no model needed) and searches
the three thresholds of config.yml: the FallbackClassifier's `threshold` and
`ambiguity_threshold`, and `clarification.faq_ambiguity_threshold`.

Figures, each over all items and over the items the model can know (the faq
sub-intents it has no answer for yet are left out of the second view):
- intent accuracy: the intent classifier's pick, the FallbackClassifier undone, as
  `rasa test nlu` counts it;
- faq sub-intent accuracy: over items labelled faq/*, the ResponseSelector's pick;
- what the bot would do with each message, judged on the full label (faq/<sub>):
  right at once (no fallback, right label), fallback (FallbackClassifier fired: the
  bot asks to rephrase), confidently wrong (no fallback, wrong label, confidence of
  the wrong pick >= the FallbackClassifier threshold in config.yml), wrong with low
  confidence (no fallback, wrong label, below that threshold: only a wrong faq
  sub-intent can be, as the ResponseSelector has no fallback). The four add up to 1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = ROOT / "models" / "current.tar.gz"
DEFAULT_DATA = ROOT / "tests" / "nlu" / "unseen.yml"
DEFAULT_JSON = ROOT / "bench" / "results" / "nlu_unseen.json"
# Labels the model has no training data for yet (issue 12, part 4).
NEW_FAQ_LABELS = ("faq/home_visit", "faq/extra_payments", "faq/payment_problem", "faq/support_stop", "faq/update_data")
FALLBACK_INTENT = "nlu_fallback"
RETRIEVAL_INTENT = "faq"
DEFAULT_FALLBACK_THRESHOLD = 0.3  # Rasa's own default when config.yml gives none
OUTCOMES = ("right_at_once", "fallback", "confidently_wrong", "wrong_low_confidence")
CLARIFY_OUTCOMES = (
    "right_at_once",
    "clarified_with_right_button",
    "clarified_without_it",
    "fallback",
    "confidently_wrong",
    "wrong_low_confidence",
)
# A clarifying question is worth at most this share of the set (issue 12: "ask one
# short question" when two meanings are close, not at every message).
MAX_ASKING = 0.12


@dataclass
class Scored:
    """One test utterance and what the model made of it (confidences are 0..1)."""

    text: str
    gold: str  # full label: intent, or faq/<sub>
    intent: str  # the intent classifier's pick with the fallback undone
    intent_confidence: float
    faq: str | None  # ResponseSelector's faq/<sub> pick, None if it gave none
    faq_confidence: float
    fell_back: bool
    second_intent: str | None = None
    second_intent_confidence: float = 0.0
    second_faq: str | None = None
    second_faq_confidence: float = 0.0

    @property
    def gold_intent(self) -> str:
        return self.gold.split("/", 1)[0]

    @property
    def predicted(self) -> str:
        """The full label the bot acts on: faq/<sub> when the intent is faq."""
        if self.intent == RETRIEVAL_INTENT and self.faq:
            return self.faq
        return self.intent

    @property
    def gold_is_second(self) -> bool:
        """For a wrong pick: the right label was the runner-up, so a two-button question would fix it."""
        if self.intent != self.gold_intent:
            right_answer = self.gold_intent != RETRIEVAL_INTENT or self.faq == self.gold
            return self.second_intent == self.gold_intent and right_answer
        return self.second_faq == self.gold

    def outcome(self, threshold: float) -> str:
        """One of OUTCOMES; `threshold` is the FallbackClassifier's, 0..1."""
        if self.fell_back:
            return "fallback"
        if self.predicted == self.gold:
            return "right_at_once"
        # A right faq intent with a wrong answer is as sure as the ResponseSelector was.
        wrong_sub = self.intent == RETRIEVAL_INTENT == self.gold_intent
        confidence = self.faq_confidence if wrong_sub else self.intent_confidence
        return "confidently_wrong" if confidence >= threshold else "wrong_low_confidence"


def clarify_outcome(s: Scored, threshold: float, ambiguity: float, faq_ambiguity: float) -> str:
    """One of CLARIFY_OUTCOMES for `s` under the given thresholds (each 0..1), as the
    bot would act: the FallbackClassifier rule, then actions/clarify.py."""
    from actions.clarify import LABELS

    gap = s.intent_confidence - s.second_intent_confidence
    fell_back = s.intent_confidence < threshold or gap < ambiguity
    if fell_back:
        pair = [s.faq if name == RETRIEVAL_INTENT else name for name in (s.intent, s.second_intent)]
        if gap < ambiguity and all(p in LABELS for p in pair) and pair[0] != pair[1]:
            return "clarified_with_right_button" if s.gold in pair else "clarified_without_it"
        return "fallback"
    if (
        s.intent == RETRIEVAL_INTENT
        and s.faq
        and s.second_faq
        and s.faq_confidence - s.second_faq_confidence < faq_ambiguity
        and s.faq in LABELS
        and s.second_faq in LABELS
    ):
        return "clarified_with_right_button" if s.gold in (s.faq, s.second_faq) else "clarified_without_it"
    if s.predicted == s.gold:
        return "right_at_once"
    wrong_sub = s.intent == RETRIEVAL_INTENT == s.gold_intent
    confidence = s.faq_confidence if wrong_sub else s.intent_confidence
    return "confidently_wrong" if confidence >= threshold else "wrong_low_confidence"


def clarify_rates(
    items: Sequence[Scored], threshold: float, ambiguity: float, faq_ambiguity: float
) -> dict[str, float]:
    """Share (0..1) of each of CLARIFY_OUTCOMES, plus "clarified" (both kinds)."""
    counts = Counter(clarify_outcome(s, threshold, ambiguity, faq_ambiguity) for s in items)
    rates = {name: counts[name] / len(items) if items else 0.0 for name in CLARIFY_OUTCOMES}
    rates["clarified"] = rates["clarified_with_right_button"] + rates["clarified_without_it"]
    return rates


def tune(items: Sequence[Scored]) -> list[dict[str, float]]:
    """Threshold triples ranked: least confidently wrong while asking (clarified or
    rephrase) at most MAX_ASKING of the time, then most right at once."""
    grid = []
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
        for ambiguity in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
            for faq_ambiguity in (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4):
                rates = clarify_rates(items, threshold, ambiguity, faq_ambiguity)
                asking = rates["clarified"] + rates["fallback"]
                grid.append(
                    {
                        "threshold": threshold,
                        "ambiguity_threshold": ambiguity,
                        "faq_ambiguity_threshold": faq_ambiguity,
                        "asking": asking,
                        **rates,
                    }
                )
    usable = [g for g in grid if g["asking"] <= MAX_ASKING]
    return sorted(usable, key=lambda g: (round(g["confidently_wrong"], 4), -g["right_at_once"], g["asking"]))


def clarification_thresholds(config_path: Path) -> tuple:
    """(threshold, ambiguity_threshold, faq_ambiguity_threshold) of config.yml."""
    from actions.clarify import thresholds

    found = thresholds.__wrapped__(config_path)
    return found["threshold"], found["ambiguity"], found["faq_ambiguity"]


def scored_from_parse(text: str, gold: str, parse: dict[str, Any]) -> Scored:
    """Builds a Scored from a Rasa parse result (the dict of /model/parse)."""
    fell_back = parse.get("intent", {}).get("name") == FALLBACK_INTENT
    ranking = [r for r in parse.get("intent_ranking", []) if r.get("name") != FALLBACK_INTENT]
    if not ranking and not fell_back:
        ranking = [parse.get("intent", {})]
    first = ranking[0] if ranking else {"name": FALLBACK_INTENT, "confidence": 0.0}
    second = ranking[1] if len(ranking) > 1 else {}
    selector = parse.get("response_selector", {}).get(RETRIEVAL_INTENT, {})
    response = selector.get("response", {})
    faq_ranking = selector.get("ranking", [])
    second_faq = faq_ranking[1] if len(faq_ranking) > 1 else {}
    return Scored(
        text=text,
        gold=gold,
        intent=first.get("name"),
        intent_confidence=float(first.get("confidence", 0.0)),
        faq=response.get("intent_response_key"),
        faq_confidence=float(response.get("confidence") or 0.0),
        fell_back=fell_back,
        second_intent=second.get("name"),
        second_intent_confidence=float(second.get("confidence", 0.0)),
        second_faq=second_faq.get("intent_response_key"),
        second_faq_confidence=float(second_faq.get("confidence") or 0.0),
    )


def summarise(items: Sequence[Scored], threshold: float) -> dict[str, Any]:
    """Accuracies (0..1), outcome rates (0..1, summing to 1) and per-label confusion."""
    faq_items = [s for s in items if s.gold_intent == RETRIEVAL_INTENT]
    outcomes = Counter(s.outcome(threshold) for s in items)
    per_label: dict[str, dict[str, Any]] = {}
    for label in sorted({s.gold for s in items}):
        rows = [s for s in items if s.gold == label]
        wrong = Counter(s.predicted for s in rows if s.predicted != label)
        per_label[label] = {
            "n": len(rows),
            "accuracy": sum(s.predicted == label for s in rows) / len(rows),
            "fallback": sum(s.fell_back for s in rows),
            "predicted_instead": dict(wrong.most_common()),
        }
    confusions = Counter((s.gold, s.predicted) for s in items if s.predicted != s.gold)
    return {
        "n": len(items),
        "intent_accuracy": _share(s.intent == s.gold_intent for s in items),
        "faq_n": len(faq_items),
        "faq_sub_intent_accuracy": _share(s.faq == s.gold for s in faq_items),
        "full_label_accuracy": _share(s.predicted == s.gold for s in items),
        "wrong_with_gold_second": _share(s.gold_is_second for s in items if s.predicted != s.gold),
        "outcomes": {name: outcomes[name] / len(items) if items else 0.0 for name in OUTCOMES},
        "per_label": per_label,
        "by_shape": by_shape(items, threshold),
        "top_confusions": [
            {"gold": gold, "predicted": predicted, "count": n} for (gold, predicted), n in confusions.most_common()
        ],
    }


# Shapes of question the issue asks about, recognised from the text alone.
SHAPES = {
    "long question (15+ words)": lambda t: len(t.split()) >= 15,
    "short (1-2 words)": lambda t: len(t.split()) <= 2,
    "Latin words mixed in": lambda t: re.search(r"[A-Za-z]{2,}", t) is not None,
    "Arabic-Indic or Persian digits": lambda t: re.search(r"[\u0660-\u0669\u06F0-\u06F9]", t) is not None,
    "neighbouring program named": lambda t: re.search(NEIGHBOURS, t) is not None,
}
NEIGHBOURS = (
    r"حساب المواطن|التأهيل الشامل|دعم الوصول|دعم ريف|"
    r"(?<!\w)(?:الإسكان|الاسكان|سكني|السكني|ساند|حافز)(?!\w)"
)


def by_shape(items: Sequence[Scored], threshold: float) -> dict[str, dict[str, float]]:
    """For each shape: count, full-label accuracy and confidently-wrong rate (0..1)."""
    table = {}
    for name, matches in SHAPES.items():
        rows = [s for s in items if matches(s.text)]
        table[name] = {
            "n": len(rows),
            "full_label_accuracy": _share(s.predicted == s.gold for s in rows),
            "confidently_wrong": _share(s.outcome(threshold) == "confidently_wrong" for s in rows),
        }
    return table


def _share(flags: Iterable[bool]) -> float:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else 0.0


def fallback_threshold(config_path: Path) -> float:
    """The FallbackClassifier `threshold` of config.yml (0..1); Rasa's default if unset."""
    from rasa.shared.utils.io import read_yaml_file

    for component in read_yaml_file(config_path).get("pipeline", []):
        if component.get("name") == "FallbackClassifier":
            return float(component.get("threshold", DEFAULT_FALLBACK_THRESHOLD))
    return DEFAULT_FALLBACK_THRESHOLD


def load_examples(data_path: Path) -> list[tuple]:
    """(text, full label) pairs of a Rasa NLU YAML file."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(data_path))
    return [(m.get("text"), m.get("intent_response_key") or m.get("intent")) for m in data.intent_examples]


def predict(model_path: Path, examples: Sequence[tuple]) -> list[Scored]:
    """Parses each text with the trained model, as the Rasa server's NLU would."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    # Rasa logs every parse at debug level through structlog, texts included.
    import structlog

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))

    async def parse_all() -> list[Scored]:
        return [scored_from_parse(text, gold, await agent.parse_message(text)) for text, gold in examples]

    return asyncio.run(parse_all())


def markdown(views: dict[str, dict[str, Any]], threshold: float, top: int = 15) -> str:
    """The report: one figures table for the views, then confusions of the first view."""
    lines = ["| figure | " + " | ".join(views) + " |", "|---|" + "---|" * len(views)]
    rows = [
        ("utterances", "n", "{:d}"),
        ("intent accuracy", "intent_accuracy", "{:.3f}"),
        ("faq utterances", "faq_n", "{:d}"),
        ("faq sub-intent accuracy", "faq_sub_intent_accuracy", "{:.3f}"),
        ("full label accuracy", "full_label_accuracy", "{:.3f}"),
        ("wrong picks whose runner-up was right", "wrong_with_gold_second", "{:.1%}"),
    ]
    for title, key, fmt in rows:
        lines.append(f"| {title} | " + " | ".join(fmt.format(v[key]) for v in views.values()) + " |")
    for name in OUTCOMES:
        title = name.replace("_", " ") + (f" (≥ {threshold:.2f})" if name == "confidently_wrong" else "")
        lines.append(f"| {title} | " + " | ".join(f"{v['outcomes'][name]:.1%}" for v in views.values()) + " |")
    first = next(iter(views.values()))
    lines += [
        "",
        f"By shape ({next(iter(views))}):",
        "",
        "| shape | n | full label accuracy | confidently wrong |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {name} | {row['n']} | {row['full_label_accuracy']:.2f} | {row['confidently_wrong']:.1%} |"
        for name, row in first["by_shape"].items()
    ]
    lines += [
        "",
        f"Top confusions ({next(iter(views))}; gold → predicted):",
        "",
        "| gold | predicted | count |",
        "|---|---|---|",
    ]
    lines += [f"| {c['gold']} | {c['predicted']} | {c['count']} |" for c in first["top_confusions"][:top]]
    lines += [
        "",
        "Per label (all items):",
        "",
        "| label | n | accuracy | fallback | predicted instead |",
        "|---|---|---|---|---|",
    ]
    for label, row in sorted(first["per_label"].items(), key=lambda kv: (kv[1]["accuracy"], kv[0])):
        instead = ", ".join(f"{k} {n}" for k, n in row["predicted_instead"].items())
        lines.append(f"| {label} | {row['n']} | {row['accuracy']:.2f} | {row['fallback']} | {instead} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--tune", action="store_true", help="search the thresholds on the saved predictions")
    args = parser.parse_args(argv)
    if args.tune:
        return tune_report(args.json, args.config)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    logging.disable(logging.WARNING)
    threshold = fallback_threshold(args.config)
    items = predict(args.model, load_examples(args.data))
    known = [s for s in items if s.gold not in NEW_FAQ_LABELS]
    views = {"all items": summarise(items, threshold), "without the new faq sub-intents": summarise(known, threshold)}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "model": str(args.model),
                "data": str(args.data),
                "fallback_threshold": threshold,
                "views": views,
                "items": [asdict(s) | {"outcome": s.outcome(threshold)} for s in items],
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    print(markdown(views, threshold))
    print(clarify_markdown({"all items": items, "without the new faq sub-intents": known}, args.config))
    return 0


def _load_saved(json_path: Path) -> list[Scored]:
    fields = set(Scored.__dataclass_fields__)
    saved = json.loads(json_path.read_text(encoding="utf-8"))
    return [Scored(**{k: v for k, v in item.items() if k in fields}) for item in saved["items"]]


def clarify_markdown(views: dict[str, Sequence[Scored]], config_path: Path) -> str:
    """The three rates of issue 12 under config.yml's thresholds, per view."""
    threshold, ambiguity, faq_ambiguity = clarification_thresholds(config_path)
    rates = {name: clarify_rates(rows, threshold, ambiguity, faq_ambiguity) for name, rows in views.items()}
    lines = [
        "",
        f"With clarification (threshold {threshold}, ambiguity {ambiguity}, faq ambiguity {faq_ambiguity}):",
        "",
        "| outcome | " + " | ".join(views) + " |",
        "|---|" + "---|" * len(views),
    ]
    for name in (
        "right_at_once",
        "clarified",
        "clarified_with_right_button",
        "clarified_without_it",
        "fallback",
        "confidently_wrong",
        "wrong_low_confidence",
    ):
        lines.append(f"| {name.replace('_', ' ')} | " + " | ".join(f"{r[name]:.1%}" for r in rates.values()) + " |")
    return "\n".join(lines) + "\n"


def tune_report(json_path: Path, config_path: Path, top: int = 10) -> int:
    items = _load_saved(json_path)
    known = [s for s in items if s.gold not in NEW_FAQ_LABELS]
    print(f"Tuning on {json_path} ({len(known)} items with known labels; asking at most {MAX_ASKING:.0%}):\n")
    print(
        "| threshold | ambiguity | faq ambiguity | right at once "
        "| clarified (right button) | fallback | confidently wrong |"
    )
    print("|---|---|---|---|---|---|---|")
    for g in tune(known)[:top]:
        thresholds = f"| {g['threshold']} | {g['ambiguity_threshold']} | {g['faq_ambiguity_threshold']} "
        rates = (
            f"| {g['right_at_once']:.1%} | {g['clarified']:.1%} ({g['clarified_with_right_button']:.1%}) "
            f"| {g['fallback']:.1%} | {g['confidently_wrong']:.1%} |"
        )
        print(thresholds + rates)
    print(clarify_markdown({"all items": items, "without the new faq sub-intents": known}, config_path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
