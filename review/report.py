"""Figures for staff: conversations per day, outcomes, top intents and FAQ topics, fallbacks."""
from __future__ import annotations

import json
import statistics
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional

from review import outcomes as oc
from review.listing import ConversationSummary
from review.clock import riyadh_now

TOP = 10


def build_report(summaries: List[ConversationSummary]) -> Dict[str, Any]:
    """Plain numbers (JSON-ready); charts are drawn from this by review.charts."""
    per_day: Counter = Counter()
    outcome_counts: Counter = Counter({name: 0 for name in oc.OUTCOMES + ("none",)})
    intents: Counter = Counter()
    faq_topics: Counter = Counter()
    to_result: List[int] = []
    for summary in summaries:
        if summary.started_at:
            per_day[summary.started_at.date().isoformat()] += 1
        outcome_counts.update(summary.outcomes or {"none"})
        intents.update(summary.intent_counts)
        # Only messages whose intent was faq count here (review.outcomes.faq_key).
        faq_topics.update(summary.faq_counts)
        if summary.turns_to_result is not None:
            to_result.append(summary.turns_to_result)
    total = len(summaries)
    with_fallback = sum(1 for s in summaries if s.had_fallback)
    return {
        "generated_at": riyadh_now().isoformat(timespec="seconds"),
        "conversations": total,
        "conversations_per_day": dict(sorted(per_day.items())),
        "outcomes": dict(outcome_counts),
        "top_intents": intents.most_common(TOP),
        "faq_topics": faq_topics.most_common(TOP),
        "conversations_with_fallback": with_fallback,
        "fallback_rate": round(with_fallback / total, 4) if total else 0.0,
        "eligibility_results": len(to_result),
        "median_turns_to_eligibility_result": _median(to_result),
    }


def _median(values: List[int]) -> Optional[float]:
    return float(statistics.median(values)) if values else None


def write_report(summaries: List[ConversationSummary], out_dir: Path) -> List[Path]:
    """report.json and one PNG per chart in out_dir; returns the files written."""
    from review.charts import draw_charts

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = build_report(summaries)
    written = [out_dir / "report.json"]
    written[0].write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    for name, png in draw_charts(data).items():
        path = out_dir / f"{name}.png"
        path.write_bytes(png)
        written.append(path)
    return written
