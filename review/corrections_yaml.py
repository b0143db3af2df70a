"""Staff intent corrections as Rasa NLU training data (version "3.1"), ready to review and merge."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from review.annotations import Correction

HEADER = (
    "# Examples marked by staff in the review tool. Check each one, then move it into\n"
    "# data/nlu/*.yml. Personal numbers were masked before they were stored.\n"
)


def corrections_yaml(marked: Iterable[Correction]) -> str:
    """One `- intent:` block per intent with its distinct examples, in Rasa 3.x NLU format."""
    by_intent: dict[str, list[str]] = {}
    for item in marked:
        text = " ".join(item.text.split())
        if text and text not in by_intent.setdefault(item.intent, []):
            by_intent[item.intent].append(text)
    lines = [HEADER + 'version: "3.1"', "nlu:" if by_intent else "nlu: []"]
    for intent in sorted(by_intent):
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines.extend(f"    - {text}" for text in by_intent[intent])
    return "\n".join(lines) + "\n"


def write_corrections(marked: Iterable[Correction], path: Path) -> int:
    chosen = list(marked)
    Path(path).write_text(corrections_yaml(chosen), encoding="utf-8")
    return len(chosen)
