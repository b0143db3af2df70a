"""The result cards (design.md "Result payloads") as a few short Arabic text lines, for
channels that cannot draw a card: the terminal chat, transcripts. Never JSON.

The lines follow the web card (webchat/static/cards.js): the state first, then each
failed condition with what the person can do, then the estimated amount (only when
eligible: a refusal never shows "0 ريال"), then the date of the rules.
Payload fields added by issue 10 (`summary_ar`, `failed_reasons`) are used when
present and not required.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from arabic_text.display import display_digits, format_date
from arabic_text.texts import (
    CARD_CONDITION_LABELS,
    CARD_COUNTED,
    CARD_ELIGIBLE,
    CARD_ESTIMATE,
    CARD_FAILED_HEADING,
    CARD_INELIGIBLE,
    CARD_NOTE,
    CARD_RULES,
    CARD_THRESHOLD,
    STATUS_EXPECTED,
    STATUS_REASON,
    STATUS_TITLE,
    STATUS_UNKNOWN,
    STATUS_VALUES,
)


def _amount(value: Any, style: str | None) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return display_digits(f"{round(value):,}", style)


def _iso_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def condition_label(name: str) -> str:
    return CARD_CONDITION_LABELS.get(name, name)


def _failed_lines(payload: Mapping[str, Any], style: str | None) -> list[str]:
    reasons = payload.get("failed_reasons")
    lines: list[str] = []
    if isinstance(reasons, list) and reasons:
        for reason in reasons:
            if not isinstance(reason, Mapping):
                continue
            text = str(reason.get("explanation_ar") or condition_label(str(reason.get("condition", ""))))
            remedy = str(reason.get("remedy_ar") or "").strip()
            lines.append(f"• {text}" + (f" — {remedy}" if remedy else ""))
    else:
        failed = payload.get("failed_conditions")
        for name in failed if isinstance(failed, list) else []:
            lines.append(f"• {condition_label(str(name))}")
    return [display_digits(line, style) for line in lines]


def eligibility_lines(payload: Mapping[str, Any], style: str | None = None) -> list[str]:
    """Short lines for an `eligibility_result` payload (digits in `style`)."""
    eligible = payload.get("eligible") is True
    lines = [CARD_ELIGIBLE if eligible else CARD_INELIGIBLE]
    failed = _failed_lines(payload, style)
    if failed:
        lines += [CARD_FAILED_HEADING, *failed]
    support = _amount(payload.get("estimated_support_sar"), style)
    if eligible and support is not None:
        lines.append(CARD_ESTIMATE.format(amount=support))
    for key, template in (("threshold_sar", CARD_THRESHOLD), ("counted_income_sar", CARD_COUNTED)):
        amount = _amount(payload.get(key), style)
        if amount is not None:
            lines.append(template.format(amount=amount))
    # rules_period since eligibility 2.1.0; older payloads had the date in rules_version.
    rules_date = _iso_date(payload.get("rules_period") or payload.get("rules_version"))
    if rules_date:
        lines.append(CARD_RULES.format(date=format_date(rules_date, style)))
    lines.append(CARD_NOTE)
    return lines


def status_lines(payload: Mapping[str, Any], style: str | None = None) -> list[str]:
    """Short lines for an `application_status` payload; the expected decision date is
    shown Gregorian with its Hijri date, as the ministry dates its decisions."""
    status = str(payload.get("status") or "")
    lines = [STATUS_TITLE.format(status=STATUS_VALUES.get(status, status or STATUS_UNKNOWN))]
    expected = _iso_date(payload.get("decision_expected_by"))
    if expected:
        lines.append(STATUS_EXPECTED.format(date=format_date(expected, style, with_hijri=True)))
    reason = str(payload.get("reason") or "").strip()
    if reason:
        lines.append(display_digits(STATUS_REASON.format(reason=reason), style))
    return lines


def card_lines(custom: Any, style: str | None = None) -> list[str]:
    """Lines for whatever cards a custom payload holds; [] when it holds none."""
    if not isinstance(custom, Mapping):
        return []
    lines: list[str] = []
    if isinstance(custom.get("eligibility_result"), Mapping):
        lines += eligibility_lines(custom["eligibility_result"], style)
    if isinstance(custom.get("application_status"), Mapping):
        lines += status_lines(custom["application_status"], style)
    return lines
