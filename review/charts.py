"""PNG charts with Arabic labels: reshaped letters (arabic-reshaper) in visual order (python-bidi).

Matplotlib draws characters left to right as given and does not join Arabic
letters, so every Arabic string is shaped and reordered before it is drawn.
DejaVu Sans, bundled with matplotlib, has the Arabic presentation forms.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import arabic_reshaper
import matplotlib

matplotlib.use("Agg")
from bidi.algorithm import get_display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from review.texts import CHART_NO_DATA, CHART_TEXTS, faq_label, intent_label, outcome_label

FONT = "DejaVu Sans"
# A 90-day range would draw 90 rotated labels; every n-th day is enough to read the axis.
MAX_DAY_LABELS = 15
CHART_NAMES = ("conversations_per_day", "outcomes", "top_intents", "faq_topics")


def visual(text: str) -> str:
    """Arabic text as it must be drawn by a renderer that knows no Arabic."""
    return get_display(arabic_reshaper.reshape(text))


def _bar_png(
    labels: Sequence[str], values: Sequence[float], title: str, value_label: str, horizontal: bool = False
) -> bytes:
    figure = Figure(figsize=(8, 4.5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    shown = [visual(label) for label in labels] or [visual(CHART_NO_DATA)]
    numbers = list(values) or [0]
    if horizontal:
        axes.barh(shown[::-1], numbers[::-1], color="#2f6f9f")
        axes.set_xlabel(visual(value_label), fontname=FONT)
    else:
        positions = list(range(len(shown)))
        axes.bar(positions, numbers, color="#2f6f9f")
        axes.set_ylabel(visual(value_label), fontname=FONT)
        step = max(1, -(-len(shown) // MAX_DAY_LABELS))
        axes.set_xticks(positions[::step])
        axes.set_xticklabels(
            shown[::step], rotation=30 if len(shown) > 4 else 0, ha="right" if len(shown) > 4 else "center"
        )
    # Counts are whole numbers: no 0.25-conversation ticks.
    (axes.xaxis if horizontal else axes.yaxis).set_major_locator(MaxNLocator(integer=True))
    for tick in axes.get_xticklabels() + axes.get_yticklabels():
        tick.set_fontname(FONT)
    axes.set_title(visual(title), fontname=FONT, fontsize=14)
    # Fixed margins instead of tight_layout(), which draws the whole figure a second time.
    figure.subplots_adjust(left=0.3 if horizontal else 0.1, right=0.97, top=0.9, bottom=0.12 if horizontal else 0.25)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _pairs(items: list[tuple[str, int]]) -> tuple[list[str], list[int]]:
    return [str(name) for name, _ in items], [int(count) for _, count in items]


def draw_chart(report: dict[str, Any], name: str) -> bytes:
    """One chart (a name from CHART_NAMES) as PNG bytes, from review.report.build_report's numbers.

    The same numbers always give the same picture, so pictures are kept for the
    last few distinct inputs: the report page's four images and a reload cost one drawing each.
    """
    figures = {key: value for key, value in report.items() if key != "generated_at"}
    return _draw_cached(json.dumps(figures, ensure_ascii=False), name)


@lru_cache(maxsize=64)
def _draw_cached(figures_json: str, name: str) -> bytes:
    report = json.loads(figures_json)
    if name == "conversations_per_day":
        per_day = report["conversations_per_day"]
        return _bar_png(list(per_day), list(per_day.values()), *CHART_TEXTS[name])
    if name == "outcomes":
        names = list(report["outcomes"])
        return _bar_png(
            [outcome_label(n) for n in names],
            [report["outcomes"][n] for n in names],
            *CHART_TEXTS[name],
            horizontal=True,
        )
    if name == "top_intents":
        intents, counts = _pairs(report["top_intents"])
        return _bar_png([intent_label(i) for i in intents], counts, *CHART_TEXTS[name], horizontal=True)
    if name == "faq_topics":
        topics, counts = _pairs(report["faq_topics"])
        return _bar_png([faq_label(t) for t in topics], counts, *CHART_TEXTS[name], horizontal=True)
    raise KeyError(name)


def draw_charts(report: dict[str, Any]) -> dict[str, bytes]:
    return {name: draw_chart(report, name) for name in CHART_NAMES}
