"""`python -m review report`: report.json figures and PNG charts with Arabic labels."""

from __future__ import annotations

import json
import warnings

import arabic_reshaper
import matplotlib.image
import pytest
from bidi.algorithm import get_display

from review.charts import CHART_NAMES, draw_chart, visual
from review.cli import main

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def report_dir(env, tmp_path):
    out = tmp_path / "report"
    assert main(["report", "--out", str(out)]) == 0
    return out


def test_report_json_counts_conversations_per_riyadh_day(report_dir):
    data = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    assert data["conversations"] == 7
    assert data["conversations_per_day"] == {"2024-03-10": 2, "2024-03-11": 2, "2024-03-12": 2, "2024-03-13": 1}


def test_report_json_counts_outcomes_including_conversations_without_one(report_dir):
    data = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    assert data["outcomes"] == {"eligible": 2, "ineligible": 1, "status_lookup": 1, "handoff": 2, "none": 2}


def test_report_json_lists_top_intents_and_faq_topics_from_the_response_selector(report_dir):
    data = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    assert dict(data["top_intents"]) == {
        "faq": 4,
        "inform": 4,
        "greet": 2,
        "check_eligibility": 2,
        "affirm": 1,
        "deny": 1,
        "check_status": 1,
        "human_handoff": 1,
        "nlu_fallback": 1,
        "out_of_scope": 1,
    }
    counts = [count for _, count in data["top_intents"]]
    assert counts == sorted(counts, reverse=True)
    assert dict(data["faq_topics"]) == {"faq/apply_steps": 2, "faq/payment_date": 1, "faq/eligibility_inquiry_steps": 1}


def test_report_json_gives_fallback_rate_and_median_turns_to_a_result(report_dir):
    data = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    assert data["conversations_with_fallback"] == 1
    assert data["fallback_rate"] == round(1 / 7, 4)
    assert data["eligibility_results"] == 2
    assert data["median_turns_to_eligibility_result"] == 4.0  # 5 and 3 user messages


def test_report_filters_apply_to_the_figures(env, tmp_path):
    out = tmp_path / "only-rest"
    assert main(["report", "--out", str(out), "--channel", "rest"]) == 0
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["conversations"] == 2 and data["median_turns_to_eligibility_result"] == 3.0


def test_every_chart_is_a_valid_non_blank_png(report_dir):
    for name in CHART_NAMES:
        path = report_dir / f"{name}.png"
        assert path.read_bytes()[:8] == PNG_SIGNATURE
        pixels = matplotlib.image.imread(str(path))
        assert pixels.shape[0] >= 400 and pixels.shape[1] >= 700
        assert pixels.std() > 0.01, f"{name} looks blank"


def test_arabic_labels_are_reshaped_into_visual_order():
    label = "نتائج المحادثات"
    assert visual(label) == get_display(arabic_reshaper.reshape(label))
    assert all("\ufe70" <= ch <= "\ufeff" or ch == " " for ch in visual(label)), "joined presentation forms"


def test_charts_draw_every_arabic_glyph_with_the_bundled_font(report_dir):
    data = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name in CHART_NAMES:
            draw_chart(data, name)
    assert not [w for w in caught if "missing from current font" in str(w.message)]


def test_charts_of_an_empty_period_still_render(env, tmp_path):
    out = tmp_path / "empty"
    assert main(["report", "--out", str(out), "--since", "2030-01-01"]) == 0
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["conversations"] == 0 and data["fallback_rate"] == 0.0
    assert (out / "outcomes.png").read_bytes()[:8] == PNG_SIGNATURE
