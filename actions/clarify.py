"""Ask which of two meanings was meant, instead of guessing (issue 12, part 2).

In the manner of Rasa's two-stage fallback (`action_two_stage_fallback`): when the
FallbackClassifier fires because the two best intents are within its
`ambiguity_threshold`, or when the ResponseSelector's two best faq answers are
within `clarification.faq_ambiguity_threshold`, the bot asks one short question with
both as buttons: "تقصد موعد صرف الدعم، ولا موعد نتيجة الطلب؟". Each button sends the
intent (or the faq answer) itself, so the click goes straight to the answer.

The thresholds live in config.yml and were tuned on the unseen test set's
predictions (`python -m bench.nlu_unseen --tune`), never on training data.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions.answers import CLARIFY_LABELS

CONFIG = Path(__file__).resolve().parent.parent / "config.yml"
FALLBACK_INTENT = "nlu_fallback"
# The entity a button sends to ask for one faq answer by name, without the "faq/"
# prefix ('/faq{"faq_topic":"payment_date"}'); clarifying and detail buttons share it.
FAQ_TOPIC_ENTITY = "faq_topic"

# The buttons' labels (actions.answers.CLARIFY_LABELS); an intent without one is never offered.
LABELS = CLARIFY_LABELS


@lru_cache(maxsize=1)
def thresholds(config_path: Path = CONFIG) -> dict[str, float]:
    """{"threshold", "ambiguity", "faq_ambiguity"} from config.yml, each 0..1.

    `threshold` and `ambiguity` are the FallbackClassifier's own settings;
    `faq_ambiguity` is `clarification.faq_ambiguity_threshold` (0 turns it off).
    """
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    fallback = next((c for c in config.get("pipeline", []) if c.get("name") == "FallbackClassifier"), {})
    return {
        "threshold": float(fallback.get("threshold", 0.3)),
        "ambiguity": float(fallback.get("ambiguity_threshold", 0.1)),
        "faq_ambiguity": float((config.get("clarification") or {}).get("faq_ambiguity_threshold", 0.0)),
    }


def _top_two(ranking: list[dict[str, Any]], key: str) -> tuple[tuple[str, float], tuple[str, float]] | None:
    ranked = [
        (r.get(key), float(r.get("confidence") or 0.0)) for r in ranking if r.get(key) and r.get(key) != FALLBACK_INTENT
    ]
    return (ranked[0], ranked[1]) if len(ranked) >= 2 else None


def close_intents(message: dict[str, Any], ambiguity: float) -> list[str] | None:
    """The two best full labels (intent, or faq/<sub> for faq) when they are within
    `ambiguity` of each other and both can be offered; otherwise None.

    `message` is Rasa's parse data (`tracker.latest_message`).
    """
    pair = _top_two(message.get("intent_ranking") or [], "name")
    if pair is None:
        return None
    (first, p1), (second, p2) = pair
    if p1 - p2 >= ambiguity:
        return None
    labels = [faq_pick(message) if name == "faq" else name for name in (first, second)]
    if any(label not in LABELS for label in labels) or labels[0] == labels[1]:
        return None
    return labels


def close_faq_answers(message: dict[str, Any], faq_ambiguity: float) -> list[str] | None:
    """The ResponseSelector's two best faq answers when within `faq_ambiguity`."""
    selector = (message.get("response_selector") or {}).get("faq") or {}
    pair = _top_two(selector.get("ranking") or [], "intent_response_key")
    if pair is None:
        return None
    (first, p1), (second, p2) = pair
    if p1 - p2 >= faq_ambiguity or first not in LABELS or second not in LABELS:
        return None
    return [first, second]


def faq_pick(message: dict[str, Any]) -> str | None:
    selector = (message.get("response_selector") or {}).get("faq") or {}
    return ((selector.get("response") or {}).get("intent_response_key")) or None


def payload(label: str) -> str:
    """The button payload that sends `label` as if the NLU had been sure of it."""
    if label.startswith("faq/"):
        topic = label[len("faq/") :]
        return "/faq" + json.dumps({FAQ_TOPIC_ENTITY: topic}, ensure_ascii=False, separators=(",", ":"))
    return f"/{label}"


def clarifying_question(labels: list[str]) -> dict[str, Any]:
    """Keyword arguments for `dispatcher.utter_message`: the question and two buttons."""
    first, second = (LABELS[label] for label in labels)
    return {
        "response": "utter_clarify",
        "first": first,
        "second": second,
        "buttons": [{"title": LABELS[label], "payload": payload(label)} for label in labels],
    }


def chosen_faq(message: dict[str, Any]) -> str | None:
    """The faq answer a button asked for by name, e.g. "faq/payment_date", or None."""
    for entity in message.get("entities") or []:
        value = entity.get("value")
        if entity.get("entity") == FAQ_TOPIC_ENTITY and isinstance(value, str) and value.strip():
            return "faq/" + value.strip().removeprefix("faq/")
    return None
