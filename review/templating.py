"""The Jinja2 environment for every HTML the review tool writes (web pages and HTML export)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from review.clock import format_riyadh
from review.texts import (
    FACT_LABELS,
    INBOX_SPEAKERS,
    INBOX_STATES,
    channel_label,
    fact_value,
    faq_label,
    intent_label,
    outcome_label,
    waited,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    # Autoescape everything: transcripts are user-typed text.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        outcome=outcome_label,
        channel=channel_label,
        faq=faq_label,
        intent=intent_label,
        riyadh=format_riyadh,
        lines=text_lines,
        waited=waited,
        fact=fact_value,
        fact_label=lambda slot: FACT_LABELS.get(slot, slot),
        state=lambda name: INBOX_STATES.get(name, name),
        speaker=lambda name: INBOX_SPEAKERS.get(name, name),
    )
    return env


def text_lines(text: str) -> Markup:
    """Message text, escaped, with its line breaks kept as <br> (bot answers are written in lines)."""
    return Markup("<br>").join(escape(line) for line in (text or "").split("\n"))


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
