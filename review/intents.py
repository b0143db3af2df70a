"""The intents staff may pick when they correct a message: the contract list plus domain.yml."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from review.settings import REPO_ROOT

CONTRACT_INTENTS = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "stop",
    "human_handoff",
    "out_of_scope",
    "check_eligibility",
    "check_status",
    "inform",
    "ask_why",
    "start_over",
)
FAQ_TOPICS = (
    "about_program",
    "conditions",
    "income_limit",
    "apply_steps",
    "eligibility_inquiry_steps",
    "digital_card",
    "review_period",
    "payment_date",
    "rehabilitation",
    "multiple_families",
    "study_abroad",
    "objection",
    "support_amount",
    "assets_rule",
    "residence_abroad",
    "independent_person",
)
_INTENT_NAME = re.compile(r"^[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)?$")


def _domain_intents(domain_path: Path) -> list[str]:
    try:
        data = yaml.safe_load(domain_path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []
    names = []
    for item in data.get("intents") or []:
        name = next(iter(item)) if isinstance(item, dict) else item
        if isinstance(name, str):
            names.append(name)
    return names


def known_intents(domain_path: Path | None = None) -> list[str]:
    """Sorted names; the retrieval intent faq appears as its sub-intents (faq/apply_steps ...)."""
    names = set(CONTRACT_INTENTS) | {f"faq/{topic}" for topic in FAQ_TOPICS}
    names.update(n for n in _domain_intents(domain_path or REPO_ROOT / "domain.yml") if n != "faq")
    return sorted(n for n in names if _INTENT_NAME.match(n))


def is_known_intent(name: str, domain_path: Path | None = None) -> bool:
    return name in known_intents(domain_path)
