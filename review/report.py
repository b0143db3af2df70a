"""Figures for staff: conversations per day, outcomes, top intents and FAQ topics, fallbacks.

Computed from the precomputed summaries (review.indexer) with a few queries;
no event is read. Days are Riyadh days.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review import outcomes as oc
from review.clock import RIYADH, riyadh_now, riyadh_time
from review.listing import ConversationFilter, conditions
from review.review_db import INDEX_STATE, OUTCOME_ROWS, SUMMARIES, TAGS

TOP = 10
RIYADH_OFFSET = int(RIYADH.utcoffset(None).total_seconds())  # Riyadh days start at 21:00 UTC


def build_report(review: Engine, chosen: ConversationFilter | None = None) -> dict[str, Any]:
    """Plain numbers (JSON-ready) for the conversations matching `chosen`; charts are drawn from these.

    Call review.listing.refresh first to include the newest events.
    """
    where = conditions(chosen or ConversationFilter())
    chosen_ids = sa.select(SUMMARIES.c.sender_id).where(*where)
    days: Counter = Counter()
    intent_json: Counter = Counter()
    faq_json: Counter = Counter()
    to_result: list[int] = []
    with_fallback = total = 0
    with review.connect() as connection:
        for row in connection.execute(
            sa.select(
                SUMMARIES.c.started_at,
                SUMMARIES.c.had_fallback,
                SUMMARIES.c.turns_to_result,
                SUMMARIES.c.intent_counts,
                SUMMARIES.c.faq_counts,
            ).where(*where)
        ):
            total += 1
            days[int((row.started_at + RIYADH_OFFSET) // 86400)] += 1
            # Few distinct count dicts repeat across thousands of conversations: decode each once.
            intent_json[row.intent_counts] += 1
            faq_json[row.faq_counts] += 1
            with_fallback += bool(row.had_fallback)
            if row.turns_to_result is not None:
                to_result.append(row.turns_to_result)
        reached = dict(
            connection.execute(
                sa.select(OUTCOME_ROWS.c.outcome, sa.func.count(sa.distinct(OUTCOME_ROWS.c.sender_id)))
                .where(OUTCOME_ROWS.c.sender_id.in_(chosen_ids))
                .group_by(OUTCOME_ROWS.c.outcome)
            ).all()
        )
        with_any = (
            connection.execute(
                sa.select(sa.func.count(sa.distinct(OUTCOME_ROWS.c.sender_id))).where(
                    OUTCOME_ROWS.c.sender_id.in_(chosen_ids)
                )
            ).scalar()
            or 0
        )
    per_day = {riyadh_time(day * 86400 - RIYADH_OFFSET).date().isoformat(): n for day, n in sorted(days.items())}
    intents = _expand(intent_json)
    # Only messages whose intent was faq are counted here (review.outcomes.faq_key).
    faq_topics = _expand(faq_json)
    outcome_counts = {name: int(reached.get(name, 0)) for name in oc.OUTCOMES}
    outcome_counts["none"] = total - int(with_any)
    return {
        "generated_at": riyadh_now().isoformat(timespec="seconds"),
        "conversations": total,
        "conversations_per_day": per_day,
        "outcomes": outcome_counts,
        "top_intents": intents.most_common(TOP),
        "faq_topics": faq_topics.most_common(TOP),
        "conversations_with_fallback": with_fallback,
        "fallback_rate": round(with_fallback / total, 4) if total else 0.0,
        "eligibility_results": len(to_result),
        "median_turns_to_eligibility_result": _median(to_result),
    }


def _expand(json_counts: Counter) -> Counter:
    """Sum of the decoded {name: count} dicts, each weighted by how many conversations had it."""
    total: Counter = Counter()
    for text, times in json_counts.items():
        for name, count in json.loads(text).items():
            total[name] += count * times
    return total


def index_version(review: Engine) -> tuple:
    """Changes whenever the figures could: the indexer's marks and the newest tag (tags filter)."""
    with review.connect() as connection:
        marks = tuple(connection.execute(sa.select(INDEX_STATE).order_by(INDEX_STATE.c.source)).all())
        newest_tag = connection.execute(sa.select(sa.func.max(TAGS.c.id))).scalar()
    return (*marks, newest_tag)


def cached_report(review: Engine, chosen: ConversationFilter | None = None) -> dict[str, Any]:
    """build_report, reused while nothing was indexed or tagged since (the report page and its
    four charts ask for the same figures five times in a row)."""
    return _cached(review, chosen or ConversationFilter(), index_version(review))


@lru_cache(maxsize=32)
def _cached(review: Engine, chosen: ConversationFilter, version: tuple) -> dict[str, Any]:
    return build_report(review, chosen)


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def write_report(review: Engine, chosen: ConversationFilter, out_dir: Path) -> list[Path]:
    """report.json and one PNG per chart in out_dir; returns the files written."""
    from review.charts import draw_charts

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = build_report(review, chosen)
    written = [out_dir / "report.json"]
    written[0].write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    for name, png in draw_charts(data).items():
        path = out_dir / f"{name}.png"
        path.write_bytes(png)
        written.append(path)
    return written
